// End-to-end check in a real n8n (part of `bash scripts/dev.sh test`): the package as npm would
// ship it (`npm pack`), published as 0.1.0 to a local npm registry (Verdaccio, 127.0.0.1), and
// installed into a fresh n8n (cached by scripts/n8n-install.sh) the way users install community
// nodes: owner set up over REST, then Settings > Community Nodes > Install by name, which runs
// n8n's own installer, checks and reload. The credential's Test button over REST; the example
// workflows against the LCIC emulator; then 0.1.1 is published and installed with the Update
// button, and the same credential and workflows (two of them active) keep working.
// Every n8n process runs with a time limit; servers and temp folders are removed at the end.
//   npx tsx test/e2e/realN8n.ts
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { generateRoster, SCHOOL_CLASS_SIZES, toCsv } from '../../scripts/roster';
import { startEmulator, type RunningEmulator } from '../emulator';
import { finishRoom } from '../emulator/actions/roomState';
import {
	importRosterSync,
	formInstant,
	FORM_TIME_ZONE,
	POLLS_TO_SEE_A_REPEAT,
	readStudents,
	rosterFile,
	runRosterSync,
	sampleClass,
	startRunningClasses,
	submitClassForm,
	triggerPolls,
} from './examples';
import { updateThroughRest } from './communityPackages';
import { eventTriggerExample } from './eventTrigger';
import { packPackage } from './install';
import { outputOf } from './n8nCli';
import type { InstalledPackage, N8nRest } from './n8nRest';
import { freePort, waitFor } from './n8nServer';
import { withProgress } from './progress';
import { startRegistry, type LocalRegistry } from './registry';
import { emulatorCredentialData, openSandbox, PACKAGE_NAME, type Sandbox } from './sandbox';
import { scanPackage } from './scanner';

/** The two releases the run publishes: the first install and the update. */
const FIRST = '0.1.0';
const SECOND = '0.1.1';
const NODE_TYPES = [
	`${PACKAGE_NAME}.lcic`,
	`${PACKAGE_NAME}.lcicTrigger`,
	`${PACKAGE_NAME}.lcicEventTrigger`,
];

let passed = 0;
let failed = 0;

