// End-to-end check of n8n's queue mode (part of `bash scripts/dev.sh test`, `npm run e2e:queue`):
// Redis and PostgreSQL from Debian's packages (scripts/queue-deps.sh installs them when missing)
// on 127.0.0.1 with throw-away data; `n8n start` with EXECUTIONS_MODE=queue and two `n8n worker`
// processes; this package published to a local npm registry and installed from it on each
// (cluster.ts says how); the LCIC emulator as Tencent. It checks:
//   1. the roster sync at a school's scale (5,000 students, 20 classes, 20 executions at once) on
//      the workers, twice, every student and class group right, nothing failed or duplicated;
//   2. the rate limit shared by both workers: 20 executions at once, 400 User > Get calls of an
//      action LCIC allows 20 times a second; no error may reach the workflow (figures printed);
//   3. the after-class trigger active on main across a restart of main: each class end starts
//      the workflow exactly once, its cursors in PostgreSQL.
// Every process is stopped at the end, also on failure; every wait is bounded.
//   npx tsx test/e2e/queueMode.ts
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { Checks } from './checks';
import { startRunningClasses } from './examples';
import { ROOT } from './install';
import { withProgress } from './progress';
import { afterClassAcrossRestart, AfterClassWatch } from './queue/afterClass';
import { openQueueCluster, type QueueCluster } from './queue/cluster';
import {
	CLASSES,
	rosterWebhookWorkflow,
	STUDENTS_PER_CLASS,
	syncAllAtOnce,
	writeRosters,
	type ClassRoster,
	type SyncAnswer,
} from './queue/roster';
import {
	lookUpAtOnce,
	lookupWorkflow,
	LOOKUP_WORKFLOW_ID,
	type SharedLimitFigures,
} from './queue/sharedLimit';

const WORKERS = 2;
/** How long LCIC takes for each BatchRegister of the first round (see rosterRounds). */
const SLOW_REGISTER_MS = 10_000;

const checks = new Checks();

function rateLimitFigures(emulator: RunningEmulator, since: number): string {
	const calls = emulator.calls.slice(since);
	const limited = calls.filter((c) => c.errorCode?.startsWith('RequestLimitExceeded')).length;
	const failed = calls.filter(
		(c) => c.errorCode && !c.errorCode.startsWith('RequestLimitExceeded'),
	);
	return `${calls.length} API calls, ${limited} answered RequestLimitExceeded (retried), ${failed.length} other errors`;
}

function checkRound(
	label: string,
	answers: SyncAnswer[],
	expect: (answer: SyncAnswer) => boolean,
): void {
	const wrong = answers.filter((a) => a.status !== 200 || a.groups.length !== 1 || !expect(a));
	checks.check(
		label,
		wrong.length === 0,
		wrong
			.slice(0, 3)
			.map((a) => `${a.roster.key}: HTTP ${a.status} ${a.text.slice(0, 300)}`)
			.join('; '),
	);
}

function checkEmulatorState(emulator: RunningEmulator, rosters: ClassRoster[]): void {
	const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	const students = rosters.flatMap((r) => r.students);
	const userIds = students.map((s) => app.usersByOrigin.get(s.student_number));
	checks.check(
		`every one of the ${students.length} students is registered once`,
		userIds.every(Boolean) && new Set(userIds).size === students.length,
		`${userIds.filter(Boolean).length} registered`,
	);
	const badClasses = rosters.filter((roster) => {
		const groups = [...app.groups.values()].filter((g) => g.GroupName === roster.className);
		const wanted = roster.students.map((s) => app.usersByOrigin.get(s.student_number)).sort();
		return (
			groups.length !== 1 ||
			JSON.stringify([...groups[0].memberIds].sort()) !== JSON.stringify(wanted)
		);
	});
	checks.check(
		`one group per class (${rosters.length}), holding exactly its students`,
		badClasses.length === 0,
		badClasses.map((r) => r.className).join(', '),
	);
}

