// execute/pool.ts and execute/stopped.ts on their own: work held by promises the test resolves,
// so what is in flight at each moment is known exactly (no timing involved).
import { mapInOrder, runInOrder } from '../../nodes/Lcic/execute/pool';
import { describeItemsOutcome, indexRanges } from '../../nodes/Lcic/execute/stopped';

/** Work whose every index waits until the test settles it. */
function heldWork() {
	const pending = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
	const started: number[] = [];
	const work = (index: number) =>
		new Promise<string>((resolve, reject) => {
			started.push(index);
			pending.set(index, { resolve, reject });
		});
	const settle = async (index: number, error?: Error) => {
		const held = pending.get(index);
		if (!held) throw new Error(`index ${index} is not in flight (started: ${started.join(',')})`);
		pending.delete(index);
		if (error) held.reject(error);
		else held.resolve(`r${index}`);
		await flush();
	};
	return { work, settle, started, inFlight: () => [...pending.keys()].sort((a, b) => a - b) };
}

/** Lets every promise continuation that is ready run. */
async function flush(): Promise<void> {
	for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('runInOrder', () => {
	it('keeps up to `concurrency` indices in flight and returns results in index order', async () => {
		const held = heldWork();
		const running = runInOrder(5, held.work, { concurrency: 3 });
		await flush();
		expect(held.inFlight()).toEqual([0, 1, 2]);
		// Answers in any order: the next index starts as soon as a place is free.
		await held.settle(2);
		expect(held.inFlight()).toEqual([0, 1, 3]);
		await held.settle(1);
		await held.settle(0);
		expect(held.inFlight()).toEqual([3, 4]);
		await held.settle(4);
		await held.settle(3);
		const outcome = await running;
		expect(outcome.results).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
		expect(outcome.done).toEqual([true, true, true, true, true]);
		expect(outcome.failures).toEqual([]);
		expect(outcome.notStarted).toEqual([]);
		expect(held.started).toEqual([0, 1, 2, 3, 4]);
	});

	it('runs indices with the same key one after another, in index order', async () => {
		const held = heldWork();
		const keys = ['room A', 'room B', 'room A', undefined, 'room A'];
		const running = runInOrder(5, held.work, { concurrency: 5, keyOf: (i) => keys[i] });
		await flush();
		// 2 and 4 wait for 0 (same room); 1 and 3 go at once.
		expect(held.inFlight()).toEqual([0, 1, 3]);
		await held.settle(1);
		await held.settle(3);
		expect(held.inFlight()).toEqual([0]);
		await held.settle(0);
		expect(held.inFlight()).toEqual([2]);
		await held.settle(2);
		expect(held.inFlight()).toEqual([4]);
		await held.settle(4);
		expect((await running).results).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
		expect(held.started).toEqual([0, 1, 3, 2, 4]);
	});

	it('after a failure starts nothing new, lets the work in flight end, and says what happened to every index', async () => {
		const held = heldWork();
		const keys = [undefined, undefined, 'x', 'x', undefined, undefined];
		const running = runInOrder(6, held.work, { concurrency: 4, keyOf: (i) => keys[i] });
		await flush();
		expect(held.inFlight()).toEqual([0, 1, 2]); // 3 waits for 2; its place is taken
		await held.settle(1, new Error('one failed'));
		// Nothing new starts: 4 and 5 were never started, 3 (waiting for its key) is not sent.
		expect(held.inFlight()).toEqual([0, 2]);
		await held.settle(2);
		await held.settle(0, new Error('zero failed'));
		const outcome = await running;
		expect(held.started).toEqual([0, 1, 2]);
		expect(outcome.done).toEqual([false, false, true, false, false, false]);
		expect(outcome.results[2]).toBe('r2');
		// Lowest index first, whatever the order they failed in.
		expect(outcome.failures.map((f) => [f.index, (f.error as Error).message])).toEqual([
			[0, 'zero failed'],
			[1, 'one failed'],
		]);
		expect(outcome.notStarted).toEqual([3, 4, 5]);
	});

	it('mapInOrder throws the lowest-index failure once the work in flight has ended', async () => {
		const held = heldWork();
		const running = mapInOrder(3, 3, held.work);
		const rejected = expect(running).rejects.toThrow('first');
		await flush();
		await held.settle(2, new Error('third'));
		await held.settle(1);
		await held.settle(0, new Error('first'));
		await rejected;
	});

	it('handles nothing to do and a concurrency below one', async () => {
		expect((await runInOrder(0, async () => 1, { concurrency: 20 })).results).toEqual([]);
		expect((await runInOrder(2, async (i) => i, { concurrency: 0 })).results).toEqual([0, 1]);
	});
});

describe('what a stopped node says about its items', () => {
	it('writes index lists as ranges', () => {
		expect(indexRanges([])).toBe('');
		expect(indexRanges([4])).toBe('4');
		expect(indexRanges([7, 0, 1, 2, 5, 2])).toBe('0-2, 5 and 7');
		expect(indexRanges([3, 4])).toBe('3-4');
	});

	it('names the items that went through, failed and were not sent', () => {
		expect(describeItemsOutcome({ done: [0, 1, 3], failed: [2, 5], notSent: [4, 6, 7] })).toBe(
			'Input items (by index) of 8: 0-1 and 3 went through (the node stopped, so n8n shows no output for them); 2 failed with this error; 5 failed too; 4 and 6-7 were not sent. Set Settings > On Error to "Continue" to get one output item per input item.',
		);
		// A single item needs no such sentence.
		expect(describeItemsOutcome({ done: [], failed: [0], notSent: [] })).toBe('');
	});
});
