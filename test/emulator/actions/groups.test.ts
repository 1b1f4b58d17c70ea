import { checkParams } from '../paramCheck';
import { LcicError } from '../types';
import { groupActions } from './groups';
import { ACCOUNT, OTHER_ACCOUNT, directEmulator, type DirectEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

function users(h: DirectEmulator, count: number, prefix = 'u'): string[] {
	const ids = Array.from({ length: count }, (_v, i) => `${prefix}${i + 1}`);
	for (const id of ids) h.addUser(id);
	return ids;
}

function create(h: DirectEmulator, extra: Record<string, unknown> = {}): string {
	return h.call('CreateGroupWithMembers', { GroupName: 'class', SdkAppId: SDK, ...extra })
		.GroupId as string;
}

/** What the server would answer from the ParamSpec alone, before the handler runs. */
function gatewayErrorOf(action: string, params: Record<string, unknown>): string | undefined {
	try {
		checkParams(params, groupActions[action].params);
	} catch (error) {
		if (error instanceof LcicError) return error.code;
		throw error;
	}
	return undefined;
}

describe('group actions', () => {
	it('implements the 12 group actions of the reference', () => {
		expect(Object.keys(groupActions).sort()).toEqual([
			'AddGroupMember',
			'BatchAddGroupMember',
			'BatchCreateGroupWithMembers',
			'BatchDeleteGroupMember',
			'CreateGroupWithMembers',
			'CreateGroupWithSubGroup',
			'DeleteGroup',
			'DeleteGroupMember',
			'DescribeGroup',
			'DescribeGroupList',
			'DescribeGroupMemberList',
			'ModifyGroup',
		]);
		// DescribeGroupList filters by TeacherId or MemberId; there is no GroupType parameter.
		expect(
			gatewayErrorOf('DescribeGroupList', { SdkAppId: SDK, MemberId: 'u1', Page: 1, Limit: 5 }),
		).toBeUndefined();
		expect(gatewayErrorOf('DescribeGroupList', { SdkAppId: SDK, GroupType: 1 })).toBe(
			'UnknownParameter',
		);
		expect(gatewayErrorOf('CreateGroupWithSubGroup', { GroupName: 'x', SdkAppId: SDK })).toBe(
			'MissingParameter',
		);
		expect(gatewayErrorOf('AddGroupMember', { GroupId: 'g', SdkAppId: SDK, MemberIds: [1] })).toBe(
			'InvalidParameter',
		);
	});
});

describe('creating groups', () => {
	it('creates a group with a teacher and members, and describes it', () => {
		const h = directEmulator();
		const [teacher, ...members] = users(h, 3);
		const groupId = create(h, { TeacherId: teacher, MemberIds: [...members, members[0]] });
		expect(typeof groupId).toBe('string');
		expect(h.app.groups.get(groupId)).toMatchObject({
			GroupName: 'class',
			TeacherId: teacher,
			GroupType: 0,
			memberIds: members,
			subGroupIds: [],
		});
		expect(h.call('DescribeGroup', { GroupId: groupId, SdkAppId: SDK })).toEqual({
			GroupId: groupId,
			GroupName: 'class',
			TeacherId: teacher,
			GroupType: 0,
			SubGroupIds: null,
		});
		// An empty group is allowed: members can come later.
		const empty = create(h);
		expect(empty).not.toBe(groupId);
		expect(h.call('DescribeGroup', { GroupId: empty, SdkAppId: SDK }).TeacherId).toBe('');
	});

	it('rejects unknown people, a teacher among the members and too many members', () => {
		const h = directEmulator();
		const ids = users(h, 201);
		expect(
			h.errorOf('CreateGroupWithMembers', {
				GroupName: 'g',
				SdkAppId: SDK,
				MemberIds: ['u1', 'ghost'],
			}),
		).toBe('ResourceNotFound.GroupPartUsersNotExist');
		expect(
			h.errorOf('CreateGroupWithMembers', { GroupName: 'g', SdkAppId: SDK, TeacherId: 'ghost' }),
		).toBe('InvalidParameter.GroupTeachersNotExist');
		expect(
			h.errorOf('CreateGroupWithMembers', {
				GroupName: 'g',
				SdkAppId: SDK,
				TeacherId: 'u1',
				MemberIds: ['u1', 'u2'],
			}),
		).toBe('InvalidParameter.GroupTeacherNotMember');
		expect(
			h.errorOf('CreateGroupWithMembers', { GroupName: 'g', SdkAppId: SDK, MemberIds: ids }),
		).toBe('InvalidParameter.GroupMemberOverLimit');
		expect(h.errorOf('CreateGroupWithMembers', { GroupName: ' ', SdkAppId: SDK })).toBe(
			'InvalidParameterValue',
		);
		expect(
			h.errorOf('CreateGroupWithMembers', { GroupName: 'g', SdkAppId: OTHER_ACCOUNT.sdkAppId }),
		).toBe('InvalidParameter.SdkAppId');
		expect(h.app.groups.size).toBe(0);
		expect(h.app.groups.get(create(h, { MemberIds: ids.slice(0, 200) }))?.memberIds).toHaveLength(
			200,
		);
	});

	it('creates groups in a batch, in input order, each with the shared members', () => {
		const h = directEmulator();
		const [teacher, a, b] = users(h, 3);
		const out = h.call('BatchCreateGroupWithMembers', {
			SdkAppId: SDK,
			GroupBaseInfos: [{ GroupName: 'one', TeacherId: teacher }, { GroupName: 'two' }],
			MemberIds: [a, b],
		});
		const ids = out.GroupIds as string[];
		expect(ids.map((id) => h.app.groups.get(id)?.GroupName)).toEqual(['one', 'two']);
		expect(ids.map((id) => h.app.groups.get(id)?.TeacherId)).toEqual([teacher, undefined]);
		expect(ids.map((id) => h.app.groups.get(id)?.memberIds)).toEqual([
			[a, b],
			[a, b],
		]);
		// Each group owns its list: changing one leaves the other alone.
		h.call('DeleteGroupMember', { GroupId: ids[0], SdkAppId: SDK, MemberIds: [a] });
		expect(h.app.groups.get(ids[1])?.memberIds).toEqual([a, b]);
	});

	it('creates nothing when one group of the batch is wrong', () => {
		const h = directEmulator();
		users(h, 1);
		const batch = (infos: unknown[], extra: Record<string, unknown> = {}) =>
			h.errorOf('BatchCreateGroupWithMembers', { SdkAppId: SDK, GroupBaseInfos: infos, ...extra });
		expect(batch([{ GroupName: 'ok' }, { GroupName: 'bad', TeacherId: 'ghost' }])).toBe(
			'InvalidParameter.GroupTeachersNotExist',
		);
		expect(batch([{ GroupName: 'ok' }, { TeacherId: 'u1' }])).toBe('MissingParameter');
		expect(batch([{ GroupName: 'ok', Colour: 'red' }])).toBe('UnknownParameter');
		expect(batch([{ GroupName: 'ok', TeacherId: 'u1' }], { MemberIds: ['u1'] })).toBe(
			'InvalidParameter.GroupTeacherNotMember',
		);
		expect(batch([])).toBe('InvalidParameterValue');
		expect(batch(Array.from({ length: 257 }, (_v, i) => ({ GroupName: `g${i}` })))).toBe(
			'InvalidParameterValue',
		);
		expect(h.app.groups.size).toBe(0);
		expect(
			h.call('BatchCreateGroupWithMembers', {
				SdkAppId: SDK,
				GroupBaseInfos: Array.from({ length: 256 }, (_v, i) => ({ GroupName: `g${i}` })),
			}).GroupIds,
		).toHaveLength(256);
	});
});

describe('merged groups', () => {
	it("merges plain groups; their members, as they change, are the merged group's", () => {
		const h = directEmulator();
		const [a, b, c, teacher] = users(h, 4);
		const first = create(h, { MemberIds: [a, b] });
		const second = create(h, { MemberIds: [b, c] });
		const merged = h.call('CreateGroupWithSubGroup', {
			GroupName: 'year',
			SdkAppId: SDK,
			SubGroupIds: [first, second],
			TeacherId: teacher,
		}).GroupId as string;
		expect(h.app.groups.get(merged)).toMatchObject({
			GroupType: 1,
			subGroupIds: [first, second],
			TeacherId: teacher,
		});
		expect(h.call('DescribeGroup', { GroupId: merged, SdkAppId: SDK })).toMatchObject({
			GroupType: 1,
			SubGroupIds: [first, second],
		});
		expect(h.call('DescribeGroupMemberList', { GroupId: merged, SdkAppId: SDK })).toEqual({
			Total: 3,
			MemberIds: [a, b, c],
		});
		h.call('DeleteGroupMember', { GroupId: first, SdkAppId: SDK, MemberIds: [a] });
		expect(h.call('DescribeGroupMemberList', { GroupId: merged, SdkAppId: SDK }).MemberIds).toEqual(
			[b, c],
		);
		// Its members come from the sub-groups only.
		expect(h.errorOf('AddGroupMember', { GroupId: merged, SdkAppId: SDK, MemberIds: [a] })).toBe(
			'InvalidParameter.GroupTypeInvalid',
		);
		expect(h.errorOf('DeleteGroupMember', { GroupId: merged, SdkAppId: SDK, MemberIds: [b] })).toBe(
			'InvalidParameter.GroupTypeInvalid',
		);
		expect(
			h.errorOf('BatchAddGroupMember', {
				GroupIds: [first, merged],
				SdkAppId: SDK,
				MemberIds: [a],
			}),
		).toBe('InvalidParameter.GroupTypeInvalid');
		expect(h.app.groups.get(first)?.memberIds).toEqual([b]);
	});

	it('checks the sub-groups and the teacher', () => {
		const h = directEmulator();
		const [a] = users(h, 1);
		const plain = create(h, { MemberIds: [a] });
		const merge = (subGroupIds: string[], extra: Record<string, unknown> = {}) =>
			h.errorOf('CreateGroupWithSubGroup', {
				GroupName: 'm',
				SdkAppId: SDK,
				SubGroupIds: subGroupIds,
				...extra,
			});
		expect(merge([plain, plain])).toBe('InvalidParameterValue');
		expect(merge([])).toBe('InvalidParameterValue');
		expect(merge([plain, 'nogroup'])).toBe('ResourceNotFound.GroupNotExist');
		expect(merge([plain], { TeacherId: a })).toBe('InvalidParameter.GroupTeacherNotMember');
		expect(merge([plain], { TeacherId: 'ghost' })).toBe('InvalidParameter.GroupTeachersNotExist');
		const merged = h.call('CreateGroupWithSubGroup', {
			GroupName: 'm',
			SdkAppId: SDK,
			SubGroupIds: [plain],
		}).GroupId as string;
		expect(merge([merged])).toBe('InvalidParameter.GroupTypeInvalid');
		const many = Array.from({ length: 41 }, () => create(h));
		expect(merge(many)).toBe('InvalidParameterValue');
		const forty = h.call('CreateGroupWithSubGroup', {
			GroupName: 'm',
			SdkAppId: SDK,
			SubGroupIds: many.slice(0, 40),
		}).GroupId as string;
		expect(h.app.groups.get(forty)?.subGroupIds).toHaveLength(40);
	});
});

describe('members', () => {
	it('adds members idempotently in insertion order and removes them', () => {
		const h = directEmulator();
		const [a, b, c] = users(h, 3);
		const groupId = create(h, { MemberIds: [b] });
		h.call('AddGroupMember', { GroupId: groupId, SdkAppId: SDK, MemberIds: [c, a, b, c] });
		expect(h.app.groups.get(groupId)?.memberIds).toEqual([b, c, a]);
		h.call('DeleteGroupMember', { GroupId: groupId, SdkAppId: SDK, MemberIds: [c] });
		// Removing someone who is not a member is harmless.
		h.call('DeleteGroupMember', { GroupId: groupId, SdkAppId: SDK, MemberIds: [c] });
		expect(h.app.groups.get(groupId)?.memberIds).toEqual([b, a]);
	});

	it('rejects unknown users, groups, the teacher and over-long lists without changing anything', () => {
		const h = directEmulator();
		const ids = users(h, 257);
		const groupId = create(h, { TeacherId: 'u257', MemberIds: ['u1'] });
		const add = (params: Record<string, unknown>) =>
			h.errorOf('AddGroupMember', { GroupId: groupId, SdkAppId: SDK, ...params });
		expect(add({ MemberIds: ['u2', 'ghost'] })).toBe('ResourceNotFound.GroupPartUsersNotExist');
		expect(add({ MemberIds: ['u2', 'u257'] })).toBe('InvalidParameter.GroupTeacherNotMember');
		expect(add({ MemberIds: ids.slice(0, 201) })).toBe('InvalidParameter.GroupMemberOverLimit');
		expect(add({ MemberIds: [] })).toBe('InvalidParameterValue');
		expect(add({ GroupId: 'nogroup', MemberIds: ['u2'] })).toBe('ResourceNotFound.GroupNotExist');
		expect(
			h.errorOf('DeleteGroupMember', { GroupId: groupId, SdkAppId: SDK, MemberIds: ['ghost'] }),
		).toBe('ResourceNotFound.GroupPartUsersNotExist');
		expect(
			h.errorOf('DeleteGroupMember', {
				GroupId: groupId,
				SdkAppId: SDK,
				MemberIds: ids.slice(0, 201),
			}),
		).toBe('InvalidParameter.GroupMemberOverLimit');
		expect(h.app.groups.get(groupId)?.memberIds).toEqual(['u1']);
		h.call('AddGroupMember', { GroupId: groupId, SdkAppId: SDK, MemberIds: ids.slice(1, 201) });
		expect(h.app.groups.get(groupId)?.memberIds).toHaveLength(201);
	});

	it('adds to and removes from many groups at once, all or nothing', () => {
		const h = directEmulator();
		const ids = users(h, 257);
		const [g1, g2] = [create(h), create(h, { MemberIds: ['u3'] })];
		h.call('BatchAddGroupMember', {
			GroupIds: [g1, g2, g1],
			SdkAppId: SDK,
			MemberIds: ['u1', 'u2'],
		});
		expect(h.app.groups.get(g1)?.memberIds).toEqual(['u1', 'u2']);
		expect(h.app.groups.get(g2)?.memberIds).toEqual(['u3', 'u1', 'u2']);
		expect(
			h.errorOf('BatchAddGroupMember', {
				GroupIds: [g1, 'nogroup'],
				SdkAppId: SDK,
				MemberIds: ['u4'],
			}),
		).toBe('ResourceNotFound.GroupNotExist');
		expect(
			h.errorOf('BatchAddGroupMember', {
				GroupIds: [g1],
				SdkAppId: SDK,
				MemberIds: ids.slice(0, 201),
			}),
		).toBe('InvalidParameter.GroupMemberOverLimit');
		expect(
			h.errorOf('BatchAddGroupMember', {
				GroupIds: Array<string>(101).fill(g1),
				SdkAppId: SDK,
				MemberIds: ['u4'],
			}),
		).toBe('InvalidParameterValue');
		expect(h.app.groups.get(g1)?.memberIds).toEqual(['u1', 'u2']);
		// BatchDeleteGroupMember takes up to 256 members (5201), not 200.
		h.call('BatchDeleteGroupMember', {
			GroupIds: [g1, g2],
			SdkAppId: SDK,
			MemberIds: ids.slice(1, 257),
		});
		expect(h.app.groups.get(g1)?.memberIds).toEqual(['u1']);
		expect(h.app.groups.get(g2)?.memberIds).toEqual(['u1']);
		expect(
			h.errorOf('BatchDeleteGroupMember', { GroupIds: [g1], SdkAppId: SDK, MemberIds: ids }),
		).toBe('InvalidParameter.GroupMemberOverLimit');
		expect(
			h.errorOf('BatchDeleteGroupMember', { GroupIds: [], SdkAppId: SDK, MemberIds: ['u1'] }),
		).toBe('InvalidParameterValue');
	});

	it('keeps a 1,000-member roster in order and pages through it', () => {
		const h = directEmulator();
		const ids = users(h, 1000, 's');
		const groupId = create(h);
		for (let i = 0; i < ids.length; i += 200) {
			h.call('AddGroupMember', {
				GroupId: groupId,
				SdkAppId: SDK,
				MemberIds: ids.slice(i, i + 200),
			});
		}
		h.call('AddGroupMember', { GroupId: groupId, SdkAppId: SDK, MemberIds: ids.slice(0, 200) });
		expect(h.app.groups.get(groupId)?.memberIds).toEqual(ids);
		const list = (params: Record<string, unknown>) =>
			h.call('DescribeGroupMemberList', { GroupId: groupId, SdkAppId: SDK, ...params });
		expect(list({})).toEqual({ Total: 1000, MemberIds: ids.slice(0, 20) });
		expect(list({ Page: 3, Limit: 300 }).MemberIds).toEqual(ids.slice(600, 900));
		expect(list({ Limit: 1000 }).MemberIds).toEqual(ids);
		expect(list({ Page: 2, Limit: 1000 })).toEqual({ Total: 1000, MemberIds: [] });
		expect(
			h.errorOf('DescribeGroupMemberList', { GroupId: groupId, SdkAppId: SDK, Limit: 1001 }),
		).toBe('InvalidParameterValue');
		expect(h.errorOf('DescribeGroupMemberList', { GroupId: 'nogroup', SdkAppId: SDK })).toBe(
			'ResourceNotFound.GroupNotExist',
		);
	});
});

describe('listing, changing and deleting groups', () => {
	it('lists groups as GroupInfo, filtered by teacher or member', () => {
		const h = directEmulator();
		const [t1, t2, a] = users(h, 3);
		const g1 = create(h, { GroupName: 'one', TeacherId: t1 });
		const g2 = create(h, { GroupName: 'two', TeacherId: t2, MemberIds: [a] });
		const merged = h.call('CreateGroupWithSubGroup', {
			GroupName: 'both',
			SdkAppId: SDK,
			SubGroupIds: [g1, g2],
		}).GroupId as string;
		const list = (params: Record<string, unknown> = {}) =>
			h.call('DescribeGroupList', { SdkAppId: SDK, ...params });
		expect(list()).toEqual({
			Total: 3,
			GroupInfos: [
				{ GroupId: g1, GroupName: 'one', TeacherId: t1, GroupType: 0, SubGroupIds: null },
				{ GroupId: g2, GroupName: 'two', TeacherId: t2, GroupType: 0, SubGroupIds: null },
				// GroupInfo.SubGroupIds is a String in the reference (9153) and the SDK model.
				{
					GroupId: merged,
					GroupName: 'both',
					TeacherId: '',
					GroupType: 1,
					SubGroupIds: `${g1},${g2}`,
				},
			],
		});
		expect(list({ Page: 2, Limit: 2 })).toMatchObject({
			Total: 3,
			GroupInfos: [{ GroupId: merged }],
		});
		expect(list({ TeacherId: t1 })).toMatchObject({ Total: 1, GroupInfos: [{ GroupId: g1 }] });
		// A member is in the plain group and in the merged group made from it.
		expect(
			(list({ MemberId: a }).GroupInfos as Array<{ GroupId: string }>).map((g) => g.GroupId),
		).toEqual([g2, merged]);
		// With both filters only TeacherId counts (5873).
		expect(list({ TeacherId: t1, MemberId: a }).Total).toBe(1);
		expect(h.errorOf('DescribeGroupList', { SdkAppId: SDK, Limit: 1001 })).toBe(
			'InvalidParameterValue',
		);
	});

	it('renames a group and changes its teacher', () => {
		const h = directEmulator();
		const [t1, t2, a] = users(h, 3);
		const groupId = create(h, { TeacherId: t1, MemberIds: [a] });
		h.call('ModifyGroup', { GroupId: groupId, SdkAppId: SDK, GroupName: 'renamed' });
		expect(h.app.groups.get(groupId)).toMatchObject({ GroupName: 'renamed', TeacherId: t1 });
		h.call('ModifyGroup', { GroupId: groupId, SdkAppId: SDK, TeacherId: t2, GroupName: '' });
		expect(h.app.groups.get(groupId)).toMatchObject({ GroupName: 'renamed', TeacherId: t2 });
		expect(h.errorOf('ModifyGroup', { GroupId: groupId, SdkAppId: SDK, TeacherId: a })).toBe(
			'InvalidParameter.GroupTeacherNotMember',
		);
		expect(h.errorOf('ModifyGroup', { GroupId: groupId, SdkAppId: SDK, TeacherId: 'ghost' })).toBe(
			'ResourceNotFound.GroupPartUsersNotExist',
		);
		expect(h.errorOf('ModifyGroup', { GroupId: 'nogroup', SdkAppId: SDK, GroupName: 'x' })).toBe(
			'ResourceNotFound.GroupNotExist',
		);
		expect(h.app.groups.get(groupId)?.TeacherId).toBe(t2);
	});

	it('deletes groups only when every ID exists, and merged groups forget them', () => {
		const h = directEmulator();
		const [g1, g2, g3] = [create(h), create(h), create(h)];
		const merged = h.call('CreateGroupWithSubGroup', {
			GroupName: 'm',
			SdkAppId: SDK,
			SubGroupIds: [g1, g2],
		}).GroupId as string;
		expect(h.errorOf('DeleteGroup', { GroupIds: [g1, 'nogroup'], SdkAppId: SDK })).toBe(
			'ResourceNotFound.GroupNotExist',
		);
		expect(h.errorOf('DeleteGroup', { GroupIds: [], SdkAppId: SDK })).toBe('InvalidParameterValue');
		expect(h.app.groups.size).toBe(4);
		h.call('DeleteGroup', { GroupIds: [g1, g3, g1], SdkAppId: SDK });
		expect([...h.app.groups.keys()]).toEqual([g2, merged]);
		expect(h.call('DescribeGroup', { GroupId: merged, SdkAppId: SDK }).SubGroupIds).toEqual([g2]);
		expect(h.errorOf('DescribeGroup', { GroupId: g1, SdkAppId: SDK })).toBe(
			'ResourceNotFound.GroupNotExist',
		);
	});

	it("keeps each application's groups to itself", () => {
		const h = directEmulator();
		const groupId = create(h);
		expect(
			h.errorOf(
				'DescribeGroup',
				{ GroupId: groupId, SdkAppId: OTHER_ACCOUNT.sdkAppId },
				OTHER_ACCOUNT,
			),
		).toBe('ResourceNotFound.GroupNotExist');
		expect(h.errorOf('DescribeGroup', { GroupId: groupId, SdkAppId: OTHER_ACCOUNT.sdkAppId })).toBe(
			'InvalidParameter.SdkAppId',
		);
	});
});
