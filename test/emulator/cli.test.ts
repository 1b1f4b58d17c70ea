import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';

// `npm run emulator` end to end: the CLI starts, prints the ready line and the demo
// credentials, serves the admin API and exits cleanly on SIGTERM.

const ROOT = join(__dirname, '..', '..');

function startCli(): { child: ChildProcess; output: () => string; ready: Promise<string> } {
	// tsx as a loader in the emulator's own process, not its CLI: the CLI is a second process that
	// relays signals and, when the child does not confirm one within 30 ms (a loaded machine),
	// kills it and exits with 143, which would test tsx rather than the emulator.
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'test/emulator/cli.ts', '--port', '0', '--latency=25'],
		{
			cwd: ROOT,
			env: { ...process.env, LCIC_EMULATOR_PORT: '' },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let out = '';
	const ready = new Promise<string>((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString('utf8');
			const match = /^LCIC_EMULATOR_READY (\S+)$/m.exec(out);
			if (match) resolve(match[1]);
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			out += chunk.toString('utf8');
		});
		child.on('exit', (code) =>
			reject(new Error(`the CLI exited with ${code} before it was ready:\n${out}`)),
		);
	});
	return { child, output: () => out, ready };
}

describe('cli.ts', () => {
	it('starts, prints the credentials and the ready line, and stops on SIGTERM', async () => {
		const { child, output, ready } = startCli();
		try {
			const url = await ready;
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(output()).toContain('AKIDLcicEmulatorDemoKey0000000000000');
			expect(output()).toContain('lcic-emulator-demo-secret-key-0000');
			expect(output()).toContain('3520371');
			expect(output()).toContain(`Custom Base URL  ${url}`);
			expect(output()).toContain('Every answer is held back 25 ms.');
			const info = (await (await fetch(`${url}/__emulator/info`)).json()) as {
				url: string;
				actions: string[];
				latencyMs: number;
			};
			expect(info.url).toBe(url);
			expect(info.latencyMs).toBe(25);
			expect(info.actions).toContain('DescribeDeveloper');
			const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});
});
