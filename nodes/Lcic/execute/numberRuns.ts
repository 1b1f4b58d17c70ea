/**
 * Consecutive numbers written as runs, in the order given: [1, 2, 3, 7] -> ['1-3', '7']. For
 * the messages that say which items, positions or calls went through and which did not.
 */
export function numberRuns(numbers: number[]): string[] {
	const runs: string[] = [];
	for (let i = 0; i < numbers.length; ) {
		let j = i;
		while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
		runs.push(i === j ? String(numbers[i]) : `${numbers[i]}-${numbers[j]}`);
		i = j + 1;
	}
	return runs;
}
