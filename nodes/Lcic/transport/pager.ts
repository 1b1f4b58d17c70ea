import type { IDataObject } from 'n8n-workflow';

import { lcicApiRequest } from './request';
import type { LcicContext, PagingSpec, RequestOptions } from './types';

// Walks Page/Limit or Offset/Limit lists. It stops on the first of: a short or empty page,
// the reported Total reached, or the caller's limit reached. The page size stays the same on
// every page, because Page N is only meaningful for one size.

export interface PageOptions extends RequestOptions {
	/** Stop after this many records (Return All = off). */
	limit?: number;
	/** Largest number of pages to ask for, a guard against a server that never stops. */
	maxPages?: number;
}

export async function lcicApiRequestAllItems(
	this: LcicContext,
	action: string,
	body: IDataObject,
	paging: PagingSpec,
	options: PageOptions = {},
): Promise<IDataObject[]> {
	// No limit means every record; a limit below 1 is a caller's bug, never "every record".
	if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 1))
		throw new Error(`A record limit must be a whole number of at least 1 (got ${options.limit})`);
	const limit = options.limit ?? Infinity;
	const size = Math.min(paging.maxPageSize, limit);
	const maxPages = options.maxPages ?? 100_000;
	const records: IDataObject[] = [];
	let position = paging.firstPage;
	let previousSignature = '';

	for (let pages = 0; pages < maxPages; pages++) {
		const response = await lcicApiRequest.call(
			this,
			action,
			{ ...body, [paging.pageParam]: position, [paging.sizeParam]: size },
			options,
		);
		const page = Array.isArray(response[paging.itemsKey])
			? (response[paging.itemsKey] as IDataObject[])
			: [];
		// Some filters make LCIC ignore paging (GetRoomEvent with Keyword answers every match at
		// once): a page larger than asked for, or one that repeats the last, is the whole answer.
		const signature = page.length
			? JSON.stringify([page[0], page[page.length - 1], page.length])
			: '';
		if (signature && signature === previousSignature) break;
		previousSignature = signature;
		records.push(...page);
		if (page.length > size) break;
		const total = paging.totalKey !== undefined ? Number(response[paging.totalKey]) : NaN;
		if (
			page.length < size ||
			records.length >= limit ||
			(Number.isFinite(total) && records.length >= total)
		) {
			break;
		}
		position += paging.style === 'page' ? 1 : page.length;
	}
	return records.length > limit ? records.slice(0, limit) : records;
}
