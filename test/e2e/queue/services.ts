// Redis and PostgreSQL for queue mode, from Debian's packages (scripts/queue-deps.sh installs them
// when missing), started on 127.0.0.1 on free ports with throw-away data folders, and stopped
// (folders removed) by stop(). Nothing of the system's own services is used or touched.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../n8nServer';
import { Guarded } from './guarded';

const START_TIMEOUT_MS = 60_000;

export interface Service {
	port: number;
	stop(): Promise<void>;
}

/** Answers true once a Redis server on `port` replies PONG. */
function redisAnswers(port: number): Promise<boolean> {
	return new Promise((done) => {
		const socket = new Socket();
		let reply = '';
		const finish = (ok: boolean) => {
			socket.destroy();
			done(ok);
		};
		socket.setTimeout(2000, () => finish(false));
		socket.on('error', () => finish(false));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
		});
		socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
	});
}

export async function startRedis(logDir: string): Promise<Service> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'lcic-redis-'));
	const server = new Guarded(
		'redis-server',
		'redis-server',
		// No persistence: the queue lives only as long as the check.
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ log: join(logDir, 'redis.log') },
	);
	try {
		await server.until('answering PING', () => redisAnswers(port), START_TIMEOUT_MS);
	} catch (error) {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		port,
		async stop() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Debian installs PostgreSQL's server programs under /usr/lib/postgresql/<major>/bin. */
export function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length === 0)
		throw new Error(
			'PostgreSQL server programs not found under /usr/lib/postgresql/<version>/bin: run scripts/queue-deps.sh (as root) or apt-get install postgresql',
		);
	return join(root, majors[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, its programs run as Debian's `postgres` user. */
function serverUser(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
	return { uid: id('-u'), gid: id('-g') };
}

export interface Postgres extends Service {
	user: string;
	database: string;
	/** Runs SQL with psql and returns its unaligned output (rows on lines, fields split by |). */
	query(sql: string): string;
}

export async function startPostgres(logDir: string): Promise<Postgres> {
	const bin = postgresBin();
	const port = await freePort();
	const user = 'n8n';
	const database = 'n8n';
	const owner = serverUser();
	const dir = mkdtempSync(join(tmpdir(), 'lcic-postgres-'));
	if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid!);
	const data = join(dir, 'data');
	const psql = (db: string, sql: string) =>
		execFileSync(
			join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				user,
				'-d',
				db,
				'-v',
				'ON_ERROR_STOP=1',
				'-Atc',
				sql,
			],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
		);

	let server: Guarded | undefined;
	try {
		// Trust on 127.0.0.1 only: the cluster lives for this check and holds nothing else.
		execFileSync(
			join(bin, 'initdb'),
			['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale'],
			// Run from its own folder: as `postgres` it may not enter this one (a clone under /root).
			{ stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, cwd: dir, ...owner },
		);
		server = new Guarded(
			'postgres',
			join(bin, 'postgres'),
			[
				'-D',
				data,
				'-p',
				String(port),
				'-k',
				dir,
				'-c',
				'listen_addresses=127.0.0.1',
				// A throw-away cluster: no need to survive a power cut.
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
			],
			{ log: join(logDir, 'postgres.log'), cwd: dir, ...owner },
		);
		await server.until(
			'accepting connections',
			() => {
				try {
					return psql('postgres', 'select 1').trim() === '1';
				} catch {
					return false;
				}
			},
			START_TIMEOUT_MS,
		);
		psql('postgres', `create database ${database}`);
	} catch (error) {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const running = server;
	return {
		port,
		user,
		database,
		query: (sql) => psql(database, sql),
		async stop() {
			await running.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