function check(label: string, ok: boolean, detail = ''): void {
	if (ok) passed++;
	else failed++;
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}${ok || !detail ? '' : `: ${detail}`}`);
}

/** The credential dialog over REST, right after the install: Save, then Test. */
async function credentialTest(
	rest: N8nRest,
	installed: InstalledPackage,
	emulator: RunningEmulator,
): Promise<void> {
	console.log('\nInstalled through n8n (Settings > Community Nodes, over REST)');
	check(
		`n8n installed ${PACKAGE_NAME}@${FIRST} from the local registry`,
		installed.packageName === PACKAGE_NAME && installed.installedVersion === FIRST,
		JSON.stringify(installed).slice(0, 500),
	);
	check(
		'and reports its three nodes',
		JSON.stringify(installed.installedNodes.map((n) => n.type).sort()) ===
			JSON.stringify([...NODE_TYPES].sort()),
		JSON.stringify(installed.installedNodes),
	);

	console.log("\nThe credential's Test button (POST /rest/credentials/test)");
	const type = 'tencentCloudLcicApi';
	const good = emulatorCredentialData(emulator);
	const testOf = async (name: string, data: ICredentialDataDecryptedObject) =>
		await rest.testCredential(await rest.createCredential(name, type, data), name, type, data);
	const ok = await testOf('LCIC good key', good);
	check('a good key: OK', ok.status === 'OK', JSON.stringify(ok));
	const wrongSecret = 'wrong-secret-key-never-shown';
	const badKey = await testOf('LCIC wrong SecretKey', { ...good, secretKey: wrongSecret });
	check(
		"a wrong SecretKey: Tencent's code AuthFailure.SignatureFailure and its description",
		badKey.status === 'Error' &&
			badKey.message.startsWith('AuthFailure.SignatureFailure: Invalid signature.') &&
			!badKey.message.includes(wrongSecret),
		JSON.stringify(badKey),
	);
	const unknown = await testOf('LCIC unknown SecretId', { ...good, secretId: 'AKIDunknown0000' });
	check(
		'an unknown SecretId: AuthFailure.SecretIdNotFound',
		unknown.status === 'Error' && unknown.message.startsWith('AuthFailure.SecretIdNotFound: '),
		JSON.stringify(unknown),
	);
	const calls = emulator.calls.filter((c) => c.action === 'DescribeSdkAppIdUsers');
	check(
		'each Test made one signed read of the Default SdkAppId (DescribeSdkAppIdUsers)',
		calls.length === 3 && calls.every((c) => c.params.SdkAppId === good.sdkAppId),
		`${calls.length} calls`,
	);
	// The reference's code for an SdkAppId of no application of the account:
	// InvalidParameter.SdkAppId, "`SdkAppId` is incorrect."
	for (const [what, sdkAppId] of [
		['0 (not set)', 0],
		['of no application of the account', 1400999999],
	] as const) {
		const wrongApp = await testOf(`LCIC SdkAppId ${what}`, { ...good, sdkAppId });
		check(
			`a Default SdkAppId ${what}: InvalidParameter.SdkAppId, saying what to enter`,
			wrongApp.status === 'Error' &&
				wrongApp.message.startsWith('InvalidParameter.SdkAppId: ') &&
				wrongApp.message.includes("the credential's Default SdkAppId is 0 (not set) or is not"),
			JSON.stringify(wrongApp),
		);
	}
	const bare = String(good.customUrl).replace(/^https?:\/\//, '');
	const schemeless = await testOf('LCIC Custom Base URL without scheme', {
		...good,
		customUrl: bare,
	});
	check(
		'a Custom Base URL without http:// or https://: asked for, nothing sent',
		schemeless.status === 'Error' && schemeless.message.includes('has no scheme. Add http://'),
		JSON.stringify(schemeless),
	);

	// A proxy answering with a redirect: n8n must not carry the signed request to the Location
	// (a closed port here: following it would end in ECONNREFUSED, not in our message).
	emulator.faults.add({
		kind: 'redirect',
		status: 307,
		location: `http://127.0.0.1:${await freePort()}/`,
	});
	const redirected = await testOf('LCIC behind a redirecting proxy', good);
	check(
		'a redirect: reported, not followed',
		redirected.status === 'Error' && redirected.message.includes('redirect (HTTP 307)'),
		JSON.stringify(redirected),
	);
	const unset = await testOf('LCIC regional without region', {
		...good,
		endpoint: 'regional',
		region: '',
	});
	check(
		'a setting that cannot work (Regional Endpoint without a Region): said before sending',
		unset.status === 'Error' &&
			unset.message.includes("credential's Endpoint is Regional Endpoint"),
		JSON.stringify(unset),
	);
}

async function packageLoads(sandbox: Sandbox): Promise<void> {
	console.log('\nLoading the package');
	const file = join(sandbox.home, 'nodes.json');
	await sandbox.n8n.run(['export:nodes', `--output=${file}`]);
	const names = (JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string }>).map(
		(n) => n.name,
	);
	check('n8n export:nodes lists the LCIC node', names.includes('n8n-nodes-tencent-lcic.lcic'));
	check(
		'n8n export:nodes lists the LCIC trigger',
		names.includes('n8n-nodes-tencent-lcic.lcicTrigger'),
	);
	check(
		'n8n export:nodes lists the LCIC Event Trigger',
		names.includes('n8n-nodes-tencent-lcic.lcicEventTrigger'),
	);
	// openSandbox imported it; a credential type n8n did not load would have failed the import.
	check('n8n import:credentials takes a Tencent Cloud LCIC API credential', true);
}

