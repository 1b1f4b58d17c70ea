// What a benchmark module gives `npm run bench` (scripts/bench.ts): one section of
// BENCHMARKS.md and the targets it checked. A module that returns only BenchResult[] gets a
// section made of its figures (report.ts), so any bench can be added to the list.

export interface BenchResult {
	name: string;
	figures: Record<string, number | string>;
	/** The target this benchmark checks, in words. */
	target: string;
	ok: boolean;
}

export interface BenchSection {
	/** One sentence with the section's key figures, quoted in the README (markdown). */
	headline?: string;
	/** Markdown under the section's heading: what was measured, how, and the tables. */
	markdown: string;
	/** The targets checked; printed, and a miss makes `npm run bench` exit 1. */
	results: BenchResult[];
}

export interface BenchModule {
	/** Short name for `npm run bench -- --only <id>` and the section markers in BENCHMARKS.md. */
	id: string;
	/** The section's heading. */
	title: string;
	run(): Promise<BenchSection | BenchResult[]> | BenchSection | BenchResult[];
}
