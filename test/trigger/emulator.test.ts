// The real poll() in n8n-core's PollContext (test/harness/poll.ts) against the emulator over
// HTTP: signing, the transport, n8n's poll executor and static data as n8n keeps it.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { FORGET_AFTER_SECONDS } from '../../nodes/Lcic/trigger/plan';
import { resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { startEmulator } from '../emulator';
import { finishRoom } from '../emulator/actions/roomState';
import { pollOnce, restart } from '../harness/poll';
import { prng } from './fakePoll';
import { addLiveRoom } from './liveRooms';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;
const realNow = triggerClock.now;

beforeAll(async () => {
	emulator = await startEmulator({ rateLimits: false });
	triggerClock.now = () => emulator.clock.now();
	setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 2 });
});

afterAll(async () => {
	triggerClock.now = realNow;
	setRetryPolicy({});
	await emulator?.stop();
});

beforeEach(() => resetRateLimiter());

function chosen(ids: number[], extra: INodeParameters = {}): INodeParameters {
	return {
		watch: 'chosen',
		rooms: { room: ids.map((id) => ({ roomId: { __rl: true, mode: 'id', value: String(id) } })) },
		...extra,
	};
}

function rooms(count: number): number[] {
	const sdkAppId = emulator.account.sdkAppId;
	return Array.from({ length: count }, (_, i) =>
		addLiveRoom(emulator.state, sdkAppId, emulator.clock.now(), `Room ${i}`),
	);
}

function logOf(roomId: number): Array<{ Event: string }> {
	return emulator.state.apps.get(emulator.account.sdkAppId)!.rooms.get(roomId)!.events;
}

describe('LCIC Trigger in n8n-core against the emulator', () => {
	it('emits every event once over randomised polls with mid-poll arrivals, failures and restarts', async () => {
		const random = prng(20240817);
		const ids = rooms(3);
		const parameters = chosen(ids);
		let staticData: IDataObject = {};
		await pollOnce({ emulator, parameters, staticData });
		const start = new Map(ids.map((id) => [id, logOf(id).length]));
		const emitted = new Set<string>();
		// Repeats are collected and asserted once: an expect() per item costs more than the item.
		const repeated: string[] = [];
		const take = (items: INodeExecutionData[] | null) => {
			for (const item of items ?? []) {
				const key = `${String(item.json.roomId)}#${String(item.json.sequence)}`;
				if (emitted.has(key)) repeated.push(key);
				emitted.add(key);
			}
		};
		const arrive = async () => {
			const id = ids[Math.floor(random() * ids.length)];
			await emulator.simulate('events', {
				RoomId: id,
				count: 1 + Math.floor(random() * 220),
				sameSecond: random() < 0.5,
			});
		};

		for (let poll = 0; poll < 120; poll++) {
			resetRateLimiter();
			if (random() < 0.5) await arrive();
			if (random() < 0.15)
				emulator.faults.add({
					action: 'GetRoomEvent',
					kind: 'error',
					code: 'FailedOperation',
					times: 1,
				});
			if (random() < 0.1) staticData = restart(staticData);
			try {
				const { items } = await pollOnce({
					emulator,
					parameters,
					staticData,
					// Arrivals while the poll pages through the logs.
					beforeRequest: async () => {
						if (random() < 0.2) await arrive();
					},
				});
				take(items);
			} catch (error) {
				expect((error as Error).message).toMatch(/FailedOperation/);
			}
		}
		resetRateLimiter();
		take((await pollOnce({ emulator, parameters, staticData })).items);

		const expected = ids.flatMap((id) =>
			logOf(id)
				.map((_, index) => index)
				.filter((index) => index >= start.get(id)!)
				.map((index) => `${id}#${index + 1}`),
		);
		expect(repeated).toEqual([]);
		expect([...emitted].sort()).toEqual(expected.sort());
	});

	it('picks up new rooms in "every room" mode and forgets them an hour after they end', async () => {
		const before = rooms(1);
		const staticData: IDataObject = {};
		await pollOnce({ emulator, parameters: { watch: 'all' }, staticData });
		// A room that starts after the activation (its RoomStart is 60 s before "now").
		emulator.clock.advance(120);
		const [fresh] = rooms(1);
		await emulator.simulate('events', { RoomId: fresh, count: 2, types: ['MemberJoin'] });
		const { items } = await pollOnce({ emulator, parameters: { watch: 'all' }, staticData });
		expect(
			items!.filter((item) => item.json.roomId === fresh).map((item) => item.json.eventType),
		).toEqual(['RoomStart', 'MemberJoin', 'MemberJoin']);
		expect(Object.keys(staticData.rooms as IDataObject)).toEqual(
			expect.arrayContaining([String(before[0]), String(fresh)]),
		);

		// The class ends: RoomEnd is emitted, and once the hour (plus margin) is over the room leaves the state.
		finishRoom(
			emulator.state.apps.get(emulator.account.sdkAppId)!.rooms.get(fresh)!,
			emulator.clock.now(),
		);
		const ended = await pollOnce({ emulator, parameters: { watch: 'all' }, staticData });
		expect(
			ended.items!.filter((item) => item.json.roomId === fresh).map((item) => item.json.eventType),
		).toContain('RoomEnd');
		emulator.clock.advance(FORGET_AFTER_SECONDS + 1);
		await pollOnce({ emulator, parameters: { watch: 'all' }, staticData });
		expect(Object.keys(staticData.rooms as IDataObject)).not.toContain(String(fresh));
	});

	it('"Fetch Test Event" returns the latest event without moving cursors', async () => {
		const [id] = rooms(1);
		const parameters = chosen([id], { events: ['MicOn'] });
		const staticData: IDataObject = {};
		await pollOnce({ emulator, parameters, staticData });
		await emulator.simulate('events', { RoomId: id, count: 4, types: ['MicOn', 'MicOff'] });
		const saved = JSON.stringify(staticData);
		const { items } = await pollOnce({ emulator, parameters, staticData, mode: 'manual' });
		expect(items).toHaveLength(1);
		expect(items![0].json).toMatchObject({ roomId: id, eventType: 'MicOn', sequence: 4 });
		expect(JSON.stringify(staticData)).toBe(saved);
		await expect(
			pollOnce({ emulator, parameters: chosen([id], { events: ['ScreenOn'] }), mode: 'manual' }),
		).rejects.toThrow('No room event to show yet');
	});

	it("fails the activation with Tencent's code on a bad key or SdkAppId", async () => {
		const [id] = rooms(1);
		await expect(
			pollOnce({ emulator, credentials: { secretKey: 'wrong' }, parameters: chosen([id]) }),
		).rejects.toThrow(/AuthFailure\.\w+/);
		await expect(
			pollOnce({ emulator, parameters: chosen([id], { options: { sdkAppId: 1234 } }) }),
		).rejects.toThrow(/SdkAppId/);
	});
});

