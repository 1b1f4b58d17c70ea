import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { lcicApiRequestAllItems } from '../transport';
import { asNodeError, classifyFailure } from './errors';

// The rooms that can have new events, for "every room of the application". GetRoomEvent answers
// until one hour after a class ends, and a class lasts at most five hours, so a room whose
// schedule overlaps [now - 6 h, now + 1 h] may have events now or soon; the hour ahead catches
// members entering before the class starts. No Status filter: every status can have events
// inside its hour, and the rooms whose hour is over are left out here from RealEndTime/EndTime.
// Rooms already watched stay watched (see poll.ts) even once GetRooms no longer lists them, for
// instance a class running far past its schedule.

export const EVENT_RETENTION_SECONDS = 3600;
const MAX_CLASS_SECONDS = 5 * 3600;
export const LOOKBACK_SECONDS = EVENT_RETENTION_SECONDS + MAX_CLASS_SECONDS;
export const LOOKAHEAD_SECONDS = 3600;
const GET_ROOMS_PAGE_SIZE = 100;

export interface ListedRoom {
	roomId: number;
	name?: string;
	/** When the class ended (or expired without starting), when it has. */
	endedAt?: number;
}

export interface RoomListing {
	rooms: ListedRoom[];
	/** GetRooms failed for a transient reason: the caller keeps the rooms it already had. */
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

export async function listActiveRooms(
	this: IPollFunctions,
	sdkAppId: number,
	now: number,
): Promise<RoomListing> {
	let items: IDataObject[];
	try {
		items = await lcicApiRequestAllItems.call(
			this,
			'GetRooms',
			{ SdkAppId: sdkAppId, StartTime: now - LOOKBACK_SECONDS, EndTime: now + LOOKAHEAD_SECONDS },
			{
				style: 'page',
				pageParam: 'Page',
				sizeParam: 'Limit',
				firstPage: 1,
				maxPageSize: GET_ROOMS_PAGE_SIZE,
				itemsKey: 'Rooms',
				totalKey: 'Total',
			},
			{ readOnly: true, rateLimit: 20, maxPages: 100 },
		);
	} catch (error) {
		if (classifyFailure(error) === 'fatal') throw asNodeError(this.getNode(), error);
		return { rooms: [], error: error as Error };
	}
	const rooms: ListedRoom[] = [];
	const seen = new Set<number>();
	for (const item of items) {
		const room = listedRoom(item);
		if (!room || seen.has(room.roomId)) continue;
		seen.add(room.roomId);
		if (room.endedAt !== undefined && now > room.endedAt + EVENT_RETENTION_SECONDS) continue;
		rooms.push(room);
	}
	return { rooms };
}
