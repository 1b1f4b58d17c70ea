// `npm run bench`: speed and memory targets are measured here, never in timed tests.
// Each benchmark prints its figures and its target; the exit code is 1 when a target is missed.
import { runRosterBench } from './bench/roster';
import { runSharedLimitBench } from './bench/sharedLimit';
import { runSigningBench } from './bench/signing';
import { runTriggerBench } from './bench/trigger';
import type { BenchResult } from './bench/types';

type Bench = { name: string; run: () => BenchResult[] | Promise<BenchResult[]> };

async function main(): Promise<void> {
	const benches: Bench[] = [
		{ name: 'signing', run: runSigningBench },
		{ name: 'roster', run: runRosterBench },
		{ name: 'trigger', run: runTriggerBench },
		{ name: 'shared limit', run: runSharedLimitBench },
	];

	let failed = 0;
	for (const bench of benches) {
		for (const result of await bench.run()) {
			console.log(`\n${result.ok ? 'ok  ' : 'MISS'} ${result.name}`);
			for (const [label, value] of Object.entries(result.figures))
				console.log(`     ${label.padEnd(34)} ${value}`);
			console.log(`     target: ${result.target}`);
			if (!result.ok) failed++;
		}
	}
	process.exitCode = failed ? 1 : 0;
}

void main();
