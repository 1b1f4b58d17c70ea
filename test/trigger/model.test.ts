// Exactly-once under randomised streams: hundreds of polls of the real poll() (through a fast
// fake context answered by the emulator's handlers) with same-second bursts, events arriving
// between the pages of a poll, injected failures and restarts from saved static data; and, in
// some scenarios, the things that change: n8n's clock off from Tencent's by up to 120 s either
// way (Tencent accepts 300 s), chosen rooms taken off the list and put back, rooms created after
// the activation, some started a day before their scheduled time. The oracle is the emulator's
// own event log and clock: a room watched from the activation emits what came after its log
// position then; a room first watched later emits what is dated (by Tencent) from the activation on.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { EVENT_PAGE_SIZE } from '../../nodes/Lcic/trigger/cursor';
import { ALL_ROOM_EVENT_TYPES } from '../../nodes/Lcic/catalog/events';
import { setRetryPolicy } from '../../nodes/Lcic/transport';
import { ACCOUNT, directEmulator, type DirectEmulator } from '../emulator/actions/direct';
import { FakePoller, prng } from './fakePoll';

const realNow = triggerClock.now;

beforeAll(() => setRetryPolicy({ baseDelayMs: 0, maxDelayMs: 0 }));
afterAll(() => {
	setRetryPolicy({});
	triggerClock.now = realNow;
});

interface Scenario {
	seed: number;
	polls: number;
	rooms: number;
	watch: 'all' | 'chosen';
	events?: string[];
	emitPastEvents?: boolean;
	/** n8n's clock is off from Tencent's by up to this many seconds, changing from poll to poll. */
	skew?: number;
	/** Chosen mode: each poll watches a random part of the rooms. */
	reshuffle?: boolean;
	/** Rooms created after the activation (half of them started a day before their schedule). */
	lateRooms?: number;
}

const TYPES = [
	'MemberJoin',
	'CameraOn',
	'MicOn',
	'MicOff',
	'ScreenOn',
	'ScreenOff',
	'VisibleOn',
	'VisibleOff',
	'CameraOff',
	'MemberQuit',
	'RecordFinish',
];

function setup(roomCount: number): { h: DirectEmulator; roomIds: number[] } {
	const h = directEmulator();
	triggerClock.now = () => h.clock.now();
	const roomIds: number[] = [];
	for (let i = 0; i < roomCount; i++) {
		const id = h.room({ Name: `Room ${i}` }, 30, 5 * 3600);
		roomIds.push(id);
	}
	h.clock.advance(60);
	for (const id of roomIds) h.call('StartRoom', { RoomId: id });
	return { h, roomIds };
}

function key(item: INodeExecutionData): string {
	return `${String(item.json.roomId)}#${String(item.json.sequence)}`;
}

