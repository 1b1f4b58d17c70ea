// The roster sync a school runs every night: 1,000 spreadsheet rows into the node's User > Create
// inside n8n-core, against the emulator over HTTP (signing, verification, rate limiter on).
// Measures the API calls, wall time and heap per run, first and repeat run. The node lists the
// application's users first (DescribeSdkAppIdUsers, 100 a page) so that users who already exist
// are not overwritten by BatchRegister: the first run is one page and one BatchRegister, the
// repeat run ten pages and no BatchRegister.
import { startEmulator } from '../../test/emulator';
import { callsOf, parametersFor, runWorkflow } from '../../test/harness';
import type { BenchResult } from './types';

const STUDENTS = 1000;
const TARGET_MS = 5000;
/** DescribeSdkAppIdUsers page size (the catalog's) and BatchRegister's users per call. */
const USERS_PER_PAGE = 100;
const USERS_PER_BATCH = 1000;

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
			const existing = run === 'first run' ? 0 : STUDENTS;
			const expectedCalls =
				Math.max(1, Math.ceil(existing / USERS_PER_PAGE)) +
				Math.ceil((STUDENTS - existing) / USERS_PER_BATCH);
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
				target: `${expectedCalls} API calls (${existing} users listed, ${STUDENTS - existing} registered) and under ${TARGET_MS} ms for ${STUDENTS} items`,
				ok: calls === expectedCalls && items.length === STUDENTS && ms < TARGET_MS,
			});
		}
	} finally {
		await emulator.stop();
	}
	return results;
}
