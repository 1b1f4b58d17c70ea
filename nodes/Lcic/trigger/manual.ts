import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { eventTypeFilter } from '../catalog/events';
import { mapInOrder } from '../execute/pool';
import { TencentClock } from './clock';
import { EVENT_PAGE_SIZE } from './cursor';
import { failed, getEventPage, toLogEvent, type LogEvent } from './fetchEvents';
import { roomNamesOf } from './roomNames';
import { readSettings } from './settings';
import { toItem } from './toItem';
import { listActiveRooms } from './watchedRooms';

// "Fetch Test Event": the most recent wanted event of the watched rooms, so the user sees the
// shape of an item. It reads the end of each room's log and never touches the saved cursors.

const CONCURRENCY = 4;
/** How far back (pages of 200) to look in one room for an event of a wanted type. */
const MAX_PAGES_BACK = 5;
/** Rooms asked at most, in "every room" mode. */
const MAX_ROOMS = 50;

interface Found {
	event: LogEvent;
	name?: string;
}

async function latestInRoom(
	this: IPollFunctions,
	roomId: number,
	sdkAppId: number,
	wanted: (type: string) => boolean,
): Promise<LogEvent | Error | undefined> {
	try {
		const { total } = await getEventPage.call(this, { roomId, sdkAppId }, 1, 1);
		if (!total) return undefined;
		const lastPage = Math.ceil(total / EVENT_PAGE_SIZE);
		for (let page = lastPage; page >= 1 && page > lastPage - MAX_PAGES_BACK; page--) {
			const { events } = await getEventPage.call(this, { roomId, sdkAppId }, page, EVENT_PAGE_SIZE);
			for (let i = events.length - 1; i >= 0; i--) {
				const event = toLogEvent(roomId, (page - 1) * EVENT_PAGE_SIZE + i, events[i]);
				if (wanted(event.type)) return event;
			}
		}
		return undefined;
	} catch (error) {
		// Throws what concerns every room (auth, SdkAppId); the rest is this room's problem.
		const read = failed(this.getNode(), error, [], 0);
		return read.error;
	}
}

export async function latestEvent(this: IPollFunctions): Promise<INodeExecutionData[][]> {
	const settings = await readSettings.call(this);
	let rooms: Array<{ roomId: number; name?: string }>;
	if (settings.watch === 'chosen') {
		rooms = settings.roomIds.map((roomId) => ({ roomId }));
	} else {
		const listing = await listActiveRooms.call(this, settings.sdkAppId, new TencentClock());
		if (listing.error) throw listing.error;
		rooms = listing.rooms.slice(0, MAX_ROOMS);
	}

	const wanted = eventTypeFilter(settings.eventTypes);
	const results = await mapInOrder(
		rooms.length,
		CONCURRENCY,
		async (index) => await latestInRoom.call(this, rooms[index].roomId, settings.sdkAppId, wanted),
	);
	let best: Found | undefined;
	let firstError: Error | undefined;
	results.forEach((result, index) => {
		if (result instanceof Error) {
			firstError ??= result;
		} else if (result && (!best || result.timestamp > best.event.timestamp)) {
			best = { event: result, name: rooms[index].name };
		}
	});
	if (!best) {
		const where =
			settings.watch === 'chosen'
				? 'the chosen rooms'
				: 'the rooms of the application that are scheduled, running or ended less than one hour ago';
		throw new NodeOperationError(this.getNode(), 'No room event to show yet', {
			description: `There is no event of the selected types in ${where}. Start a class (or join one) and fetch again; LCIC keeps a room's events until one hour after it ends.${
				firstError ? ` Some rooms could not be read: ${firstError.message}` : ''
			}`,
		});
	}
	// Chosen rooms have no name from GetRooms: the item has the same fields in both modes.
	const name =
		best.name ?? (await roomNamesOf.call(this, [best.event.roomId])).get(best.event.roomId);
	return [[toItem(best.event, name, this.getTimezone())]];
}