async function run(scenario: Scenario): Promise<void> {
	const random = prng(scenario.seed);
	const { h, roomIds } = setup(scenario.rooms);
	let skew = 0;
	triggerClock.now = () => h.clock.now() + skew;
	const poller = new FakePoller(h);
	const parametersFor = (ids: number[]): IDataObject => ({
		watch: scenario.watch,
		rooms: {
			room: ids.map((id) => ({ roomId: { __rl: true, mode: 'id', value: String(id) } })),
		},
		events: scenario.events ?? ALL_ROOM_EVENT_TYPES,
		emitPastEvents: scenario.emitPastEvents ?? false,
	});
	const pick = (): number[] => {
		if (!scenario.reshuffle) return roomIds;
		const some = roomIds.filter(() => random() < 0.6);
		return some.length > 0 ? some : [roomIds[Math.floor(random() * roomIds.length)]];
	};
	let parameters = parametersFor(pick());
	const initial = new Set(
		scenario.watch === 'all' || scenario.emitPastEvents
			? roomIds
			: (parameters.rooms as { room: Array<{ roomId: { value: string } }> }).room.map((entry) =>
					Number(entry.roomId.value),
				),
	);
	let lateLeft = scenario.lateRooms ?? 0;
	const addLateRoom = () => {
		const early = lateLeft % 2 === 0;
		lateLeft--;
		// Started now: scheduled for tomorrow (found by its state) or within the hour.
		const id = h.room({ Name: `Late ${lateLeft}` }, early ? 24 * 3600 : 600, 3600);
		h.call('StartRoom', { RoomId: id });
		roomIds.push(id);
	};
	const append = (roomId: number, count: number, sameSecond: boolean) => {
		const room = h.app.rooms.get(roomId);
		if (!room || room.status !== 1) return;
		const types = Array.from(
			{ length: 1 + Math.floor(random() * 4) },
			() => TYPES[Math.floor(random() * TYPES.length)],
		);
		h.sim('events', { RoomId: roomId, count, types, sameSecond });
	};
	// History before the activation: only emitted with emitPastEvents.
	for (const id of roomIds) append(id, Math.floor(random() * 450), random() < 0.5);
	const startIndex = new Map(
		roomIds.map((id) => [id, scenario.emitPastEvents ? 0 : h.app.rooms.get(id)!.events.length]),
	);

	const emitted = new Map<string, number>();
	// Per-item checks are collected and asserted once: an expect() per item (tens of thousands
	// of items) cost more CPU than the polls themselves and made the run long enough on a loaded
	// machine to approach jest's per-test timeout.
	const wrong: string[] = [];
	const perRoomLast = new Map<number, number>();
	let staticData: IDataObject = {};
	// The activation: a clean first poll, a second after the history, so that "before the
	// activation" is well defined for the oracle (arrivals during it would be history or not
	// depending on the request order).
	h.clock.advance(1);
	const activatedAt = h.clock.now();
	if (scenario.skew) skew = Math.round((random() * 2 - 1) * scenario.skew);
	for (const item of (await poller.poll(parameters, staticData)) ?? []) emitted.set(key(item), -1);
	// Dated on Tencent's clock, whatever n8n's says.
	expect(staticData.activatedAt).toBe(activatedAt);
	let faultRate = 0;
	poller.beforeRequest = ({ action }) => {
		// Concurrent arrivals: events land between the requests (and pages) of a poll.
		if (random() < 0.15)
			append(
				roomIds[Math.floor(random() * roomIds.length)],
				1 + Math.floor(random() * 250),
				random() < 0.5,
			);
		if (action === 'GetRoomEvent' && random() < faultRate)
			return random() < 0.5 ? 'FailedOperation' : 'InternalError';
		return undefined;
	};

	let maxStateRooms = 0;
	for (let poll = 0; poll < scenario.polls; poll++) {
		// Between polls: bursts in random rooms, sometimes many in the same second.
		for (const id of roomIds) {
			const r = random();
			if (r < 0.3) append(id, 1 + Math.floor(random() * 5), random() < 0.5);
			else if (r < 0.35) append(id, 150 + Math.floor(random() * 400), random() < 0.3);
		}
		if (random() < 0.1) staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject; // n8n restarts
		faultRate = random() < 0.3 ? 0.3 : 0;
		h.clock.advance(Math.floor(random() * 30));
		if (scenario.skew) skew = Math.round((random() * 2 - 1) * scenario.skew);
		if (lateLeft > 0 && random() < 0.05) addLateRoom();
		if (scenario.reshuffle && random() < 0.3) parameters = parametersFor(pick());
		let items: INodeExecutionData[] | null = null;
		try {
			items = await poller.poll(parameters, staticData);
		} catch (error) {
			// Only when every room failed; nothing may have moved.
			expect((error as Error).message).toMatch(/FailedOperation|InternalError/);
		}
		let previousTime = -Infinity;
		for (const item of items ?? []) {
			const k = key(item);
			if (emitted.has(k)) wrong.push(`poll ${poll}: ${k} again (first in poll ${emitted.get(k)})`);
			emitted.set(k, poll);
			const roomId = Number(item.json.roomId);
			const sequence = Number(item.json.sequence);
			const last = perRoomLast.get(roomId) ?? 0;
			if (!(sequence > last)) wrong.push(`poll ${poll}: ${k} after sequence ${last}`);
			perRoomLast.set(roomId, sequence);
			const timestamp = Number(item.json.timestamp);
			if (!(timestamp >= previousTime))
				wrong.push(
					`poll ${poll}: ${k} at ${timestamp}, before the previous item (${previousTime})`,
				);
			previousTime = timestamp;
		}
		maxStateRooms = Math.max(
			maxStateRooms,
			Object.keys((staticData.rooms as IDataObject) ?? {}).length,
		);
		// Rooms end along the way; their events stay readable for an hour.
		if (poll === Math.floor(scenario.polls * 0.6)) h.call('EndRoom', { RoomId: roomIds[0] });
	}

	// Drain: no faults, no arrivals, every room watched, until nothing is left.
	poller.beforeRequest = undefined;
	parameters = parametersFor(roomIds);
	for (let i = 0; i < 5; i++) {
		const items = await poller.poll(parameters, staticData);
		for (const item of items ?? []) {
			const k = key(item);
			if (emitted.has(k)) wrong.push(`drain ${i}: ${k} again (first in poll ${emitted.get(k)})`);
			emitted.set(k, scenario.polls + i);
		}
	}
	expect(wrong).toEqual([]);

	const wanted = new Set(
		scenario.events && scenario.events.length ? scenario.events : ALL_ROOM_EVENT_TYPES,
	);
	const expected: string[] = [];
	for (const id of roomIds) {
		h.app.rooms.get(id)!.events.forEach((event, index) => {
			const after = initial.has(id) ? index >= startIndex.get(id)! : event.Timestamp >= activatedAt;
			if (after && wanted.has(event.Event)) expected.push(`${id}#${index + 1}`);
		});
	}
	expect([...emitted.keys()].sort()).toEqual(expected.sort());
	expect(maxStateRooms).toBeLessThanOrEqual(roomIds.length);

	// The ended room leaves the state after its hour; the others stay.
	h.clock.advance(2 * 3600);
	await poller.poll(parameters, staticData);
	const left = Object.keys(staticData.rooms as IDataObject);
	if (scenario.watch === 'chosen') {
		expect((staticData.rooms as Record<string, IDataObject>)[String(roomIds[0])]).toMatchObject({
			closed: true,
		});
	} else {
		expect(left).not.toContain(String(roomIds[0]));
	}
}

