// Groups. A plain group (GroupType 0) holds registered users of its application; a merged group
// (GroupType 1, CreateGroupWithSubGroup) holds plain groups, and its members are the union of
// its sub-groups' members. That union is worked out when asked rather than copied at creation,
// so a merged group follows later changes to its sub-groups; its own memberIds stay empty.
//
// Every handler checks all of its input before it changes anything: a call either succeeds as
// a whole or leaves the state as it was. Reference line numbers below are those of the API
// reference text (groups at 4812-6269, data types 9128-9153, error codes 9345-).
import type { ActionTable, ParamSpec } from '../types';
import { appOf, fail, page, stateOf } from './common';
import { checkNested } from './roomParams';
import type { AppState, Group } from './state';

/** Array length limits ("Array length limit: N" in the reference). */
const MAX_MEMBER_IDS = 200; // AddGroupMember 4842, BatchAddGroupMember 4955, CreateGroupWithMembers 5317, ...
const MAX_BATCH_DELETE_MEMBER_IDS = 256; // BatchDeleteGroupMember 5201
const MAX_GROUP_IDS = 100; // BatchAddGroupMember 4953, BatchDeleteGroupMember 5199
const MAX_SUB_GROUP_IDS = 40; // CreateGroupWithSubGroup 5436
const MAX_GROUP_BASE_INFOS = 256; // BatchCreateGroupWithMembers 5068

/** DescribeGroupList 5872 and DescribeGroupMemberList 6074: Limit defaults to 20, at most 1000. */
const LIST_PAGING = { page: 1, limit: 20, maxLimit: 1000 };

const GROUP_BASE_INFO: Record<string, ParamSpec> = {
	GroupName: { type: 'String', required: true },
	TeacherId: { type: 'String' },
};

const SDK_APP_ID: ParamSpec = { type: 'Integer', required: true };

/** The members of any group: its own for a plain group, the sub-groups' union for a merged one. */
export function membersOf(app: AppState, group: Group): string[] {
	return group.GroupType === 0 ? group.memberIds : unionOf(app, group.subGroupIds);
}

/** The members of plain groups, each once, in sub-group order then insertion order. */
function unionOf(app: AppState, groupIds: string[]): string[] {
	const seen = new Set<string>();
	for (const groupId of groupIds) {
		for (const userId of app.groups.get(groupId)?.memberIds ?? []) seen.add(userId);
	}
	return [...seen];
}

/** The IDs once each, in first-seen order: repeating an ID in a request is harmless. */
function distinct(ids: string[]): string[] {
	return [...new Set(ids)];
}

function checkNotEmpty(ids: unknown[], name: string): void {
	if (ids.length === 0) fail('InvalidParameterValue', `${name} must not be empty.`);
}

function checkGroupName(name: unknown): string {
	const text = String(name);
	if (text.trim() === '') fail('InvalidParameterValue', 'GroupName must not be empty.');
	return text;
}

/**
 * Checks a MemberIds list: its length and that every user is registered in the application.
 * The member-taking actions all list InvalidParameter.GroupMemberOverLimit (9431), even the
 * removing ones, where it can only mean the list itself is too long.
 */
function checkMembers(app: AppState, memberIds: string[], max = MAX_MEMBER_IDS): string[] {
	if (memberIds.length > max) {
		fail(
			'InvalidParameter.GroupMemberOverLimit',
			`MemberIds may hold at most ${max} users, got ${memberIds.length}.`,
		);
	}
	const unknown = memberIds.filter((userId) => !app.users.has(userId));
	if (unknown.length > 0)
		fail(
			'ResourceNotFound.GroupPartUsersNotExist',
			`These users do not exist: ${unknown.join(', ')}.`,
		);
	return distinct(memberIds);
}

/**
 * The teacher to store: undefined when not given or empty. An unknown teacher fails with
 * InvalidParameter.GroupTeachersNotExist (9434) when creating; ModifyGroup does not list that
 * code but does list ResourceNotFound.GroupPartUsersNotExist (6261), so it passes that one.
 */
function checkTeacher(
	app: AppState,
	teacherId: unknown,
	code = 'InvalidParameter.GroupTeachersNotExist',
): string | undefined {
	if (typeof teacherId !== 'string' || teacherId === '') return undefined;
	if (!app.users.has(teacherId)) fail(code, `The teacher ${teacherId} does not exist.`);
	return teacherId;
}

