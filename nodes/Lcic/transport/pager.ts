import type { IDataObject } from 'n8n-workflow';

import { lcicApiRequest } from './request';
import type { LcicContext, PagingSpec, RequestOptions } from './types';

// Walks Page/Limit or Offset/Limit lists. It stops on the first of: an empty page, a short page
// (unless the reported Total says more records exist), the reported Total reached, or the
// caller's limit reached. The page size stays the same on every page, because Page N is only
// meaningful for one size. A short page before Total is reached means the server serves fewer
// records a page than asked (a lower cap than documented): it still pages by its own size, so
// reading on returns the rest instead of a list silently cut short.

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
	const unpaged = paging.unpagedWith !== undefined && !isEmpty(body[paging.unpagedWith]);
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
		// A filter that makes LCIC ignore paging without the catalog saying so (`unpagedWith`
		// says it for GetRoomEvent's Keyword): a page larger than asked for, or one that repeats
		// the last, is the whole answer.
		const signature = page.length
			? JSON.stringify([page[0], page[page.length - 1], page.length])
			: '';
		if (signature && signature === previousSignature) break;
		previousSignature = signature;
		records.push(...page);
		if (unpaged || page.length > size || page.length === 0 || records.length >= limit) break;
		const total = paging.totalKey !== undefined ? Number(response[paging.totalKey]) : NaN;
		if (Number.isFinite(total) ? records.length >= total : page.length < size) break;
		position += paging.style === 'page' ? 1 : page.length;
	}
	return records.length > limit ? records.slice(0, limit) : records;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}
