import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { eventTypeFilter } from '../catalog/events';
import { mapInOrder } from '../execute/pool';
import { TencentClock, triggerClock } from './clock';
import { readNewEvents, readTotal, type LogEvent, type RoomRead } from './fetchEvents';
import { mergeOldestFirst } from './merge';
import { planPoll, type RoomTask } from './plan';
import { roomNamesOf } from './roomNames';
import { readSettings } from './settings';
import { newState, readState, writeState, type RoomCursor } from './staticState';
import { toItem } from './toItem';
import { listActiveRooms } from './watchedRooms';

// One poll in trigger mode: find the rooms, read what is new in each from its cursor, emit the
// wanted events oldest first, save the cursors. Exactly once rests on three rules: a cursor
// moves only by events that were read (and so are in this poll's output or filtered out); the
// new cursors are saved only when the poll returns its items; a room that fails keeps its cursor.

/** Rooms read at the same time. The transport's limiter keeps GetRoomEvent under 20/s. */
const CONCURRENCY = 4;
/** Most GetRoomEvent pages per room per poll (200 events each); the rest comes next poll. */
const MAX_PAGES_PER_ROOM = 50;
/** Share of n8n's poll budget spent reading; the rest is for handing the items over. */
const BUDGET_SHARE = 0.8;

function deadlineOf(context: IPollFunctions, startedAt: number): number | undefined {
	const budget =
		typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	return typeof budget === 'number' && budget > 0 ? startedAt + budget * BUDGET_SHARE : undefined;
}

async function runTask(
	this: IPollFunctions,
	task: RoomTask,
	sdkAppId: number,
	clock: TencentClock,
	deadline?: number,
): Promise<RoomRead> {
	if (task.kind === 'probe') return await readTotal.call(this, task.roomId, sdkAppId, clock);
	return await readNewEvents.call(this, {
		roomId: task.roomId,
		sdkAppId,
		seen: task.seen,
		deadline,
		maxPages: MAX_PAGES_PER_ROOM,
		clock,
	});
}

/** The cursor a room has after `read`, or undefined when the room stays unknown. */
export function nextCursor(
	task: RoomTask,
	before: RoomCursor | undefined,
	read: RoomRead,
): RoomCursor | undefined {
	if (task.kind === 'probe' && read.total === undefined && !read.gone) return undefined;
	const cursor: RoomCursor = before ? { ...before } : { seen: 0 };
	if (!before) {
		if (task.name) cursor.name = task.name;
		if (task.endedAt !== undefined) cursor.endedAt = task.endedAt;
		if (task.kind === 'read' && task.since !== undefined) cursor.since = task.since;
	}
	cursor.seen = read.seen;
	for (const event of read.events) {
		if (event.type === 'RoomEnd') cursor.endedAt = event.timestamp;
	}
	if (read.gone) cursor.closed = true;
	// Caught up with the log as it was when the room was found: whatever comes next happened
	// after the activation, so the time filter (and any clock difference with Tencent) no
	// longer applies.
	if (
		cursor.since !== undefined &&
		!read.error &&
		!read.gone &&
		read.total !== undefined &&
		read.seen >= read.total
	) {
		delete cursor.since;
	}
	return cursor;
}

export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const startedAt = Date.now();
	const settings = await readSettings.call(this);
	const localStart = triggerClock.now();
	const staticData = this.getWorkflowStaticData('node');
	const saved = readState(staticData, settings.sdkAppId);
	// Tencent's time, refined by every answer of this poll (see clock.ts).
	const clock = new TencentClock(saved?.offset);
	const state = saved ?? newState(settings.sdkAppId, clock.at(localStart));

	const listing =
		settings.watch === 'all'
			? await listActiveRooms.call(this, settings.sdkAppId, clock)
			: undefined;
	const plan = planPoll({
		state,
		firstPoll: saved === undefined,
		watch: settings.watch,
		chosenIds: settings.roomIds,
		listing,
		emitPastEvents: settings.emitPastEvents,
		now: clock.now(),
	});
	if (listing?.error && plan.tasks.length === 0) throw listing.error;

	const deadline = deadlineOf(this, startedAt);
	const reads = await mapInOrder(plan.tasks.length, CONCURRENCY, async (index) => {
		// Out of time: the rooms not started yet keep their cursors and go first next time.
		if (index > 0 && deadline !== undefined && Date.now() > deadline) return undefined;
		return await runTask.call(this, plan.tasks[index], settings.sdkAppId, clock, deadline);
	});

	const wanted = eventTypeFilter(settings.eventTypes);
	const rooms = plan.rooms;
	const perRoom: LogEvent[][] = [];
	const failures: Error[] = [];
	let answered = 0;
	plan.tasks.forEach((task, index) => {
		const read = reads[index];
		if (!read) return;
		if (read.error) failures.push(read.error);
		if (!read.error || read.events.length > 0) answered++;
		const key = String(task.roomId);
		const cursor = nextCursor(task, rooms[key], read);
		if (!cursor) return;
		rooms[key] = cursor;
		const since = task.kind === 'read' ? task.since : undefined;
		perRoom.push(
			read.events.filter(
				(event) => wanted(event.type) && (since === undefined || event.timestamp >= since),
			),
		);
	});
	// Every room failed: say so (n8n records a failed poll) rather than stay silent. Nothing
	// moved, so nothing is lost.
	if (answered === 0 && failures.length > 0) throw failures[0];

	// Chosen rooms have no name from GetRooms: ask once, keep it in the cursor.
	const unnamed = [...new Set(perRoom.flat().map((event) => event.roomId))].filter(
		(roomId) => rooms[String(roomId)] && !rooms[String(roomId)].name,
	);
	if (unnamed.length > 0) {
		for (const [roomId, name] of await roomNamesOf.call(this, unnamed))
			rooms[String(roomId)].name = name;
	}

	writeState(staticData, {
		...state,
		// The first poll dates the activation on Tencent's clock, now that its answers told it.
		activatedAt: saved ? saved.activatedAt : clock.at(localStart),
		offset: clock.measured ? clock.offsetSeconds : saved?.offset,
		rooms,
	});
	const items = mergeOldestFirst(perRoom, (event) => event.timestamp).map((event) =>
		toItem(event, rooms[String(event.roomId)]?.name, this.getTimezone()),
	);
	return items.length > 0 ? [items] : null;
}
