// The watched set: rooms found after the activation, rooms whose first request failed, rooms
// that end, are deleted or leave the list, and polls that run out of time.
import type { IDataObject } from 'n8n-workflow';

import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { setRetryPolicy } from '../../nodes/Lcic/transport';
import { directEmulator, type DirectEmulator } from '../emulator/actions/direct';
import { FakePoller } from './fakePoll';

const realNow = triggerClock.now;

beforeAll(() => setRetryPolicy({ baseDelayMs: 0, maxDelayMs: 0 }));
afterAll(() => {
	setRetryPolicy({});
	triggerClock.now = realNow;
});

function live(h: DirectEmulator, name: string): number {
	const id = h.room({ Name: name }, 0, 3 * 3600);
	h.call('StartRoom', { RoomId: id });
	return id;
}

function chosen(...ids: number[]): IDataObject {
	return {
		watch: 'chosen',
		rooms: { room: ids.map((id) => ({ roomId: { __rl: true, mode: 'id', value: String(id) } })) },
	};
}

function setup(): { h: DirectEmulator; poller: FakePoller } {
	const h = directEmulator();
	triggerClock.now = () => h.clock.now();
	return { h, poller: new FakePoller(h) };
}

describe('every room of the application', () => {
	it('picks up a room created after the activation, with all its events and its name', async () => {
		const { h, poller } = setup();
		const first = live(h, 'First');
		h.sim('events', { RoomId: first, count: 5 });
		const staticData: IDataObject = {};
		expect(await poller.poll({ watch: 'all' }, staticData)).toBeNull();

		h.clock.advance(10);
		const second = live(h, 'Second');
		h.sim('events', { RoomId: second, count: 2, types: ['MemberJoin'] });
		const items = await poller.poll({ watch: 'all' }, staticData);
		expect(
			items!.map((item) => [item.json.roomName, item.json.eventType, item.json.sequence]),
		).toEqual([
			['Second', 'RoomStart', 1],
			['Second', 'MemberJoin', 2],
			['Second', 'MemberJoin', 3],
		]);
	});

	it('leaves out rooms whose hour is over and forgets ended rooms after it', async () => {
		const { h, poller } = setup();
		const old = live(h, 'Old');
		h.clock.advance(60);
		h.call('EndRoom', { RoomId: old });
		h.clock.advance(2 * 3600);
		const current = live(h, 'Current');
		const staticData: IDataObject = {};
		await poller.poll({ watch: 'all' }, staticData);
		expect(Object.keys(staticData.rooms as IDataObject)).toEqual([String(current)]);
		expect(poller.calls.filter((call) => call.body.RoomId === old)).toHaveLength(0);

		// The current room ends; a recording arrives late in its hour and is still emitted.
		h.clock.advance(60);
		h.call('EndRoom', { RoomId: current });
		expect(
			(await poller.poll({ watch: 'all' }, staticData))!.map((item) => item.json.eventType),
		).toEqual(['RoomEnd']);
		h.clock.advance(3000);
		h.sim('recordFinish', {
			RoomId: current,
			Duration: 120,
			RecordSize: 1000,
			RecordUrl: 'https://r.example/x.mp4',
		});
		const late = await poller.poll({ watch: 'all' }, staticData);
		expect(late![0].json).toMatchObject({
			eventType: 'RecordFinish',
			duration: 120,
			recordSize: 1000,
			recordUrl: 'https://r.example/x.mp4',
		});
		h.clock.advance(3600);
		await poller.poll({ watch: 'all' }, staticData);
		expect(Object.keys(staticData.rooms as IDataObject)).toEqual([]);
	});
});

describe('chosen rooms', () => {
	it('a room whose first request failed starts from the activation, not from its history', async () => {
		const { h, poller } = setup();
		const a = live(h, 'A');
		const b = live(h, 'B');
		h.sim('events', { RoomId: b, count: 4 });
		h.clock.advance(5);
		const staticData: IDataObject = {};
		poller.beforeRequest = ({ body }) => (body.RoomId === b ? 'InternalError' : undefined);
		expect(await poller.poll(chosen(a, b), staticData)).toBeNull();
		expect(Object.keys(staticData.rooms as IDataObject)).toEqual([String(a)]);

		poller.beforeRequest = undefined;
		h.clock.advance(5);
		h.sim('events', { RoomId: b, count: 2, types: ['MicOn'] });
		const items = await poller.poll(chosen(a, b), staticData);
		expect(items!.map((item) => [item.json.roomId, item.json.sequence])).toEqual([
			[b, 6],
			[b, 7],
		]);
	});

	it('keeps the cursors of rooms no longer chosen without asking about them, and closes deleted rooms', async () => {
		const { h, poller } = setup();
		const a = live(h, 'A');
		const b = live(h, 'B');
		const staticData: IDataObject = {};
		await poller.poll(chosen(a, b), staticData);
		const before = poller.calls.length;
		await poller.poll(chosen(a), staticData);
		expect(poller.calls.slice(before).map((call) => call.body.RoomId)).toEqual([a]);
		expect((staticData.rooms as Record<string, IDataObject>)[String(b)]).toMatchObject({
			seen: 1,
			parked: h.clock.now(),
		});

		h.app.rooms.delete(a);
		expect(await poller.poll(chosen(a), staticData)).toBeNull();
		expect((staticData.rooms as Record<string, IDataObject>)[String(a)]).toMatchObject({
			closed: true,
		});
		const calls = poller.calls.length;
		await poller.poll(chosen(a), staticData);
		expect(poller.calls.length).toBe(calls);
	});

	it('starts afresh when the SdkAppId changes', async () => {
		const { h, poller } = setup();
		const a = live(h, 'A');
		const staticData: IDataObject = {
			version: 1,
			sdkAppId: 42,
			activatedAt: 0,
			rooms: { [String(a)]: { seen: 0 } },
		};
		h.sim('events', { RoomId: a, count: 3 });
		expect(await poller.poll(chosen(a), staticData)).toBeNull();
		expect(staticData.rooms).toEqual({ [String(a)]: { seen: 4 } });
	});
});

describe('poll budget', () => {
	it('stops between pages when out of time and goes on next poll without loss', async () => {
		const { h, poller } = setup();
		const a = live(h, 'A');
		const staticData: IDataObject = {};
		await poller.poll(chosen(a), staticData);
		h.sim('events', { RoomId: a, count: 1000 });
		poller.budgetMs = 1;
		// Each request takes a little time, so the deadline passes after the first page.
		poller.beforeRequest = () => {
			const until = Date.now() + 3;
			while (Date.now() < until);
		};
		const first = await poller.poll(chosen(a), staticData);
		expect(first!.length).toBeLessThan(1000);
		poller.budgetMs = 5 * 60 * 1000;
		poller.beforeRequest = undefined;
		const rest = await poller.poll(chosen(a), staticData);
		expect([...first!, ...rest!].map((item) => item.json.sequence)).toEqual(
			Array.from({ length: 1000 }, (_, i) => i + 2),
		);
	});
});
