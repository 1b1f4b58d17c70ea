// Long-running helper processes (Redis, PostgreSQL, n8n main and workers) that cannot outlive
// the check. Each runs under a small shell guard whose stdin is a pipe from this process: when
// stop() closes it, or this process ends in any way (even SIGKILL), the guard sends the server
// SIGTERM (a clean shutdown for Redis, n8n, and PostgreSQL once its clients are gone). The guard leads its own process group, so a server that does not stop in
// time is killed together with its children (n8n's task runners).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

import { sleep } from '../n8nServer';

const GUARD = [
	// Background jobs of a script read /dev/null: keep the pipe on fd 3 for the watcher.
	'exec 3<&0',
	'"$@" </dev/null 3<&- &',
	'server=$!',
	// The watcher: the pipe reaches end-of-file when stop() closes it or this process has ended.
	'{ read -r _ <&3 || true; kill -TERM "$server" 2>/dev/null; } &',
	'watcher=$!',
	'exec 3<&-',
	'wait "$server"; status=$?',
	'kill "$watcher" 2>/dev/null',
	'exit "$status"',
].join('\n');

export interface GuardedOptions {
	/** What the server's output is written to. */
	log: string;
	env?: NodeJS.ProcessEnv;
	/** Run as this user (root only): PostgreSQL refuses to run as root. */
	uid?: number;
	gid?: number;
	/** Working folder (one that user may enter). */
	cwd?: string;
	/** How long stop() waits for a clean exit before killing the process group. */
	stopTimeoutMs?: number;
}

export class Guarded {
	private readonly child: ChildProcess;
	private readonly exited: Promise<number | null>;
	private exitCode: number | null | undefined;

	constructor(
		readonly name: string,
		command: string,
		args: string[],
		private readonly options: GuardedOptions,
	) {
		const fd = openSync(options.log, 'a');
		this.child = spawn('bash', ['-c', GUARD, 'guard', command, ...args], {
			env: options.env ?? process.env,
			stdio: ['pipe', fd, fd],
			detached: true,
			uid: options.uid,
			gid: options.gid,
			cwd: options.cwd,
		});
		closeSync(fd);
		this.exited = new Promise((done) =>
			this.child.on('exit', (code) => {
				this.exitCode = code;
				done(code);
			}),
		);
		// This process must not wait for the guard to end before it may exit (which also ends it).
		this.child.unref();
		(this.child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
	}

	get running(): boolean {
		return this.exitCode === undefined;
	}

	log(): string {
		try {
			return readFileSync(this.options.log, 'utf8');
		} catch {
			return '';
		}
	}

	/** The end of the log, for failure messages. */
	tail(chars = 1500): string {
		return `--- ${this.name} (${this.options.log}) ---\n${this.log().slice(-chars)}`;
	}

	/** Waits (bounded, polling) until `ready` holds; throws with the log's end otherwise. */
	async until(
		what: string,
		ready: () => boolean | Promise<boolean>,
		timeoutMs: number,
	): Promise<void> {
		const end = Date.now() + timeoutMs;
		while (Date.now() < end) {
			if (!this.running)
				throw new Error(
					`${this.name} exited (${String(this.exitCode)}) before ${what}\n${this.tail()}`,
				);
			if (await ready()) return;
			await sleep(500);
		}
		throw new Error(`${this.name}: not ${what} within ${timeoutMs / 1000} s\n${this.tail()}`);
	}

	/** Asks the server to shut down and waits for it; kills its process group if it hangs. */
	async stop(): Promise<void> {
		if (!this.running) return;
		this.child.stdin?.end();
		const timeout = this.options.stopTimeoutMs ?? 30_000;
		const stopped = await Promise.race([
			this.exited.then(() => true),
			sleep(timeout).then(() => false),
		]);
		if (!stopped) {
			try {
				process.kill(-this.child.pid!, 'SIGKILL');
			} catch {
				// Already gone.
			}
			await this.exited;
		}
	}
}
