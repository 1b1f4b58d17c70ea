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

const WORKFLOW = {
	id: 'lcicScreens0001',
	name: 'LCIC: after class',
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
			typeVersion: 1,
			position: [260, 0],
			parameters: { resource: 'room', operation: 'getStatistics' },
		},
		{
			id: 'n2',
			name: 'Create room',
			type: 'CUSTOM.lcic',
			typeVersion: 1,
			position: [520, 0],
			parameters: { resource: 'room', operation: 'create' },
		},
	],
	connections: {
		'When a class ends': { main: [[{ node: 'Get room statistics', type: 'main', index: 0 }]] },
		'Get room statistics': { main: [[{ node: 'Create room', type: 'main', index: 0 }]] },
	},
	settings: {},
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
				await page.keyboard.press('Escape');
				await openNode(page, 'When a class ends');
				await shoot(page, 'trigger');
				await page.keyboard.press('Escape');
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
