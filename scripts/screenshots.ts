// `npm run screenshots`: the editor view for the README. Starts a real n8n (the cached install)
// with the built package as a custom extension, imports a small workflow holding both nodes,
// opens the editor in headless Chromium (Debian's `chromium` package) and saves screenshots in
// light and dark themes to docs/screenshots/. Not part of the test command: it needs Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { installN8n } from '../test/e2e/install';
import { N8nCli } from '../test/e2e/n8nCli';
import { freePort } from '../test/e2e/n8nServer';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Teacher',
	password: 'Demo-password-1',
};

// Node version 2, the layout new nodes get: the fields that say what an operation is about on
// top (User > Create: Name and Origin ID; Room > Get Many: its time window; User > Get: Find
// User By), Additional Fields by use, SdkAppId under Options.
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
			parameters: { resource: 'room', operation: 'getStatistics' },
		},
		{
			id: 'n2',
			name: 'Create room',
			type: 'CUSTOM.lcic',
			typeVersion: 2,
			position: [520, 0],
			parameters: { resource: 'room', operation: 'create' },
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
	await page.screenshot({ path: join(OUT, `${name}.png`) });
	console.log(`  saved docs/screenshots/${name}.png`);
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
		rmSync(home, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
