// `npm run screenshots`: the editor view for the README. Starts a real n8n (the cached install)
// with the built package as a custom extension and the LCIC emulator, imports a small workflow
// holding both nodes, creates a Tencent Cloud LCIC API credential for the emulator over n8n's
// REST (as the credential dialog's Save does) and gives it to every LCIC node, opens the editor
// in headless Chromium (Debian's `chromium` package) and saves screenshots in light and dark
// themes to docs/screenshots/. A node n8n marks with issues (no credential, an empty required
// field) stops the script: the README must not show a workflow full of warnings.
// Not part of the test command: it needs Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { chromium, type Page } from 'playwright-core';

import { startEmulator } from '../test/emulator';
import { installN8n } from '../test/e2e/install';
import { N8nCli } from '../test/e2e/n8nCli';
import { N8nRest } from '../test/e2e/n8nRest';
import { freePort } from '../test/e2e/n8nServer';
import { EXAMPLE_CREDENTIAL, emulatorCredentialData } from '../test/e2e/sandbox';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Teacher',
	password: 'Demo-password-1',
};

const CREDENTIAL_TYPE = 'tencentCloudLcicApi';

// Node version 2, the layout new nodes get: the fields that say what an operation is about on
// top (User > Create: Name and Origin ID; Room > Get Many: its time window; User > Get: Find
// User By), Additional Fields by use, SdkAppId under Options. Every required field is filled,
// as in a workflow someone would run: n8n marks a node with an empty one (and one without a
// credential) with a warning triangle.
const WORKFLOW = {
	id: 'lcicScreens0001',
	name: 'LCIC: a school day',
	active: false,
	nodes: [
		{
			id: 't1',
			name: 'When a class ends',
			type: 'CUSTOM.lcicTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { watch: 'all', events: ['RoomEnd'] },
		},
		{
			id: 'n1',
			name: 'Get room statistics',
			type: 'CUSTOM.lcic',
			typeVersion: 2,
			position: [260, 0],
			parameters: {
				resource: 'room',
				operation: 'getStatistics',
				// The trigger's items name the room that ended (examples/after-class.json does the same).
				roomId: { __rl: true, mode: 'id', value: '={{ $json.roomId }}' },
				returnAll: true,
			},
		},
		{
			id: 'n2',
			name: 'Create room',
			type: 'CUSTOM.lcic',
			typeVersion: 2,
			position: [520, 0],
			// Typed values, as the date pickers give them: zone-less, read in the workflow's zone.
			parameters: {
				resource: 'room',
				operation: 'create',
				name: 'Maths 101: revision',
				startTime: '2026-12-07T09:00:00',
				endTime: '2026-12-07T10:00:00',
			},
		},
		{
			id: 'n3',
			name: 'Register student',
			type: 'CUSTOM.lcic',
			typeVersion: 2,
			position: [0, 220],
			parameters: {
				resource: 'user',
				operation: 'create',
				name: '={{ $json.name }}',
				originId: '={{ $json.student_number }}',
			},
		},
		{
			id: 'n4',
			name: 'Find student',
			type: 'CUSTOM.lcic',
			typeVersion: 2,
			position: [260, 220],
			parameters: {
				resource: 'user',
				operation: 'get',
				findBy: 'OriginId',
				originId: '={{ $json.OriginId }}',
			},
		},
		{
			id: 'n5',
			name: "Today's rooms",
			type: 'CUSTOM.lcic',
			typeVersion: 2,
			position: [520, 220],
			parameters: {
				resource: 'room',
				operation: 'getMany',
				startTime: '={{ $today.toISO() }}',
				endTime: '={{ $today.plus({ days: 1 }).toISO() }}',
				returnAll: true,
			},
		},
	],
	connections: {
		'When a class ends': { main: [[{ node: 'Get room statistics', type: 'main', index: 0 }]] },
		'Get room statistics': { main: [[{ node: 'Create room', type: 'main', index: 0 }]] },
		'Register student': { main: [[{ node: 'Find student', type: 'main', index: 0 }]] },
	},
	// Zone-less times in the nodes are read in the workflow's time zone.
	settings: { timezone: 'Asia/Shanghai' },
};

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`n8n did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

async function shoot(page: Page, name: string): Promise<void> {
	await page.waitForTimeout(1500);
	await assertNoIssues(page, `docs/screenshots/${name}.png`);
	await page.screenshot({ path: join(OUT, `${name}.png`) });
	console.log(`  saved docs/screenshots/${name}.png`);
}

/** n8n's own markers: the canvas triangle, the node's setup hint, a field's issue icon. */
const ISSUE_MARKERS = [
	'[data-test-id="node-issues"]',
	'[data-test-id="node-setup-required"]',
	'[data-test-id="parameter-issues"]',
].join(', ');

/** Stops the run when n8n marks anything on screen with issues, naming what its tooltips say. */
async function assertNoIssues(page: Page, where: string): Promise<void> {
	const markers = page.locator(ISSUE_MARKERS);
	const count = await markers.count();
	if (count === 0) return;
	const texts: string[] = [];
	for (let index = 0; index < count; index++) {
		const marker = markers.nth(index);
		const node = await marker
			.locator('xpath=ancestor::*[@data-node-name][1]')
			.getAttribute('data-node-name', { timeout: 1000 })
			.catch(() => null);
		// The tooltip (n8n's N8nTooltip, shown after 500 ms) holds the issue text; tooltips
		// opened before stay in the page, so the newest is the last.
		await marker
			.locator('[aria-describedby], svg')
			.first()
			.hover({ force: true, timeout: 5000 })
			.catch(() => undefined);
		await page.waitForTimeout(1000);
		const tips = await page.locator('[data-reka-popper-content-wrapper]').allInnerTexts();
		const tip = tips.at(-1) ?? '(tooltip not found)';
		texts.push(`${node ?? 'field'}: ${tip.replace(/\s+/g, ' ').trim()}`);
	}
	throw new Error(`${where}: n8n shows ${count} issue marker(s):\n  ${texts.join('\n  ')}`);
}

async function openNode(page: Page, name: string): Promise<void> {
	// The canvas pane sits over node labels: open the node from its body.
	await page
		.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`)
		.first()
		.dblclick({ force: true });
	await page.waitForTimeout(1500);
}

