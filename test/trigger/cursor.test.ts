import { consumePage, EVENT_PAGE_SIZE, pageFor } from '../../nodes/Lcic/trigger/cursor';
import { mergeOldestFirst } from '../../nodes/Lcic/trigger/merge';

describe('pageFor', () => {
	it('starts on the page that holds the first unseen event', () => {
		const size = EVENT_PAGE_SIZE;
		expect(pageFor(0)).toEqual({ page: 1, skip: 0 });
		expect(pageFor(size - 1)).toEqual({ page: 1, skip: size - 1 });
		expect(pageFor(size)).toEqual({ page: 2, skip: 0 });
		expect(pageFor(5 * size)).toEqual({ page: 6, skip: 0 });
		expect(pageFor(7, 5)).toEqual({ page: 2, skip: 2 });
	});
});

describe('consumePage', () => {
	const log = Array.from({ length: 23 }, (_, i) => i);
	const pageOf = (page: number, size: number) => log.slice((page - 1) * size, page * size);

	it('skips what was seen and moves by what was received', () => {
		const result = consumePage(7, 2, 5, pageOf(2, 5), log.length);
		expect(result).toEqual({ fresh: [7, 8, 9], firstIndex: 7, seen: 10, more: true });
	});

	it('stops on a short page', () => {
		const result = consumePage(21, 5, 5, pageOf(5, 5), log.length);
		expect(result).toEqual({ fresh: [21, 22], firstIndex: 21, seen: 23, more: false });
	});

	it('does not ask for the next page when Total says there is none', () => {
		expect(consumePage(15, 4, 5, pageOf(4, 5), 20).more).toBe(false);
		expect(consumePage(15, 4, 5, pageOf(4, 5), 21).more).toBe(true);
	});

	it('keeps the cursor when a page is shorter than what was already seen', () => {
		expect(consumePage(9, 2, 5, [5, 6], 23)).toEqual({
			fresh: [],
			firstIndex: 9,
			seen: 9,
			more: false,
		});
	});

	it('reads a whole log exactly once whatever the cursor and the page size', () => {
		for (const size of [1, 3, 5, 7, EVENT_PAGE_SIZE]) {
			for (let start = 0; start <= log.length; start++) {
				const got: number[] = [];
				let seen = start;
				for (let guard = 0; guard < 100; guard++) {
					const { page } = pageFor(seen, size);
					const result = consumePage(seen, page, size, pageOf(page, size), log.length);
					got.push(...result.fresh);
					seen = result.seen;
					if (!result.more) break;
				}
				expect(got).toEqual(log.slice(start));
				expect(seen).toBe(log.length);
			}
		}
	});
});

describe('mergeOldestFirst', () => {
	it('orders by time and keeps each list in its own order', () => {
		const a = [
			{ t: 1, id: 'a1' },
			{ t: 5, id: 'a2' },
			{ t: 3, id: 'a3' },
		];
		const b = [
			{ t: 2, id: 'b1' },
			{ t: 4, id: 'b2' },
		];
		const merged = mergeOldestFirst([a, b], (e) => e.t).map((e) => e.id);
		expect(merged).toEqual(['a1', 'b1', 'b2', 'a2', 'a3']);
		expect(merged.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
	});

	it('puts the first list first on equal times', () => {
		expect(mergeOldestFirst([[1, 1], [1]], (x) => x)).toHaveLength(3);
		expect(mergeOldestFirst<number>([[], []], (x) => x)).toEqual([]);
	});
});
