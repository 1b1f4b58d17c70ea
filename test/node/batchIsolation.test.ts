// One row LCIC rejects must not fail the whole batch. Room > Create with many items goes out as
// BatchCreateRoom calls; through n8n-core against the emulator:
// - what the reference states is checked before sending, so a bad row is refused on its own and
//   the others still share one call: "A class session cannot be longer than five hours"
//   (FailedOperation.ClassTooLong), "The start time cannot be earlier than the current time"
//   (InvalidParameter.StartTime), room names of at most 256 characters (Tencent's model);
// - a row LCIC still rejects (a teacher who does not exist: ResourceNotFound.User) is isolated
//   by splitting the call, so the valid rows go through; without continue-on-fail the node stops
//   at it, rows before it created, rows after it not sent, and the error says which;
// - a failure that may have happened (InternalError) is never split and re-sent.
import type { IDataObject } from 'n8n-workflow';

import { callsOf, parametersFor, roomInfo, runWorkflow, useEmulator } from '../harness';

const fx = useEmulator('each');

const nodeParameters = parametersFor('CreateRoom', {
	Name: '={{ $json.name }}',
	StartTime: '={{ $json.start }}',
	EndTime: '={{ $json.end }}',
	TeacherId: '={{ $json.teacher }}',
	Resolution: 1,
	MaxMicNumber: 1,
	SubType: 'videodoc',
});

async function rows(count: number, change: (row: IDataObject, i: number) => void = () => {}) {
	const start = (await fx.session.now()) + 3600;
	const teacher = await fx.session.user();
	return Array.from({ length: count }, (_, i) => {
		const row: IDataObject = { name: `Class ${i}`, start, end: start + 3600, teacher };
		change(row, i);
		return row;
	});
}

async function create(inputItems: IDataObject[], continueOnFail: boolean) {
	const before = fx.session.app.rooms.size;
	fx.emulator.resetCalls();
	const result = await runWorkflow({
		emulator: fx.emulator,
		nodeParameters,
		inputItems,
		continueOnFail,
	});
	return {
		...result,
		created: fx.session.app.rooms.size - before,
		calls: callsOf(fx.emulator, 'BatchCreateRoom').length,
	};
}

describe('rows the reference says LCIC refuses are refused alone, before sending', () => {
	const BAD: Array<[string, (row: IDataObject) => void, RegExp]> = [
		['a 300-character name', (row) => (row.name = 'n'.repeat(300)), /"Name" takes at most 256/],
		[
			'a class of six hours',
			(row) => (row.end = Number(row.start) + 6 * 3600),
			/at most five hours/,
		],
		[
			'a start in the past',
			(row) => {
				row.start = 1_600_000_000;
				row.end = 1_600_003_600;
			},
			/"Start Time" cannot be in the past/,
		],
	];

	it.each(BAD)('%s: the other 49 rooms are created in one call', async (_, spoil, said) => {
		const input = await rows(50, (row, i) => i === 17 && spoil(row));
		const { items, created, calls, error } = await create(input, true);
		expect(error).toBeUndefined();
		expect(created).toBe(49);
		expect(calls).toBe(1);
		expect(items).toHaveLength(50);
		expect(String(items[17].json.error)).toMatch(said);
		expect(items.filter((item) => item.json.RoomId !== undefined)).toHaveLength(49);
	});

	it.each(BAD)('%s, without continue-on-fail: nothing is sent', async (_, spoil, said) => {
		const input = await rows(50, (row, i) => i === 17 && spoil(row));
		const { created, calls, error } = await create(input, false);
		expect(error?.message).toMatch(said);
		expect(created).toBe(0);
		expect(calls).toBe(0);
	});
});

