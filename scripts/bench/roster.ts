// The roster sync a school runs every night, at school size: 10,000 students in 10 classes of
// 1,000, through the node inside n8n-core (User > Create for every student, then Group > Create
// with "If a Group Has This Name" = "Update It: Add Missing Members", one item per class, as
// examples/roster-sync.json does), against the emulator in its own process with LCIC's rate
// limits and 50 ms added to every answer. Measured side by side in one run:
// - the batched way: API calls and wall time against the floor that LCIC's limits set for the
//   fewest calls (target: within 1.25x), and the peak heap of the node's process;
// - the same at 1,000 students, to show that memory grows with the roster, not faster;
// - the per-item way (one RegisterUser and one AddGroupMember per student), on a slice,
//   extrapolated to 10,000 students from its steady rate.
// Part of `npm run bench`; alone: npx tsx scripts/bench.ts --only roster
import { findByAction } from '../../nodes/Lcic/catalog';
import { fmt, medianAndSpread, summarise, table } from './stats';
import {
	batchedRun,
	LATENCY_MS,
	MEMBERS_PER_CALL,
	perItemRun,
	rateOf,
	USERS_PER_BATCH,
	type BatchedRun,
	type PerItemRun,
} from './rosterRuns';
import type { BenchModule, BenchResult, BenchSection } from './types';

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

const STUDENTS = 10_000;
const CLASSES = 10;
const SMALL_STUDENTS = 1_000;
const RUNS = arg('roster-runs', 3);
/** Students of the per-item slice, spread over the classes like the whole roster. */
const SLICE = arg('roster-slice', 100);
const TARGET_RATIO = 1.25;

/** The records one page of a list action holds (the catalog's page size). */
const pageSizeOf = (action: string) => findByAction(action).paging!.maxPageSize;
const pages = (records: number, action: string) =>
	Math.max(1, Math.ceil(records / pageSizeOf(action)));

/** The fewest calls LCIC's limits allow for a first sync into an empty application, by action. */
function fewestCalls(students: number, classes: number): Record<string, number> {
	const classSize = Math.ceil(students / classes);
	return {
		// The application's users, listed before the batch so that nobody existing is overwritten.
		DescribeSdkAppIdUsers: pages(0, 'DescribeSdkAppIdUsers'),
		BatchRegister: Math.ceil(students / USERS_PER_BATCH),
		// The application's groups, listed once per run to find each class's group by name.
		DescribeGroupList: pages(0, 'DescribeGroupList'),
		CreateGroupWithMembers: classes,
		AddGroupMember: classes * Math.max(0, Math.ceil(classSize / MEMBERS_PER_CALL) - 1),
	};
}

/** The next night's sync, nothing new: every user and group is found, nothing is written. */
function fewestRerunCalls(students: number, classes: number): Record<string, number> {
	return {
		DescribeSdkAppIdUsers: pages(students, 'DescribeSdkAppIdUsers'),
		DescribeGroupList: pages(classes, 'DescribeGroupList'),
		DescribeGroupMemberList: classes * pages(students / classes, 'DescribeGroupMemberList'),
	};
}

/** Seconds that LCIC's per-action rates need to admit these calls. */
function floorSeconds(calls: Record<string, number>): number {
	return Object.entries(calls).reduce((sum, [action, count]) => sum + count / rateOf(action), 0);
}

const mib = (bytes: number) => bytes / 2 ** 20;

