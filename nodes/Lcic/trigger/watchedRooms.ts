import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { findByAction, requestOptionsOf } from '../catalog';
import { EVENT_RETENTION_SECONDS } from '../catalog/events';
import { lcicApiRequestAllItems } from '../transport';
import type { TencentClock } from './clock';
import { asNodeError, classifyFailure } from './errors';

// The rooms that can have new events, for "every room of the application", found two ways:
// - by schedule: GetRoomEvent answers until one hour after a class ends, and a class lasts at
//   most five hours, so a room whose schedule overlaps [now - 6 h, now + 1 h] may have events now
//   or soon; the hour ahead catches members entering before the class starts. No Status filter:
//   every status can have events inside its hour, and the rooms whose hour is over are left out
//   here from RealEndTime/EndTime.
// - by state: a class can be started long before its scheduled time (a day early, say), so the
//   rooms that are in class now (GetRooms Status 1: "1 is in class", reference) are asked for
//   over a window wide enough for any schedule; there are few of them at any moment.
// Rooms already watched stay watched (see plan.ts) even once GetRooms no longer lists them, for
// instance a class running far past its schedule or one that ended a day early.
// "now" is Tencent's (TencentClock): RealEndTime is on Tencent's clock.

const MAX_CLASS_SECONDS = 5 * 3600;
export const LOOKBACK_SECONDS = EVENT_RETENTION_SECONDS + MAX_CLASS_SECONDS;
export const LOOKAHEAD_SECONDS = 3600;
/** Room > Get Many: its paging (100 rooms a page) and rate are the catalog's. */
const GET_ROOMS = findByAction('GetRooms');
/** How far back and ahead a running room's schedule may lie (the reference sets no limit). */
const RUNNING_WINDOW_BACK_SECONDS = 7 * 24 * 3600;
const RUNNING_WINDOW_AHEAD_SECONDS = 366 * 24 * 3600;
/** GetRooms Status.N: "0 is not started, 1 is in class, 2 is finished, 3 is expired". */
const STATUS_IN_CLASS = 1;

export interface ListedRoom {
	roomId: number;
	name?: string;
	/** When the class ended (or expired without starting), when it has. */
	endedAt?: number;
}

export interface RoomListing {
	/** The rooms found (by the queries that answered). */
	rooms: ListedRoom[];
	/** A GetRooms query failed for a transient reason: the caller keeps the rooms it already had. */
	error?: Error;
}

/** When the room's event window started to close, from its RoomItem. */
function endOf(item: IDataObject): number | undefined {
	const status = Number(item.Status);
	const realEnd = Number(item.RealEndTime);
	if (status === 2) return realEnd > 0 ? realEnd : Number(item.EndTime) || undefined;
	if (status === 3) return Number(item.EndTime) || undefined;
	return undefined;
}

export function listedRoom(item: IDataObject): ListedRoom | undefined {
	const roomId = Number(item.RoomId);
	if (!Number.isSafeInteger(roomId) || roomId <= 0) return undefined;
	const room: ListedRoom = { roomId };
	if (typeof item.Name === 'string' && item.Name !== '') room.name = item.Name;
	const endedAt = endOf(item);
	if (endedAt !== undefined) room.endedAt = endedAt;
	return room;
}

async function getRooms(
	this: IPollFunctions,
	body: IDataObject,
	clock: TencentClock,
): Promise<IDataObject[]> {
	return await lcicApiRequestAllItems.call(this, GET_ROOMS.action, body, GET_ROOMS.paging!, {
		...requestOptionsOf(GET_ROOMS),
		maxPages: 100,
		onServerTime: clock.observe,
	});
}

export async function listActiveRooms(
	this: IPollFunctions,
	sdkAppId: number,
	clock: TencentClock,
): Promise<RoomListing> {
	// Before the first answer of this poll this is n8n's clock corrected by the last measured
	// offset; the windows are wide enough for what that can be off by.
	const estimate = clock.now();
	const queries: IDataObject[] = [
		{
			SdkAppId: sdkAppId,
			StartTime: estimate - LOOKBACK_SECONDS,
			EndTime: estimate + LOOKAHEAD_SECONDS,
		},
		{
			SdkAppId: sdkAppId,
			StartTime: estimate - RUNNING_WINDOW_BACK_SECONDS,
			EndTime: estimate + RUNNING_WINDOW_AHEAD_SECONDS,
			Status: [STATUS_IN_CLASS],
		},
	];
	const items: IDataObject[] = [];
	let failure: Error | undefined;
	for (const body of queries) {
		try {
			items.push(...(await getRooms.call(this, body, clock)));
		} catch (error) {
			if (classifyFailure(error) === 'fatal') throw asNodeError(this.getNode(), error);
			// What the other query found is still good; the error tells the planner that rooms
			// may be missing from this listing, so it keeps the ones it had.
			failure ??= error as Error;
		}
	}
	// Tencent's time as its answers just told it.
	const now = clock.now();
	const rooms: ListedRoom[] = [];
	const seen = new Set<number>();
	for (const item of items) {
		const room = listedRoom(item);
		if (!room || seen.has(room.roomId)) continue;
		seen.add(room.roomId);
		if (room.endedAt !== undefined && now > room.endedAt + EVENT_RETENTION_SECONDS) continue;
		rooms.push(room);
	}
	return failure ? { rooms, error: failure } : { rooms };
}