function checkOnWorkers(cluster: QueueCluster, workflowId: string, expected: number): void {
	const rows = cluster.postgres
		.query(
			`select id, status from execution_entity where "workflowId" = '${workflowId}' order by id`,
		)
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split('|'));
	const byWorker = new Map<string, number>();
	for (const [id] of rows) {
		const worker = cluster.workerOf(id) ?? 'no worker';
		byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
	}
	const split = [...byWorker].map(([worker, n]) => `${worker}: ${n}`).join(', ');
	checks.check(
		`n8n recorded ${expected} successful executions (${split})`,
		rows.length === expected && rows.every(([, status]) => status === 'success'),
		JSON.stringify(rows),
	);
	checks.check(
		'every one ran on a worker, and both workers ran some',
		!byWorker.has('no worker') && cluster.workers.every((w) => byWorker.has(w.name)),
		split,
	);
}

async function rosterRounds(
	cluster: QueueCluster,
	emulator: RunningEmulator,
	workflowId: string,
): Promise<ClassRoster[]> {
	console.log(
		`\nExample 1 on the workers: ${CLASSES * STUDENTS_PER_CLASS} students in ${CLASSES} classes, one execution per class file, all at once`,
	);
	const failedBefore = checks.failed;
	const rosters = writeRosters(cluster.files);
	// LCIC answers each BatchRegister of this round after 10 s: the 20 executions overlap, more of
	// them run at once than one worker takes (n8n's default concurrency, 10), so both must work.
	emulator.faults.add({
		kind: 'delay',
		action: 'BatchRegister',
		ms: SLOW_REGISTER_MS,
		times: CLASSES,
	});
	let since = emulator.calls.length;
	const first = await withProgress(`First sync: ${CLASSES} webhook calls at once`, () =>
		syncAllAtOnce(cluster, rosters),
	);
	emulator.faults.clear();
	checkRound('every class: its group created with all its students', first, (a) => {
		const [group] = a.groups;
		return (
			group.GroupName === a.roster.className &&
			!group.AlreadyExisted &&
			group.AddedMemberIds.length === STUDENTS_PER_CLASS
		);
	});
	checkEmulatorState(emulator, rosters);
	console.log(`    (${rateLimitFigures(emulator, since)})`);

	since = emulator.calls.length;
	const again = await withProgress(`The nightly re-run: ${CLASSES} webhook calls at once`, () =>
		syncAllAtOnce(cluster, rosters),
	);
	checkRound('a re-run finds every class group and adds nobody', again, (a) => {
		const [group] = a.groups;
		return (
			group.AlreadyExisted &&
			group.AddedMemberIds.length === 0 &&
			group.GroupId === first.find((f) => f.roster === a.roster)?.groups[0]?.GroupId
		);
	});
	checkEmulatorState(emulator, rosters);
	console.log(`    (${rateLimitFigures(emulator, since)})`);
	checkOnWorkers(cluster, workflowId, 2 * CLASSES);
	// The workers log what failed in an execution: the first place to look.
	if (checks.failed > failedBefore)
		console.log(cluster.workers.map((w) => w.tail(3000)).join('\n'));
	return rosters;
}

/** Main installed it through Community Nodes; the workers by hand: all load it. */
function checkInstalls(cluster: QueueCluster): void {
	console.log('\nThe package on every process');
	const { installed } = cluster;
	checks.check(
		`main installed ${installed.packageName}@${installed.installedVersion} through Community Nodes (${installed.installedNodes.length} nodes loaded)`,
		installed.installedNodes.length >= 2 && !installed.failedLoading,
		JSON.stringify(installed),
	);
	const recorded = cluster.postgres
		.query(`select "packageName" || '@' || "installedVersion" from installed_packages`)
		.trim();
	checks.check(
		'PostgreSQL records it for every process (installed_packages)',
		recorded === `${installed.packageName}@${installed.installedVersion}`,
		recorded,
	);
	const missing = cluster.workers.filter((worker) =>
		worker.log().includes('some packages are missing'),
	);
	checks.check(
		'each worker loaded it from its own nodes folder (no "packages are missing" warning)',
		missing.length === 0,
		missing.map((w) => w.tail()).join('\n'),
	);
}

