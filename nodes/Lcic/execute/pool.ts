// Runs `work` for every index with at most `concurrency` in flight and keeps results in index
// order. The transport's rate limiter paces the requests; a little concurrency lets the node
// reach the documented rate even when each round trip takes longer than 1/rate seconds.
export async function mapInOrder<T>(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failure: unknown;
	const worker = async () => {
		while (failure === undefined && next < count) {
			const index = next++;
			try {
				results[index] = await work(index);
			} catch (error) {
				failure ??= error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	if (failure !== undefined) throw failure;
	return results;
}
