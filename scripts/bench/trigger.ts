// Benchmark of the LCIC Trigger's poll: API calls and wall time per poll for 50 watched rooms
// with 1,000 past events each, with no new events and with 10 new events, and the size of the
// static data it keeps. Runs the real poll() in n8n-core against the emulator over HTTP (50 ms
// added to every answer), with the transport's real rate limiter (GetRoomEvent: 20 requests/s).
// Part of `npm run bench` (--only trigger); alone, as JSON:
//   npx tsx scripts/bench/trigger.ts [--rooms 50] [--events 1000] [--polls 5]
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { resetRateLimiter } from '../../nodes/Lcic/transport';
import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { startEmulator } from '../../test/emulator';
import { pollOnce } from '../../test/harness/poll';
import { addLiveRoom } from '../../test/trigger/liveRooms';
import { sectionOf } from './report';
import { fmt, medianAndSpread, table } from './stats';
import type { BenchModule, BenchResult, BenchSection } from './types';

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

const ROOMS = arg('rooms', 50);
const PAST_EVENTS = arg('events', 1000);
const POLLS = arg('polls', 5);
const LATENCY_MS = 50;
/** GetRoomEvent: 20 requests/s (API reference, GetRoomEvent). */
const GET_ROOM_EVENT_RATE = 20;
const NEW_EVENTS = 10;

interface Sample {
	calls: Record<string, number>;
	ms: number;
	items: number;
	/** Rooms whose first events since activation this poll emits: each costs one DescribeRoom for
	 * the items' roomName (chosen rooms have no name from GetRooms), kept in its cursor after. */
	firstNamed: number;
}

function totalCalls(sample: Sample): number {
	return Object.values(sample.calls).reduce((a, b) => a + b, 0);
}

function summary(
	name: string,
	samples: Sample[],
	target: string,
	ok: (s: Sample) => boolean,
): BenchResult {
	return {
		name,
		figures: {
			'API calls per poll': medianAndSpread(samples.map(totalCalls), 0),
			'calls by action': Object.entries(samples[0].calls)
				.map(([action, count]) => `${action} ${count}`)
				.join(', '),
			'ms per poll': medianAndSpread(
				samples.map((s) => s.ms),
				0,
			),
			'items per poll': medianAndSpread(
				samples.map((s) => s.items),
				0,
			),
		},
		target,
		ok: samples.every(ok),
	};
}

