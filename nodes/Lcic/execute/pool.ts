// Runs work for many indices at once, results kept in index order. The transport's rate
// limiter paces the requests; enough work in flight lets the node reach an action's documented
// rate even though each round trip takes longer than 1/rate seconds (20 requests/s with 50 ms
// round trips needs at least one request in flight at all times, a sync of many classes more).

export interface InOrderOptions {
	/** At most this many indices in flight. */
	concurrency: number;
	/**
	 * Indices with the same key run one after another, in index order: they act on the same
	 * thing (two updates of one room), so the later must see the earlier. Undefined: no order.
	 */
	keyOf?: (index: number) => string | undefined;
}

export interface InOrderOutcome<T> {
	/** What each index returned; undefined where it failed or was never started. */
	results: Array<T | undefined>;
	/** Whether each index ran to its end without throwing. */
	done: boolean[];
	/** What was thrown, lowest index first. */
	failures: Array<{ index: number; error: unknown }>;
	/** Indices never started because an earlier one failed, in order. */
	notStarted: number[];
}

/**
 * Starts indices in order, at most `concurrency` at a time. After a failure nothing new starts;
 * the work already in flight runs to its end, and the outcome says exactly which indices were
 * done, which failed and which never started.
 */
export async function runInOrder<T>(
	count: number,
	work: (index: number) => Promise<T>,
	{ concurrency, keyOf }: InOrderOptions,
): Promise<InOrderOutcome<T>> {
	const results = new Array<T | undefined>(count);
	const done = new Array<boolean>(count).fill(false);
	const failures: Array<{ index: number; error: unknown }> = [];
	const started = new Array<boolean>(count).fill(false);
	const tails = new Map<string, Promise<unknown>>();
	let next = 0;

	const runOne = async (index: number): Promise<void> => {
		const key = keyOf?.(index);
		const before = key === undefined ? undefined : tails.get(key);
		const mine = (async () => {
			if (before) await before;
			// An earlier index failed while this one waited for its key: it is not sent.
			if (failures.length > 0) return;
			started[index] = true;
			try {
				results[index] = await work(index);
				done[index] = true;
			} catch (error) {
				failures.push({ index, error });
			}
		})();
		if (key !== undefined) tails.set(key, mine);
		await mine;
	};

	const worker = async (): Promise<void> => {
		while (failures.length === 0 && next < count) await runOne(next++);
	};
	const workers = Math.max(1, Math.min(Math.floor(concurrency), count));
	await Promise.all(Array.from({ length: workers }, worker));

	failures.sort((a, b) => a.index - b.index);
	const notStarted: number[] = [];
	for (let index = 0; index < count; index++) if (!started[index]) notStarted.push(index);
	return { results, done, failures, notStarted };
}

/** Like runInOrder, but throws the lowest-index failure (after the work in flight has ended). */
export async function mapInOrder<T>(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<T>,
): Promise<T[]> {
	const outcome = await runInOrder(count, work, { concurrency });
	if (outcome.failures.length > 0) throw outcome.failures[0].error;
	return outcome.results as T[];
}
