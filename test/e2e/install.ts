// What a real-n8n run starts from: n8n itself (cached outside the clone by
// scripts/n8n-install.sh) and this package as `npm pack` makes it, to publish to the local
// registry (registry.ts) from which n8n installs it (communityPackages.ts).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

/** Runs a command without blocking the event loop (progress keeps ticking); resolves with stdout. */
export function run(
	command: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', fail);
		child.on('close', (code) =>
			code === 0
				? done(stdout)
				: fail(
						new Error(
							`${command} ${args.join(' ')} failed (exit ${String(code)}): ${stderr.slice(-2000)}`,
						),
					),
		);
	});
}

/** The n8n binary, installed on first use (several minutes, about 3 GB) and reused afterwards. */
export async function installN8n(): Promise<string> {
	const out = await run('bash', [join(ROOT, 'scripts', 'n8n-install.sh')], ROOT);
	return out.trim().split('\n').pop() ?? '';
}

/**
 * This package as `npm pack` makes it (what `npm publish` would upload), unpacked into
 * <dir>/package; returns that folder.
 */
export async function packPackage(dir: string): Promise<string> {
	const packed = (await run('npm', ['pack', '--silent', '--pack-destination', dir], ROOT))
		.trim()
		.split('\n')
		.pop()!;
	await run('tar', ['-xzf', packed], dir);
	rmSync(join(dir, packed));
	return join(dir, 'package');
}
