import {
	FORGET_AFTER_SECONDS,
	MAX_PARKED_ROOMS,
	planPoll,
	type PlanInput,
} from '../../nodes/Lcic/trigger/plan';
import { nextCursor } from '../../nodes/Lcic/trigger/poll';
import { newState, readState, writeState } from '../../nodes/Lcic/trigger/staticState';
import type { IDataObject } from 'n8n-workflow';

const NOW = 1_800_000_000;

function input(overrides: Partial<PlanInput>): PlanInput {
	return {
		state: newState(1400000001, NOW - 600),
		firstPoll: false,
		watch: 'chosen',
		chosenIds: [],
		emitPastEvents: false,
		now: NOW,
		...overrides,
	};
}

describe('planPoll', () => {
	it('probes new rooms on the first poll and reads them from the start otherwise', () => {
		expect(planPoll(input({ firstPoll: true, chosenIds: [1] })).tasks).toEqual([
			{ kind: 'probe', roomId: 1 },
		]);
		expect(planPoll(input({ chosenIds: [1] })).tasks).toEqual([
			{ kind: 'read', roomId: 1, seen: 0, since: NOW - 600 },
		]);
		expect(
			planPoll(input({ firstPoll: true, chosenIds: [1], emitPastEvents: true })).tasks,
		).toEqual([{ kind: 'read', roomId: 1, seen: 0 }]);
	});

	it('reads known rooms from their cursor and parks the cursors of rooms no longer chosen', () => {
		const state = newState(1, NOW - 600);
		state.rooms = { '1': { seen: 12 }, '2': { seen: 3, name: 'B' } };
		const plan = planPoll(input({ state, chosenIds: [1, 1] }));
		expect(plan.tasks).toEqual([{ kind: 'read', roomId: 1, seen: 12, since: undefined }]);
		// Room 2 is not asked about, but its cursor waits for it, stamped with when it left.
		expect(plan.rooms).toEqual({ '1': { seen: 12 }, '2': { seen: 3, name: 'B', parked: NOW } });

		// Put back later: it goes on from its cursor, and the stamp goes.
		const back = newState(1, NOW - 600);
		back.rooms = plan.rooms;
		const again = planPoll(input({ state: back, chosenIds: [1, 2], now: NOW + 900 }));
		expect(again.tasks).toEqual([
			{ kind: 'read', roomId: 1, seen: 12, since: undefined },
			{ kind: 'read', roomId: 2, seen: 3, since: undefined },
		]);
		expect(again.rooms['2']).toEqual({ seen: 3, name: 'B' });
	});

	it('keeps at most MAX_PARKED_ROOMS parked cursors (the most recently parked), and drops parked rooms whose hour is over', () => {
		const state = newState(1, NOW - 600);
		for (let i = 1; i <= MAX_PARKED_ROOMS + 5; i++)
			state.rooms[String(i)] = { seen: i, parked: NOW - 10 * i };
		state.rooms['5000'] = { seen: 1, endedAt: NOW - FORGET_AFTER_SECONDS - 1 };
		state.rooms['5001'] = { seen: 1, endedAt: NOW - 60 };
		const plan = planPoll(input({ state, chosenIds: [1] }));
		const parked = Object.keys(plan.rooms).filter((key) => key !== '1');
		expect(parked).toHaveLength(MAX_PARKED_ROOMS);
		expect(parked).toContain('5001');
		expect(parked).not.toContain('5000');
		// The oldest parked (highest i here) went first.
		expect(parked).not.toContain(String(MAX_PARKED_ROOMS + 5));
		expect(parked).toContain('2');
	});

	it('closes a chosen room once its hour is over (and never asks it again), and does not ask closed rooms', () => {
		const state = newState(1, NOW - 600);
		state.rooms = {
			'1': { seen: 4, name: 'A', since: 5, endedAt: NOW - FORGET_AFTER_SECONDS - 1 },
			'2': { seen: 4, endedAt: NOW - 3000 },
			'3': { seen: 4, closed: true },
		};
		const plan = planPoll(input({ state, chosenIds: [1, 2, 3] }));
		expect(plan.tasks.map((task) => task.roomId)).toEqual([2]);
		expect(plan.rooms['1']).toEqual({
			seen: 4,
			endedAt: NOW - FORGET_AFTER_SECONDS - 1,
			closed: true,
		});
		expect(Object.keys(plan.rooms).sort()).toEqual(['1', '2', '3']);
		// Taken off the list, it is dropped (its hour is over): nothing left to continue.
		const next = newState(1, NOW - 600);
		next.rooms = plan.rooms;
		expect(Object.keys(planPoll(input({ state: next, chosenIds: [2] })).rooms).sort()).toEqual([
			'2',
			'3',
		]);
	});

	it('every room: forgets a room once its hour is over', () => {
		const state = newState(1, NOW - 600);
		state.rooms = { '1': { seen: 4, endedAt: NOW - FORGET_AFTER_SECONDS - 1 } };
		const plan = planPoll(input({ state, watch: 'all', listing: { rooms: [] } }));
		expect(plan).toEqual({ tasks: [], rooms: {} });
	});

	it('every room: keeps watching known rooms GetRooms no longer lists, and drops closed ones', () => {
		const state = newState(1, NOW - 600);
		state.rooms = { '7': { seen: 1 }, '8': { seen: 2, closed: true } };
		const plan = planPoll(
			input({ state, watch: 'all', listing: { rooms: [{ roomId: 9, name: 'Maths' }] } }),
		);
		expect(plan.tasks).toEqual([
			{ kind: 'read', roomId: 9, name: 'Maths', seen: 0, since: NOW - 600 },
			{ kind: 'read', roomId: 7, seen: 1, since: undefined },
		]);
		expect(Object.keys(plan.rooms)).toEqual(['7']);
	});

	it('every room: when GetRooms failed, keeps every known room', () => {
		const state = newState(1, NOW - 600);
		state.rooms = { '7': { seen: 1 }, '8': { seen: 2, closed: true } };
		const plan = planPoll(
			input({ state, watch: 'all', listing: { rooms: [], error: new Error('x') } }),
		);
		expect(plan.tasks.map((task) => task.roomId)).toEqual([7]);
		expect(Object.keys(plan.rooms).sort()).toEqual(['7', '8']);
		// One of the two GetRooms queries answered: its rooms are watched, the known ones kept.
		const partial = planPoll(
			input({ state, watch: 'all', listing: { rooms: [{ roomId: 9 }], error: new Error('x') } }),
		);
		expect(partial.tasks.map((task) => task.roomId)).toEqual([9, 7]);
	});

	it('every room: watches parked cursors again, from where they were', () => {
		const state = newState(1, NOW - 600);
		state.rooms = { '7': { seen: 5, parked: NOW - 100 } };
		const plan = planPoll(input({ state, watch: 'all', listing: { rooms: [] } }));
		expect(plan.tasks).toEqual([{ kind: 'read', roomId: 7, seen: 5, since: undefined }]);
		expect(plan.rooms).toEqual({ '7': { seen: 5 } });
	});
});

