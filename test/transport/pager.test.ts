import { lcicApiRequestAllItems, resetRateLimiter } from '../../nodes/Lcic/transport';
import type { PagingSpec } from '../../nodes/Lcic/transport';
import { fakeContext, ok } from './fakeContext';

const PAGE: PagingSpec = {
	style: 'page',
	pageParam: 'Page',
	sizeParam: 'Limit',
	firstPage: 1,
	maxPageSize: 100,
	itemsKey: 'Users',
	totalKey: 'Total',
};
const OFFSET: PagingSpec = {
	style: 'offset',
	pageParam: 'Offset',
	sizeParam: 'Limit',
	firstPage: 0,
	maxPageSize: 20,
	itemsKey: 'List',
};

function records(n: number) {
	return Array.from({ length: n }, (_, i) => ({ Id: i }));
}

function server(
	all: Array<{ Id: number }>,
	spec: PagingSpec,
	reportTotal = true,
	{ cap = Infinity, total = all.length, keyword = '' } = {},
) {
	return fakeContext((_action, body) => {
		// With `keyword` set, a Keyword in the request gets every match at once (GetRoomEvent:
		// Page and Limit are "valid only if keyword is empty", API reference).
		if (keyword && body[keyword]) return ok({ [spec.itemsKey]: all, Total: total });
		// `cap`: a server that serves fewer records a page than asked and pages by its own size.
		const size = Math.min(Number(body[spec.sizeParam]), cap);
		const start =
			spec.style === 'page'
				? (Number(body[spec.pageParam]) - 1) * size
				: Number(body[spec.pageParam]);
		const page = all.slice(start, start + size);
		return ok(reportTotal ? { [spec.itemsKey]: page, Total: total } : { [spec.itemsKey]: page });
	});
}

beforeEach(() => resetRateLimiter());

describe('lcicApiRequestAllItems', () => {
	it('walks Page/Limit to the end at the maximum page size and stops on Total', async () => {
		const { context, calls } = server(records(250), PAGE);
		const result = await lcicApiRequestAllItems.call(
			context,
			'DescribeSdkAppIdUsers',
			{ SdkAppId: 1 },
			PAGE,
		);
		expect(result).toHaveLength(250);
		expect(calls.map((c) => [c.body.Page, c.body.Limit])).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
	});

	it('needs no extra call when Total is reached on a full page', async () => {
		const { context, calls } = server(records(200), PAGE);
		await lcicApiRequestAllItems.call(context, 'DescribeSdkAppIdUsers', {}, PAGE);
		expect(calls).toHaveLength(2);
	});

	it('walks Offset/Limit and stops on a short page when there is no Total', async () => {
		const { context, calls } = server(records(45), OFFSET, false);
		const result = await lcicApiRequestAllItems.call(context, 'DescribeSupervisors', {}, OFFSET);
		expect(result.map((r) => r.Id)).toEqual(records(45).map((r) => r.Id));
		expect(calls.map((c) => c.body.Offset)).toEqual([0, 20, 40]);
	});

	it('honours Limit with one right-sized page', async () => {
		const { context, calls } = server(records(500), PAGE);
		const result = await lcicApiRequestAllItems.call(context, 'DescribeSdkAppIdUsers', {}, PAGE, {
			limit: 30,
		});
		expect(result).toHaveLength(30);
		expect(calls).toEqual([{ action: 'DescribeSdkAppIdUsers', body: { Page: 1, Limit: 30 } }]);
	});

	it('returns nothing for an empty list after one call', async () => {
		const { context, calls } = server([], PAGE);
		await expect(
			lcicApiRequestAllItems.call(context, 'DescribeSdkAppIdUsers', {}, PAGE),
		).resolves.toEqual([]);
		expect(calls).toHaveLength(1);
	});

	it('reads on past a short page while Total says more: a server capping Limit cuts nothing', async () => {
		// GetRoomEvent's Limit is "up to 200" in the API reference and "at most 100" in Tencent's
		// current model: a server with the lower cap must not end a list early.
		const { context, calls } = server(records(250), PAGE, true, { cap: 40 });
		const result = await lcicApiRequestAllItems.call(context, 'GetRoomEvent', {}, PAGE);
		expect(result.map((r) => r.Id)).toEqual(records(250).map((r) => r.Id));
		expect(calls.map((c) => [c.body.Page, c.body.Limit])).toEqual(
			[1, 2, 3, 4, 5, 6, 7].map((page) => [page, 100]),
		);
	});

	it('stops on the empty page after a short one when Total counts more than the list holds', async () => {
		const { context, calls } = server(records(30), PAGE, true, { total: 500 });
		const result = await lcicApiRequestAllItems.call(context, 'GetRooms', {}, PAGE);
		expect(result).toHaveLength(30);
		expect(calls.map((c) => c.body.Page)).toEqual([1, 2]);
	});

	it('makes one call when a parameter turns paging off (GetRoomEvent with Keyword)', async () => {
		const spec: PagingSpec = { ...PAGE, unpagedWith: 'Keyword' };
		// Total: "The total number of events for the room. The value of this parameter is not affected
		// by keyword" (API reference, GetRoomEvent).
		const { context, calls } = server(records(7), spec, true, { total: 900, keyword: 'Keyword' });
		const result = await lcicApiRequestAllItems.call(
			context,
			'GetRoomEvent',
			{ Keyword: 'MemberJoin' },
			spec,
		);
		expect(result).toHaveLength(7);
		expect(calls).toHaveLength(1);
	});
});