/**
 * A workflow saved with node version 1 (SdkAppId on top, Name and Origin ID under Additional
 * Fields) still runs in n8n as it did, now that new nodes are version 2.
 */
async function savedVersion1(sandbox: Sandbox, emulator: RunningEmulator): Promise<void> {
	console.log('\nA workflow saved with node version 1');
	const fixture = '../test/e2e/fixtures/version1-user-create.json';
	const registers = () => emulator.calls.filter((c) => c.action === 'RegisterUser');
	const id = await sandbox.importExample(fixture);
	const runData = await sandbox.n8n.execute(id);
	const [registered] = outputOf(runData, 'Register (version 1)');
	const user = emulator.state.apps
		.get(emulator.account.sdkAppId)!
		.users.get(String(registered?.UserId));
	check(
		'runs: its Additional Fields (Name, Origin ID) are sent',
		user?.Name === 'Katherine Johnson' && user.OriginId === 'V1-0001',
		JSON.stringify({ registered, user }),
	);
	// Its top-level SdkAppId is still read: another application is what the call names.
	const other = await sandbox.importExample(fixture, (text) =>
		text.replace('"sdkAppId": 0', '"sdkAppId": 1400999999').replace('V1-0001', 'V1-0002'),
	);
	await sandbox.n8n.execute(other).catch(() => undefined);
	check(
		'its top-level SdkAppId is still the one the call names',
		registers().at(-1)?.params.SdkAppId === 1400999999,
		JSON.stringify(registers().at(-1)?.params),
	);
}

async function rosterSync(sandbox: Sandbox, emulator: RunningEmulator): Promise<string> {
	console.log('\nExample 1: roster sync from examples/students.csv');
	const id = await importRosterSync(sandbox);
	const students = readStudents(rosterFile(sandbox));
	const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	const classes = [...new Set(students.map((s) => s.class))];

	const first = await runRosterSync(sandbox, id);
	check(
		`registers ${students.length} students`,
		first.students.length === students.length && app.users.size === students.length,
		`${first.students.length} items, ${app.users.size} users`,
	);
	check(
		'in one BatchRegister call',
		emulator.calls.filter((c) => c.action === 'BatchRegister').length === 1,
	);
	const membersOf = (name: string) =>
		[...app.groups.values()].filter((g) => g.GroupName === name).map((g) => g.memberIds);
	const expectedMembers = (name: string) =>
		students.filter((s) => s.class === name).map((s) => app.usersByOrigin.get(s.student_number));
	check(
		`one group per class (${classes.join(', ')}) with its students`,
		app.groups.size === classes.length &&
			classes.every(
				(name) => JSON.stringify(membersOf(name)) === JSON.stringify([expectedMembers(name)]),
			),
	);

	const again = await runRosterSync(sandbox, id);
	check(
		'a second run returns the same users and registers nobody new',
		app.users.size === students.length &&
			again.students.every((s, i) => s.UserId === first.students[i].UserId),
	);
	check(
		'and updates the class groups instead of creating new ones',
		app.groups.size === classes.length &&
			again.groups.every((g) => g.AlreadyExisted && g.AddedMemberIds.length === 0),
		JSON.stringify(again.groups),
	);

	// A student joins Year 8 Physics: the next run registers them and adds them to that group.
	appendFileSync(rosterFile(sandbox), 'Mary Jackson,S1009,Year 8 Physics\n');
	const third = await runRosterSync(sandbox, id);
	const newcomer = app.usersByOrigin.get('S1009');
	const physics = third.groups.find((g) => g.GroupName === 'Year 8 Physics');
	check(
		"a new student in the CSV is registered and added to the class's existing group",
		Boolean(newcomer) &&
			app.groups.size === classes.length &&
			JSON.stringify(physics?.AddedMemberIds) === JSON.stringify([newcomer]) &&
			membersOf('Year 8 Physics')[0]?.includes(newcomer!) === true,
		JSON.stringify(third.groups),
	);
	return id;
}