export async function runTriggerBench(): Promise<BenchResult[]> {
	const emulator = await startEmulator({ latencyMs: LATENCY_MS });
	const realNow = triggerClock.now;
	try {
		triggerClock.now = () => emulator.clock.now();
		const sdkAppId = emulator.account.sdkAppId;
		const roomIds: number[] = [];
		for (let i = 0; i < ROOMS; i++) {
			const id = addLiveRoom(emulator.state, sdkAppId, emulator.clock.now(), `Bench room ${i}`);
			await emulator.simulate('events', { RoomId: id, count: PAST_EVENTS - 1, sameSecond: true });
			roomIds.push(id);
		}
		const parameters: INodeParameters = {
			watch: 'chosen',
			rooms: {
				room: roomIds.map((id) => ({ roomId: { __rl: true, mode: 'id', value: String(id) } })),
			},
		};
		const staticData: IDataObject = {};

		const named = new Set<number>();
		const poll = async (roomsWithNewEvents: number[] = []): Promise<Sample> => {
			const firstNamed = new Set(roomsWithNewEvents.filter((id) => !named.has(id)));
			for (const id of firstNamed) named.add(id);
			const calls: Record<string, number> = {};
			const started = performance.now();
			const { items } = await pollOnce({
				emulator,
				parameters,
				staticData,
				beforeRequest: ({ action }) => {
					calls[action] = (calls[action] ?? 0) + 1;
				},
			});
			return {
				calls,
				ms: performance.now() - started,
				items: items?.length ?? 0,
				firstNamed: firstNamed.size,
			};
		};

		const label = `trigger: ${ROOMS} rooms x ${PAST_EVENTS} past events`;
		resetRateLimiter();
		await poll(); // activation: the cursors start at each room's Total

		// Quiet and busy polls take turns, so that both see the same machine.
		const quiet: Sample[] = [];
		const busy: Sample[] = [];
		for (let i = 0; i < POLLS; i++) {
			quiet.push(await poll());
			const busyRooms: number[] = [];
			for (let e = 0; e < NEW_EVENTS; e++) {
				const roomId = roomIds[(i * NEW_EVENTS + e) % roomIds.length];
				await emulator.simulate('events', { RoomId: roomId, count: 1 });
				busyRooms.push(roomId);
			}
			busy.push(await poll(busyRooms));
		}

		const bytes = Buffer.byteLength(JSON.stringify(staticData));
		return [
			summary(
				`${label}, no new events`,
				quiet,
				`one GetRoomEvent per room (${ROOMS}), no items`,
				(s) => totalCalls(s) === ROOMS && s.items === 0,
			),
			summary(
				`${label}, ${NEW_EVENTS} new events`,
				busy,
				`one GetRoomEvent per room, one DescribeRoom for each room with its first events (its name is then kept), ${NEW_EVENTS} items`,
				(s) =>
					s.calls.GetRoomEvent === ROOMS &&
					(s.calls.DescribeRoom ?? 0) === s.firstNamed &&
					totalCalls(s) === ROOMS + s.firstNamed &&
					s.items === NEW_EVENTS,
			),
			{
				name: `${label}: static data`,
				figures: { bytes, 'bytes per room': Math.round(bytes / ROOMS) },
				target: 'under 100 bytes per watched room, whatever the number of events',
				ok: bytes / ROOMS < 100,
			},
		];
	} finally {
		triggerClock.now = realNow;
		await emulator.stop();
	}
}

async function triggerSection(): Promise<BenchSection> {
	const results = await runTriggerBench();
	const floorMs = (ROOMS / GET_ROOM_EVENT_RATE) * 1000;
	const rows = results
		.slice(0, 2)
		.map((result) => [
			result.name.replace(/^trigger: /, ''),
			result.figures['API calls per poll'],
			result.figures['ms per poll'],
			result.figures['items per poll'],
		]);
	const markdown = [
		`The trigger's real \`poll()\` in n8n-core (\`PollTriggerExecutor\`) watching ${ROOMS} chosen rooms that each hold ${PAST_EVENTS.toLocaleString('en-US')} past events, against the emulator with ${LATENCY_MS} ms added to every answer and the transport's rate limiter; quiet polls and polls after ${NEW_EVENTS} new events take turns. A quiet room costs one \`GetRoomEvent\` per poll whatever its history; a room's first events since activation cost one \`DescribeRoom\` more, for the items' \`roomName\` (chosen rooms have no name from \`GetRooms\`), which its cursor then keeps (the new events of each busy poll here fall in rooms that had none yet); the floor for ${ROOMS} calls at ${GET_ROOM_EVENT_RATE} requests/s is ${fmt(floorMs, 0)} ms.`,
		'',
		table(['Poll', 'API calls', 'ms per poll', 'Items'], rows),
		'',
		`Static data kept between polls: ${results[2].figures.bytes} bytes (${results[2].figures['bytes per room']} per room).`,
	].join('\n');
	const quietMs = String(results[0].figures['ms per poll']).split(' ')[0];
	const headline = `${ROOMS} watched rooms with ${PAST_EVENTS.toLocaleString('en-US')} past events each: one \`GetRoomEvent\` per room per poll, ${quietMs} ms per quiet poll (the rate limit's floor: ${fmt(floorMs, 0)} ms), ${results[2].figures['bytes per room']} bytes of state per room.`;
	return { ...sectionOf(results), headline, markdown };
}

export const triggerBench: BenchModule = {
	id: 'trigger',
	title: `Trigger polls: ${ROOMS} rooms with ${PAST_EVENTS.toLocaleString('en-US')} past events each`,
	run: triggerSection,
};

if (require.main === module) {
	runTriggerBench().then(
		(results) => console.log(JSON.stringify(results, null, 2)),
		(error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}
