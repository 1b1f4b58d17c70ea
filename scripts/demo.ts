// `bash scripts/dev.sh demo`: the package's main job, end to end, in a real n8n against the
// local LCIC emulator. n8n 2.x runs from ~/.cache (installed on first use); this package is
// packed, published to a local npm registry (Verdaccio on 127.0.0.1) and installed by name
// through n8n's Settings > Community Nodes (its REST API), as users install it:
//   1. examples/roster-sync.json with `n8n execute`: examples/students.csv -> LCIC users -> one
//      group per class; run twice, as a nightly sync would (nothing duplicated)
//   2. examples/room-from-form.json published under `n8n start`: the class form submitted over
//      HTTP -> room created -> Room > Get Join Links for the teacher and students -> the links
//      (Tencent's class page, /latest/class.html?schoolid&classid&userid&token) the form answers with
// It prints what n8n reports back (execution data, the form's answer), with progress.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { RunningEmulator } from '../test/emulator';
import { startEmulator } from '../test/emulator';
import {
	FORM_TIME_ZONE,
	importRosterSync,
	runRosterSync,
	sampleClass,
	submitClassForm,
	type FormAnswer,
	type RosterResult,
} from '../test/e2e/examples';
import { packPackage } from '../test/e2e/install';
import { startN8n } from '../test/e2e/n8nServer';
import { withProgress } from '../test/e2e/progress';
import { startRegistry, type LocalRegistry } from '../test/e2e/registry';
import { openSandbox, type Sandbox } from '../test/e2e/sandbox';

const tty = process.stdout.isTTY === true;
const bold = (text: string): string => (tty ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text: string): string => (tty ? `\x1b[2m${text}\x1b[0m` : text);

/** "3 BatchRegister, 2 CreateGroupWithMembers": the LCIC calls made since `from`. */
function callsSince(emulator: RunningEmulator, from: number): string {
	const actions = emulator.calls.slice(from).map((call) => call.action);
	const counts = new Map<string, number>();
	for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
	return [...counts].map(([action, count]) => `${count} ${action}`).join(', ') || 'none';
}

function printRoster(result: RosterResult): void {
	console.log(`\n  ${bold(`Students (${result.students.length})`)}`);
	for (const student of result.students) {
		console.log(
			`    ${student.name.padEnd(20)} ${student.student_number.padEnd(7)} ${student.class.padEnd(16)} UserId ${student.UserId}`,
		);
	}
	console.log(`\n  ${bold(`Class groups (${result.groups.length})`)}`);
	const nameOf = new Map(result.students.map((s) => [s.UserId, s.name]));
	for (const group of result.groups) {
		const state = group.AlreadyExisted
			? `updated, ${group.AddedMemberIds.length} added`
			: 'created';
		console.log(
			`    ${group.GroupName.padEnd(16)} ${group.GroupId.padEnd(8)} ${state}: ${group.AddedMemberIds.map((id) => nameOf.get(id) ?? id).join(', ')}`,
		);
	}
}

async function rosterSync(
	sandbox: Sandbox,
	emulator: RunningEmulator,
): Promise<Map<string, string>> {
	console.log(bold('\n1. Roster sync: examples/roster-sync.json reads examples/students.csv'));
	const id = await withProgress('Importing the workflow (n8n import:workflow)', () =>
		importRosterSync(sandbox),
	);
	let mark = emulator.calls.length;
	const first = await withProgress(`Running it (n8n execute --id=${id})`, () =>
		runRosterSync(sandbox, id),
	);
	console.log(dim(`    LCIC calls: ${callsSince(emulator, mark)}`));
	printRoster(first);

	mark = emulator.calls.length;
	console.log('');
	const again = await withProgress('Running it again, as a nightly sync would', () =>
		runRosterSync(sandbox, id),
	);
	console.log(dim(`    LCIC calls: ${callsSince(emulator, mark)}`));
	const same = again.students.filter((s, i) => s.UserId === first.students[i].UserId).length;
	const created = again.groups.filter((g) => !g.AlreadyExisted).length;
	const added = again.groups.reduce((sum, g) => sum + g.AddedMemberIds.length, 0);
	console.log(
		`  -> the same UserId for ${same} of ${again.students.length} students; ${created} groups created, ${added} members added: nothing duplicated`,
	);
	return new Map(first.students.map((s) => [s.student_number, s.name]));
}

