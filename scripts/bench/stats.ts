// Medians and spread of repeated measurements, and the Markdown tables BENCHMARKS.md is made of.

export interface Summary {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function summarise(values: number[]): Summary {
	if (values.length === 0) throw new Error('no measurements to summarise');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median =
		sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** A number with a sensible number of digits for a table: 3.04, 41.2, 1,250. */
export function fmt(value: number, digits?: number): string {
	const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
	return value.toLocaleString('en-US', {
		minimumFractionDigits: places,
		maximumFractionDigits: places,
	});
}

/** "3.04 (2.98-3.12, 3 runs)": the median, then the lowest and highest of the runs. */
export function medianAndSpread(values: number[], digits?: number): string {
	const s = summarise(values);
	if (s.runs === 1) return `${fmt(s.median, digits)} (1 run)`;
	return `${fmt(s.median, digits)} (${fmt(s.min, digits)}-${fmt(s.max, digits)}, ${s.runs} runs)`;
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
	const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Milliseconds since `start` (process.hrtime.bigint()). */
export function msSince(start: bigint): number {
	return Number(process.hrtime.bigint() - start) / 1e6;
}
