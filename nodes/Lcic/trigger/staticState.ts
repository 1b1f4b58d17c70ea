import type { IDataObject } from 'n8n-workflow';

// What the trigger keeps in the workflow's static data ('node'), and how it is read and saved.
//
// A poll works on a private copy and writes the whole state back once, at its very end, right
// before it returns its items. So a poll that throws (an auth error after some rooms were already
// read) leaves the saved cursors where they were and the next poll reads the same events again:
// nothing read is lost with the thrown poll. Writing top-level keys afresh also matters for n8n,
// which only saves static data it saw change, and does not see changes made inside objects it
// did not wrap itself.

export const STATE_VERSION = 1;

export interface RoomCursor {
	/** How many events of the room's append-only log were consumed (emitted or filtered out). */
	seen: number;
	/** Room name, when GetRooms told us. */
	name?: string;
	/** When the class ended (epoch seconds): the RoomEnd event, or RealEndTime from GetRooms. */
	endedAt?: number;
	/** Events before this time are consumed without being emitted (they predate the activation). */
	since?: number;
	/** GetRoomEvent answered that the room is gone (deleted, or past its one-hour window). */
	closed?: boolean;
	/** Chosen mode: when the room was taken off the list (its cursor waits for it to come back). */
	parked?: number;
}

export interface TriggerState {
	version: number;
	/** The application the cursors belong to: a different SdkAppId starts afresh. */
	sdkAppId: number;
	/** When the trigger first polled (epoch seconds, Tencent's clock). */
	activatedAt: number;
	/** Tencent's clock minus n8n's (seconds), as last measured; starts the next poll's estimate. */
	offset?: number;
	/** Room ID -> cursor. */
	rooms: Record<string, RoomCursor>;
}

function isCursor(value: unknown): value is RoomCursor {
	return (
		typeof value === 'object' &&
		value !== null &&
		Number.isInteger((value as RoomCursor).seen) &&
		(value as RoomCursor).seen >= 0
	);
}

/** A plain, private copy of the saved state, or undefined when there is none for this app. */
export function readState(staticData: IDataObject, sdkAppId: number): TriggerState | undefined {
	if (staticData.version !== STATE_VERSION || staticData.sdkAppId !== sdkAppId) return undefined;
	const activatedAt = Number(staticData.activatedAt);
	const saved = staticData.rooms;
	if (!Number.isFinite(activatedAt) || typeof saved !== 'object' || saved === null)
		return undefined;
	const rooms: Record<string, RoomCursor> = {};
	for (const [roomId, cursor] of Object.entries(saved)) {
		if (isCursor(cursor)) rooms[roomId] = { ...cursor };
	}
	const state: TriggerState = { version: STATE_VERSION, sdkAppId, activatedAt, rooms };
	const offset = Number(staticData.offset);
	if (staticData.offset !== undefined && Number.isFinite(offset)) state.offset = offset;
	return state;
}

export function newState(sdkAppId: number, now: number): TriggerState {
	return { version: STATE_VERSION, sdkAppId, activatedAt: now, rooms: {} };
}

/** Saves `state` as the node's static data, replacing every key the trigger owns. */
export function writeState(staticData: IDataObject, state: TriggerState): void {
	const rooms: IDataObject = {};
	for (const [roomId, cursor] of Object.entries(state.rooms)) {
		const saved: IDataObject = { seen: cursor.seen };
		if (cursor.name !== undefined) saved.name = cursor.name;
		if (cursor.endedAt !== undefined) saved.endedAt = cursor.endedAt;
		if (cursor.since !== undefined) saved.since = cursor.since;
		if (cursor.closed) saved.closed = true;
		if (cursor.parked !== undefined) saved.parked = cursor.parked;
		rooms[roomId] = saved;
	}
	staticData.version = state.version;
	staticData.sdkAppId = state.sdkAppId;
	staticData.activatedAt = state.activatedAt;
	if (state.offset !== undefined) staticData.offset = state.offset;
	else delete staticData.offset;
	staticData.rooms = rooms;
}
