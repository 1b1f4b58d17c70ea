// The two ways of a roster sync, each run once on a fresh emulator process (LCIC's rate limits,
// 50 ms added to every answer), through the node in n8n-core: the batched way (User > Create for
// every student, Group > Create with "Update It: Add Missing Members" per class, as
// examples/roster-sync.json does) and the per-item way (one RegisterUser and one AddGroupMember
// per student). What a run did is checked after its clock stopped: every student registered,
// every group read back with all its members, no call over LCIC's 200 member IDs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { findByAction } from '../../nodes/Lcic/catalog';
import { DEFAULT_RATE_PER_SECOND, resetRateLimiter } from '../../nodes/Lcic/transport';
import { parametersFor, runWorkflow } from '../../test/harness';
import { startEmulatorProcess, type EmulatorProcess, type LoggedCall } from './emulatorProcess';
import { msSince } from './stats';

export const LATENCY_MS = 50;
/** "MemberIds ... Array length limit: 200" (API reference: CreateGroupWithMembers, AddGroupMember). */
export const MEMBERS_PER_CALL = 200;
/** The node's BatchRegister calls take 1,000 users (catalog: User > Create's batch). */
export const USERS_PER_BATCH = findByAction('RegisterUser').batch!.maxPerCall;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Student extends IDataObject {
	name: string;
	studentNo: string;
	class: string;
}

function roster(students: number, classes: number, prefix: string): Student[] {
	return Array.from({ length: students }, (_, i) => ({
		name: `Student ${i}`,
		studentNo: `${prefix}${String(i).padStart(6, '0')}`,
		class: `Class ${String((i % classes) + 1).padStart(2, '0')}`,
	}));
}

const register = (returnExistingOnDuplicate: boolean) =>
	parametersFor(
		'RegisterUser',
		{ Name: '={{ $json.name }}', OriginId: '={{ $json.studentNo }}' },
		{ node: { options: { returnExistingOnDuplicate } } },
	);

const groupPerClass = parametersFor(
	'CreateGroupWithMembers',
	{ GroupName: '={{ $json.class }}', MemberIds: '={{ $json.memberIds }}' },
	{ node: { options: { ifGroupExists: 'addMembers' } } },
);

async function run(
	emulator: EmulatorProcess,
	nodeParameters: INodeParameters,
	inputItems: IDataObject[],
): Promise<INodeExecutionData[]> {
	const { items, error } = await runWorkflow({ emulator, nodeParameters, inputItems });
	if (error)
		throw new Error(`the roster workflow failed: ${error.message} ${error.description ?? ''}`);
	const failed = items.find((item) => item.json.error);
	if (failed) throw new Error(`an item failed: ${JSON.stringify(failed.json)}`);
	return items;
}

/** One item per class with its students' UserIds, as the example's Summarize node makes. */
function byClass(students: Student[], users: INodeExecutionData[]): IDataObject[] {
	const classes = new Map<string, string[]>();
	students.forEach((student, index) => {
		const members = classes.get(student.class) ?? [];
		members.push(String(users[index].json.UserId));
		classes.set(student.class, members);
	});
	return [...classes].map(([name, memberIds]) => ({ class: name, memberIds }));
}

/** The peak of the heap while `work` runs, sampled every 5 ms, above the heap before it. */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ value: T; peakBytes: number }> {
	collectGarbage();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 5);
	try {
		const value = await work();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return { value, peakBytes: peak - baseline };
	} finally {
		clearInterval(timer);
	}
}

const RATE_LIMITED = 'RequestLimitExceeded';

/** Calls LCIC accepted, by action (a call refused for the rate limit is retried: not counted). */
function countBy(calls: LoggedCall[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const call of calls)
		if (!call.errorCode?.startsWith(RATE_LIMITED))
			counts[call.action] = (counts[call.action] ?? 0) + 1;
	return counts;
}

/** Calls refused with RequestLimitExceeded (and retried by the transport). */
const rateLimited = (calls: LoggedCall[]) =>
	calls.filter((call) => call.errorCode?.startsWith(RATE_LIMITED)).length;

/** An action's documented requests per second, from the catalog. */
export const rateOf = (action: string) => findByAction(action).rateLimit ?? DEFAULT_RATE_PER_SECOND;

export interface BatchedRun {
	ms: number;
	/** Of which registering the students (User > Create); the rest is the groups. */
	registerMs: number;
	/** CPU time of this process (n8n-core and the node) during the run. */
	cpuMs: number;
	peakBytes: number;
	calls: Record<string, number>;
	rateLimited: number;
	/** The same sync again, as the next night's run: nothing new to do. */
	rerun: { ms: number; calls: Record<string, number> };
}

interface Synced {
	ms: number;
	registerMs: number;
	users: INodeExecutionData[];
	groups: INodeExecutionData[];
}

/** One sync: register every student, then one group per class with its students. */
async function sync(emulator: EmulatorProcess, rows: Student[]): Promise<Synced> {
	const started = process.hrtime.bigint();
	const users = await run(emulator, register(true), rows);
	const registerMs = msSince(started);
	const groups = await run(emulator, groupPerClass, byClass(rows, users));
	return { ms: msSince(started), registerMs, users, groups };
}

const addedBy = (groups: INodeExecutionData[]) =>
	groups.reduce((sum, group) => sum + (group.json.AddedMemberIds as string[]).length, 0);

