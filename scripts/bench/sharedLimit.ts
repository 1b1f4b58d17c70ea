// Benchmark: n8n workers sharing LCIC's per-action limit. In queue mode every worker process has
// its own copy of the node's rate limiter, and all of them send with one credential, while
// Tencent counts the limit per action on its side ("Frequency Limit (maximum requests per
// second)": 20 for DescribeUser, API reference, API Category; its error codes include
// RequestLimitExceeded.UinLimitExceeded, "The number of uin requests exceeds the frequency
// limit", a per-account count). Here 2 and 4 worker processes
// (forked, each running n8n-core's WorkflowExecute as a worker does, two executions at once)
// share 400 User > Get items (one worker alone for comparison) against one emulator, which enforces the limit across all callers.
// Measured: RequestLimitExceeded answers, retries, errors that reached the workflow (goal 0) and
// wall time against the floor that 20 requests/s sets, with the limiter before it adapted
// (fixed 20/s per process, four attempts) and now.
// Part of `npm run bench`; alone: npx tsx scripts/bench/sharedLimit.ts
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../../test/emulator';
import { parametersFor, runWorkflow } from '../../test/harness';
import { table } from './stats';
import type { BenchModule, BenchResult, BenchSection } from './types';
import type { WorkerReport, WorkerTask } from './sharedLimitWorker';

const USERS = 400;
const EXECUTIONS_PER_WORKER = 2;
const DESCRIBE_USER_LIMIT = 20;
const FLOOR_MS = (USERS / DESCRIBE_USER_LIMIT) * 1000;
const WALL_TARGET = 1.5;
const WORKER_TIMEOUT_MS = 300_000;

async function seedUsers(emulator: RunningEmulator): Promise<string[]> {
	const { items, error } = await runWorkflow({
		emulator,
		nodeParameters: parametersFor(
			'RegisterUser',
			{ Name: '={{ $json.name }}', OriginId: '={{ $json.originId }}' },
			{ node: { options: { returnExistingOnDuplicate: true } } },
		),
		inputItems: Array.from({ length: USERS }, (_, i) => ({
			name: `Student ${i}`,
			originId: `B${100000 + i}`,
		})),
	});
	if (error) throw error;
	return items.map((item) => String(item.json.UserId));
}

function split<T>(list: T[], parts: number): T[][] {
	return Array.from({ length: parts }, (_, part) => list.filter((_, i) => i % parts === part));
}

function message<T>(child: ChildProcess, what: string): Promise<T> {
	return new Promise((done, fail) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			fail(new Error(`a benchmark worker did not ${what} within ${WORKER_TIMEOUT_MS / 1000} s`));
		}, WORKER_TIMEOUT_MS);
		child.once('message', (value) => {
			clearTimeout(timer);
			done(value as T);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`a benchmark worker exited (${String(code)}) before it could ${what}`));
		});
	});
}

interface RunFigures {
	reports: WorkerReport[];
	wallMs: number;
	calls: number;
	rateLimited: number;
}

async function runWorkers(
	emulator: RunningEmulator,
	userIds: string[],
	workers: number,
	adaptive: boolean,
): Promise<RunFigures> {
	const children = Array.from({ length: workers }, () =>
		fork(join(__dirname, 'sharedLimitWorker.ts'), [], { stdio: 'inherit' }),
	);
	try {
		await Promise.all(children.map((child) => message<string>(child, 'start')));
		// Nothing of the previous run may linger in the emulator's one-second windows.
		await new Promise((done) => setTimeout(done, 1200));
		emulator.resetCalls();
		const started = Date.now();
		const reports = await Promise.all(
			split(userIds, workers).map((ids, i) => {
				const task: WorkerTask = {
					emulator: { url: emulator.url, account: emulator.account },
					executions: split(ids, EXECUTIONS_PER_WORKER),
					adaptive,
				};
				children[i].send(task);
				return message<{ report?: WorkerReport; error?: string }>(children[i], 'finish');
			}),
		);
		const wallMs = Date.now() - started;
		const failed = reports.find((r) => r.error);
		if (failed) throw new Error(`a benchmark worker failed: ${failed.error}`);
		const calls = emulator.calls.filter((c) => c.action === 'DescribeUser');
		return {
			reports: reports.map((r) => r.report!),
			wallMs,
			calls: calls.length,
			rateLimited: calls.filter((c) => c.errorCode?.startsWith('RequestLimitExceeded')).length,
		};
	} finally {
		for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
	}
}

interface Row {
	workers: number;
	adaptive: boolean;
	run: RunFigures;
	items: number;
	errors: number;
	ratio: number;
	load: string;
}

