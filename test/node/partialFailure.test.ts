// Partial work is visible: every operation LCIC takes in several calls (the catalog's `chunks`),
// run through n8n-core against the emulator, with the second call failing. What went through is
// in the output (marked Partial) and the error says, per call, what was done and what was not;
// without continue on fail the error that stops the node carries the same. Then a re-run of only
// what was not done completes the work without repeating any of it.
//
// Per-call limits quoted from the LCIC API reference (001_e1294da1eac4bbbd.txt): "MemberIds.N ...
// Array length limit: 200" (AddGroupMember), "GroupIds.N ... Array length limit: 100" and
// "MemberIds.N ... 256" (BatchDeleteGroupMember), "GroupBaseInfos.N ... Array length limit: 256"
// (BatchCreateGroupWithMembers); BatchRegister "up to 1,000" users; ForbidSendMsg "at most 500
// accounts" (Tencent's model); BatchCreateRoom: the node's own 100 per call (the reference gives
// none).
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { OPERATIONS } from '../../nodes/Lcic/catalog';
import {
	callsOf,
	parametersFor,
	roomInfos,
	runWorkflow,
	useEmulator,
	type LcicSession,
} from '../harness';

const fx = useEmulator('each');

interface Case {
	action: string;
	/** Values for the operation (LCIC names), made on the emulator first. */
	values(session: LcicSession): Promise<Record<string, unknown>>;
	/** How many calls the values take. */
	calls: number;
}

const range = (count: number, make: (i: number) => IDataObject): IDataObject[] =>
	Array.from({ length: count }, (_, i) => make(i));

async function users(session: LcicSession, count: number): Promise<string[]> {
	const [first] = await session.ok('BatchRegister', {
		Users: range(count, (i) => ({ Name: `U${i}`, OriginId: session.unique(`o${i}`) })),
	});
	void first;
	return [...session.app.users.keys()].slice(-count);
}

const rooms = (count: number, start: number): IDataObject[] => roomInfos(count, start);

const CASES: Case[] = [
	{
		action: 'BatchCreateRoom',
		calls: 2,
		values: async (session) => ({ RoomInfos: rooms(150, (await session.now()) + 3600) }),
	},
	{
		action: 'BatchCreateGroupWithMembers',
		calls: 2,
		values: async () => ({ GroupBaseInfos: range(300, (i) => ({ GroupName: `G${i}` })) }),
	},
	{
		action: 'AddGroupMember',
		calls: 3,
		values: async (session) => ({
			GroupId: await session.group(),
			MemberIds: await users(session, 450),
		}),
	},
	{
		action: 'BatchAddGroupMember',
		calls: 2,
		values: async (session) => ({
			GroupIds: [await session.group(), await session.group()],
			MemberIds: await users(session, 250),
		}),
	},
	{
		action: 'DeleteGroupMember',
		calls: 3,
		values: async (session) => {
			const members = await users(session, 450);
			const groupId = await session.group(members.slice(0, 200));
			await session.ok('AddGroupMember', { GroupId: groupId, MemberIds: members.slice(200) });
			return { GroupId: groupId, MemberIds: members };
		},
	},
	{
		action: 'BatchDeleteGroupMember',
		calls: 2,
		values: async (session) => {
			const members = await users(session, 300);
			return { GroupIds: [await session.group(members.slice(0, 150))], MemberIds: members };
		},
	},
	{
		action: 'ForbidSendMsg',
		calls: 2,
		values: async (session) => ({
			RoomId: await session.liveRoom(),
			MembersAccount: await users(session, 600),
			MuteTime: 600,
		}),
	},
	{
		action: 'BatchRegister',
		calls: 2,
		values: async (session) => ({
			Users: range(1500, (i) => ({ Name: `N${i}`, OriginId: session.unique(`b${i}`) })),
		}),
	},
];

it('covers every operation the catalog splits into several calls', () => {
	const split = OPERATIONS.filter((op) => op.chunks?.length).map((op) => op.action);
	expect(CASES.map((c) => c.action).sort()).toEqual(split.sort());
});