/**
 * Example 1 at school size: a generated roster of 1,200 students whose classes have 450, 350, 250
 * and 150 students (LCIC takes 200 member IDs per call), through the same workflow.
 */
async function schoolRoster(
	sandbox: Sandbox,
	emulator: RunningEmulator,
	id: string,
): Promise<void> {
	console.log('\nExample 1 at school size: a generated roster of 1,200 students, classes over 200');
	const rows = generateRoster(SCHOOL_CLASS_SIZES);
	writeFileSync(rosterFile(sandbox), toCsv(rows));
	const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	const usersBefore = app.users.size;
	const groupsBefore = app.groups.size;
	const callsBefore = emulator.calls.length;
	const classes = [...new Set(rows.map((row) => row.class))];

	const first = await runRosterSync(sandbox, id);
	const calls = emulator.calls.slice(callsBefore);
	check(
		`registers ${rows.length} students in ${Math.ceil(rows.length / 1000)} BatchRegister calls`,
		first.students.length === rows.length &&
			app.users.size === usersBefore + rows.length &&
			calls.filter((c) => c.action === 'BatchRegister').length === Math.ceil(rows.length / 1000),
		`${first.students.length} items, ${app.users.size - usersBefore} new users`,
	);
	const expected = (name: string) =>
		rows
			.filter((row) => row.class === name)
			.map((row) => app.usersByOrigin.get(row.student_number));
	const membersOf = (name: string) =>
		[...app.groups.values()].filter((g) => g.GroupName === name).map((g) => g.memberIds);
	check(
		`one group per class (${SCHOOL_CLASS_SIZES.join(', ')} students) with every member, in order`,
		app.groups.size === groupsBefore + classes.length &&
			classes.every((name) => JSON.stringify(membersOf(name)) === JSON.stringify([expected(name)])),
		classes
			.map(
				(name) =>
					`${name}: ${membersOf(name)
						.map((m) => m.length)
						.join('+')}`,
			)
			.join(', '),
	);
	check(
		'the output names every member added',
		first.groups.every(
			(g) => JSON.stringify(g.AddedMemberIds) === JSON.stringify(expected(g.GroupName)),
		),
	);
	const tooLong = calls.filter(
		(c) => Array.isArray(c.params.MemberIds) && c.params.MemberIds.length > 200,
	);
	check(
		'no call carries more than 200 member IDs',
		tooLong.length === 0,
		tooLong.map((c) => `${c.action} ${(c.params.MemberIds as unknown[]).length}`).join(', '),
	);

	const again = await runRosterSync(sandbox, id);
	check(
		'a second run duplicates nothing: the same users, the same groups, nobody added',
		app.users.size === usersBefore + rows.length &&
			app.groups.size === groupsBefore + classes.length &&
			again.groups.every((g) => g.AlreadyExisted && g.AddedMemberIds.length === 0),
		JSON.stringify(
			again.groups.map((g) => [g.GroupName, g.AlreadyExisted, g.AddedMemberIds.length]),
		),
	);
}

