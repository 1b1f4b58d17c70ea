import type { PagingSpec } from '../transport/types';

// How LCIC's list actions page. All of them take Page (from 1) and Limit and answer with the
// records under one key and their Total; only the largest Limit and the key differ per action
// (the reference's "Limit ... up to N"), so an entry says just those two.

/** Page/Limit paging, Page from 1, Total reported: `byPage('Rooms', 100)`. */
export function byPage(
	itemsKey: string,
	maxPageSize: number,
	extra: Pick<PagingSpec, 'unpagedWith'> = {},
): PagingSpec {
	return {
		style: 'page',
		pageParam: 'Page',
		sizeParam: 'Limit',
		firstPage: 1,
		maxPageSize,
		itemsKey,
		totalKey: 'Total',
		...extra,
	};
}
