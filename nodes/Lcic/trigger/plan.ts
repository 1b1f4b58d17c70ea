import type { RoomCursor, TriggerState } from './staticState';
import { EVENT_RETENTION_SECONDS } from '../catalog/events';
import type { RoomListing } from './watchedRooms';

// Decides, before any event is read, which rooms this poll asks about and how, and which cursors
// the state keeps. Pure: poll.ts runs the tasks and applies their results. Every time here is
// Tencent's (see clock.ts).

/**
 * A room is forgotten this long after its class ended: Tencent's hour plus a margin, so a room
 * that still answers late in its hour (a RecordFinish can come then) is not dropped early. Once
 * Tencent stops answering the room is closed anyway (ResourceNotFound.Room).
 */
export const FORGET_AFTER_SECONDS = EVENT_RETENTION_SECONDS + 600;

/**
 * Chosen mode: cursors kept for rooms taken off the list, so a room put back continues where it
 * was instead of starting again from the activation. A few tens of bytes each; beyond this many
 * the ones parked longest ago go first.
 */
export const MAX_PARKED_ROOMS = 1000;

interface RoomInfo {
	roomId: number;
	/** From GetRooms, for a room without a cursor yet. */
	name?: string;
	endedAt?: number;
}

export type RoomTask =
	/** First activation, past events not wanted: the cursor starts at the room's Total. */
	| (RoomInfo & { kind: 'probe' })
	/** Read from `seen` on; events before `since` are consumed silently. */
	| (RoomInfo & { kind: 'read'; seen: number; since?: number });

export interface PlanInput {
	state: TriggerState;
	/** No saved state: this is the trigger's first poll (for this SdkAppId). */
	firstPoll: boolean;
	watch: 'all' | 'chosen';
	chosenIds: number[];
	/** GetRooms' answer ("every room" only). */
	listing?: RoomListing;
	emitPastEvents: boolean;
	/** Tencent's time. */
	now: number;
}

export interface Plan {
	tasks: RoomTask[];
	/** Cursors that survive this poll before any read (copies). */
	rooms: Record<string, RoomCursor>;
}

export function isForgotten(cursor: RoomCursor, now: number): boolean {
	return cursor.endedAt !== undefined && now > cursor.endedAt + FORGET_AFTER_SECONDS;
}

interface Candidate {
	roomId: number;
	name?: string;
	endedAt?: number;
}

function candidates(input: PlanInput): Candidate[] {
	if (input.watch === 'chosen') return input.chosenIds.map((roomId) => ({ roomId }));
	const listed = input.listing?.rooms ?? [];
	const out: Candidate[] = [...listed];
	const known = new Set(listed.map((room) => room.roomId));
	// Rooms found earlier stay watched until they are over, listed or not. When GetRooms failed,
	// closed rooms are kept too: nothing tells us yet that they left the window.
	for (const [key, cursor] of Object.entries(input.state.rooms)) {
		const roomId = Number(key);
		if (known.has(roomId)) continue;
		if (cursor.closed && !input.listing?.error) continue;
		out.push({ roomId });
	}
	return out;
}

/** A watched room's cursor for this poll, and its read task (none for a closed room). */
function watchKnown(
	saved: RoomCursor,
	candidate: Candidate,
	input: PlanInput,
): { cursor?: RoomCursor; task?: RoomTask } {
	const cursor: RoomCursor = { ...saved };
	delete cursor.parked;
	if (candidate.name) cursor.name = candidate.name;
	if (cursor.endedAt === undefined && candidate.endedAt !== undefined)
		cursor.endedAt = candidate.endedAt;
	if (isForgotten(cursor, input.now)) {
		// Every room: the room leaves the state. A chosen room stays on the list, so it is kept,
		// closed, and never asked again (asking would start it afresh if Tencent still answered).
		if (input.watch === 'all') return {};
		cursor.closed = true;
		delete cursor.name;
		delete cursor.since;
	}
	if (cursor.closed) return { cursor };
	return {
		cursor,
		task: { kind: 'read', roomId: candidate.roomId, seen: cursor.seen, since: cursor.since },
	};
}

/** A room seen for the first time: where its reading starts. */
function watchNew(candidate: Candidate, input: PlanInput): RoomTask {
	const info: RoomInfo = { roomId: candidate.roomId };
	if (candidate.name) info.name = candidate.name;
	if (candidate.endedAt !== undefined) info.endedAt = candidate.endedAt;
	if (input.emitPastEvents) return { ...info, kind: 'read', seen: 0 };
	if (input.firstPoll) return { ...info, kind: 'probe' };
	// Found after the activation (new, newly chosen, or its first request failed): every event
	// since the activation is new to the workflow, the ones before it are history. Both times
	// are Tencent's.
	return { ...info, kind: 'read', seen: 0, since: input.state.activatedAt };
}

/**
 * Chosen mode: the cursors of rooms no longer on the list, kept (parked) so that a room put back
 * continues where it was. A parked room is not asked about; it is dropped once its hour is over
 * (when its end is known) and, past MAX_PARKED_ROOMS, the longest parked go first.
 */
function parkUnchosen(
	input: PlanInput,
	chosen: Set<string>,
	rooms: Record<string, RoomCursor>,
): void {
	const parked: Array<[string, RoomCursor]> = [];
	for (const [key, saved] of Object.entries(input.state.rooms)) {
		if (chosen.has(key) || isForgotten(saved, input.now)) continue;
		parked.push([key, { ...saved, parked: saved.parked ?? input.now }]);
	}
	parked.sort(([, a], [, b]) => (b.parked ?? 0) - (a.parked ?? 0));
	for (const [key, cursor] of parked.slice(0, MAX_PARKED_ROOMS)) rooms[key] = cursor;
}

export function planPoll(input: PlanInput): Plan {
	const tasks: RoomTask[] = [];
	const rooms: Record<string, RoomCursor> = {};
	const planned = new Set<string>();
	for (const candidate of candidates(input)) {
		const key = String(candidate.roomId);
		if (planned.has(key)) continue;
		planned.add(key);
		const saved = input.state.rooms[key];
		if (saved) {
			const { cursor, task } = watchKnown(saved, candidate, input);
			if (cursor) rooms[key] = cursor;
			if (task) tasks.push(task);
		} else {
			tasks.push(watchNew(candidate, input));
		}
	}
	if (input.watch === 'chosen') parkUnchosen(input, planned, rooms);
	return { tasks, rooms };
}
