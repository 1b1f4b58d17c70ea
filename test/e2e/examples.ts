// The example workflows as the demo and the end-to-end check run them in a real n8n: the roster
// sync with `n8n execute`, the class form submitted to `n8n start`. What they return is read
// from n8n (the execution's data, the form's answer), not from the emulator.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RunningEmulator } from '../emulator';
import { addLiveRoom } from '../trigger/liveRooms';
import { ROOT } from './install';
import { outputOf } from './n8nCli';
import { sleep, submitForm } from './n8nServer';
import type { Sandbox } from './sandbox';

export interface Student {
	name: string;
	student_number: string;
	class: string;
}

export function readStudents(path: string): Student[] {
	const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
	const columns = header.split(',');
	return rows.map(
		(row) =>
			Object.fromEntries(
				row.split(',').map((cell, i) => [columns[i], cell.trim()]),
			) as unknown as Student,
	);
}

export const SAMPLE_STUDENTS = join(ROOT, 'examples', 'students.csv');

/** The roster file the imported example reads (inside the folder n8n may read). */
export const rosterFile = (sandbox: Sandbox): string => join(sandbox.files, 'students.csv');

/** Imports examples/roster-sync.json reading the sample CSV, copied where n8n may read it. */
export async function importRosterSync(sandbox: Sandbox): Promise<string> {
	copyFileSync(SAMPLE_STUDENTS, rosterFile(sandbox));
	return await sandbox.importExample('roster-sync.json', (text) =>
		text.replace('/home/node/.n8n-files/students.csv', rosterFile(sandbox)),
	);
}

export interface RosterResult {
	students: Array<Student & { UserId: string }>;
	groups: Array<{
		GroupId: string;
		GroupName: string;
		AlreadyExisted: boolean;
		AddedMemberIds: string[];
	}>;
}

/** One `n8n execute` of the roster sync: each student with their LCIC user, each class group. */
export async function runRosterSync(sandbox: Sandbox, workflowId: string): Promise<RosterResult> {
	const runData = await sandbox.n8n.execute(workflowId);
	const rows = outputOf(runData, 'Students') as unknown as Student[];
	const users = outputOf(runData, 'Register students');
	return {
		students: rows.map((row, i) => ({ ...row, UserId: String(users[i]?.UserId) })),
		groups: outputOf(runData, 'Create or update class group') as unknown as RosterResult['groups'],
	};
}

export interface ClassForm {
	course: string;
	teacher: string;
	teacherNumber: string;
	/** What the form's date field sends: YYYY-MM-DD, no zone. */
	date: string;
	/** HH:mm, no zone. */
	startTime: string;
	endTime: string;
	studentNumbers: string[];
}

/**
 * The time zone of examples/room-from-form.json (its workflow settings): the form's date and
 * times are read in it. China Standard Time is UTC+8 all year (no DST since 1991).
 */
export const FORM_TIME_ZONE = 'Asia/Shanghai';
const FORM_UTC_OFFSET_HOURS = 8;

/** The date (YYYY-MM-DD) of epoch seconds in the form's zone. */
function formDate(seconds: number): string {
	return new Date((seconds + FORM_UTC_OFFSET_HOURS * 3600) * 1000).toISOString().slice(0, 10);
}

/** The instant a form date and time (no zone) name in the form's zone, in epoch seconds. */
export function formInstant(date: string, time: string): number {
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	return Date.UTC(year, month - 1, day, hour, minute) / 1000 - FORM_UTC_OFFSET_HOURS * 3600;
}

/**
 * Tomorrow's 09:00-09:45 class in the form's zone (9 to 33 hours after `now`, epoch seconds of
 * the emulator's clock) for two of the sample students, typed the way a teacher there would: a
 * date and two times, without a zone.
 */
export function sampleClass(now: number): ClassForm {
	return {
		course: 'Year 7 Maths: fractions',
		teacher: 'Mary Somerville',
		teacherNumber: 'T0001',
		date: formDate(now + 24 * 3600),
		startTime: '09:00',
		endTime: '09:45',
		studentNumbers: ['S1001', 'S1002'],
	};
}

export interface FormAnswer {
	roomId: number;
	course: string;
	/** When the page says the class is (date, times and the workflow's zone). */
	when: string;
	attendees: Array<{ role: string; originId: string; userId: string; joinUrl: string }>;
	/** The page the person who submitted the form sees (the workflow's Form Ending). */
	page: string;
}

const FORM_WEBHOOK_ID = (
	JSON.parse(readFileSync(join(ROOT, 'examples', 'room-from-form.json'), 'utf8')) as {
		nodes: Array<{ webhookId?: string }>;
	}
).nodes.find((node) => node.webhookId)!.webhookId!;

