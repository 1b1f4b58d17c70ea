// Example 1 (the roster sync) at a school's scale, run by queue-mode workers: 5,000 students in
// 20 classes, generated, one CSV per class as school systems often export them. The example is
// imported as it is, except that a Webhook ("a class's roster file is ready") replaces its Manual
// Trigger and the file's name comes from the call: that is how a production run reaches n8n's
// queue (`n8n execute` does not support queue mode). The webhook answers with the last node's
// items when the execution has finished, so what each run did is read from n8n's answer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../install';
import { sleep } from '../n8nServer';
import type { Student } from '../examples';
import type { QueueCluster } from './cluster';

export const CLASSES = 20;
export const STUDENTS_PER_CLASS = 250;
const WEBHOOK_PATH = 'lcic-roster-ready';
const TRIGGER_NAME = 'Roster file is ready';
const ANSWER_TIMEOUT_MS = 300_000;
const REGISTRATION_TIMEOUT_MS = 60_000;

export interface ClassRoster {
	/** File name without .csv, sent as ?roster= */
	key: string;
	className: string;
	students: Student[];
}

export interface GroupResult {
	GroupId: string;
	GroupName: string;
	AlreadyExisted: boolean;
	AddedMemberIds: string[];
}

/** 20 classes (Year 7A ... Year 10E) of 250 students, written as CSV files n8n may read. */
export function writeRosters(files: string): ClassRoster[] {
	const rosters: ClassRoster[] = [];
	for (let c = 0; c < CLASSES; c++) {
		const className = `Year ${7 + Math.floor(c / 5)}${'ABCDE'[c % 5]}`;
		const students = Array.from({ length: STUDENTS_PER_CLASS }, (_, s) => {
			const number = c * STUDENTS_PER_CLASS + s + 1;
			return {
				name: `Student ${number}`,
				student_number: `Q${String(number).padStart(5, '0')}`,
				class: className,
			};
		});
		const key = className.toLowerCase().replace(/\s+/g, '-');
		const csv = [
			'name,student_number,class',
			...students.map((s) => `${s.name},${s.student_number},${s.class}`),
		];
		writeFileSync(join(files, `${key}.csv`), `${csv.join('\n')}\n`);
		rosters.push({ key, className, students });
	}
	return rosters;
}

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

/** examples/roster-sync.json with a Webhook in place of its Manual Trigger. */
export function rosterWebhookWorkflow(files: string): Record<string, unknown> {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'roster-sync.json'), 'utf8')) as {
		name: string;
		nodes: WorkflowNode[];
		connections: Record<string, unknown>;
	};
	const manual = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	const webhook: WorkflowNode = {
		id: 'c2b1f1a0-0000-4a51-9a39-7d0a1e0000ff',
		name: TRIGGER_NAME,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: manual.position,
		webhookId: '5d3c2f6e-7f0a-4c3e-9a51-1c2b3d4e5f60',
		parameters: {
			httpMethod: 'POST',
			path: WEBHOOK_PATH,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	workflow.nodes = workflow.nodes.map((node) => (node === manual ? webhook : node));
	workflow.connections[TRIGGER_NAME] = workflow.connections[manual.name];
	delete workflow.connections[manual.name];
	const reader = workflow.nodes.find((node) => node.name === 'Read roster file')!;
	reader.parameters.fileSelector = `={{ ${JSON.stringify(files + '/')} + $json.query.roster + '.csv' }}`;
	workflow.name = `${workflow.name} (webhook per class file)`;
	return workflow;
}

export interface WebhookAnswer {
	key: string;
	status: number;
	/** The last node's items, as the webhook answers them. */
	records: Array<Record<string, unknown>>;
	text: string;
}

/**
 * POSTs /webhook/<path>?roster=<key> once per key, all at once, and waits for every answer (the
 * webhook answers when its execution has finished). A 404 means that main has not registered
 * the webhook yet (nothing ran): that call is repeated, bounded.
 */
export async function callWebhookAtOnce(
	cluster: QueueCluster,
	path: string,
	keys: string[],
): Promise<WebhookAnswer[]> {
	const call = async (key: string): Promise<WebhookAnswer> => {
		const url = `${cluster.mainUrl()}/webhook/${path}?roster=${encodeURIComponent(key)}`;
		const registeredBy = Date.now() + REGISTRATION_TIMEOUT_MS;
		for (;;) {
			const response = await fetch(url, {
				method: 'POST',
				signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
			});
			const text = await response.text();
			if (response.status === 404 && Date.now() < registeredBy) {
				await sleep(1000);
				continue;
			}
			let records: WebhookAnswer['records'] = [];
			try {
				const body = JSON.parse(text) as unknown;
				records = (Array.isArray(body) ? body : [body]) as WebhookAnswer['records'];
			} catch {
				// Not JSON: an error page; `text` goes into the failure message.
			}
			return { key, status: response.status, records, text };
		}
	};
	return await Promise.all(keys.map(call));
}

export interface SyncAnswer extends WebhookAnswer {
	roster: ClassRoster;
	groups: GroupResult[];
}

/** Runs the roster sync for every class at once. */
export async function syncAllAtOnce(
	cluster: QueueCluster,
	rosters: ClassRoster[],
): Promise<SyncAnswer[]> {
	const answers = await callWebhookAtOnce(
		cluster,
		WEBHOOK_PATH,
		rosters.map((r) => r.key),
	);
	return answers.map((answer, i) => ({
		...answer,
		roster: rosters[i],
		groups: answer.records as unknown as GroupResult[],
	}));
}
