// Example 3 (after class) in queue mode: the LCIC Trigger polls on main (polling triggers run
// on the main process), each event's execution runs on a worker, and the trigger's cursors live
// in the workflow's static data, in PostgreSQL. Main is restarted in the middle, with a class
// ending while it is down: every class end must still start the workflow exactly once.
import type { RunningEmulator } from '../../emulator';
import { finishRoom } from '../../emulator/actions/roomState';
import type { Checks } from '../checks';
import { POLLS_TO_SEE_A_REPEAT, triggerPolls } from '../examples';
import { waitFor } from '../n8nServer';
import type { QueueCluster } from './cluster';

export const AFTER_CLASS_ID = 'lcicAfterClass01';
const TRIGGER_NODE = 'When a class ends';
/** n8n polls once a minute: a poll plus an execution on a worker, with room to spare. */
const POLL_WAIT_MS = 180_000;

interface SavedCursor {
	seen: number;
	endedAt?: number;
}

/** The trigger's cursors as n8n saved them in PostgreSQL (workflow_entity.staticData). */
export function savedCursors(cluster: QueueCluster): Record<string, SavedCursor> {
	const raw = cluster.postgres
		.query(`select "staticData" from workflow_entity where id = '${AFTER_CLASS_ID}'`)
		.trim();
	if (!raw) return {};
	const staticData = JSON.parse(raw) as Record<string, { rooms?: Record<string, SavedCursor> }>;
	return staticData[`node:${TRIGGER_NODE}`]?.rooms ?? {};
}

export class AfterClassWatch {
	constructor(
		private readonly emulator: RunningEmulator,
		private readonly cluster: QueueCluster,
		readonly rooms: number[],
	) {}

	/** Polls of the trigger so far. */
	polls(): number {
		return triggerPolls(this.emulator);
	}

	/** RoomIds summarised by the workflow so far: one successful DescribeRoomStatistics per run. */
	summarised(): number[] {
		return this.emulator.calls
			.filter((c) => c.action === 'DescribeRoomStatistics' && !c.errorCode)
			.map((c) => Number(c.params.RoomId));
	}

	endClass(roomId: number): void {
		const app = this.emulator.state.apps.get(this.emulator.account.sdkAppId)!;
		finishRoom(app.rooms.get(roomId)!, this.emulator.clock.now());
	}

	async waitForSummary(roomId: number): Promise<boolean> {
		return await waitFor(() => this.summarised().includes(roomId), POLL_WAIT_MS);
	}

	/** Waits for `count` more polls after the current one (bounded). */
	async waitForPolls(count: number): Promise<boolean> {
		const target = this.polls() + count;
		return await waitFor(() => this.polls() >= target, POLL_WAIT_MS * count);
	}

	/** The executions of the after-class workflow n8n recorded: id and status. */
	executions(): Array<{ id: string; status: string }> {
		return this.cluster.postgres
			.query(
				`select id, status from execution_entity where "workflowId" = '${AFTER_CLASS_ID}' order by id`,
			)
			.trim()
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const [id, status] = line.split('|');
				return { id, status };
			});
	}
}

/** Runs the scenario; main is running with the workflow published and `rooms` in progress. */
export async function afterClassAcrossRestart(
	watch: AfterClassWatch,
	cluster: QueueCluster,
	checks: Checks,
): Promise<void> {
	const [first, second] = watch.rooms;
	checks.check(
		'the active trigger polls on main',
		await waitFor(() => watch.polls() >= 1, POLL_WAIT_MS),
		'no GetRooms call within 180 s',
	);
	const cursorsAtStart = savedCursors(cluster);
	checks.check(
		'its cursors are saved in PostgreSQL (workflow static data), one per class in progress',
		watch.rooms.every((roomId) => cursorsAtStart[roomId] !== undefined),
		JSON.stringify(cursorsAtStart),
	);
	checks.check(
		'no execution for what happened before the activation',
		watch.summarised().length === 0,
	);

	watch.endClass(first);
	checks.check(
		'a class ends: the workflow runs for it (on a worker)',
		await watch.waitForSummary(first),
		`DescribeRoomStatistics for ${JSON.stringify(watch.summarised())}`,
	);
	const ended = savedCursors(cluster)[first];
	checks.check(
		"the cursor past that class's RoomEnd is saved in PostgreSQL",
		ended?.endedAt !== undefined && ended.seen > (cursorsAtStart[first]?.seen ?? 0),
		JSON.stringify(ended),
	);

	// Main goes down; the second class ends meanwhile; main comes back (the workflow reactivates
	// and polls at once, from the cursors in PostgreSQL).
	await cluster.stopMain();
	watch.endClass(second);
	await cluster.startMain();
	checks.check(
		'main restarted, with a class that ended while it was down: the workflow runs for it',
		await watch.waitForSummary(second),
		`DescribeRoomStatistics for ${JSON.stringify(watch.summarised())}`,
	);
	// The poll after the one that emitted, and the executions it would start on the workers.
	checks.check(
		'and a poll after that repeats nothing',
		await watch.waitForPolls(POLLS_TO_SEE_A_REPEAT),
		`fewer than ${POLLS_TO_SEE_A_REPEAT} polls within ${(POLL_WAIT_MS * POLLS_TO_SEE_A_REPEAT) / 1000} s`,
	);
	const summarised = watch.summarised();
	checks.check(
		'each class end started the workflow exactly once across the restart',
		JSON.stringify([...summarised].sort()) === JSON.stringify([...watch.rooms].sort()),
		JSON.stringify(summarised),
	);
	const executions = watch.executions();
	const onWorkers = executions.filter(({ id }) => cluster.workerOf(id) !== undefined);
	checks.check(
		'n8n recorded exactly those executions, successful, each run by a worker',
		executions.length === watch.rooms.length &&
			executions.every((e) => e.status === 'success') &&
			onWorkers.length === executions.length,
		JSON.stringify(executions.map((e) => ({ ...e, worker: cluster.workerOf(e.id) }))),
	);
}
