// End-to-end check in a real n8n (part of `bash scripts/dev.sh test`): the package as npm would
// ship it (`npm pack`), installed the way n8n installs community nodes (~/.n8n/nodes), loaded by
// the real n8n CLI (cached by scripts/n8n-install.sh), running the example workflows against the
// LCIC emulator. Every n8n process runs with a time limit; the temp folder is removed at the end.
//   npx tsx test/e2e/realN8n.ts
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { finishRoom } from '../emulator/actions/roomState';
import { addLiveRoom } from '../trigger/liveRooms';
import {
	importRosterSync,
	formInstant,
	FORM_TIME_ZONE,
	readStudents,
	rosterFile,
	runRosterSync,
	sampleClass,
	submitClassForm,
} from './examples';
import { startN8n, waitFor } from './n8nServer';
import { openSandbox, type Sandbox } from './sandbox';

let passed = 0;
let failed = 0;

function check(label: string, ok: boolean, detail = ''): void {
	if (ok) passed++;
	else failed++;
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}${ok || !detail ? '' : `: ${detail}`}`);
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
	// openSandbox imported it; a credential type n8n did not load would have failed the import.
	check('n8n import:credentials takes a Tencent Cloud LCIC API credential', true);
}

async function rosterSync(sandbox: Sandbox, emulator: RunningEmulator): Promise<void> {
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
		.filter((c) => c.action === 'LoginOriginId')
		.map((c) => String(c.params.OriginId));
	check(
		'logs the teacher and both students in',
		JSON.stringify(logins.sort()) === JSON.stringify(['S1001', 'S1002', 'T0001']),
		JSON.stringify(logins),
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
async function afterClass(emulator: RunningEmulator, rooms: number[]): Promise<void> {
	console.log('\nExample 3: after class (the trigger, active in n8n start)');
	const polls = () => emulator.calls.filter((c) => c.action === 'GetRooms').length;
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
	for (const roomId of rooms) finishRoom(app.rooms.get(roomId)!, emulator.clock.now());
	const after = polls();
	check(
		'one execution per RoomEnd',
		await waitFor(() => statisticsCalls().length >= 2, 150_000),
		`DescribeRoomStatistics for ${JSON.stringify(statisticsCalls())}`,
	);
	// One more poll: nothing is emitted twice.
	await waitFor(() => polls() >= after + 2, 150_000);
	check(
		'each ended room summarised exactly once',
		JSON.stringify(statisticsCalls().sort()) === JSON.stringify([...rooms].sort()),
		JSON.stringify(statisticsCalls()),
	);
}

/** Two classes running before the activation: their past events must not start the workflow. */
function runningClasses(emulator: RunningEmulator): number[] {
	const sdkAppId = emulator.account.sdkAppId;
	const app = emulator.state.apps.get(sdkAppId)!;
	return ['Algebra', 'Biology'].map((name, i) => {
		const roomId = addLiveRoom(emulator.state, sdkAppId, emulator.clock.now(), name);
		for (const userId of [`student-${i}-a`, `student-${i}-b`]) {
			app.users.set(userId, {
				UserId: userId,
				SdkAppId: sdkAppId,
				Name: userId,
				OriginId: userId,
				Token: 't',
				createdAt: 0,
				extra: {},
			});
			emulator.simulate('memberJoin', { SdkAppId: sdkAppId, RoomId: roomId, UserId: userId });
		}
		return roomId;
	});
}

/** Examples 2 and 3 are active workflows: both run in one `n8n start`. */
async function activeWorkflows(sandbox: Sandbox, emulator: RunningEmulator): Promise<void> {
	for (const file of ['room-from-form.json', 'after-class.json']) {
		const id = await sandbox.importExample(file);
		await sandbox.n8n.run(['publish:workflow', `--id=${id}`]);
	}
	const rooms = runningClasses(emulator);
	const server = await startN8n(sandbox.n8n);
	try {
		await roomFromForm(server.url, emulator);
		await afterClass(emulator, rooms);
	} catch (error) {
		throw new Error(
			`${(error as Error).message}\nn8n's log ends with: ${sandbox.n8n.lastLog().slice(-1500)}`,
		);
	} finally {
		await server.stop();
	}
}

async function main(): Promise<void> {
	console.log('End-to-end in a real n8n: the packed package, the n8n CLI, the LCIC emulator');
	const emulator = await startEmulator();
	let sandbox: Sandbox | undefined;
	try {
		sandbox = await openSandbox(emulator);
		await packageLoads(sandbox);
		await rosterSync(sandbox, emulator);
		await activeWorkflows(sandbox, emulator);
	} catch (error) {
		failed++;
		console.log(`  FAIL ${(error as Error).message}`);
	} finally {
		await emulator.stop();
		sandbox?.close();
	}
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

void main();