/**
 * The batched way on a fresh emulator: the first sync (timed, with its peak heap and CPU
 * time), its result read back, then the same sync again (timed), which must change nothing.
 */
export async function batchedRun(students: number, classes: number): Promise<BatchedRun> {
	const emulator = await startEmulatorProcess(LATENCY_MS);
	try {
		resetRateLimiter();
		const rows = roster(students, classes, 'S');
		const cpu = process.cpuUsage();
		const { value: first, peakBytes } = await withPeakHeap(() => sync(emulator, rows));
		const used = process.cpuUsage(cpu);
		// Checked after the clock stopped: every student registered and in their class's group.
		const added = addedBy(first.groups);
		if (first.users.length !== students || first.groups.length !== classes || added !== students)
			throw new Error(
				`the sync is incomplete: ${first.users.length} users, ${first.groups.length} groups, ${added} members`,
			);
		const log = await emulator.calls();
		for (const call of log) {
			const members = call.params.MemberIds;
			if (Array.isArray(members) && members.length > MEMBERS_PER_CALL)
				throw new Error(`${call.action} was sent ${members.length} members`);
		}
		await checkMembers(emulator, classes, students / classes);

		await emulator.resetCalls();
		const again = await sync(emulator, rows);
		const sameUsers = again.users.every(
			(user, index) => user.json.UserId === first.users[index].json.UserId,
		);
		if (
			!sameUsers ||
			addedBy(again.groups) !== 0 ||
			!again.groups.every((g) => g.json.AlreadyExisted)
		)
			throw new Error('the second sync changed something: it must find every user and group');
		return {
			ms: first.ms,
			registerMs: first.registerMs,
			cpuMs: (used.user + used.system) / 1000,
			peakBytes,
			calls: countBy(log),
			rateLimited: rateLimited(log),
			rerun: { ms: again.ms, calls: countBy(await emulator.calls()) },
		};
	} finally {
		await emulator.stop();
	}
}

/** Every group has every member of its class, read back through the node (Get Members). */
async function checkMembers(
	emulator: EmulatorProcess,
	classes: number,
	size: number,
): Promise<void> {
	const groups = await run(
		emulator,
		parametersFor('DescribeGroupList', {}, { node: { returnAll: true } }),
		[{}],
	);
	if (groups.length !== classes) throw new Error(`${groups.length} groups for ${classes} classes`);
	for (const group of groups) {
		const members = await run(
			emulator,
			parametersFor(
				'DescribeGroupMemberList',
				{ GroupId: group.json.GroupId },
				{ node: { returnAll: true } },
			),
			[{}],
		);
		if (members.length !== size)
			throw new Error(
				`group ${String(group.json.GroupName)} has ${members.length} members, not ${size}`,
			);
	}
}

export interface PerItemRun {
	ms: number;
	calls: Record<string, number>;
	rateLimited: number;
	/** Accepted calls per second after the first second's burst, by action. */
	sustainedRate: Record<string, number>;
}

/**
 * Accepted calls per second once the first second's burst (which the limit lets through at once)
 * is over: the slope of a least-squares line through arrival time against call number, which
 * averages out the steps that a sliding one-second window makes.
 */
function sustainedRates(log: LoggedCall[]): Record<string, number> {
	const rates: Record<string, number> = {};
	const accepted = log.filter((call) => !call.errorCode?.startsWith(RATE_LIMITED));
	for (const action of new Set(accepted.map((call) => call.action))) {
		const times = accepted
			.filter((call) => call.action === action)
			.map((call) => call.at)
			.sort((a, b) => a - b)
			.slice(rateOf(action));
		if (times.length < 2) continue;
		const n = times.length;
		const meanX = (n - 1) / 2;
		const meanY = times.reduce((sum, t) => sum + t, 0) / n;
		let num = 0;
		let den = 0;
		times.forEach((t, i) => {
			num += (i - meanX) * (t - meanY);
			den += (i - meanX) ** 2;
		});
		rates[action] = 1000 / (num / den);
	}
	return rates;
}

/** The per-item way on a slice: one RegisterUser, then one AddGroupMember, per student. */
export async function perItemRun(slice: number, classes: number): Promise<PerItemRun> {
	const emulator = await startEmulatorProcess(LATENCY_MS);
	try {
		resetRateLimiter();
		const rows = roster(slice, classes, 'P');
		// Not timed: the classes' groups, empty (the per-item way adds students one by one).
		const names = [...new Set(rows.map((row) => row.class))];
		const groups = await run(
			emulator,
			parametersFor('CreateGroupWithMembers', { GroupName: '={{ $json.class }}' }),
			names.map((name) => ({ class: name })),
		);
		const groupOf = new Map(names.map((name, i) => [name, String(groups[i].json.GroupId)]));
		await emulator.resetCalls();
		resetRateLimiter();
		const started = process.hrtime.bigint();
		const users = await run(emulator, register(false), rows);
		await run(
			emulator,
			parametersFor('AddGroupMember', {
				GroupId: '={{ $json.groupId }}',
				MemberIds: '={{ $json.userId }}',
			}),
			rows.map((row, i) => ({ groupId: groupOf.get(row.class), userId: users[i].json.UserId })),
		);
		const ms = msSince(started);
		const log = await emulator.calls();
		return {
			ms,
			calls: countBy(log),
			rateLimited: rateLimited(log),
			sustainedRate: sustainedRates(log),
		};
	} finally {
		await emulator.stop();
	}
}
