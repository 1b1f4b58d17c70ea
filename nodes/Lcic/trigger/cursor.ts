import { findByAction } from '../catalog';

// Paging arithmetic over a room's event log. GetRoomEvent pages with Page/Limit over a log that
// only grows at its end, so "the events after the first `seen`" always start on page
// floor(seen / size) + 1, `seen mod size` records in. Pure functions: the fetching lives in
// fetchEvents.ts.

/** GetRoomEvent's largest Limit (the catalog's): fewer requests per poll for a busy room. */
export const EVENT_PAGE_SIZE = findByAction('GetRoomEvent').paging!.maxPageSize;

export interface PageRequest {
	/** 1-based page to ask for. */
	page: number;
	/** Records at the start of that page that were already consumed. */
	skip: number;
}

export function pageFor(seen: number, size: number = EVENT_PAGE_SIZE): PageRequest {
	return { page: Math.floor(seen / size) + 1, skip: seen % size };
}

export interface PageResult<T> {
	/** Records after the cursor, in log order. */
	fresh: T[];
	/** Log index of the first fresh record. */
	firstIndex: number;
	/** The cursor after consuming them. */
	seen: number;
	/** Whether the next page may hold more (this one was full and Total does not say otherwise). */
	more: boolean;
}

/**
 * What `records` (page `page` of `size`, asked for with cursor `seen`) add to the cursor. A page
 * shorter than `skip` (a server that answers an older view of the log) adds nothing and leaves
 * the cursor where it is: the records will come on a later poll.
 */
export function consumePage<T>(
	seen: number,
	page: number,
	size: number,
	records: T[],
	total?: number,
): PageResult<T> {
	const start = (page - 1) * size;
	const skip = Math.max(0, seen - start);
	const fresh = records.slice(skip);
	const next = Math.max(seen, start + records.length);
	const full = records.length >= size;
	const totalSaysMore = total === undefined || !Number.isFinite(total) || total > next;
	return { fresh, firstIndex: start + skip, seen: next, more: full && totalSaysMore };
}