/**
 * InvalidParameter.GroupTeacherNotMember (9433): a group's teacher may not also be its member.
 * BatchAddGroupMember's error table does not list that code; it passes InvalidParameter, the
 * family the code belongs to.
 */
function checkTeacherNotMember(
	teacherId: string | undefined,
	memberIds: Iterable<string>,
	code = 'InvalidParameter.GroupTeacherNotMember',
): void {
	if (teacherId === undefined) return;
	for (const userId of memberIds) {
		if (userId === teacherId)
			fail(code, `The teacher ${teacherId} cannot be a member of the group.`);
	}
}

function groupOf(app: AppState, groupId: unknown): Group {
	const group = app.groups.get(String(groupId));
	if (!group)
		fail('ResourceNotFound.GroupNotExist', `The group ${String(groupId)} does not exist.`);
	return group;
}

/**
 * A group whose member list may be edited: merged groups take their members from their
 * sub-groups ("You cannot remove members from a merged group", 5644), so they fail with
 * InvalidParameter.GroupTypeInvalid (9435), listed by every member-editing action.
 */
function plainGroupOf(app: AppState, groupId: unknown): Group {
	const group = groupOf(app, groupId);
	if (group.GroupType !== 0)
		fail(
			'InvalidParameter.GroupTypeInvalid',
			`The group ${group.GroupId} is a merged group; edit its sub-groups' members instead.`,
		);
	return group;
}

/** GroupIds of the batch member actions: at most 100, each an existing plain group. */
function plainGroupsOf(app: AppState, groupIds: string[]): Group[] {
	checkNotEmpty(groupIds, 'GroupIds');
	if (groupIds.length > MAX_GROUP_IDS)
		fail(
			'InvalidParameterValue',
			`GroupIds may hold at most ${MAX_GROUP_IDS} groups, got ${groupIds.length}.`,
		);
	return distinct(groupIds).map((groupId) => plainGroupOf(app, groupId));
}

/** Appends the users not yet in the group, keeping the order they were first added in. */
function addMembers(group: Group, memberIds: string[]): void {
	const present = new Set(group.memberIds);
	for (const userId of memberIds) {
		if (!present.has(userId)) {
			present.add(userId);
			group.memberIds.push(userId);
		}
	}
}

function removeMembers(group: Group, memberIds: string[]): void {
	const leaving = new Set(memberIds);
	group.memberIds = group.memberIds.filter((userId) => !leaving.has(userId));
}

function storeGroup(
	app: AppState,
	id: number,
	values: Omit<Group, 'GroupId' | 'SdkAppId' | 'extra'>,
): Group {
	// Not numeric, like LCIC's own IDs: a GroupId is a String and must survive as one.
	const group: Group = { GroupId: `grp${id}`, SdkAppId: app.SdkAppId, ...values, extra: {} };
	app.groups.set(group.GroupId, group);
	return group;
}

/** The fields of DescribeGroup (5764-5768); TeacherId is "" without a teacher, as in 5926-5947. */
function describeGroup(group: Group): Record<string, unknown> {
	return {
		GroupId: group.GroupId,
		GroupName: group.GroupName,
		TeacherId: group.TeacherId ?? '',
		GroupType: group.GroupType,
		SubGroupIds: group.GroupType === 1 ? [...group.subGroupIds] : null,
	};
}

/**
 * GroupInfo (9140-9153). Its SubGroupIds is a String, unlike DescribeGroup's array, and so it is
 * in Tencent's SDK model too: a merged group's sub-group IDs come comma-separated. Plain groups
 * answer null, as in the DescribeGroupList examples.
 */
function groupInfo(group: Group): Record<string, unknown> {
	return {
		...describeGroup(group),
		SubGroupIds: group.GroupType === 1 ? group.subGroupIds.join(',') : null,
	};
}