/** Example 2: a form submission schedules a class and answers with the join details. */
async function roomFromForm(url: string, emulator: RunningEmulator): Promise<void> {
	console.log('\nExample 2: a class from the n8n form (active in n8n start)');
	const form = sampleClass(emulator.clock.now());
	const answer = await submitClassForm(url, form);
	check(
		"the form's last page shows the room and a join link per attendee",
		answer.attendees.length === 3,
		answer.page.slice(0, 500),
	);

	const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	const room = app.rooms.get(Number(answer.roomId));
	const teacherId = app.usersByOrigin.get(form.teacherNumber);
	check(
		"creates the room with the form's name and teacher",
		Boolean(room && teacherId && room.Name === form.course && room.TeacherId === teacherId),
		JSON.stringify({ roomId: answer.roomId, teacher: room?.TeacherId }),
	);
	// The form's date and times have no zone; n8n runs with TZ and GENERIC_TIMEZONE set to other
	// zones (sandbox.ts), so only the workflow's zone gives these instants.
	const start = formInstant(form.date, form.startTime);
	const end = formInstant(form.date, form.endTime);
	check(
		`schedules ${form.date} ${form.startTime}-${form.endTime} (no zone) in the workflow's zone, ${FORM_TIME_ZONE}`,
		room?.StartTime === start && room?.EndTime === end,
		JSON.stringify({ expected: [start, end], got: [room?.StartTime, room?.EndTime] }),
	);
	check(
		"the form's last page names the workflow's zone",
		answer.when === `${form.date}, ${form.startTime} to ${form.endTime} (${FORM_TIME_ZONE} time)`,
		answer.when,
	);
	const logins = emulator.calls
		.filter((c) => c.action === 'LoginOriginIdWithRoom' && c.params.RoomId === answer.roomId)
		.map((c) => String(c.params.OriginId));
	check(
		'logs the teacher and both students in to this class (Room > Get Join Links)',
		JSON.stringify(logins.sort()) === JSON.stringify(['S1001', 'S1002', 'T0001']),
		JSON.stringify(logins),
	);
	// Tencent's web and H5 integration page: "https://<domain>/latest/class.html?schoolid=<SdkAppId>
	// &classid=<RoomId>&userid=<UserId>&token=<Token>", values encodeURIComponent-encoded;
	// class.qcloudclass.com for mainland China (the credential here is not the International Site).
	const shapes = answer.attendees.map((a) => {
		const url = new URL(a.joinUrl);
		const tokens = app.users.get(a.userId)?.extra.roomTokens as Map<number, string> | undefined;
		return {
			page: `${url.protocol}//${url.host}${url.pathname}`,
			keys: [...url.searchParams.keys()].join(),
			schoolid: url.searchParams.get('schoolid') === String(emulator.account.sdkAppId),
			classid: url.searchParams.get('classid') === String(answer.roomId),
			token: url.searchParams.get('token') === tokens?.get(answer.roomId),
		};
	});
	check(
		"each join link has the documented shape: /latest/class.html with schoolid, classid, userid and the attendee's token for this class",
		shapes.every(
			(shape) =>
				shape.page === 'https://class.qcloudclass.com/latest/class.html' &&
				shape.keys === 'schoolid,classid,userid,token' &&
				shape.schoolid &&
				shape.classid &&
				shape.token,
		),
		JSON.stringify(shapes),
	);
	check(
		"each join link is for this room and the attendee's own user",
		answer.attendees.every(
			(a) =>
				a.joinUrl.includes(`classid=${answer.roomId}`) &&
				a.joinUrl.includes(`userid=${a.userId}`) &&
				app.users.has(a.userId),
		) &&
			answer.attendees
				.filter((a) => a.role === 'teacher')
				.map((a) => a.userId)
				.join() === teacherId,
		JSON.stringify(answer.attendees),
	);
}