async function runRosterBench(): Promise<BenchSection> {
	const fewest = fewestCalls(STUDENTS, CLASSES);
	const floorS = floorSeconds(fewest);
	const fewestRerun = fewestRerunCalls(STUDENTS, CLASSES);
	const rerunFloorS = floorSeconds(fewestRerun);
	const batched: BatchedRun[] = [];
	const perItem: PerItemRun[] = [];
	// Interleaved, so that both ways see the same machine.
	for (let i = 0; i < RUNS; i++) {
		console.log(`  roster: batched run ${i + 1} of ${RUNS}`);
		batched.push(await batchedRun(STUDENTS, CLASSES));
		console.log(`  roster: per-item slice ${i + 1} of ${RUNS}`);
		perItem.push(await perItemRun(SLICE, CLASSES));
	}
	console.log(`  roster: ${SMALL_STUDENTS.toLocaleString('en-US')} students, for memory`);
	const small = await batchedRun(SMALL_STUDENTS, CLASSES);

	const seconds = batched.map((r) => r.ms / 1000);
	const ratios = seconds.map((s) => s / floorS);
	const ratioMedian = summarise(ratios).median;
	const exactly = (calls: Record<string, number>, expected: Record<string, number>) =>
		Object.entries(expected).every(([action, n]) => calls[action] === n) &&
		Object.keys(calls).length === Object.keys(expected).length;
	const callsOk = batched.every((r) => exactly(r.calls, fewest));
	const rerunSeconds = batched.map((r) => r.rerun.ms / 1000);
	const rerunOk = batched.every((r) => exactly(r.rerun.calls, fewestRerun));
	const callsMade = Object.values(batched[0].calls).reduce((a, b) => a + b, 0);

	// The per-item way for the whole roster: one RegisterUser and one AddGroupMember per student,
	// each at the rate the slice sustained after its first second.
	const perItemActions = ['RegisterUser', 'AddGroupMember'];
	const extrapolated = perItem.map((r) =>
		perItemActions.reduce(
			(sum, action) => sum + STUDENTS / (r.sustainedRate[action] ?? rateOf(action)),
			0,
		),
	);
	const perItemFloor = perItemActions.reduce((sum, action) => sum + STUDENTS / rateOf(action), 0);
	const speedup = summarise(extrapolated).median / summarise(seconds).median;

	const peak = summarise(batched.map((r) => r.peakBytes)).median;
	const kib = (bytes: number) => bytes / 1024;
	const perStudent = (bytes: number, students: number) => kib(bytes) / students;
	// What each student beyond the first 1,000 adds: the part of the heap that grows with the roster.
	const marginal = (peak - small.peakBytes) / (STUDENTS - SMALL_STUDENTS);
	const students = (n: number) => n.toLocaleString('en-US');

	const markdown = [
		`${students(STUDENTS)} students in ${CLASSES} classes of ${students(STUDENTS / CLASSES)}, through the node in n8n-core (\`WorkflowExecute\`, expressions resolved per item): *User > Create* for every student (*Return Existing User on Duplicate* on, so batched), then *Group > Create* with *If a Group Has This Name* = *Update It: Add Missing Members*, one item per class with its 1,000 UserIds, as \`examples/roster-sync.json\` does. The emulator runs in its own process with LCIC's rate limits (20 requests/s per action) and ${LATENCY_MS} ms added to every answer, fresh for every run. Wall time runs from the first item in to the last group out; afterwards every group is read back with all its members. The batched runs and the per-item slices take turns.`,
		'',
		table(
			['', 'Batched (the node)', `Per item (slice of ${SLICE}, extrapolated)`],
			[
				['API calls for 10,000 students', callsMade, students(STUDENTS * 2)],
				[
					'Refused with RequestLimitExceeded (retried)',
					medianAndSpread(
						batched.map((r) => r.rateLimited),
						0,
					),
					`${medianAndSpread(
						perItem.map((r) => r.rateLimited),
						0,
					)} in the slice`,
				],
				['Wall time (s)', medianAndSpread(seconds), medianAndSpread(extrapolated, 0)],
				[
					'of which registering the students (s)',
					medianAndSpread(batched.map((r) => r.registerMs / 1000)),
					'',
				],
				['Floor set by the rate limits (s)', fmt(floorS), fmt(perItemFloor, 0)],
				[
					'**Wall time / floor**',
					`**${medianAndSpread(ratios)}**`,
					medianAndSpread(extrapolated.map((s) => s / perItemFloor)),
				],
				[
					"CPU time of the node's process (s)",
					medianAndSpread(batched.map((r) => r.cpuMs / 1000)),
					'',
				],
			],
		),
		'',
		`The batched sync takes **${fmt(ratioMedian)}x** the floor (target: at most ${TARGET_RATIO}x) and is **${fmt(speedup, 0)}x** faster than the per-item way. The floor is the time LCIC's limits need to admit the fewest calls, one action after another (a one-second window lets a burst through at once, so a run can beat it). The registration is mostly CPU work in this process (the CPU time row: n8n-core resolves two expressions per student); the groups are paced by \`AddGroupMember\`'s limit. On a loaded machine that CPU work stretches over more wall time: compare the load average above.`,
		'',
		table(
			['Action', 'Calls made', 'Fewest calls', 'Limit (requests/s)', 'Floor (s)'],
			Object.entries(fewest).map(([action, n]) => [
				`\`${action}\``,
				batched[0].calls[action] ?? 0,
				n,
				rateOf(action),
				fmt(n / rateOf(action)),
			]),
		),
		'',
		`The next night's run (the same roster again on the same emulator, every user and group already there): ${medianAndSpread(rerunSeconds)} s against a floor of ${fmt(rerunFloorS)} s, only lists, nothing written; the users are listed ${pageSizeOf('DescribeSdkAppIdUsers')} a page (the catalog's page size) so that none is overwritten.`,
		'',
		table(
			['Action (next night)', 'Calls made', 'Fewest calls', 'Limit (requests/s)', 'Floor (s)'],
			Object.entries(fewestRerun).map(([action, n]) => [
				`\`${action}\``,
				batched[0].rerun.calls[action] ?? 0,
				n,
				rateOf(action),
				fmt(n / rateOf(action)),
			]),
		),
		'',
		`Per item: ${SLICE} students (${SLICE / CLASSES} per class) registered with one \`RegisterUser\` each and added with one \`AddGroupMember\` each, ${SLICE * 2} calls in ${medianAndSpread(perItem.map((r) => r.ms / 1000))} s. The whole roster is extrapolated from the rate the slice sustained after its first second (least squares over the arrivals LCIC accepted): ${perItemActions
			.map(
				(action) =>
					`\`${action}\` ${medianAndSpread(
						perItem.map((r) => r.sustainedRate[action] ?? 0),
						1,
					)} calls/s`,
			)
			.join(', ')}.`,
		'',
		"Memory: the peak of the node process's heap during the sync, above the heap before it (after a garbage collection), sampled every 5 ms; it includes n8n-core's copies of the input and output items. What grows with the roster is the marginal cost per student.",
		'',
		table(
			['Roster', 'Peak heap growth (MiB)', 'Per student (KiB)'],
			[
				[
					`${students(SMALL_STUDENTS)} students`,
					fmt(mib(small.peakBytes), 1),
					fmt(perStudent(small.peakBytes, SMALL_STUDENTS), 1),
				],
				[
					`${students(STUDENTS)} students`,
					medianAndSpread(
						batched.map((r) => mib(r.peakBytes)),
						1,
					),
					fmt(perStudent(peak, STUDENTS), 1),
				],
				['Each student beyond 1,000', '', fmt(kib(marginal), 1)],
			],
		),
	].join('\n');

	const results: BenchResult[] = [
		{
			name: `roster: the next night's run, ${students(STUDENTS)} students already there`,
			figures: {
				'API calls': Object.entries(batched[0].rerun.calls)
					.map(([action, n]) => `${action} ${n}`)
					.join(', '),
				'wall time (s)': medianAndSpread(rerunSeconds),
				'floor (s)': fmt(rerunFloorS),
			},
			target: 'only the lists, nothing written',
			ok: rerunOk,
		},
		{
			name: `roster: ${students(STUDENTS)} students into ${CLASSES} classes, batched`,
			figures: {
				'API calls': Object.entries(batched[0].calls)
					.map(([action, n]) => `${action} ${n}`)
					.join(', '),
				'refused for the rate limit (retried)': medianAndSpread(
					batched.map((r) => r.rateLimited),
					0,
				),
				'wall time (s)': medianAndSpread(seconds),
				'floor (s)': fmt(floorS),
				'wall time / floor': medianAndSpread(ratios),
				'CPU time (s)': medianAndSpread(batched.map((r) => r.cpuMs / 1000)),
				'peak heap growth (MiB)': medianAndSpread(
					batched.map((r) => mib(r.peakBytes)),
					1,
				),
			},
			target: `the fewest calls, and at most ${TARGET_RATIO}x the floor`,
			ok: callsOk && ratioMedian <= TARGET_RATIO,
		},
		{
			name: `roster: the per-item way (slice of ${SLICE}, extrapolated to ${students(STUDENTS)})`,
			figures: {
				'slice calls': Object.entries(perItem[0].calls)
					.map(([action, n]) => `${action} ${n}`)
					.join(', '),
				'extrapolated wall time (s)': medianAndSpread(extrapolated, 0),
				'floor (s)': fmt(perItemFloor, 0),
			},
			target: 'for comparison: slower than the batched sync',
			ok: speedup > 1,
		},
		{
			name: 'roster: memory grows with the roster, not faster',
			figures: {
				[`KiB per student at ${students(SMALL_STUDENTS)}`]: fmt(
					perStudent(small.peakBytes, SMALL_STUDENTS),
					1,
				),
				[`KiB per student at ${students(STUDENTS)}`]: fmt(perStudent(peak, STUDENTS), 1),
				'KiB per student beyond 1,000': fmt(kib(marginal), 1),
			},
			target: `no more per student at ${students(STUDENTS)} than at ${students(SMALL_STUDENTS)}`,
			ok: perStudent(peak, STUDENTS) <= perStudent(small.peakBytes, SMALL_STUDENTS),
		},
	];
	const headline = `${students(STUDENTS)} students into ${CLASSES} classes of ${students(STUDENTS / CLASSES)}: ${callsMade} API calls in ${fmt(summarise(seconds).median, 1)} s, **${fmt(ratioMedian)}x** the floor LCIC's rate limits set (target: at most ${TARGET_RATIO}x); one call per student would take about ${fmt(summarise(extrapolated).median, 0)} s (**${fmt(speedup, 0)}x** longer). Peak heap ${fmt(mib(peak), 0)} MiB, ${fmt(kib(marginal), 1)} KiB per student beyond the first 1,000.`;
	return { headline, markdown, results };
}

export const rosterBench: BenchModule = {
	id: 'roster',
	title: 'Roster sync: 10,000 students into 10 classes',
	run: runRosterBench,
};