describe('nextCursor', () => {
	it('moves by what was read, learns the end from RoomEnd, closes gone rooms', () => {
		const events = [
			{ roomId: 1, index: 4, timestamp: 10, type: 'MemberQuit', data: {} },
			{ roomId: 1, index: 5, timestamp: 11, type: 'RoomEnd', data: {} },
		];
		expect(
			nextCursor({ kind: 'read', roomId: 1, seen: 4 }, { seen: 4 }, { events, seen: 6 }),
		).toEqual({ seen: 6, endedAt: 11 });
		expect(
			nextCursor(
				{ kind: 'read', roomId: 1, seen: 4 },
				{ seen: 4 },
				{ events: [], seen: 4, gone: true },
			),
		).toEqual({
			seen: 4,
			closed: true,
		});
	});

	it('drops the activation-time filter once the room caught up with its log', () => {
		const task = { kind: 'read' as const, roomId: 1, seen: 0, since: 100 };
		expect(nextCursor(task, undefined, { events: [], seen: 200, total: 450 })).toEqual({
			seen: 200,
			since: 100,
		});
		expect(nextCursor(task, undefined, { events: [], seen: 450, total: 450 })).toEqual({
			seen: 450,
		});
		expect(
			nextCursor(task, undefined, { events: [], seen: 10, total: 12, error: new Error('x') }),
		).toEqual({ seen: 10, since: 100 });
	});

	it('leaves a room unknown when its first probe failed', () => {
		expect(
			nextCursor({ kind: 'probe', roomId: 1 }, undefined, {
				events: [],
				seen: 0,
				error: new Error('x'),
			}),
		).toBeUndefined();
		expect(
			nextCursor({ kind: 'probe', roomId: 1, name: 'R' }, undefined, {
				events: [],
				seen: 30,
				total: 30,
			}),
		).toEqual({
			seen: 30,
			name: 'R',
		});
	});
});

describe('static state', () => {
	it('round-trips through JSON and starts afresh for another SdkAppId', () => {
		const data: IDataObject = {};
		const state = newState(5, NOW);
		state.rooms = {
			'1': { seen: 3, name: 'A', endedAt: NOW, since: NOW - 5 },
			'2': { seen: 0, closed: true },
			'3': { seen: 7, parked: NOW - 9 },
		};
		state.offset = -120;
		writeState(data, state);
		const restored = JSON.parse(JSON.stringify(data)) as IDataObject;
		expect(readState(restored, 5)).toEqual(state);
		expect(readState(restored, 6)).toBeUndefined();
		expect(readState({}, 5)).toBeUndefined();
	});
});