const decode = (html: string): string =>
	html
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

/** The room and the join links on the example's Form Ending page. */
export function readJoinLinksPage(page: string): Omit<FormAnswer, 'page'> {
	const heading = /<h2>Room (\d+): ([^<]*)<\/h2>/.exec(page);
	if (!heading) throw new Error(`the form's last page shows no room: ${page.slice(0, 500)}`);
	const when = /<p>([^<]*)\. The join links/.exec(page)?.[1] ?? '';
	const rows = [...page.matchAll(/<tr><td>(\w+)<\/td><td>([^<]*)<\/td><td><a href="([^"]+)">/g)];
	return {
		roomId: Number(heading[1]),
		course: decode(heading[2]),
		when: decode(when),
		attendees: rows.map(([, role, originId, href]) => {
			const joinUrl = decode(href);
			return {
				role,
				originId: decode(originId),
				userId: new URL(joinUrl).searchParams.get('userid') ?? '',
				joinUrl,
			};
		}),
	};
}

/**
 * Fills in and submits the published class form the way the form page's script does: post the
 * answers, follow n8n to the waiting execution's next page (the Form Ending with the join
 * links), then confirm it so that the execution finishes. Returns what the page shows.
 */
export async function submitClassForm(n8nUrl: string, form: ClassForm): Promise<FormAnswer> {
	const answers = [
		form.course,
		form.teacher,
		form.teacherNumber,
		form.date,
		form.startTime,
		form.endTime,
		form.studentNumbers.join(', '),
	];
	const response = await submitForm(n8nUrl, FORM_WEBHOOK_ID, answers);
	const text = await response.text();
	if (!response.ok)
		throw new Error(`the form answered HTTP ${response.status}: ${text.slice(0, 500)}`);
	const { formWaitingUrl } = JSON.parse(text) as { formWaitingUrl?: string };
	if (!formWaitingUrl)
		throw new Error(`the form did not lead to a next page: ${text.slice(0, 500)}`);
	// n8n names its own public URL (localhost:<port>); the page is reached where n8n listens.
	const waiting = new URL(formWaitingUrl);
	const pageUrl = `${n8nUrl}${waiting.pathname}${waiting.search}`;
	const statusUrl = `${n8nUrl}${waiting.pathname}/n8n-execution-status${waiting.search}`;

	// The status the page's script polls for: "form-waiting" when the next page is ready,
	// "success" once the execution has finished.
	const untilStatus = async (wanted: string): Promise<void> => {
		let status = '';
		for (let attempt = 0; attempt < 120 && status !== wanted; attempt++) {
			status = (await (await fetch(statusUrl)).text()).trim();
			if (['canceled', 'crashed', 'error'].includes(status))
				throw new Error(`the workflow behind the form ended with "${status}"`);
			if (status !== wanted) await sleep(500);
		}
		if (status !== wanted)
			throw new Error(`the form's execution never reached "${wanted}" (status "${status}")`);
	};

	await untilStatus('form-waiting');
	const page = await (await fetch(pageUrl)).text();
	const confirmed = await fetch(pageUrl, { method: 'POST' });
	if (!confirmed.ok) throw new Error(`confirming the last page answered HTTP ${confirmed.status}`);
	await untilStatus('success');
	return { ...readJoinLinksPage(page), page };
}

/**
 * Polls of the after-class trigger so far. Each poll lists the rooms with two GetRooms queries
 * (nodes/Lcic/trigger/watchedRooms.ts), the first without a Status filter; its first page marks
 * the poll's start. (Counting every GetRooms call would count each poll twice.)
 */
export function triggerPolls(emulator: RunningEmulator): number {
	return emulator.calls.filter(
		(c) =>
			c.action === 'GetRooms' &&
			!c.errorCode &&
			c.params.Status === undefined &&
			Number(c.params.Page ?? 1) === 1,
	).length;
}

/**
 * Whether a poll repeats what an earlier one emitted can be seen only once that poll's
 * executions have run: the poll after the one being watched has started, a minute later.
 */
export const POLLS_TO_SEE_A_REPEAT = 2;

/**
 * Classes in progress, two students in each, put straight into the emulator: what the
 * after-class example reacts to once they end. Returns their RoomIds.
 */
export function startRunningClasses(emulator: RunningEmulator, names: string[]): number[] {
	const sdkAppId = emulator.account.sdkAppId;
	const app = emulator.state.apps.get(sdkAppId)!;
	return names.map((name, i) => {
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