function printAnswer(answer: FormAnswer, names: Map<string, string>): void {
	console.log(dim("\n  The form's last page, what the person who submitted it sees:"));
	console.log(`  ${bold(`Room ${answer.roomId}`)}: ${answer.course}, ${answer.when}`);
	console.log(
		`  ${bold('Join links')} (Tencent's class page: /latest/class.html with schoolid, classid, userid and a token valid for 7 days):`,
	);
	for (const attendee of answer.attendees) {
		const name = names.get(attendee.originId) ?? attendee.originId;
		console.log(`    ${attendee.role.padEnd(8)} ${name.padEnd(18)} ${attendee.joinUrl}`);
	}
}

async function roomFromForm(
	sandbox: Sandbox,
	emulator: RunningEmulator,
	names: Map<string, string>,
): Promise<void> {
	console.log(bold('\n2. A class from a form: examples/room-from-form.json, active in n8n'));
	await withProgress(
		'Importing and publishing the workflow (n8n import:workflow, n8n publish:workflow)',
		async () => {
			const id = await sandbox.importExample('room-from-form.json');
			await sandbox.n8n.run(['publish:workflow', `--id=${id}`]);
		},
	);
	const server = await withProgress('Starting n8n (n8n start, on 127.0.0.1)', () =>
		startN8n(sandbox.n8n),
	);
	try {
		const form = sampleClass(emulator.clock.now());
		names.set(form.teacherNumber, form.teacher);
		console.log(
			`  Editor: ${server.url}  (the form: ${server.url}/form/..., listed in the Form Trigger)`,
		);
		console.log(
			`  The form: "${form.course}", ${form.date} ${form.startTime} to ${form.endTime} (no zone: read in the workflow's, ${FORM_TIME_ZONE}), teacher ${form.teacher} (${form.teacherNumber}), students ${form.studentNumbers.join(', ')}`,
		);
		const mark = emulator.calls.length;
		const answer = await withProgress('Submitting it over HTTP, as a browser does', () =>
			submitClassForm(server.url, form),
		);
		console.log(dim(`    LCIC calls: ${callsSince(emulator, mark)}`));
		printAnswer(answer, names);
	} catch (error) {
		throw new Error(
			`${(error as Error).message}\nn8n's log ends with:\n${sandbox.n8n.lastLog().slice(-1500)}`,
		);
	} finally {
		console.log('');
		await withProgress('Stopping n8n', () => server.stop());
	}
}

async function main(): Promise<void> {
	console.log(
		bold('Tencent Cloud LCIC for n8n: the demo, in a real n8n, against the local LCIC emulator'),
	);
	const emulator = await startEmulator();
	console.log(
		`Emulator: ${emulator.url} (SdkAppId ${emulator.account.sdkAppId}); every request is TC3-signed and checked.\n`,
	);
	let sandbox: Sandbox | undefined;
	let registry: LocalRegistry | undefined;
	const work = mkdtempSync(join(tmpdir(), 'lcic-demo-'));
	try {
		console.log(bold('Setting up n8n'));
		registry = await withProgress('Starting a local npm registry (Verdaccio on 127.0.0.1)', () =>
			startRegistry(),
		);
		const from = registry;
		await withProgress('Packing this package (npm pack) and publishing it there', async () =>
			from.publish(await packPackage(work)),
		);
		sandbox = await openSandbox(emulator, { registry: from });
		const names = await rosterSync(sandbox, emulator);
		await roomFromForm(sandbox, emulator, names);
		const app = emulator.state.apps.get(emulator.account.sdkAppId);
		console.log(
			bold(
				`\nDone. The emulator holds ${app?.users.size ?? 0} users, ${app?.groups.size ?? 0} groups and ${app?.rooms.size ?? 0} room(s).`,
			),
		);
		console.log(
			'Import the same workflows into your n8n from examples/ (Workflows > Import from File).',
		);
	} finally {
		sandbox?.close();
		await registry?.stop();
		await emulator.stop();
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`\nDemo failed: ${(error as Error).message}`);
	process.exit(1);
});
