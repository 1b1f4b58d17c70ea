export interface BenchResult {
	name: string;
	figures: Record<string, number | string>;
	/** The target this benchmark checks, in words. */
	target: string;
	ok: boolean;
}