describe('the same item fields in both watch modes', () => {
	it('"Fetch Test Event" and polled items name the room whether it is chosen or found', async () => {
		const [roomId] = rooms(1);
		const name = emulator.state.apps.get(emulator.account.sdkAppId)!.rooms.get(roomId)!.Name;
		// The latest event of the application, so that both modes show the same one.
		emulator.clock.advance(5);
		emulator.simulate('memberJoin', {
			SdkAppId: emulator.account.sdkAppId,
			RoomId: roomId,
			UserId: 'u-latest',
		});
		const every = await pollOnce({ emulator, mode: 'manual', parameters: { watch: 'all' } });
		const chosenOne = await pollOnce({ emulator, mode: 'manual', parameters: chosen([roomId]) });
		const [fromAll] = every.items ?? [];
		const [fromChosen] = chosenOne.items ?? [];
		expect(fromChosen.json.roomName).toBe(name);
		expect(Object.keys(fromChosen.json).sort()).toEqual(Object.keys(fromAll.json).sort());
		expect(fromChosen.json).toEqual(fromAll.json);

		// Polling chosen rooms: the name is asked once (DescribeRoom) and kept with the cursor.
		const staticData: IDataObject = {};
		await pollOnce({ emulator, staticData, parameters: chosen([roomId]) });
		emulator.resetCalls();
		for (const event of ['MemberJoin', 'MemberQuit'])
			emulator.simulate('memberJoin', {
				SdkAppId: emulator.account.sdkAppId,
				RoomId: roomId,
				UserId: `u-${event}`,
			});
		const first = await pollOnce({ emulator, staticData, parameters: chosen([roomId]) });
		emulator.simulate('memberJoin', {
			SdkAppId: emulator.account.sdkAppId,
			RoomId: roomId,
			UserId: 'u-late',
		});
		const second = await pollOnce({ emulator, staticData, parameters: chosen([roomId]) });
		const items = [...(first.items ?? []), ...(second.items ?? [])];
		expect(items.length).toBeGreaterThanOrEqual(3);
		expect(items.every((item) => item.json.roomName === name)).toBe(true);
		expect(emulator.calls.filter((call) => call.action === 'DescribeRoom')).toHaveLength(1);
	});
});