/** Example 3: the trigger, active, runs the workflow once per ended class. */
async function afterClass(
	emulator: RunningEmulator,
	rooms: number[],
	rest: N8nRest,
	workflowId: string,
): Promise<void> {
	console.log('\nExample 3: after class (the trigger, active in n8n start)');
	const polls = () => triggerPolls(emulator);
	const statisticsCalls = () =>
		emulator.calls
			.filter((c) => c.action === 'DescribeRoomStatistics')
			.map((c) => Number(c.params.RoomId));
	// n8n polls on the minute: the first poll sets the cursors, the classes end, the next one emits.
	check(
		'the active trigger polls',
		await waitFor(() => polls() >= 1, 150_000),
		'no GetRooms call within 150 s',
	);
	check('no execution for events before the activation', statisticsCalls().length === 0);
	const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	// Each class was recorded (automatic recording) before it ends.
	for (const roomId of rooms) {
		emulator.simulate('recordFinish', { SdkAppId: emulator.account.sdkAppId, RoomId: roomId });
		finishRoom(app.rooms.get(roomId)!, emulator.clock.now());
	}
	check(
		'one execution per RoomEnd',
		await waitFor(() => statisticsCalls().length >= 2, 150_000),
		`DescribeRoomStatistics for ${JSON.stringify(statisticsCalls())}`,
	);
	// The next poll, and the executions it would start: nothing is emitted twice. (By then the
	// executions above have finished too, so n8n has their output.)
	const emitted = polls();
	check(
		'the trigger polled again',
		await waitFor(() => polls() >= emitted + POLLS_TO_SEE_A_REPEAT, 210_000),
		`${polls() - emitted} polls in 210 s`,
	);
	check(
		'each ended room summarised exactly once',
		JSON.stringify(statisticsCalls().sort()) === JSON.stringify([...rooms].sort()),
		JSON.stringify(statisticsCalls()),
	);
	// What the executions made, read back through n8n's REST API (the editor's Executions list).
	const summaries = await lastNodeItems(rest, workflowId, 'Summary per room');
	const replay = (roomId: number) => {
		const summary = summaries.find((item) => Number(item.roomId) === roomId);
		const url = summary ? new URL(String(summary.replayUrl)) : undefined;
		const file = app.records.find((f) => f.RoomId === roomId);
		return {
			roomId,
			page: url ? `${url.protocol}//${url.host}${url.pathname}` : '',
			classid: url?.searchParams.get('classid'),
			token: Boolean(url?.searchParams.get('token')),
			title: url?.searchParams.get('title'),
			recordUrl: summary?.recordUrl === file?.RecordUrl && Boolean(file?.RecordUrl),
		};
	};
	const replays = rooms.map(replay);
	check(
		"each summary has the class's replay link (Tencent's playback page, classid, token, title) and its recording URL",
		replays.every(
			(r) =>
				r.page === 'https://class.qcloudclass.com/playback/index.html' &&
				r.classid === String(r.roomId) &&
				r.token &&
				r.title === app.rooms.get(r.roomId)?.Name &&
				r.recordUrl,
		),
		JSON.stringify({ replays, summaries }),
	);
}

/** The output items of `node` in every finished execution of a workflow, newest first. */
async function lastNodeItems(
	rest: N8nRest,
	workflowId: string,
	node: string,
): Promise<Array<Record<string, unknown>>> {
	const items: Array<Record<string, unknown>> = [];
	for (const id of await rest.executionIds(workflowId)) {
		const runData = (await rest.executionRunData(id))[node] ?? [];
		for (const run of runData) for (const item of run.data?.main?.[0] ?? []) items.push(item.json);
	}
	return items;
}

