// The example workflows as the demo and the end-to-end check run them in a real n8n: the roster
// sync with `n8n execute`, the class form submitted to `n8n start`. What they return is read
// from n8n (the execution's data, the form's answer), not from the emulator.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
	start: string;
	end: string;
	studentNumbers: string[];
}

/** A class an hour from `now` (epoch seconds, the emulator's clock), for two of the sample students. */
export function sampleClass(now: number): ClassForm {
	return {
		course: 'Year 7 Maths: fractions',
		teacher: 'Mary Somerville',
		teacherNumber: 'T0001',
		start: new Date((now + 3600) * 1000).toISOString(),
		end: new Date((now + 3600 + 45 * 60) * 1000).toISOString(),
		studentNumbers: ['S1001', 'S1002'],
	};
}

export interface FormAnswer {
	roomId: number;
	course: string;
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
	const rows = [...page.matchAll(/<tr><td>(\w+)<\/td><td>([^<]*)<\/td><td><a href="([^"]+)">/g)];
	return {
		roomId: Number(heading[1]),
		course: decode(heading[2]),
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
		form.start,
		form.end,
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
