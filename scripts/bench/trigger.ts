// Benchmark of the LCIC Trigger's poll: API calls and wall time per poll for 50 watched rooms
// with 1,000 past events each, with no new events and with 10 new events, and the size of the
// static data it keeps. Runs the real poll() in n8n-core against the emulator over HTTP, with
// the transport's real rate limiter (GetRoomEvent: 20 requests/s). Part of `npm run bench`;
// alone: npx tsx scripts/bench/trigger.ts [--rooms 50] [--events 1000] [--polls 3]
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { resetRateLimiter } from '../../nodes/Lcic/transport';
import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { startEmulator } from '../../test/emulator';
import { pollOnce } from '../../test/harness/poll';
import { addLiveRoom } from '../../test/trigger/liveRooms';
import type { BenchResult } from './types';

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

const ROOMS = arg('rooms', 50);
const PAST_EVENTS = arg('events', 1000);
const POLLS = arg('polls', 3);
const NEW_EVENTS = 10;

interface Sample {
	calls: Record<string, number>;
	ms: number;
	items: number;
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
	const avg = (pick: (s: Sample) => number) =>
		samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
	return {
		name,
		figures: {
			'API calls per poll': avg(totalCalls),
			'calls by action': Object.entries(samples[0].calls)
				.map(([action, count]) => `${action} ${count}`)
				.join(', '),
			'ms per poll': Math.round(avg((s) => s.ms)),
			'items per poll': avg((s) => s.items),
		},
		target,
		ok: samples.every(ok),
	};
}

export async function runTriggerBench(): Promise<BenchResult[]> {
	const emulator = await startEmulator();
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

		const poll = async (): Promise<Sample> => {
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
			return { calls, ms: performance.now() - started, items: items?.length ?? 0 };
		};

		const label = `trigger: ${ROOMS} rooms x ${PAST_EVENTS} past events`;
		resetRateLimiter();
		await poll(); // activation: the cursors start at each room's Total

		const quiet: Sample[] = [];
		for (let i = 0; i < POLLS; i++) quiet.push(await poll());

		const busy: Sample[] = [];
		for (let i = 0; i < POLLS; i++) {
			for (let e = 0; e < NEW_EVENTS; e++) {
				await emulator.simulate('events', {
					RoomId: roomIds[(i * NEW_EVENTS + e) % roomIds.length],
					count: 1,
				});
			}
			busy.push(await poll());
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
				`one GetRoomEvent per room, ${NEW_EVENTS} items`,
				(s) => totalCalls(s) === ROOMS && s.items === NEW_EVENTS,
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

if (require.main === module) {
	runTriggerBench().then(
		(results) => console.log(JSON.stringify(results, null, 2)),
		(error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}