/** Opens the "Add Field" list of the open node's Additional Fields; false when not found. */
async function openAddField(page: Page): Promise<boolean> {
	// n8n renders it as a select whose placeholder is "Add Field"; versions differ in markup.
	const candidates = [
		page.getByPlaceholder('Add Field').first(),
		page.locator('.el-select').filter({ hasText: 'Add Field' }).first(),
		page.getByText('Add Field').first(),
	];
	for (const candidate of candidates) {
		try {
			await candidate.click({ timeout: 3000, force: true });
			await page.waitForTimeout(1000);
			return true;
		} catch {
			// try the next way to find it
		}
	}
	console.log('  (no "Add Field" button found: that screenshot is skipped)');
	return false;
}

/**
 * What a new user does before the workflow runs: create a Tencent Cloud LCIC API credential
 * (here for the emulator), check it with the dialog's Test button, pick it in every LCIC node
 * and save the workflow.
 */
async function connectCredential(rest: N8nRest, data: ICredentialDataDecryptedObject) {
	await rest.call('POST', '/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	const { name } = EXAMPLE_CREDENTIAL;
	const id = await rest.createCredential(name, CREDENTIAL_TYPE, data);
	const test = await rest.testCredential(id, name, CREDENTIAL_TYPE, data);
	if (test.status !== 'OK') throw new Error(`the credential's Test failed: ${test.message}`);
	const path = `/workflows/${WORKFLOW.id}`;
	const workflow = await rest.call<{ versionId: string; nodes: INode[] }>('GET', path);
	const nodes = workflow.nodes.map((node) =>
		node.type.startsWith('CUSTOM.lcic')
			? { ...node, credentials: { [CREDENTIAL_TYPE]: { id, name } } }
			: node,
	);
	await rest.call('PATCH', path, { versionId: workflow.versionId, nodes });
}

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	const home = mkdtempSync(join(tmpdir(), 'lcic-screens-'));
	const port = await freePort();
	const env = {
		...process.env,
		N8N_USER_FOLDER: home,
		N8N_CUSTOM_EXTENSIONS: join(ROOT, 'dist'),
		N8N_ENCRYPTION_KEY: 'lcic-screenshots-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'warn',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_SECURE_COOKIE: 'false',
	};
	const n8n = await installN8n();
	const workflowFile = join(home, 'workflow.json');
	writeFileSync(workflowFile, JSON.stringify(WORKFLOW));
	await new N8nCli(n8n, env, home).run(['import:workflow', `--input=${workflowFile}`]);

	console.log(`starting n8n on 127.0.0.1:${port}`);
	const child = spawn(n8n, ['start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	const url = `http://127.0.0.1:${port}`;
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		// Without the background-networking flags Chromium keeps dialing Google's hosts, which this network refuses.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	// The credential's Custom Base URL: the emulator answers its Test and the nodes' pickers.
	const emulator = await startEmulator();
	try {
		await waitForHealth(url, child, 120_000);
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		// /healthz answers before the REST routes are mounted: retry the owner set-up for a while.
		let setup = await page.request.post(`${url}/rest/owner/setup`, { data: OWNER });
		for (let attempt = 0; attempt < 60 && setup.status() === 404; attempt++) {
			await page.waitForTimeout(1000);
			setup = await page.request.post(`${url}/rest/owner/setup`, { data: OWNER });
		}
		if (!setup.ok())
			throw new Error(`owner setup failed: HTTP ${setup.status()} ${await setup.text()}`);
		await connectCredential(new N8nRest(url), emulatorCredentialData(emulator));

		for (const theme of ['light', 'dark'] as const) {
			await page.goto(`${url}/home/workflows`);
			await page.evaluate((t) => localStorage.setItem('N8N_THEME', t), theme);
			await page.goto(`${url}/workflow/${WORKFLOW.id}`);
			await page.waitForSelector('.vue-flow', { timeout: 60_000 });
			await shoot(page, `canvas-${theme}`);
			if (theme === 'light') {
				await openNode(page, 'Create room');
				await shoot(page, 'node-room-create');
				// Additional Fields by use: the list the "Add Field" button opens.
				if (await openAddField(page)) await shoot(page, 'node-room-create-fields');
				for (const [node, file] of [
					['Register student', 'node-user-create'],
					['Find student', 'node-user-get'],
					["Today's rooms", 'node-room-get-many'],
					['When a class ends', 'trigger'],
				]) {
					// A fresh canvas for each node: nothing left open from the previous one.
					await page.goto(`${url}/workflow/${WORKFLOW.id}`);
					await page.waitForSelector('.vue-flow', { timeout: 60_000 });
					await openNode(page, node);
					await shoot(page, file);
				}
			}
		}
	} finally {
		await browser.close();
		child.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 1000));
		if (child.exitCode === null) child.kill('SIGKILL');
		await emulator.stop();
		rmSync(home, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