const limiterName = (adaptive: boolean): string =>
	adaptive ? 'adaptive, 10 attempts (now)' : 'fixed 20/s per process, 4 attempts (before)';

function sectionOf(rows: Row[]): BenchSection {
	const results: BenchResult[] = rows.map((row) => ({
		name: `shared limit: ${row.workers} worker${row.workers > 1 ? 's' : ''} x ${EXECUTIONS_PER_WORKER} executions, ${USERS} User > Get items, ${limiterName(row.adaptive)}`,
		figures: {
			'items out': row.items,
			'RequestLimitExceeded answers': row.run.rateLimited,
			retries: row.run.calls - USERS,
			'errors surfaced to the workflow': row.errors,
			'wall time (ms)': row.run.wallMs,
			'wall time / floor': Number(row.ratio.toFixed(2)),
			'load average (1 min) at start': row.load,
		},
		target: row.adaptive
			? `0 errors surfaced; wall time under ${WALL_TARGET} x the floor`
			: 'none (the behaviour before, for comparison)',
		ok: !row.adaptive || (row.errors === 0 && row.items === USERS && row.ratio < WALL_TARGET),
	}));
	const markdown = [
		`n8n's queue mode runs executions in worker processes, each with its own copy of the node's rate limiter, all sending with one credential; LCIC counts each action's limit on its side. Here 1, 2 and 4 worker processes (forked, each running n8n-core's \`WorkflowExecute\` with ${EXECUTIONS_PER_WORKER} executions at once) share ${USERS} *User > Get* items (\`DescribeUser\`, one call each, On Error: Continue) against one emulator, which enforces LCIC's 20 requests/s for the action across all callers. The floor is ${USERS} / 20 = ${FLOOR_MS / 1000} s. "Before" is the limiter as it was: a fixed 20/s per process and 4 attempts for \`RequestLimitExceeded\`. Errors are the items that came out as errors; retries are the calls beyond one per item.`,
		'',
		table(
			[
				'Workers',
				'Limiter',
				'RequestLimitExceeded answers',
				'Retries',
				'Errors in the workflow',
				'Wall time',
				'x floor',
				'Load (1 min)',
			],
			rows.map((row) => [
				row.workers,
				limiterName(row.adaptive),
				row.run.rateLimited,
				row.run.calls - USERS,
				row.adaptive ? `**${row.errors}**` : `${row.errors} of ${USERS}`,
				`${(row.run.wallMs / 1000).toFixed(1)} s`,
				row.ratio.toFixed(2),
				row.load,
			]),
		),
	].join('\n');
	const now = rows.filter((row) => row.adaptive && row.workers > 1);
	const before = rows.filter((row) => !row.adaptive);
	const headline = `${now.map((row) => row.workers).join(' and ')} worker processes sharing one action's 20 requests/s: **${now
		.map((row) => row.errors)
		.join(' and ')}** errors reached the workflow (before: ${before
		.map((row) => `${row.errors}`)
		.join(' and ')} of ${USERS} items failed), in ${now
		.map((row) => `${row.ratio.toFixed(2)}x`)
		.join(
			' and ',
		)} the floor, with ${now.map((row) => row.run.rateLimited).join(' and ')} \`RequestLimitExceeded\` answers, all retried.`;
	return { headline, markdown, results };
}

export async function runSharedLimitBench(): Promise<BenchSection> {
	const emulator = await startEmulator();
	const rows: Row[] = [];
	try {
		const userIds = await seedUsers(emulator);
		// One worker alone is the baseline.
		const runs: Array<[workers: number, adaptive: boolean]> = [
			[1, true],
			[2, false],
			[2, true],
			[4, false],
			[4, true],
		];
		for (const [workers, adaptive] of runs) {
			const load = loadavg()[0].toFixed(2);
			const run = await runWorkers(emulator, userIds, workers, adaptive);
			const items = run.reports.reduce((sum, r) => sum + r.items, 0);
			const errors = run.reports.reduce((sum, r) => sum + r.errors, 0);
			rows.push({ workers, adaptive, run, items, errors, ratio: run.wallMs / FLOOR_MS, load });
		}
	} finally {
		await emulator.stop();
	}
	return sectionOf(rows);
}

export const sharedLimitBench: BenchModule = {
	id: 'shared-limit',
	title: 'Queue mode: workers sharing the rate limit',
	run: runSharedLimitBench,
};

if (require.main === module) {
	runSharedLimitBench().then(
		(section) => console.log(section.markdown),
		(error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}
