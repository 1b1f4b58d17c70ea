// Every operation of the catalog, run through n8n's WorkflowExecute against the emulator with
// the node's own parameters, and checked against what the emulator then holds. Plus: every
// action of the API reference is reachable from some operation.
import type { IDataObject } from 'n8n-workflow';

import { OPERATIONS, type OperationSpec } from '../../nodes/Lcic/catalog';
import { changesExisting } from '../../nodes/Lcic/params/emptyValues';
import { callsOf, REFERENCE_ACTIONS, useEmulator } from '../harness';
import { LINK_SCENARIOS } from './scenarios/links';
import { RECORD_SCENARIOS } from './scenarios/record';
import { ROOM_SCENARIOS } from './scenarios/room';
import { checkOutputTimes, pathOfTime } from './scenarios/times';
import { returnAll, type Scenario } from './scenarios/types';
import { USER_GROUP_APP_SCENARIOS } from './scenarios/userGroupApp';

const SCENARIOS: Record<string, Scenario> = {
	...ROOM_SCENARIOS,
	...USER_GROUP_APP_SCENARIOS,
	...RECORD_SCENARIOS,
	...LINK_SCENARIOS,
	// ---- login
	LoginUser: {
		prepare: async (s) => ({ values: { UserId: await s.user() } }),
		check: ([out], _s, v) => {
			expect(out.UserId).toBe(v.UserId);
			expect(out.Token).toEqual(expect.any(String));
		},
	},
	LoginOriginId: {
		prepare: async (s) => {
			const OriginId = s.unique('origin');
			await s.user({ OriginId });
			return { values: { OriginId } };
		},
		check: ([out], s, v) => {
			expect(s.app.usersByOrigin.get(String(v.OriginId))).toBe(out.UserId);
			expect(out.Token).toEqual(expect.any(String));
		},
	},

	// ---- rooms
	CreateRoom: {
		prepare: async (s) => {
			const now = await s.now();
			return {
				values: {
					Name: s.unique('maths'),
					// ISO text in, epoch seconds out
					StartTime: new Date((now + 3600) * 1000).toISOString(),
					EndTime: now + 7200,
					Resolution: 1,
					MaxMicNumber: 1,
					SubType: 'videodoc',
				},
			};
		},
		check: async ([out], s, v) => {
			const room = s.app.rooms.get(Number(out.RoomId));
			expect(room?.Name).toBe(v.Name);
			expect(room?.StartTime).toBe(Number(v.EndTime) - 3600);
			expect(room?.EndTime).toBe(v.EndTime);
		},
	},
	BatchCreateRoom: {
		prepare: async (s) => {
			const now = await s.now();
			const room = (name: string) => ({
				Name: name,
				StartTime: now + 3600,
				EndTime: now + 7200,
				Resolution: 1,
				MaxMicNumber: 1,
				SubType: 'videodoc',
			});
			return { values: { RoomInfos: [room(s.unique('a')), room(s.unique('b'))] } };
		},
		check: (output, s, v) => {
			const ids = output.flatMap((o) => (Array.isArray(o.RoomIds) ? o.RoomIds : [o.RoomId]));
			expect(ids).toHaveLength(2);
			const names = (v.RoomInfos as IDataObject[]).map((r) => r.Name);
			expect(ids.map((id) => s.app.rooms.get(Number(id))?.Name)).toEqual(names);
		},
	},
	DescribeCurrentMemberList: {
		prepare: async (s) => {
			const userId = await s.user();
			const RoomId = await s.liveRoom([userId]);
			// Back after a dropped connection: a last quit time as well as a first join time.
			await s.simulate('memberQuit', { RoomId, UserId: userId });
			await s.simulate('memberJoin', { RoomId, UserId: userId });
			return { values: { RoomId }, node: returnAll };
		},
		check: (output) => {
			expect(output).toHaveLength(1);
			expect(output[0].UserId).toEqual(expect.any(String));
			expect(output[0].LastQuitTimestamp).toBeGreaterThanOrEqual(
				Number(output[0].FirstJoinTimestamp),
			);
		},
	},
	DescribeRoom: {
		prepare: async (s) => ({ values: { RoomId: await s.room({ Name: 'describe-me' }) } }),
		check: ([out]) => expect(out.Name).toBe('describe-me'),
	},
	DescribeRoomStatistics: {
		prepare: async (s) => {
			const userId = await s.user();
			const RoomId = await s.liveRoom([userId]);
			// Statistics exist once the class has ended (FailedOperation.RoomNotEnd before).
			await s.ok('EndRoom', { RoomId });
			return { values: { RoomId }, node: returnAll };
		},
		check: (output) => {
			expect(output.length).toBeGreaterThanOrEqual(1);
			expect(output[0].UserId).toEqual(expect.any(String));
		},
	},
	GetRoomEvent: {
		prepare: async (s) => {
			const userId = await s.user();
			return { values: { RoomId: await s.liveRoom([userId]) }, node: returnAll };
		},
		check: (output) => expect(output.map((e) => e.EventType)).toContain('MemberJoin'),
	},
	GetRoomMessage: {
		prepare: async (s) => {
			const userId = await s.user();
			const RoomId = await s.liveRoom([userId]);
			await s.simulate('message', { RoomId, UserId: userId, Text: 'hello class' });
			return { values: { RoomId }, node: returnAll };
		},
		check: (output) => expect(JSON.stringify(output)).toContain('hello class'),
	},
	ModifyRoom: {
		prepare: async (s) => ({ values: { RoomId: await s.room(), Name: 'renamed' } }),
		check: (_o, s, v) => expect(s.app.rooms.get(Number(v.RoomId))?.Name).toBe('renamed'),
	},
	DeleteRoom: {
		prepare: async (s) => ({ values: { RoomId: await s.room() } }),
		check: (_o, s, v) => expect(s.app.rooms.has(Number(v.RoomId))).toBe(false),
	},
	KickUserFromRoom: {
		prepare: async (s) => {
			const UserId = await s.user();
			return { values: { RoomId: await s.liveRoom([UserId]), UserId, KickType: 1 } };
		},
		check: (_o, s, v) => {
			const member = s.app.rooms.get(Number(v.RoomId))?.members.get(String(v.UserId));
			expect(member?.online).toBe(false);
		},
	},
	DescribeAnswerList: {
		prepare: async (s) => {
			const userId = await s.user();
			const RoomId = await s.liveRoom([userId]);
			const { QuestionId } = await s.simulate('question', {
				RoomId,
				CorrectAnswer: 1,
				OptionCount: 2,
			});
			await s.simulate('answer', { RoomId, QuestionId, UserId: userId, Answer: 1 });
			return { values: { QuestionId }, node: returnAll };
		},
		check: (output) => {
			expect(output).toHaveLength(1);
			expect(output[0].UserId).toEqual(expect.any(String));
		},
	},
	DescribeQuestionList: {
		prepare: async (s) => {
			const RoomId = await s.liveRoom();
			await s.simulate('question', { RoomId, QuestionContent: 'Two plus two?', OptionCount: 4 });
			return { values: { RoomId }, node: returnAll };
		},
		check: (output) => expect(JSON.stringify(output)).toContain('Two plus two?'),
	},
	GetRooms: {
		prepare: async (s) => {
			await s.room();
			// Without a window GetRooms looks 30 minutes either side of now; the rooms here start later.
			const now = await s.now();
			return { values: { StartTime: now - 86_400, EndTime: now + 86_400 }, node: returnAll };
		},
		check: (output, s) => expect(output.length).toBe(s.app.rooms.size),
	},
	EndRoom: {
		prepare: async (s) => ({ values: { RoomId: await s.liveRoom() } }),
		check: (_o, s, v) => expect(s.app.rooms.get(Number(v.RoomId))?.status).toBe(2),
	},
	StartRoom: {
		prepare: async (s) => ({ values: { RoomId: await s.room() } }),
		check: (_o, s, v) => expect(s.app.rooms.get(Number(v.RoomId))?.status).toBe(1),
	},

	// ---- groups
	AddGroupMember: {
		prepare: async (s) => ({ values: { GroupId: await s.group(), MemberIds: await s.users(2) } }),
		check: (_o, s, v) =>
			expect(s.app.groups.get(String(v.GroupId))?.memberIds).toEqual(v.MemberIds),
	},
	BatchAddGroupMember: {
		prepare: async (s) => ({
			values: { GroupIds: [await s.group(), await s.group()], MemberIds: await s.users(2) },
		}),
		check: (_o, s, v) => {
			for (const id of v.GroupIds as string[]) {
				expect(s.app.groups.get(id)?.memberIds).toEqual(v.MemberIds);
			}
		},
	},
	BatchCreateGroupWithMembers: {
		prepare: async (s) => ({
			values: { GroupBaseInfos: [{ GroupName: s.unique('g1') }, { GroupName: s.unique('g2') }] },
		}),
		check: (output, s, v) => {
			const ids = output.flatMap((o) => (Array.isArray(o.GroupIds) ? o.GroupIds : [o.GroupId]));
			expect(ids.map((id) => s.app.groups.get(String(id))?.GroupName)).toEqual(
				(v.GroupBaseInfos as IDataObject[]).map((g) => g.GroupName),
			);
		},
	},
	BatchDeleteGroupMember: {
		prepare: async (s) => {
			const members = await s.users(2);
			return { values: { GroupIds: [await s.group(members)], MemberIds: [members[0]] } };
		},
		check: (_o, s, v) => {
			const group = s.app.groups.get((v.GroupIds as string[])[0]);
			expect(group?.memberIds).not.toContain((v.MemberIds as string[])[0]);
			expect(group?.memberIds).toHaveLength(1);
		},
	},
	CreateGroupWithMembers: {
		prepare: async (s) => ({
			values: { GroupName: s.unique('class'), MemberIds: await s.users(2) },
		}),
		check: ([out], s, v) => {
			const group = s.app.groups.get(String(out.GroupId));
			expect(group?.GroupName).toBe(v.GroupName);
			expect(group?.memberIds).toEqual(v.MemberIds);
		},
	},
	CreateGroupWithSubGroup: {
		prepare: async (s) => ({
			values: { GroupName: s.unique('year'), SubGroupIds: [await s.group(), await s.group()] },
		}),
		check: ([out], s, v) => {
			const group = s.app.groups.get(String(out.GroupId));
			expect(group?.GroupType).toBe(1);
			expect(group?.subGroupIds).toEqual(v.SubGroupIds);
		},
	},
	DeleteGroup: {
		prepare: async (s) => ({ values: { GroupIds: [await s.group()] } }),
		check: (_o, s, v) => expect(s.app.groups.has((v.GroupIds as string[])[0])).toBe(false),
	},
	DeleteGroupMember: {
		prepare: async (s) => {
			const members = await s.users(2);
			return { values: { GroupId: await s.group(members), MemberIds: [members[1]] } };
		},
		check: (_o, s, v) => {
			expect(s.app.groups.get(String(v.GroupId))?.memberIds).not.toContain(
				(v.MemberIds as string[])[0],
			);
		},
	},
	DescribeGroup: {
		prepare: async (s) => ({
			values: { GroupId: await s.group([], { GroupName: 'group-to-read' }) },
		}),
		check: ([out]) => expect(out.GroupName).toBe('group-to-read'),
	},
	DescribeGroupList: {
		prepare: async (s) => {
			await s.group();
			return { values: {}, node: returnAll };
		},
		check: (output, s) => expect(output.length).toBe(s.app.groups.size),
	},
	DescribeGroupMemberList: {
		prepare: async (s) => ({
			values: { GroupId: await s.group(await s.users(3)) },
			node: returnAll,
		}),
		check: (output) => expect(output).toHaveLength(3),
	},
	ModifyGroup: {
		prepare: async (s) => ({ values: { GroupId: await s.group(), GroupName: 'renamed-group' } }),
		check: (_o, s, v) =>
			expect(s.app.groups.get(String(v.GroupId))?.GroupName).toBe('renamed-group'),
	},

	// ---- application configuration
	SetAppCustomContent: {
		prepare: async () => ({
			values: { CustomContent: [{ Scene: 'scene-a', JsUrl: 'https://example.com/a.js' }] },
		}),
		check: (_o, s) =>
			expect(s.app.customContent.get('scene-a')?.JsUrl).toBe('https://example.com/a.js'),
	},
	DeleteAppCustomContent: {
		prepare: async (s) => {
			await s.ok('SetAppCustomContent', {
				CustomContent: [{ Scene: 'scene-b', CssUrl: 'https://example.com/b.css' }],
			});
			return { values: { Scenes: ['scene-b'] } };
		},
		check: (_o, s) => expect(s.app.customContent.has('scene-b')).toBe(false),
	},
	ModifyApp: {
		prepare: async () => ({ values: { Callback: 'https://example.com/lcic-callback' } }),
		check: (_o, s) => expect(s.app.settings.Callback).toBe('https://example.com/lcic-callback'),
	},
	DescribeAppDetail: {
		// What ModifyApp set is what DescribeAppDetail reads back (the webhook trigger relies on it).
		prepare: async (s) => {
			await s.ok('ModifyApp', {
				Callback: 'https://example.com/lcic-events',
				CallbackKey: 'detail-key',
			});
			const [developer] = await s.ok('DescribeDeveloper');
			return { values: { DeveloperId: developer.DeveloperId } };
		},
		check: ([out], s) => {
			expect(out.SdkAppId).toBe(String(s.sdkAppId));
			expect(out.AppConfig).toMatchObject({
				ApplicationId: String(s.sdkAppId),
				Callback: 'https://example.com/lcic-events',
				CallbackKey: 'detail-key',
				State: 1,
			});
		},
	},
	GetWatermark: {
		prepare: async (s) => {
			await s.ok('SetWatermark', { TeacherUrl: 'https://example.com/teacher.png' });
			return { values: {} };
		},
		check: ([out]) => expect(JSON.stringify(out)).toContain('https://example.com/teacher.png'),
	},
	SetWatermark: {
		prepare: async () => ({ values: { BoardUrl: 'https://example.com/board.png' } }),
		check: (_o, s) =>
			expect(JSON.stringify(s.app.watermark)).toContain('https://example.com/board.png'),
	},
	CreateSupervisor: {
		prepare: async (s) => ({ values: { Users: [await s.user()] } }),
		check: (_o, s, v) => expect(s.app.supervisorIds.has((v.Users as string[])[0])).toBe(true),
	},
	DeleteSupervisor: {
		prepare: async (s) => {
			const Users = [await s.user()];
			await s.ok('CreateSupervisor', { Users });
			return { values: { Users } };
		},
		check: (_o, s, v) => expect(s.app.supervisorIds.has((v.Users as string[])[0])).toBe(false),
	},
	DescribeSupervisors: {
		prepare: async (s) => {
			await s.ok('CreateSupervisor', { Users: [await s.user()] });
			return { values: {}, node: returnAll };
		},
		check: (output, s) => expect(output.length).toBe(s.app.supervisorIds.size),
	},

	// ---- recordings
	DeleteRecord: {
		prepare: async (s) => {
			const RoomId = await s.liveRoom();
			await s.simulate('recordFinish', { RoomId });
			return { values: { RoomId } };
		},
		check: (_o, s, v) => {
			const records = s.app.records.filter((r) => r.RoomId === v.RoomId);
			expect(records.length).toBeGreaterThan(0);
			expect(records.every((r) => r.deleted)).toBe(true);
		},
	},
	BatchDeleteRecord: {
		prepare: async (s) => {
			const rooms = [await s.liveRoom(), await s.liveRoom()];
			for (const RoomId of rooms) await s.simulate('recordFinish', { RoomId });
			return { values: { RoomIds: rooms } };
		},
		check: (_o, s, v) => {
			const records = s.app.records.filter((r) => (v.RoomIds as number[]).includes(r.RoomId));
			expect(records).toHaveLength(2);
			expect(records.every((r) => r.deleted)).toBe(true);
		},
	},

	// ---- courseware
	CreateDocument: {
		prepare: async (s) => ({
			values: {
				DocumentUrl: 'https://example.com/slides.pdf',
				DocumentName: s.unique('slides'),
				Owner: 'teacher-1',
			},
		}),
		check: ([out], s, v) =>
			expect(s.app.documents.get(String(out.DocumentId))?.DocumentName).toBe(v.DocumentName),
	},
	BindDocumentToRoom: {
		prepare: async (s) => ({ values: { RoomId: await s.room(), DocumentId: await s.document() } }),
		check: (_o, s, v) => {
			expect(s.app.rooms.get(Number(v.RoomId))?.documentIds.has(String(v.DocumentId))).toBe(true);
		},
	},
	DescribeDocuments: {
		prepare: async (s) => {
			await s.document();
			return { values: {}, node: returnAll };
		},
		check: (output, s) => expect(output.length).toBe(s.app.documents.size),
	},
	BatchDescribeDocument: {
		prepare: async (s) => {
			await s.document();
			return { values: {}, node: returnAll };
		},
		check: (output, s) => expect(output.length).toBe(s.app.documents.size),
	},
	UnbindDocumentFromRoom: {
		prepare: async (s) => {
			const RoomId = await s.room();
			const DocumentId = await s.document();
			await s.ok('BindDocumentToRoom', { RoomId, DocumentId });
			return { values: { RoomId, DocumentId } };
		},
		check: (_o, s, v) => {
			expect(s.app.rooms.get(Number(v.RoomId))?.documentIds.has(String(v.DocumentId))).toBe(false);
		},
	},
	DescribeDocumentsByRoom: {
		prepare: async (s) => {
			const RoomId = await s.room();
			await s.ok('BindDocumentToRoom', { RoomId, DocumentId: await s.document() });
			return { values: { RoomId }, node: returnAll };
		},
		check: (output) => expect(output).toHaveLength(1),
	},
	DeleteDocument: {
		prepare: async (s) => ({ values: { DocumentId: await s.document() } }),
		check: (_o, s, v) => expect(s.app.documents.has(String(v.DocumentId))).toBe(false),
	},
	DescribeDocument: {
		prepare: async (s) => ({
			values: { DocumentId: await s.document({ DocumentName: 'doc-to-read' }) },
		}),
		check: ([out]) => expect(out.DocumentName).toBe('doc-to-read'),
	},

	// ---- users
	RegisterUser: {
		prepare: async (s) => ({ values: { Name: 'Ada', OriginId: s.unique('ada') } }),
		check: ([out], s, v) => {
			const user = s.app.users.get(String(out.UserId));
			expect(user?.Name).toBe('Ada');
			expect(user?.OriginId).toBe(v.OriginId);
		},
	},
	BatchRegister: {
		prepare: async (s) => ({
			values: {
				Users: [
					{ Name: 'Bo', OriginId: s.unique('bo') },
					{ Name: 'Cy', OriginId: s.unique('cy') },
				],
			},
		}),
		check: (output, s, v) => {
			const origins = (v.Users as IDataObject[]).map((u) => String(u.OriginId));
			for (const origin of origins) expect(s.app.usersByOrigin.has(origin)).toBe(true);
			expect(JSON.stringify(output)).toContain(String(s.app.usersByOrigin.get(origins[1])));
		},
	},
	DescribeSdkAppIdUsers: {
		prepare: async (s) => {
			await s.user();
			return { values: {}, node: returnAll };
		},
		check: (output, s) => expect(output.length).toBe(s.app.users.size),
	},
	DescribeUser: {
		prepare: async (s) => ({ values: { UserId: await s.user({ Name: 'user-to-read' }) } }),
		check: ([out]) => expect(out.Name).toBe('user-to-read'),
	},
	ModifyUserProfile: {
		prepare: async (s) => ({ values: { UserId: await s.user(), Nickname: 'new-nick' } }),
		check: (_o, s, v) => expect(s.app.users.get(String(v.UserId))?.Name).toBe('new-nick'),
	},
	DeleteUser: {
		prepare: async (s) => ({ values: { UserId: await s.user() } }),
		check: ([out], s, v) => {
			expect(out).toEqual({ Success: true, RequestId: expect.any(String) });
			expect(s.app.users.has(String(v.UserId))).toBe(false);
		},
	},

	// ---- developer
	DescribeDeveloper: {
		prepare: async () => ({ values: {} }),
		check: ([out]) => expect(out.DeveloperId).toEqual(expect.any(String)),
	},
};

