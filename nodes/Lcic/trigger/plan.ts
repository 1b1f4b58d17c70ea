import type { RoomCursor, TriggerState } from './staticState';
import { EVENT_RETENTION_SECONDS, type RoomListing } from './watchedRooms';

// Decides, before any event is read, which rooms this poll asks about and how, and which cursors
// the state keeps. Pure: poll.ts runs the tasks and applies their results.

/**
 * A room is forgotten this long after its class ended: Tencent's hour plus a margin, so a clock
 * a little ahead of Tencent's does not drop a room that still answers (a RecordFinish can come
 * late in that hour). Once Tencent stops answering the room is closed anyway (ResourceNotFound.Room).
 */
export const FORGET_AFTER_SECONDS = EVENT_RETENTION_SECONDS + 600;

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

function candidates(
	input: PlanInput,
): Array<{ roomId: number; name?: string; endedAt?: number; listed: boolean }> {
	if (input.watch === 'chosen') return input.chosenIds.map((roomId) => ({ roomId, listed: true }));
	const listed = input.listing && !input.listing.error ? input.listing.rooms : [];
	const out = listed.map((room) => ({ ...room, listed: true }));
	const known = new Set(listed.map((room) => room.roomId));
	// Rooms found earlier stay watched until they are over, listed or not. When GetRooms failed,
	// closed rooms are kept too: nothing tells us yet that they left the window.
	for (const [key, cursor] of Object.entries(input.state.rooms)) {
		const roomId = Number(key);
		if (known.has(roomId)) continue;
		if (cursor.closed && !input.listing?.error) continue;
		out.push({ roomId, listed: false });
	}
	return out;
}

export function planPoll(input: PlanInput): Plan {
	const tasks: RoomTask[] = [];
	const rooms: Record<string, RoomCursor> = {};
	for (const candidate of candidates(input)) {
		const key = String(candidate.roomId);
		if (rooms[key]) continue;
		const saved = input.state.rooms[key];
		if (saved) {
			const cursor: RoomCursor = { ...saved };
			if (candidate.name) cursor.name = candidate.name;
			if (cursor.endedAt === undefined && candidate.endedAt !== undefined)
				cursor.endedAt = candidate.endedAt;
			if (isForgotten(cursor, input.now)) continue;
			rooms[key] = cursor;
			if (!cursor.closed)
				tasks.push({
					kind: 'read',
					roomId: candidate.roomId,
					seen: cursor.seen,
					since: cursor.since,
				});
			continue;
		}
		const info: RoomInfo = { roomId: candidate.roomId };
		if (candidate.name) info.name = candidate.name;
		if (candidate.endedAt !== undefined) info.endedAt = candidate.endedAt;
		if (input.emitPastEvents) {
			tasks.push({ ...info, kind: 'read', seen: 0 });
		} else if (input.firstPoll) {
			tasks.push({ ...info, kind: 'probe' });
		} else {
			// Found after the activation (new, or its first request failed): every event since the
			// activation is new to the workflow, the ones before it are history.
			tasks.push({ ...info, kind: 'read', seen: 0, since: input.state.activatedAt });
		}
	}
	return { tasks, rooms };
}
