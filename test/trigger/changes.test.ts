// Exactly once also when things change: the watched list, the clocks, the way a class starts.
// The real poll() in n8n-core (test/harness/poll.ts) against the emulator over HTTP; rooms are
// made and started through the node. The emulator dates its answers with its own clock (the
// emulated Tencent's), and n8n's clock is played by triggerClock, set off from it on purpose.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { FORGET_AFTER_SECONDS } from '../../nodes/Lcic/trigger/plan';
import { useEmulator } from '../harness/emulatorFixture';
import { pollOnce, restart } from '../harness/poll';

const realNow = triggerClock.now;
const fixture = useEmulator('each');

beforeAll(() => setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 2 }));
afterAll(() => setRetryPolicy({}));
beforeEach(() => resetRateLimiter());
afterEach(() => {
	triggerClock.now = realNow;
});

/** n8n's clock `skew` seconds ahead of Tencent's (the emulator's); negative: behind. */
function n8nClockOff(skew: number): void {
	triggerClock.now = () => fixture.emulator.clock.now() + skew;
}

function chosen(...ids: number[]): INodeParameters {
	return {
		watch: 'chosen',
		rooms: { room: ids.map((id) => ({ roomId: { __rl: true, mode: 'id', value: String(id) } })) },
	};
}

const EVERY_ROOM: INodeParameters = { watch: 'all' };

async function events(roomId: number, count: number, types = ['MicOn']): Promise<void> {
	await fixture.session.simulate('events', { RoomId: roomId, count, types });
}

function keys(items: INodeExecutionData[] | null): string[] {
	return (items ?? []).map((item) => `${String(item.json.roomId)}#${String(item.json.sequence)}`);
}

async function poll(parameters: INodeParameters, staticData: IDataObject) {
	resetRateLimiter();
	return (await pollOnce({ emulator: fixture.emulator, parameters, staticData })).items;
}

describe('chosen rooms taken off the list and put back', () => {
	it('continue where they were: nothing repeated, nothing from before the activation, nothing lost', async () => {
		const { session, emulator } = fixture;
		const a = await session.liveRoom();
		const b = await session.liveRoom();
		await events(b, 2); // before the activation: history
		let staticData: IDataObject = {};
		expect(await poll(chosen(a, b), staticData)).toBeNull();

		emulator.clock.advance(5);
		await events(b, 3);
		expect(keys(await poll(chosen(a, b), staticData))).toEqual([`${b}#4`, `${b}#5`, `${b}#6`]);

		// Off the list for a while (and n8n restarts meanwhile); b goes on having events.
		emulator.clock.advance(60);
		await events(b, 2);
		expect(await poll(chosen(a), staticData)).toBeNull();
		staticData = restart(staticData);
		emulator.clock.advance(60);
		await events(b, 1);
		expect(await poll(chosen(a), staticData)).toBeNull();

		// Back on the list: exactly what happened since it was last read.
		expect(keys(await poll(chosen(a, b), staticData))).toEqual([`${b}#7`, `${b}#8`, `${b}#9`]);
		expect(await poll(chosen(a, b), staticData)).toBeNull();
	});

	it('are dropped once their hour is over, and a room put back after that emits nothing old', async () => {
		const { session, emulator } = fixture;
		n8nClockOff(0); // hours pass on both clocks
		const a = await session.liveRoom();
		const b = await session.liveRoom();
		const staticData: IDataObject = {};
		await poll(chosen(a, b), staticData);
		await events(b, 2);
		await session.ok('EndRoom', { RoomId: b });
		expect(keys(await poll(chosen(a, b), staticData))).toEqual([`${b}#2`, `${b}#3`, `${b}#4`]);
		await poll(chosen(a), staticData);
		expect(Object.keys(staticData.rooms as IDataObject)).toContain(String(b));

		emulator.clock.advance(FORGET_AFTER_SECONDS + 1);
		await poll(chosen(a), staticData);
		expect(Object.keys(staticData.rooms as IDataObject)).not.toContain(String(b));
		// LCIC no longer answers for b (its hour is over): closed, nothing emitted.
		expect(await poll(chosen(a, b), staticData)).toBeNull();
		expect((staticData.rooms as Record<string, IDataObject>)[String(b)]).toMatchObject({
			closed: true,
		});
	});
});

