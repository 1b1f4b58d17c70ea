// `n8n start` on 127.0.0.1 for the active example workflows, and what a browser would do with
// it: open the Form Trigger's page and submit it.
import { createServer } from 'node:net';

import type { N8nCli } from './n8nCli';

export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Waits (bounded) until `condition` holds; false when the time is up. */
export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (condition()) return true;
		await sleep(500);
	}
	return condition();
}

export interface RunningN8n {
	url: string;
	stop(): Promise<void>;
}

/** `n8n start` (with `env` added) until stop() is called (SIGTERM, then SIGKILL). */
export async function startN8n(n8n: N8nCli, env: NodeJS.ProcessEnv = {}): Promise<RunningN8n> {
	const port = await freePort();
	const child = n8n.spawnLongRunning(['start'], {
		...env,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
	});
	const exited = new Promise<void>((done) => child.on('close', () => done()));
	const ready = await waitFor(() => n8n.lastLog().includes('Editor is now accessible'), 120_000);
	if (!ready) {
		child.kill('SIGKILL');
		throw new Error(`n8n start did not come up: ${n8n.lastLog().slice(-1500)}`);
	}
	return {
		url: `http://127.0.0.1:${port}`,
		async stop() {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

/**
 * Submits a published Form Trigger's form (served at /form/<webhookId>) with `answers` in field
 * order, as the form page does, and returns n8n's answer. Published workflows are activated a
 * little after the editor is up, so this first waits (bounded) for the page to answer.
 */
export async function submitForm(
	baseUrl: string,
	webhookId: string,
	answers: string[],
): Promise<Response> {
	const formUrl = `${baseUrl}/form/${webhookId}`;
	let served = false;
	for (let attempt = 0; attempt < 60 && !served; attempt++) {
		served = (await fetch(formUrl).catch(() => undefined))?.ok === true;
		if (!served) await sleep(1000);
	}
	if (!served)
		throw new Error(`n8n never served the form: GET ${formUrl} did not answer 200 within 60 s`);
	const form = new FormData();
	answers.forEach((answer, index) => form.append(`field-${index}`, answer));
	return await fetch(formUrl, { method: 'POST', body: form });
}