/**
 * Scenarios are keyed by action; an operation of its own (Get Join Links), which shares its
 * main action with another operation, by "resource/operation".
 */
function scenarioKey(op: OperationSpec): string {
	return op.composite ? `${op.resource}/${op.operation}` : op.action;
}

describe('every catalog operation in WorkflowExecute against the emulator', () => {
	const fx = useEmulator();

	it('has a scenario for every operation', () => {
		const missing = OPERATIONS.filter((op) => !SCENARIOS[scenarioKey(op)]).map(
			(op) => `${op.resource}/${op.operation} (${op.action})`,
		);
		expect(missing).toEqual([]);
	});

	it('covers all 53 actions of the API reference', () => {
		expect(REFERENCE_ACTIONS).toHaveLength(53);
		const reachable = new Set(
			OPERATIONS.flatMap((op) => [op.action, ...(op.batch ? [op.batch.action] : [])]),
		);
		expect(REFERENCE_ACTIONS.filter((action) => !reachable.has(action))).toEqual([]);
	});

	// The operations run in a workflow time zone that is neither UTC nor the test process's
	// (Asia/Kolkata, jest.config.js): China Standard Time, UTC+8 all year.
	const WORKFLOW_ZONE = { timezone: 'Asia/Shanghai', offset: '+08:00' };
	const label = (op: OperationSpec) => `${op.resource}/${op.operation} (${op.action})`;
	/** "label path" of each output time that held a time in some scenario. */
	const timesShown = new Set<string>();

	const cases: Array<[string, OperationSpec]> = OPERATIONS.map((op) => [label(op), op]);
	it.each(cases)('%s', async (_label, op) => {
		const action = scenarioKey(op);
		const scenario = SCENARIOS[action];
		if (!scenario) throw new Error(`No scenario for ${action}`);
		const { values, node } = await scenario.prepare(fx.session);
		const output = await fx.session.ok(action, values, node, {
			timezone: WORKFLOW_ZONE.timezone,
		});
		await scenario.check(output, fx.session, values);
		for (const path of checkOutputTimes(op, output, WORKFLOW_ZONE.offset))
			timesShown.add(`${label(op)} ${path}`);
	});

	// Runs after the scenarios above (jest keeps a file's order): each time an output declares
	// was in some scenario's output, with its ISO text in the workflow zone.
	it('showed every output time of the catalog with ISO text in the workflow time zone', () => {
		const declared = OPERATIONS.flatMap((op) =>
			(op.output.times ?? []).map((field) => `${label(op)} ${pathOfTime(field)}`),
		);
		expect(declared.filter((time) => !timesShown.has(time))).toEqual([]);
	});
});

// An expression that comes out empty must not change what an action that changes or removes
// things does: for every such operation (params/emptyValues.ts changesExisting) and every
// optional field of it, the field is set to an expression that gives nothing on this item. The
// node must refuse the item naming the field, and send nothing.
describe('operations that change or remove things: an empty expression is refused, never skipped', () => {
	const fx = useEmulator();
	const cases = OPERATIONS.filter(changesExisting).flatMap((op) =>
		op.fields
			.filter((field) => !field.required)
			.map((field): [string, string, string, string] => [
				`${op.resource}/${op.operation} (${op.action}) ${field.param}`,
				op.action,
				field.param,
				field.displayName,
			]),
	);

	it('finds such fields', () => {
		expect(cases.length).toBeGreaterThan(10);
	});

	it.each(cases)('%s', async (_label, action, param, displayName) => {
		const { values, node } = await SCENARIOS[action].prepare(fx.session);
		fx.emulator.resetCalls();
		const { error } = await fx.session.run(
			action,
			{ ...values, [param]: '={{ $json.missing }}' },
			node,
		);
		expect(error?.message).toContain(`"${displayName}"`);
		expect(error?.message).toContain('empty');
		expect(callsOf(fx.emulator, action)).toHaveLength(0);
	});
});