describe('trigger model: every event exactly once', () => {
	it.each<Scenario>([
		{ seed: 1, polls: 300, rooms: 3, watch: 'chosen' },
		{ seed: 2, polls: 300, rooms: 4, watch: 'all' },
		{
			seed: 3,
			polls: 200,
			rooms: 3,
			watch: 'chosen',
			events: ['MemberJoin', 'RecordFinish', 'RoomEnd'],
		},
		{ seed: 4, polls: 200, rooms: 2, watch: 'all', emitPastEvents: true },
		{ seed: 5, polls: 200, rooms: 5, watch: 'chosen', reshuffle: true, skew: 120, lateRooms: 2 },
		{ seed: 6, polls: 200, rooms: 3, watch: 'all', skew: 120, lateRooms: 4 },
		{ seed: 7, polls: 200, rooms: 4, watch: 'chosen', reshuffle: true, events: ['MicOn'] },
	])('seed $seed: $polls polls, $rooms rooms, $watch', async (scenario) => {
		await run(scenario);
	});
});

describe('manual mode', () => {
	it('returns the latest wanted event and moves no cursor', async () => {
		const { h, roomIds } = setup(2);
		const poller = new FakePoller(h);
		const parameters = { watch: 'all', events: ['MicOn'] };
		const staticData: IDataObject = {};
		await poller.poll(parameters, staticData);
		const saved = JSON.stringify(staticData);
		h.sim('events', { RoomId: roomIds[0], count: 3, types: ['MicOn', 'MicOff'] });
		h.sim('events', { RoomId: roomIds[1], count: 450, types: ['CameraOn'] });
		const items = await poller.poll(parameters, staticData, 'manual');
		expect(items).toHaveLength(1);
		expect(items![0].json).toMatchObject({
			roomId: roomIds[0],
			eventType: 'MicOn',
			sequence: 4,
			roomName: 'Room 0',
		});
		expect(JSON.stringify(staticData)).toBe(saved);
		// The trigger still emits both MicOn events afterwards.
		expect((await poller.poll(parameters, staticData))?.map((item) => item.json.sequence)).toEqual([
			2, 4,
		]);
	});

	it('says clearly when there is no event', async () => {
		const { h, roomIds } = setup(1);
		const poller = new FakePoller(h);
		await expect(
			poller.poll(
				{
					watch: 'chosen',
					rooms: { room: [{ roomId: String(roomIds[0]) }] },
					events: ['ScreenOn'],
				},
				{},
				'manual',
			),
		).rejects.toThrow('No room event to show yet');
	});
});