describe.each(CASES)('$action: the second of $calls calls fails', (c) => {
	async function failSecondCall(continueOnFail: boolean) {
		const values = await c.values(fx.session);
		fx.emulator.resetCalls();
		fx.emulator.faults.add({ action: c.action, kind: 'error', code: 'InternalError', skip: 1 });
		const result = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor(c.action, values),
			continueOnFail,
		});
		return { ...result, values };
	}

	it('continue on fail: what was done is output, and an error item says what was not', async () => {
		const { items, error } = await failSecondCall(true);
		expect(error).toBeUndefined();
		expect(callsOf(fx.emulator, c.action)).toHaveLength(2);
		const failed = items.filter((item) => item.json.error !== undefined);
		const done = items.filter((item) => item.json.error === undefined);
		expect(failed).toHaveLength(1);
		expect(items[items.length - 1]).toBe(failed[0]);
		expect(done.length).toBeGreaterThan(0);
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
		for (const item of done) expect(item.json).toMatchObject({ Partial: true });
		for (const item of done) expect(item.json.Success).toBeUndefined();

		const { json } = failed[0];
		expect(json.code).toBe('InternalError');
		expect(String(json.error)).toMatch(/1 of \d calls had gone through\. Done: .*\. Not done: /);
		const progress = json.progress as IDataObject;
		expect((progress.calls as IDataObject[]).map((call) => call.status)).toEqual([
			'done',
			'failed',
			...Array(c.calls - 2).fill('notSent'),
		]);
		expect(
			Object.keys((progress.done as IDataObject)[c.action] as IDataObject).length,
		).toBeGreaterThan(0);
	});

	it('without continue on fail: the error that stops the node says what was done', async () => {
		const { error, items } = await failSecondCall(false);
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(/InternalError: .*1 of \d calls had gone through\. Done: /);
		expect(error?.description).toContain('What was done is in the output');
		expect(error?.description).toContain('Running this item again would repeat what was done');
	});
});

describe('the examples of the report', () => {
	it('Room > Create Many: 150 rooms, the second call of 100 fails; the 100 RoomIds are output, and the rest created by a re-run of rows 101-150', async () => {
		const start = (await fx.session.now()) + 3600;
		const all = rooms(150, start);
		fx.emulator.faults.add({
			action: 'BatchCreateRoom',
			kind: 'error',
			code: 'InternalError',
			skip: 1,
		});
		const before = new Set(fx.session.app.rooms.keys());
		const first = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('BatchCreateRoom', { RoomInfos: all }),
			continueOnFail: true,
		});
		const created = [...fx.session.app.rooms.keys()].filter((id) => !before.has(id));
		expect(created).toHaveLength(100);
		// One item per room created, then the error item.
		expect(first.items.slice(0, 100).map((item) => item.json.RoomId)).toEqual(created);
		const progress = first.items[100].json.progress as IDataObject;
		expect(progress.notDone).toEqual({
			BatchCreateRoom: { RoomInfos: Array.from({ length: 50 }, (_, i) => 101 + i) },
		});
		expect(String(first.items[100].json.error)).toContain(
			'Done: Rooms (BatchCreateRoom): 1-100. Not done: Rooms (BatchCreateRoom): 101-150',
		);

		// The follow-up sends only what was not done: 150 rooms in all, none twice.
		const rest = ((progress.notDone as IDataObject).BatchCreateRoom as IDataObject)
			.RoomInfos as number[];
		const second = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('BatchCreateRoom', {
				RoomInfos: rest.map((position) => all[position - 1]),
			}),
		});
		expect(second.error).toBeUndefined();
		const names = [...fx.session.app.rooms.values()]
			.filter((room) => !before.has(room.RoomId))
			.map((room) => room.Name);
		expect(names.sort()).toEqual(all.map((room) => String(room.Name)).sort());
	});

	it('Group > Add Members: 450 members in calls of 200, the second fails; the 200 added are named, the group has exactly them', async () => {
		const memberIds = await users(fx.session, 450);
		const groupId = await fx.session.group();
		fx.emulator.faults.add({
			action: 'AddGroupMember',
			kind: 'error',
			code: 'InternalError',
			skip: 1,
		});
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('AddGroupMember', { GroupId: groupId, MemberIds: memberIds }),
		});
		expect(fx.session.app.groups.get(groupId)!.memberIds).toEqual(memberIds.slice(0, 200));
		// The message gives counts and ends; the description every ID.
		expect(error?.message).toContain(
			`Done: Member IDs (AddGroupMember): 200 (${memberIds[0]}, ${memberIds[1]} ... ${memberIds[199]})`,
		);
		expect(error?.description).toContain(
			`Done: Member IDs (AddGroupMember): ${memberIds.slice(0, 200).join(', ')}`,
		);
		expect(error?.description).toContain(
			`Not done: Member IDs (AddGroupMember): ${memberIds.slice(200).join(', ')}`,
		);
	});

	it('a split request whose first call fails says nothing was done', async () => {
		const memberIds = await users(fx.session, 250);
		const groupId = await fx.session.group();
		fx.emulator.faults.add({ action: 'AddGroupMember', kind: 'error', code: 'InternalError' });
		const { items } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('AddGroupMember', { GroupId: groupId, MemberIds: memberIds }),
			continueOnFail: true,
		});
		expect(items).toHaveLength(1);
		expect(String(items[0].json.error)).toContain('none of 2 calls went through');
		expect(fx.session.app.groups.get(groupId)!.memberIds).toEqual([]);
	});
});

