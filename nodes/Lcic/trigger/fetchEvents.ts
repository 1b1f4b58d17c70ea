import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';

import { findByAction, requestOptionsOf } from '../catalog';
import { lcicApiRequest } from '../transport';
import type { TencentClock } from './clock';
import { consumePage, EVENT_PAGE_SIZE, pageFor } from './cursor';
import { asNodeError, classifyFailure } from './errors';

// Reads what is new in one room's event log, from its cursor on. Keyword is never sent: it
// filters the log, and the cursor is an index into the whole log. Types are filtered later.

/** Room > Get Events: its rate (the transport paces to it) and read-only-ness are the catalog's. */
const GET_ROOM_EVENT = findByAction('GetRoomEvent');

export interface LogEvent {
	roomId: number;
	/** Position in the room's log (0-based). */
	index: number;
	timestamp: number;
	type: string;
	data: IDataObject;
}

export interface RoomRead {
	/** New events in log order (may be a prefix when `error` is set). */
	events: LogEvent[];
	/** The cursor after `events`. */
	seen: number;
	/** Total of the last answer. */
	total?: number;
	/** The room no longer answers (deleted, or past its one-hour window). */
	gone?: boolean;
	/** A transient failure that stopped the reading after `events`. */
	error?: Error;
}

export interface ReadOptions {
	roomId: number;
	sdkAppId: number;
	seen: number;
	/** Stop asking for further pages after this time (Date.now() milliseconds). */
	deadline?: number;
	/** Most pages to read in one poll; the rest waits for the next poll. */
	maxPages?: number;
	pageSize?: number;
	/** Told Tencent's time by every answer. */
	clock?: TencentClock;
}

export function toLogEvent(roomId: number, index: number, raw: IDataObject): LogEvent {
	const data =
		typeof raw.EventData === 'object' && raw.EventData !== null
			? (raw.EventData as IDataObject)
			: {};
	return {
		roomId,
		index,
		timestamp: Number(raw.Timestamp) || 0,
		type: typeof raw.EventType === 'string' ? raw.EventType : String(raw.EventType ?? ''),
		data,
	};
}

/** One page of the room's whole log (no Keyword), and the Total that came with it. */
export async function getEventPage(
	this: IPollFunctions,
	room: { roomId: number; sdkAppId: number; clock?: TencentClock },
	page: number,
	limit: number,
): Promise<{ events: IDataObject[]; total?: number }> {
	const paging = GET_ROOM_EVENT.paging!;
	const response = await lcicApiRequest.call(
		this,
		GET_ROOM_EVENT.action,
		{
			RoomId: room.roomId,
			SdkAppId: room.sdkAppId,
			[paging.pageParam]: page,
			[paging.sizeParam]: limit,
		},
		{ ...requestOptionsOf(GET_ROOM_EVENT), onServerTime: room.clock?.observe },
	);
	const list = response[paging.itemsKey];
	const events = Array.isArray(list) ? (list as IDataObject[]) : [];
	const total = Number(response[paging.totalKey ?? 'Total']);
	return { events, total: Number.isFinite(total) ? total : undefined };
}

/** The room's event count, with the smallest request that reports it. */
export async function readTotal(
	this: IPollFunctions,
	roomId: number,
	sdkAppId: number,
	clock?: TencentClock,
): Promise<RoomRead> {
	try {
		const { events, total } = await getEventPage.call(this, { roomId, sdkAppId, clock }, 1, 1);
		return { events: [], seen: total ?? events.length, total };
	} catch (error) {
		return failed(this.getNode(), error, [], 0);
	}
}

/** A failed request as a RoomRead; errors that concern every room are thrown on. */
export function failed(node: INode, error: unknown, events: LogEvent[], seen: number): RoomRead {
	const kind = classifyFailure(error);
	if (kind === 'fatal') throw asNodeError(node, error);
	if (kind === 'gone') return { events, seen, gone: true };
	return { events, seen, error: error as Error };
}

/**
 * Pages from the cursor until a short page. The cursor moves page by page by exactly what was
 * received, so a failure halfway keeps what came before it and the rest is read next time.
 */
export async function readNewEvents(this: IPollFunctions, options: ReadOptions): Promise<RoomRead> {
	const size = options.pageSize ?? EVENT_PAGE_SIZE;
	const maxPages = options.maxPages ?? 50;
	const events: LogEvent[] = [];
	let seen = options.seen;
	let total: number | undefined;
	for (let pages = 0; pages < maxPages; pages++) {
		if (pages > 0 && options.deadline !== undefined && Date.now() > options.deadline) break;
		const { page } = pageFor(seen, size);
		let answer: { events: IDataObject[]; total?: number };
		try {
			answer = await getEventPage.call(this, options, page, size);
		} catch (error) {
			return { ...failed(this.getNode(), error, events, seen), total };
		}
		total = answer.total;
		const result = consumePage(seen, page, size, answer.events, total);
		result.fresh.forEach((raw, offset) =>
			events.push(toLogEvent(options.roomId, result.firstIndex + offset, raw)),
		);
		seen = result.seen;
		if (!result.more) break;
	}
	return { events, seen, total };
}
