// The LCIC emulator in a process of its own (`npm run emulator`), as the real service would be:
// its CPU and memory (10,000 users' state) are not counted in the benchmark's process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { EmulatorEndpoint } from '../../test/harness';

const ROOT = join(__dirname, '..', '..');
const READY_TIMEOUT_MS = 60_000;

/** One API call as the emulator logged it (test/emulator/server.ts CallRecord). */
export interface LoggedCall {
	action: string;
	params: Record<string, unknown>;
	/** Arrival, epoch ms. */
	at: number;
	errorCode?: string;
}

export interface EmulatorProcess extends EmulatorEndpoint {
	/** Every API call the emulator answered since the last reset, oldest first. */
	calls(): Promise<LoggedCall[]>;
	resetCalls(): Promise<void>;
	stop(): Promise<void>;
}

async function admin(url: string, path: string, method = 'GET'): Promise<unknown> {
	const response = await fetch(`${url}/__emulator/${path}`, { method });
	if (!response.ok) throw new Error(`emulator admin ${path}: HTTP ${response.status}`);
	return await response.json();
}

/** Starts `npm run emulator -- --port 0 --latency <ms>` and waits for its ready line. */
export async function startEmulatorProcess(latencyMs: number): Promise<EmulatorProcess> {
	const child: ChildProcess = spawn(
		process.execPath,
		[
			require.resolve('tsx/cli'),
			'test/emulator/cli.ts',
			'--port',
			'0',
			'--latency',
			String(latencyMs),
		],
		{
			cwd: ROOT,
			env: { ...process.env, LCIC_EMULATOR_PORT: '' },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(`the emulator was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output}`),
			);
		}, READY_TIMEOUT_MS);
		const onData = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /^LCIC_EMULATOR_READY (\S+)$/m.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the emulator exited with ${code}:\n${output}`));
		});
	});
	const info = (await admin(url, 'info')) as { account: EmulatorEndpoint['account'] };
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		url,
		account: info.account,
		calls: async () => (await admin(url, 'calls')) as LoggedCall[],
		resetCalls: async () => {
			await admin(url, 'reset-calls', 'POST');
		},
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}