// Several items, without continue-on-fail: n8n stops the node and shows no output, so the error
// is the only place left for what the items that went through created. It names their IDs, as
// the emulator holds them, so a re-run can leave those items out.
describe('several items stopped by a failure: the IDs of what went through are in the error', () => {
	it('Room > Create, 150 items in calls of 100, the second fails: the 100 RoomIds created are named', async () => {
		const start = (await fx.session.now()) + 3600;
		const before = new Set(fx.session.app.rooms.keys());
		fx.emulator.faults.add({
			action: 'BatchCreateRoom',
			kind: 'error',
			code: 'InternalError',
			skip: 1,
		});
		const { error, items } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('CreateRoom', {
				...roomInfos(1, start)[0],
				Name: '={{ $json.name }}',
			}),
			inputItems: Array.from({ length: 150 }, (_, i) => ({ name: `Class ${i}` })),
		});
		expect(items).toHaveLength(0);
		const created = [...fx.session.app.rooms.values()].filter((room) => !before.has(room.RoomId));
		expect(created).toHaveLength(100);
		expect(error?.description).toContain('0-99 went through');
		for (const room of created) {
			const index = Number(String(room.Name).replace('Class ', ''));
			expect(error?.description).toMatch(new RegExp(` ${index}: RoomId ${room.RoomId}[;.]`));
		}
	});

	it('Group > Create, one call per item, the second refused: the GroupIds of the others are named', async () => {
		const teacher = await fx.session.user();
		const before = new Set(fx.session.app.groups.keys());
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('CreateGroupWithMembers', {
				GroupName: '={{ $json.name }}',
				TeacherId: '={{ $json.teacher }}',
			}),
			inputItems: [
				{ name: 'A', teacher },
				{ name: 'B', teacher: 'nobody' },
				{ name: 'C', teacher },
			],
		});
		expect(error?.message).toMatch(/ResourceNotFound|InvalidParameter|FailedOperation/);
		const created = [...fx.session.app.groups.values()].filter(
			(group) => !before.has(group.GroupId),
		);
		expect(created.map((group) => group.GroupName).sort()).toEqual(['A', 'C']);
		const idOf = (name: string) => created.find((group) => group.GroupName === name)!.GroupId;
		expect(error?.description).toContain(
			`What went through got back: 0: GroupId ${idOf('A')}; 2: GroupId ${idOf('C')}.`,
		);
	});
});

export type { INodeExecutionData };