describe('a row LCIC rejects is isolated by splitting the call', () => {
	it('continue-on-fail: 49 rooms created, the bad row has the LCIC error, in few calls', async () => {
		const input = await rows(50, (row, i) => i === 37 && (row.teacher = 'nobody'));
		const { items, created, calls, error } = await create(input, true);
		expect(error).toBeUndefined();
		expect(created).toBe(49);
		expect(items[37].json).toMatchObject({ code: 'ResourceNotFound.User' });
		expect(items.filter((item) => item.json.RoomId !== undefined)).toHaveLength(49);
		items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		// Halving: at most two calls per level of a 50-row call, plus the first.
		expect(calls).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(50)));
	});

	it('two bad rows in one call: both isolated, the rest created', async () => {
		const input = await rows(40, (row, i) => (i === 3 || i === 30) && (row.teacher = 'nobody'));
		const { items, created } = await create(input, true);
		expect(created).toBe(38);
		expect(items.filter((item) => item.json.code === 'ResourceNotFound.User')).toHaveLength(2);
	});

	it('without continue-on-fail: rows before the bad one are created, rows after it not sent, and the error says so', async () => {
		const input = await rows(8, (row, i) => i === 5 && (row.teacher = 'nobody'));
		const { created, error } = await create(input, false);
		expect(error?.message).toMatch(/ResourceNotFound\.User/);
		expect(created).toBe(5);
		expect(error?.description).toContain('0-4 went through');
		expect(error?.description).toContain('5 failed with this error');
		expect(error?.description).toContain('6-7 were not sent');
	});

	it('a failure that may have happened is not split and sent again', async () => {
		const input = await rows(10);
		fx.emulator.faults.add({ action: 'BatchCreateRoom', kind: 'error', code: 'InternalError' });
		const { items, calls } = await create(input, true);
		expect(calls).toBe(1);
		expect(items.every((item) => item.json.code === 'InternalError')).toBe(true);
	});
});

describe('one item whose list LCIC takes in one call: a refused entry is isolated too', () => {
	async function createMany(teachers: string[], continueOnFail: boolean) {
		const start = (await fx.session.now()) + 3600;
		const RoomInfos = teachers.map((TeacherId, i) =>
			roomInfo(start, { Name: `Room ${i + 1}`, TeacherId }),
		);
		const before = fx.session.app.rooms.size;
		const result = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('BatchCreateRoom', { RoomInfos }),
			continueOnFail,
		});
		return { ...result, created: fx.session.app.rooms.size - before };
	}

	it('Room > Create Many, continue-on-fail: the other rooms are created, the refused one named', async () => {
		const teacher = await fx.session.user();
		const teachers = Array.from({ length: 10 }, (_, i) => (i === 5 ? 'nobody' : teacher));
		const { items, created } = await createMany(teachers, true);
		expect(created).toBe(9);
		// One item per room created (marked Partial), then the item's error.
		const done = items.filter((item) => item.json.error === undefined);
		const failed = items[items.length - 1];
		expect(done).toHaveLength(9);
		for (const item of done)
			expect(item.json).toMatchObject({ Partial: true, RoomId: expect.any(Number) });
		expect(failed.json.code).toBe('ResourceNotFound.User');
		expect((failed.json.progress as IDataObject).notDone).toEqual({
			BatchCreateRoom: { RoomInfos: [6] },
		});
	});

	it('Room > Create Many without continue-on-fail: rooms before the refused one are created, the rest not sent, and the error says which', async () => {
		const teacher = await fx.session.user();
		const teachers = Array.from({ length: 10 }, (_, i) => (i === 5 ? 'nobody' : teacher));
		const { error, created } = await createMany(teachers, false);
		expect(created).toBe(5);
		expect(error?.message).toContain('Done: Rooms (BatchCreateRoom): 1-5');
		expect(error?.message).toContain('Not done: Rooms (BatchCreateRoom): 6-10');
	});

	it('Room > Create Many: an entry that breaks a rule checked before sending refuses the item, naming the entry, and sends nothing', async () => {
		const start = (await fx.session.now()) + 3600;
		const RoomInfos = [
			roomInfo(start, { Name: 'Room 1' }),
			roomInfo(start, { Name: 'n'.repeat(300) }),
			roomInfo(start, { Name: 'Room 3' }),
		];
		const before = fx.session.app.rooms.size;
		fx.emulator.resetCalls();
		const { items } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('BatchCreateRoom', { RoomInfos }),
			continueOnFail: true,
		});
		expect(items).toHaveLength(1);
		expect(String(items[0].json.error)).toContain('"Rooms 2: Name" takes at most 256 characters');
		expect(callsOf(fx.emulator, 'BatchCreateRoom')).toHaveLength(0);
		expect(fx.session.app.rooms.size).toBe(before);
	});

	it('Group > Add Members: one unknown user among five does not keep the four out', async () => {
		const members = [...(await fx.session.users(3)), 'nobody', await fx.session.user()];
		const groupId = await fx.session.group();
		const { items } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('AddGroupMember', { GroupId: groupId, MemberIds: members }),
			continueOnFail: true,
		});
		expect(fx.session.app.groups.get(groupId)!.memberIds.sort()).toEqual(
			members.filter((id) => id !== 'nobody').sort(),
		);
		const failed = items.find((item) => item.json.error !== undefined)!;
		expect((failed.json.progress as IDataObject).notDone).toEqual({
			AddGroupMember: { MemberIds: ['nobody'] },
		});
	});
});
