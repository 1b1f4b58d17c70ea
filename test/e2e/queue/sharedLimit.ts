// The rate limit shared by real workers: 20 executions at once, each looking up 20 students of a
// class with User > Get (DescribeUser by Origin ID, one call per student), 400 calls in all for
// an action LCIC allows 20 times a second ("Frequency Limit (maximum requests per second)", API
// reference, API Category). n8n's default worker concurrency is 10, so both workers run some of
// the 20 and their limiters, one per process, must share LCIC's limit. Checked: every student
// found, no error reached the workflow; measured (printed, never asserted): the
// RequestLimitExceeded answers, retries and wall time against the 20 s floor.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RunningEmulator } from '../../emulator';
import { LATEST_VERSION } from '../../../nodes/Lcic/description/layout';
import { parametersFor } from '../../harness/operations';
import { EXAMPLE_CREDENTIAL } from '../sandbox';
import type { QueueCluster } from './cluster';
import { callWebhookAtOnce, type ClassRoster } from './roster';

const WEBHOOK_PATH = 'lcic-roster-check';
const STUDENTS_PER_LOOKUP = 20;
const DESCRIBE_USER_LIMIT = 20;

export const LOOKUP_WORKFLOW_ID = 'lcicQueueLookup01';

/** Webhook -> the class file -> one User > Get per student, errors as items (continue on fail). */
export function lookupWorkflow(files: string): Record<string, unknown> {
	const credentials = { tencentCloudLcicApi: EXAMPLE_CREDENTIAL };
	const node = (
		name: string,
		type: string,
		typeVersion: number,
		parameters: object,
		x: number,
	) => ({
		id: `b7d1c2e3-0000-4a51-9a39-7d0a1e0000${String(x / 10).padStart(2, '0')}`,
		name,
		type,
		typeVersion,
		position: [x * 22, 0],
		parameters,
	});
	const nodes = [
		{
			...node(
				'Lookup requested',
				'n8n-nodes-base.webhook',
				2,
				{
					httpMethod: 'POST',
					path: WEBHOOK_PATH,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
				0,
			),
			webhookId: '6e4d3f7a-8a1b-4d4f-8b62-2d3c4e5f6a71',
		},
		node(
			'Read class file',
			'n8n-nodes-base.readWriteFile',
			1.1,
			{
				operation: 'read',
				fileSelector: `={{ ${JSON.stringify(files + '/')} + $json.query.roster + '.csv' }}`,
				options: {},
			},
			10,
		),
		node(
			'Students',
			'n8n-nodes-base.extractFromFile',
			1.1,
			{
				operation: 'csv',
				binaryPropertyName: 'data',
				options: {},
			},
			20,
		),
		{
			...node(
				'Find each student',
				'n8n-nodes-tencent-lcic.lcic',
				LATEST_VERSION,
				parametersFor('DescribeUser', { OriginId: '={{ $json.student_number }}' }),
				30,
			),
			credentials,
			onError: 'continueRegularOutput',
		},
	];
	const connect = (from: string, to: string) => ({
		[from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
	});
	return {
		id: LOOKUP_WORKFLOW_ID,
		name: 'LCIC queue check: look every student up',
		active: false,
		nodes,
		connections: {
			...connect('Lookup requested', 'Read class file'),
			...connect('Read class file', 'Students'),
			...connect('Students', 'Find each student'),
		},
		settings: { executionOrder: 'v1' },
	};
}

export interface SharedLimitFigures {
	items: number;
	found: number;
	errors: number;
	failedExecutions: number;
	rateLimited: number;
	retries: number;
	wallMs: number;
	floorMs: number;
}

/** Writes the lookup files (the first 20 students of each class) and runs them all at once. */
export async function lookUpAtOnce(
	cluster: QueueCluster,
	emulator: RunningEmulator,
	rosters: ClassRoster[],
): Promise<SharedLimitFigures> {
	const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	const lookups = rosters.map((roster) => {
		const students = roster.students.slice(0, STUDENTS_PER_LOOKUP);
		const key = `lookup-${roster.key}`;
		const csv = [
			'name,student_number,class',
			...students.map((s) => `${s.name},${s.student_number},${s.class}`),
		];
		writeFileSync(join(cluster.files, `${key}.csv`), `${csv.join('\n')}\n`);
		return { key, students };
	});
	const since = emulator.calls.length;
	const started = Date.now();
	const answers = await callWebhookAtOnce(
		cluster,
		WEBHOOK_PATH,
		lookups.map((l) => l.key),
	);
	const wallMs = Date.now() - started;
	const calls = emulator.calls.slice(since).filter((c) => c.action === 'DescribeUser');
	const expected = lookups.length * STUDENTS_PER_LOOKUP;
	let items = 0;
	let found = 0;
	let errors = 0;
	answers.forEach((answer, i) => {
		for (const [j, record] of answer.records.entries()) {
			items++;
			if (record.error !== undefined) errors++;
			else if (
				record.UserId === app.usersByOrigin.get(lookups[i].students[j]?.student_number ?? '')
			)
				found++;
		}
	});
	return {
		items,
		found,
		errors,
		failedExecutions: answers.filter((a) => a.status !== 200).length,
		rateLimited: calls.filter((c) => c.errorCode?.startsWith('RequestLimitExceeded')).length,
		retries: calls.length - expected,
		wallMs,
		floorMs: (expected / DESCRIBE_USER_LIMIT) * 1000,
	};
}