describe('failures', () => {
	it('an SdkAppId error fails the poll and moves nothing', async () => {
		const { h, roomIds } = setup(2);
		const poller = new FakePoller(h);
		const parameters = {
			watch: 'chosen',
			rooms: { room: roomIds.map((id) => ({ roomId: String(id) })) },
		};
		const staticData: IDataObject = {};
		await poller.poll(parameters, staticData);
		h.sim('events', { RoomId: roomIds[0], count: 5 });
		h.sim('events', { RoomId: roomIds[1], count: 5 });
		const before = JSON.stringify(staticData);
		// The first room answers, the second says the key is bad: nothing is saved.
		poller.beforeRequest = ({ body }) =>
			body.RoomId === roomIds[1] ? 'AuthFailure.SignatureFailure' : undefined;
		await expect(poller.poll(parameters, staticData)).rejects.toThrow(
			'AuthFailure.SignatureFailure',
		);
		expect(JSON.stringify(staticData)).toBe(before);
		poller.beforeRequest = undefined;
		expect(await poller.poll(parameters, staticData)).toHaveLength(10);
	});

	it('a failing room does not stop the others and keeps what it read before failing', async () => {
		const { h, roomIds } = setup(2);
		const poller = new FakePoller(h);
		const parameters = {
			watch: 'chosen',
			rooms: { room: roomIds.map((id) => ({ roomId: String(id) })) },
		};
		const staticData: IDataObject = {};
		await poller.poll(parameters, staticData);
		h.sim('events', { RoomId: roomIds[0], count: 450 });
		h.sim('events', { RoomId: roomIds[1], count: 3 });
		// Room 0: pages 1 and 2 answer, page 3 fails.
		poller.beforeRequest = ({ body }) =>
			body.RoomId === roomIds[0] && body.Page === 3 ? 'FailedOperation' : undefined;
		// Each log starts with RoomStart (sequence 1), seen at the activation.
		const read = 2 * EVENT_PAGE_SIZE;
		const first = await poller.poll(parameters, staticData);
		expect(
			first!.filter((item) => item.json.roomId === roomIds[0]).map((item) => item.json.sequence),
		).toEqual(Array.from({ length: read - 1 }, (_, i) => 2 + i));
		expect(first!.filter((item) => item.json.roomId === roomIds[1])).toHaveLength(3);
		poller.beforeRequest = undefined;
		const second = await poller.poll(parameters, staticData);
		expect(second!.map((item) => item.json.sequence)).toEqual(
			Array.from({ length: 451 - read }, (_, i) => read + 1 + i),
		);
	});

	it('a quiet room costs one request per poll', async () => {
		const { h, roomIds } = setup(3);
		const poller = new FakePoller(h);
		const parameters = {
			watch: 'chosen',
			rooms: { room: roomIds.map((id) => ({ roomId: String(id) })) },
		};
		const staticData: IDataObject = {};
		for (const id of roomIds) h.sim('events', { RoomId: id, count: 1000 });
		await poller.poll(parameters, staticData);
		const before = poller.calls.length;
		expect(await poller.poll(parameters, staticData)).toBeNull();
		expect(poller.calls.length - before).toBe(3);
		// 1,001 events seen per room (RoomStart and 1,000): the page that holds the next one.
		const page = Math.floor(1001 / EVENT_PAGE_SIZE) + 1;
		expect(poller.calls.slice(before).map((call) => call.body.Page)).toEqual([page, page, page]);
		expect(ACCOUNT.sdkAppId).toBe(poller.calls[0].body.SdkAppId);
	});
});