/** One import:workflow for the three workflows (each n8n command takes seconds to start). */
async function importAndPublish(cluster: QueueCluster): Promise<string> {
	const roster = rosterWebhookWorkflow(cluster.files) as { id: string };
	const afterClass = JSON.parse(
		readFileSync(join(ROOT, 'examples', 'after-class.json'), 'utf8'),
	) as { id: string };
	const workflows = [roster, afterClass, lookupWorkflow(cluster.files)] as Array<{ id: string }>;
	await cluster.importWorkflows(workflows);
	for (const { id } of workflows) await cluster.cli.run(['publish:workflow', `--id=${id}`]);
	return roster.id;
}

function reportSharedLimit(figures: SharedLimitFigures): void {
	checks.check(
		`every one of the ${figures.items} students found, no error in the workflow, no execution failed`,
		figures.found === figures.items && figures.errors === 0 && figures.failedExecutions === 0,
		JSON.stringify(figures),
	);
	console.log(
		`    (measured: ${figures.rateLimited} RequestLimitExceeded answers, ${figures.retries} retries, ${
			figures.errors
		} errors in the workflow; ${(figures.wallMs / 1000).toFixed(1)} s against a floor of ${(
			figures.floorMs / 1000
		).toFixed(0)} s at 20 requests/s)`,
	);
}

async function main(): Promise<void> {
	console.log(
		'End-to-end in n8n queue mode: Redis, PostgreSQL, main and two workers, the LCIC emulator',
	);
	console.log(
		`  (load average ${loadavg()
			.map((l) => l.toFixed(2))
			.join(', ')} on this machine)`,
	);
	const started = Date.now();
	const emulator = await startEmulator();
	let cluster: QueueCluster | undefined;
	// Interrupted (Ctrl-C, a CI timeout): stop every server and remove the throw-away folders.
	// (Were this process killed outright, the servers' guards would still stop them.)
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			console.log(`\n${signal}: stopping n8n, Redis and PostgreSQL`);
			void Promise.allSettled([cluster?.close(), emulator.stop()]).then(() => process.exit(130));
		});
	}
	try {
		cluster = await openQueueCluster(emulator, WORKERS);
		const rosterId = await withProgress(
			'Importing the roster sync (webhook), after-class and lookup workflows; publishing them',
			() => importAndPublish(cluster!),
		);
		// Classes in progress before the trigger's activation.
		const watch = new AfterClassWatch(
			emulator,
			cluster,
			startRunningClasses(emulator, ['Algebra', 'Biology']),
		);
		await withProgress(`Starting ${WORKERS} workers (n8n worker)`, () => cluster!.startWorkers());
		await withProgress('Starting main (n8n start, EXECUTIONS_MODE=queue)', () =>
			cluster!.startMain(),
		);
		checkInstalls(cluster);

		const rosters = await rosterRounds(cluster, emulator, rosterId);
		console.log(
			'\nThe shared rate limit: 20 executions at once on both workers, 400 User > Get calls (20/s allowed)',
		);
		const figures = await withProgress('20 lookup webhook calls at once', () =>
			lookUpAtOnce(cluster!, emulator, rosters),
		);
		reportSharedLimit(figures);
		checkOnWorkers(cluster, LOOKUP_WORKFLOW_ID, CLASSES);
		console.log(
			'\nExample 3: after class, the trigger active on main, main restarted in the middle',
		);
		await afterClassAcrossRestart(watch, cluster, checks);
	} catch (error) {
		checks.broke(error);
		if (cluster) console.log(cluster.logTails());
	} finally {
		await cluster?.close();
		await emulator.stop();
	}
	console.log(`\n${checks.summary()} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
	process.exitCode = checks.failed > 0 ? 1 : 0;
}

void main();