/** The installed package's version on disk, where n8n put it. */
function versionOnDisk(sandbox: Sandbox): string {
	const file = join(sandbox.home, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json');
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * Examples 2 and 3 are active workflows, published under FIRST; n8n starts, the package is
 * updated to SECOND with the Update button, and both then run in that same `n8n start`.
 */
async function updateAndActiveWorkflows(
	sandbox: Sandbox,
	emulator: RunningEmulator,
	registry: LocalRegistry,
	packageDir: string,
): Promise<void> {
	const ids: Record<string, string> = {};
	for (const file of ['room-from-form.json', 'after-class.json']) {
		ids[file] = await sandbox.importExample(file);
		await sandbox.n8n.run(['publish:workflow', `--id=${ids[file]}`]);
	}
	await registry.publish(packageDir, SECOND);
	// Two classes running before the activation: their past events must not start the workflow.
	const rooms = startRunningClasses(emulator, ['Algebra', 'Biology']);
	const { server, rest } = await sandbox.startServer();
	try {
		console.log(`\nUpdate ${FIRST} -> ${SECOND} (Settings > Community Nodes > Update, over REST)`);
		const updated = await updateThroughRest(rest, PACKAGE_NAME, SECOND);
		check(
			`n8n updated ${PACKAGE_NAME} to ${SECOND} and loaded its three nodes`,
			updated.installedVersion === SECOND &&
				versionOnDisk(sandbox) === SECOND &&
				NODE_TYPES.every((t) => updated.installedNodes.some((n) => n.type === t)),
			JSON.stringify(updated).slice(0, 500),
		);
		const listed = (await rest.communityPackages()).filter((p) => p.packageName === PACKAGE_NAME);
		check(
			'Settings > Community Nodes lists it once, at the new version',
			listed.length === 1 && listed[0].installedVersion === SECOND && !listed[0].failedLoading,
			JSON.stringify(listed),
		);
		await roomFromForm(server.url, emulator);
		await afterClass(emulator, rooms, rest, ids['after-class.json']);
	} catch (error) {
		throw new Error(
			`${(error as Error).message}\nn8n's log ends with: ${sandbox.n8n.lastLog().slice(-1500)}`,
		);
	} finally {
		await server.stop();
	}
}

/** After the update, with n8n stopped: the roster sync made under FIRST runs again unchanged. */
async function rosterAfterUpdate(
	sandbox: Sandbox,
	emulator: RunningEmulator,
	rosterId: string,
): Promise<void> {
	console.log(`\nExample 1 again, on ${SECOND}`);
	const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	const users = app.users.size;
	const groups = app.groups.size;
	const again = await runRosterSync(sandbox, rosterId);
	check(
		'the imported workflow and credential still run: same users, same groups, nothing new',
		app.users.size === users &&
			app.groups.size === groups &&
			again.students.every((s) => app.users.has(s.UserId)) &&
			again.groups.every((g) => g.AlreadyExisted),
		JSON.stringify(again.groups),
	);
}

async function main(): Promise<void> {
	console.log(
		'End-to-end in a real n8n: installed from a local npm registry through n8n, the LCIC emulator',
	);
	const emulator = await startEmulator();
	const work = mkdtempSync(join(tmpdir(), 'lcic-e2e-'));
	let registry: LocalRegistry | undefined;
	let sandbox: Sandbox | undefined;
	try {
		registry = await withProgress('Starting a local npm registry (Verdaccio on 127.0.0.1)', () =>
			startRegistry(),
		);
		const packageDir = await withProgress(
			`Packing this package (npm pack) and publishing it as ${FIRST} to the local registry`,
			async () => {
				const dir = await packPackage(work);
				await registry!.publish(dir, FIRST);
				return dir;
			},
		);
		const from = registry;
		console.log("\nn8n's verification scanner on the tarball the registry serves");
		const served = await from.fetchPackage(PACKAGE_NAME, FIRST);
		const scan = await scanPackage(served, 'tarball');
		check(
			`@n8n/scan-community-package finds nothing in ${PACKAGE_NAME}@${FIRST} (compiled .js, package.json)`,
			scan.passed,
			scan.details,
		);
		let installed: InstalledPackage | undefined;
		sandbox = await openSandbox(emulator, {
			registry: from,
			whileInstalled: async (rest, answer) => {
				installed = answer;
				await credentialTest(rest, answer, emulator);
			},
		});
		if (!installed) throw new Error('the sandbox did not report the install');
		await packageLoads(sandbox);
		const rosterId = await rosterSync(sandbox, emulator);
		await schoolRoster(sandbox, emulator, rosterId);
		await updateAndActiveWorkflows(sandbox, emulator, from, packageDir);
		await rosterAfterUpdate(sandbox, emulator, rosterId);
		await eventTriggerExample(sandbox, emulator, check);
		// Last: it registers a user the roster checks would count.
		await savedVersion1(sandbox, emulator);
	} catch (error) {
		failed++;
		console.log(`  FAIL ${(error as Error).message}`);
	} finally {
		await emulator.stop();
		await registry?.stop();
		sandbox?.close();
		rmSync(work, { recursive: true, force: true });
	}
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

void main();