describe.each([
	['ahead of', 120],
	['behind', -120],
])("n8n's clock 120 s %s Tencent's (Tencent accepts 300 s)", (_, skew) => {
	it('every room: a class starting right after the activation loses none of its first events', async () => {
		const { session, emulator } = fixture;
		n8nClockOff(skew);
		await session.liveRoom(); // something to watch at the activation
		const staticData: IDataObject = {};
		const before = emulator.clock.now();
		expect(await poll(EVERY_ROOM, staticData)).toBeNull();
		const after = emulator.clock.now();
		// The activation is dated on Tencent's clock, whatever n8n's says: the poll's start as the
		// answers' Date headers tell Tencent's time, which they can only under-state by the seconds
		// the poll took (read around it, not with a tolerance).
		expect(Number(staticData.activatedAt)).toBeGreaterThanOrEqual(before - (after - before));
		expect(Number(staticData.activatedAt)).toBeLessThanOrEqual(after);

		emulator.clock.advance(3);
		const fresh = await session.room({
			StartTime: emulator.clock.now() + 600,
			EndTime: emulator.clock.now() + 4200,
		});
		await session.ok('StartRoom', { RoomId: fresh });
		await events(fresh, 3);
		const items = await poll(EVERY_ROOM, staticData);
		expect(keys(items)).toEqual([`${fresh}#1`, `${fresh}#2`, `${fresh}#3`, `${fresh}#4`]);
		expect(items![0].json.eventType).toBe('RoomStart');
	});

	it('chosen rooms: a room added after the activation emits nothing from before the activation', async () => {
		const { session, emulator } = fixture;
		n8nClockOff(skew);
		const a = await session.liveRoom();
		const b = await session.liveRoom();
		await events(b, 4); // before the activation
		// Tencent dates to the second and its Date header too: keep clear of that second.
		emulator.clock.advance(5);
		const staticData: IDataObject = {};
		expect(await poll(chosen(a), staticData)).toBeNull();

		emulator.clock.advance(30);
		await events(b, 2); // after it
		expect(keys(await poll(chosen(a, b), staticData))).toEqual([`${b}#6`, `${b}#7`]);
	});
});

describe('every room: running rooms are found by their state, not only by their schedule', () => {
	it('a class started a day before its scheduled time is watched from its first event', async () => {
		const { session, emulator } = fixture;
		const staticData: IDataObject = {};
		expect(await poll(EVERY_ROOM, staticData)).toBeNull();

		emulator.clock.advance(5);
		const tomorrow = emulator.clock.now() + 24 * 3600;
		const early = await session.room({ StartTime: tomorrow, EndTime: tomorrow + 3600 });
		await session.ok('StartRoom', { RoomId: early });
		await events(early, 2, ['MemberJoin']);
		expect(keys(await poll(EVERY_ROOM, staticData))).toEqual([
			`${early}#1`,
			`${early}#2`,
			`${early}#3`,
		]);

		// It ends a day early too: RoomEnd still comes, though GetRooms no longer lists it.
		emulator.clock.advance(60);
		await session.ok('EndRoom', { RoomId: early });
		expect(keys(await poll(EVERY_ROOM, staticData))).toEqual([`${early}#4`]);
	});

	it('one started early before the activation is watched from the activation on', async () => {
		const { session, emulator } = fixture;
		const tomorrow = emulator.clock.now() + 24 * 3600;
		const early = await session.room({ StartTime: tomorrow, EndTime: tomorrow + 3600 });
		await session.ok('StartRoom', { RoomId: early });
		await events(early, 2);
		const staticData: IDataObject = {};
		expect(await poll(EVERY_ROOM, staticData)).toBeNull();
		expect(Object.keys(staticData.rooms as IDataObject)).toContain(String(early));
		await events(early, 1);
		expect(keys(await poll(EVERY_ROOM, staticData))).toEqual([`${early}#4`]);
	});
});

describe('chosen rooms given carelessly', () => {
	it.each(['0x1F', '1e3', '-5', '0', '12 34', '301, abc', '1.5'])(
		'"%s" is refused naming the field, and nothing is asked',
		async (value) => {
			const { emulator } = fixture;
			emulator.resetCalls();
			const parameters: INodeParameters = {
				watch: 'chosen',
				rooms: { room: [{ roomId: { __rl: true, mode: 'id', value } }] },
			};
			await expect(pollOnce({ emulator, parameters, staticData: {} })).rejects.toThrow(
				/"Room" must be room IDs in decimal digits/,
			);
			expect(emulator.calls).toHaveLength(0);
		},
	);
});
