// The roster sync a school runs every night: 1,000 spreadsheet rows into the node's User > Create
// inside n8n-core, against the emulator over HTTP (signing, verification, rate limiter on).
// Measures the API calls (one BatchRegister), wall time and heap per run, first and repeat run.
import { startEmulator } from '../../test/emulator';
import { callsOf, parametersFor, runWorkflow } from '../../test/harness';
import type { BenchResult } from './types';

const STUDENTS = 1000;
const TARGET_MS = 5000;

export async function runRosterBench(): Promise<BenchResult[]> {
	const emulator = await startEmulator();
	const rows = Array.from({ length: STUDENTS }, (_, i) => ({
		name: `Student ${i}`,
		studentNo: `S${100000 + i}`,
	}));
	const nodeParameters = parametersFor(
		'RegisterUser',
		{ Name: '={{ $json.name }}', OriginId: '={{ $json.studentNo }}' },
		{ node: { options: { returnExistingOnDuplicate: true } } },
	);
	const results: BenchResult[] = [];
	try {
		for (const run of ['first run', 'repeat run']) {
			emulator.resetCalls();
			const heapBefore = process.memoryUsage().heapUsed;
			const start = process.hrtime.bigint();
			const { items, error } = await runWorkflow({ emulator, nodeParameters, inputItems: rows });
			const ms = Number(process.hrtime.bigint() - start) / 1e6;
			if (error) throw error;
			const calls = callsOf(emulator).length;
			results.push({
				name: `roster: ${STUDENTS} students registered through n8n-core (${run})`,
				figures: {
					'output items': items.length,
					'API calls': calls,
					'wall time (ms)': Math.round(ms),
					'heap growth (MiB)': Number(
						((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1),
					),
				},
				target: `1 API call and under ${TARGET_MS} ms for ${STUDENTS} items`,
				ok: calls === 1 && items.length === STUDENTS && ms < TARGET_MS,
			});
		}
	} finally {
		await emulator.stop();
	}
	return results;
}