export const groupActions: ActionTable = {
	CreateGroupWithMembers: {
		params: {
			GroupName: { type: 'String', required: true },
			SdkAppId: SDK_APP_ID,
			TeacherId: { type: 'String' },
			MemberIds: { type: 'Array of String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const name = checkGroupName(ctx.params.GroupName);
			const teacherId = checkTeacher(app, ctx.params.TeacherId);
			// A group may start empty: members can be added later (AddGroupMember).
			const memberIds = checkMembers(app, (ctx.params.MemberIds as string[] | undefined) ?? []);
			checkTeacherNotMember(teacherId, memberIds);
			const id = stateOf(ctx).nextId('group');
			const group = storeGroup(app, id, {
				GroupName: name,
				TeacherId: teacherId,
				GroupType: 0,
				memberIds,
				subGroupIds: [],
			});
			return { GroupId: group.GroupId };
		},
	},

	BatchCreateGroupWithMembers: {
		params: {
			SdkAppId: SDK_APP_ID,
			GroupBaseInfos: { type: 'Array of Object', required: true },
			MemberIds: { type: 'Array of String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const infos = ctx.params.GroupBaseInfos as unknown[];
			checkNotEmpty(infos, 'GroupBaseInfos');
			if (infos.length > MAX_GROUP_BASE_INFOS) {
				fail(
					'InvalidParameterValue',
					`GroupBaseInfos may hold at most ${MAX_GROUP_BASE_INFOS} groups, got ${infos.length}.`,
				);
			}
			// MemberIds go into every group created.
			const memberIds = checkMembers(app, (ctx.params.MemberIds as string[] | undefined) ?? []);
			const groups = infos.map((info, i) => {
				const values = checkNested(info, GROUP_BASE_INFO, `GroupBaseInfos.${i}`);
				const teacherId = checkTeacher(app, values.TeacherId);
				checkTeacherNotMember(teacherId, memberIds);
				return { GroupName: checkGroupName(values.GroupName), TeacherId: teacherId };
			});
			const state = stateOf(ctx);
			const ids = groups.map(
				(g) =>
					storeGroup(app, state.nextId('group'), {
						...g,
						GroupType: 0,
						memberIds: [...memberIds],
						subGroupIds: [],
					}).GroupId,
			);
			// Same order as GroupBaseInfos (5074).
			return { GroupIds: ids };
		},
	},

	CreateGroupWithSubGroup: {
		params: {
			GroupName: { type: 'String', required: true },
			SdkAppId: SDK_APP_ID,
			SubGroupIds: { type: 'Array of String', required: true },
			TeacherId: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const name = checkGroupName(ctx.params.GroupName);
			const subGroupIds = ctx.params.SubGroupIds as string[];
			checkNotEmpty(subGroupIds, 'SubGroupIds');
			if (subGroupIds.length > MAX_SUB_GROUP_IDS) {
				fail(
					'InvalidParameterValue',
					`SubGroupIds may hold at most ${MAX_SUB_GROUP_IDS} groups, got ${subGroupIds.length}.`,
				);
			}
			// "Duplicate group IDs are not allowed" (5436).
			if (distinct(subGroupIds).length !== subGroupIds.length)
				fail('InvalidParameterValue', 'SubGroupIds must not repeat a group.');
			// Merging merged groups is refused, which keeps a merged group's members one level deep.
			for (const subGroupId of subGroupIds) plainGroupOf(app, subGroupId);
			const teacherId = checkTeacher(app, ctx.params.TeacherId);
			checkTeacherNotMember(teacherId, unionOf(app, subGroupIds));
			const id = stateOf(ctx).nextId('group');
			const group = storeGroup(app, id, {
				GroupName: name,
				TeacherId: teacherId,
				GroupType: 1,
				memberIds: [],
				subGroupIds: [...subGroupIds],
			});
			return { GroupId: group.GroupId };
		},
	},

	DeleteGroup: {
		params: {
			GroupIds: { type: 'Array of String', required: true },
			SdkAppId: SDK_APP_ID,
		},
		handler(ctx) {
			const app = appOf(ctx);
			const groupIds = distinct(ctx.params.GroupIds as string[]);
			checkNotEmpty(groupIds, 'GroupIds');
			// Check every ID first so that a bad one deletes nothing.
			for (const groupId of groupIds) groupOf(app, groupId);
			const deleted = new Set(groupIds);
			for (const groupId of groupIds) app.groups.delete(groupId);
			// A merged group forgets the sub-groups that are gone, so DescribeGroup never names them.
			for (const group of app.groups.values()) {
				if (group.GroupType === 1)
					group.subGroupIds = group.subGroupIds.filter((id) => !deleted.has(id));
			}
			return {};
		},
	},

	ModifyGroup: {
		params: {
			GroupId: { type: 'String', required: true },
			SdkAppId: SDK_APP_ID,
			TeacherId: { type: 'String' },
			GroupName: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const group = groupOf(app, ctx.params.GroupId);
			// An empty string leaves the field as it was, as an unset parameter does.
			const teacherId = checkTeacher(
				app,
				ctx.params.TeacherId,
				'ResourceNotFound.GroupPartUsersNotExist',
			);
			if (teacherId !== undefined) {
				checkTeacherNotMember(teacherId, membersOf(app, group));
				group.TeacherId = teacherId;
			}
			const name = ctx.params.GroupName;
			if (typeof name === 'string' && name.trim() !== '') group.GroupName = name;
			return {};
		},
	},

	DescribeGroup: {
		params: {
			GroupId: { type: 'String', required: true },
			SdkAppId: SDK_APP_ID,
		},
		handler(ctx) {
			return describeGroup(groupOf(appOf(ctx), ctx.params.GroupId));
		},
	},

	DescribeGroupList: {
		params: {
			SdkAppId: SDK_APP_ID,
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
			TeacherId: { type: 'String' },
			MemberId: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const { TeacherId: teacherId, MemberId: memberId } = ctx.params;
			let groups = [...app.groups.values()];
			// TeacherId and MemberId are exclusive; with both, only TeacherId counts (5873-5875).
			if (typeof teacherId === 'string' && teacherId !== '') {
				groups = groups.filter((g) => g.TeacherId === teacherId);
			} else if (typeof memberId === 'string' && memberId !== '') {
				groups = groups.filter((g) => membersOf(app, g).includes(memberId));
			}
			const shown = page(groups, ctx.params.Page, ctx.params.Limit, LIST_PAGING);
			return { Total: groups.length, GroupInfos: shown.map(groupInfo) };
		},
	},

	DescribeGroupMemberList: {
		params: {
			GroupId: { type: 'String', required: true },
			SdkAppId: SDK_APP_ID,
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const members = membersOf(app, groupOf(app, ctx.params.GroupId));
			return {
				Total: members.length,
				MemberIds: page(members, ctx.params.Page, ctx.params.Limit, LIST_PAGING),
			};
		},
	},

	AddGroupMember: {
		params: {
			GroupId: { type: 'String', required: true },
			SdkAppId: SDK_APP_ID,
			MemberIds: { type: 'Array of String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const group = plainGroupOf(app, ctx.params.GroupId);
			const memberIds = checkMembers(app, ctx.params.MemberIds as string[]);
			checkNotEmpty(memberIds, 'MemberIds');
			checkTeacherNotMember(group.TeacherId, memberIds);
			addMembers(group, memberIds);
			return {};
		},
	},

	BatchAddGroupMember: {
		params: {
			GroupIds: { type: 'Array of String', required: true },
			SdkAppId: SDK_APP_ID,
			MemberIds: { type: 'Array of String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const groups = plainGroupsOf(app, ctx.params.GroupIds as string[]);
			const memberIds = checkMembers(app, ctx.params.MemberIds as string[]);
			checkNotEmpty(memberIds, 'MemberIds');
			for (const group of groups)
				checkTeacherNotMember(group.TeacherId, memberIds, 'InvalidParameter');
			for (const group of groups) addMembers(group, memberIds);
			return {};
		},
	},

	DeleteGroupMember: {
		params: {
			GroupId: { type: 'String', required: true },
			SdkAppId: SDK_APP_ID,
			MemberIds: { type: 'Array of String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const group = plainGroupOf(app, ctx.params.GroupId);
			const memberIds = checkMembers(app, ctx.params.MemberIds as string[]);
			checkNotEmpty(memberIds, 'MemberIds');
			// Removing a registered user who is not a member is a no-op, not an error.
			removeMembers(group, memberIds);
			return {};
		},
	},

	BatchDeleteGroupMember: {
		params: {
			GroupIds: { type: 'Array of String', required: true },
			SdkAppId: SDK_APP_ID,
			MemberIds: { type: 'Array of String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const groups = plainGroupsOf(app, ctx.params.GroupIds as string[]);
			const memberIds = checkMembers(
				app,
				ctx.params.MemberIds as string[],
				MAX_BATCH_DELETE_MEMBER_IDS,
			);
			checkNotEmpty(memberIds, 'MemberIds');
			for (const group of groups) removeMembers(group, memberIds);
			return {};
		},
	},
};
