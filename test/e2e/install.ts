// The two installs a real-n8n run needs: n8n itself (cached outside the clone by
// scripts/n8n-install.sh) and this package as `npm pack` makes it, installed the way n8n
// installs community nodes (<user folder>/.n8n/nodes).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

/** Runs a command without blocking the event loop (progress keeps ticking); resolves with stdout. */
function run(command: string, args: string[], cwd: string): Promise<string> {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** `npm pack` of this package, installed into <home>/.n8n/nodes like a community node. */
export async function installPackedPackage(home: string): Promise<void> {
	const packed = (await run('npm', ['pack', '--silent', '--pack-destination', home], ROOT))
		.trim()
		.split('\n')
		.pop()!;
	const nodesDir = join(home, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }),
	);
	// n8n itself provides the peer dependency n8n-workflow.
	await run(
		'npm',
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			'--legacy-peer-deps',
			join(home, packed),
		],
		nodesDir,
	);
}
