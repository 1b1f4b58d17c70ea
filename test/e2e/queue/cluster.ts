// n8n in queue mode on one machine, set up as n8n's docs describe it for several machines: a
// main process (`n8n start`, EXECUTIONS_MODE=queue) and worker processes (`n8n worker`), all on
// one PostgreSQL database and one Redis, all with the same N8N_ENCRYPTION_KEY, each with its own
// user folder. Every process listens on 127.0.0.1 on free ports.
//
// The package is published to a local npm registry (registry.ts) and installed as users do:
// on main by name through Settings > Community Nodes (n8n's REST API, communityPackages.ts); on
// each worker by name with npm into <user folder>/.n8n/nodes, as n8n's docs say for installing
// by hand (and as a worker image is built). n8n's own way to workers, a Redis message that tells
// running workers to npm-install what main installed (or N8N_REINSTALL_MISSING_PACKAGES when a
// worker starts), downloads from the configured registry, and from any registry other than
// registry.npmjs.org only with a licence feature (feat:communityNodes:customRegistry) that a
// worker, having no REST API, cannot be given here; so workers get the registry setting too,
// which makes them refuse to download anything rather than ask the public registry.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RunningEmulator } from '../../emulator';
import { installThroughRest, registryEnv } from '../communityPackages';
import { installN8n, packPackage, run } from '../install';
import { N8nCli } from '../n8nCli';
import { N8nRest, type InstalledPackage } from '../n8nRest';
import { freePort } from '../n8nServer';
import { withProgress } from '../progress';
import { startRegistry, type LocalRegistry } from '../registry';
import { EXAMPLE_CREDENTIAL, emulatorCredentialData, PACKAGE_NAME } from '../sandbox';
import { Guarded } from './guarded';
import { startPostgres, startRedis, type Postgres, type Service } from './services';

const MAIN_START_TIMEOUT_MS = 240_000;
const WORKER_START_TIMEOUT_MS = 240_000;

export interface QueueCluster {
	/** One-shot n8n commands (import, publish) against the shared database. */
	cli: N8nCli;
	/** What main's Community Nodes install answered (version, nodes). */
	installed: InstalledPackage;
	postgres: Postgres;
	home: string;
	/** The folder every n8n process may read files from. */
	files: string;
	workers: Guarded[];
	/** http://127.0.0.1:<port> of the running main process. */
	mainUrl(): string;
	startMain(): Promise<void>;
	stopMain(): Promise<void>;
	startWorkers(): Promise<void>;
	/** The worker whose log says it started this execution, if any. */
	workerOf(executionId: string): string | undefined;
	/** Imports workflows (JSON objects) with one `n8n import:workflow`. */
	importWorkflows(workflows: object[]): Promise<void>;
	/** The ends of every n8n log, for failure messages. */
	logTails(): string;
	close(): Promise<void>;
}

async function healthy(url: string): Promise<boolean> {
	try {
		return (await fetch(url, { signal: AbortSignal.timeout(5000) })).ok;
	} catch {
		return false;
	}
}

/** Settings every n8n process of the run needs besides its own ports and folder. */
function processEnv(home: string, files: string): NodeJS.ProcessEnv {
	return {
		N8N_USER_FOLDER: home,
		N8N_ENCRYPTION_KEY: 'lcic-queue-encryption-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: files,
		// Other zones than the workflows' (as in the single-process check).
		TZ: 'America/Los_Angeles',
		GENERIC_TIMEZONE: 'Europe/London',
	};
}

/** `npm install <name>@<version>` from the local registry into <home>/.n8n/nodes. */
async function installByHand(
	home: string,
	registry: LocalRegistry,
	version: string,
): Promise<void> {
	const nodesDir = join(home, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }),
	);
	// n8n provides the peer dependency n8n-workflow; the registry has nothing else.
	await run(
		'npm',
		[
			'install',
			`${PACKAGE_NAME}@${version}`,
			`--registry=${registry.url}/`,
			'--legacy-peer-deps',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		nodesDir,
	);
}

export async function openQueueCluster(
	emulator: RunningEmulator,
	workerCount: number,
): Promise<QueueCluster> {
	const binary = await withProgress('n8n 2.41.1 (cached by scripts/n8n-install.sh)', installN8n);
	const home = mkdtempSync(join(tmpdir(), 'lcic-queue-'));
	const files = join(home, 'files');
	const logs = join(home, 'logs');
	mkdirSync(files, { recursive: true });
	mkdirSync(logs, { recursive: true });
	const folders = ['main', ...Array.from({ length: workerCount }, (_, i) => `worker-${i + 1}`)];
	const started: Service[] = [];
	const processes: Guarded[] = [];
	const workers: Guarded[] = [];
	const healthUrls = new Map<Guarded, string>();
	let main: Guarded | undefined;
	let mainPort = 0;

	const stopAll = async () => {
		// n8n first: it exits when it loses Redis, and PostgreSQL waits for its clients.
		await Promise.all(processes.map((p) => p.stop()));
		for (const service of started.reverse()) await service.stop();
		rmSync(home, { recursive: true, force: true });
	};

	try {
		const [redis, postgres, registry] = await withProgress(
			'Starting Redis, PostgreSQL (throw-away data folders) and a local npm registry on 127.0.0.1',
			async () => {
				const redis = await startRedis(logs);
				started.push(redis);
				const postgres = await startPostgres(logs);
				started.push(postgres);
				const registry = await startRegistry();
				started.push({ port: 0, stop: () => registry.stop() });
				return [redis, postgres, registry] as const;
			},
		);
		const version = await withProgress(
			`Packing this package (npm pack), publishing it to the local registry, installing it by hand (npm install by name) on ${workerCount} workers`,
			async () => {
				const published = await registry.publish(await packPackage(home));
				for (const folder of folders.slice(1))
					await installByHand(join(home, folder), registry, published);
				return published;
			},
		);

		// What n8n's queue-mode docs ask every process to share.
		const shared: NodeJS.ProcessEnv = {
			...process.env,
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Recommended by n8n 2.x (a deprecation notice otherwise): editor runs go to workers too.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Community packages only ever from the local registry (see the top of this file).
			N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
		};
		const envFor = async (folder: string): Promise<NodeJS.ProcessEnv> => ({
			...shared,
			...processEnv(join(home, folder), files),
			// Every process runs its own task broker: on one machine each needs its own port.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});

		const cli = new N8nCli(binary, await envFor('main'), logs);
		let mainRuns = 0;
		const cluster: QueueCluster = {
			cli,
			installed: undefined as unknown as InstalledPackage,
			postgres,
			home,
			files,
			workers,
			mainUrl: () => `http://127.0.0.1:${mainPort}`,
			async startMain() {
				mainPort = await freePort();
				const env = {
					...(await envFor('main')),
					...registryEnv(registry.url),
					N8N_PORT: String(mainPort),
					N8N_LISTEN_ADDRESS: '127.0.0.1',
				};
				main = new Guarded(`n8n main (start ${++mainRuns})`, binary, ['start'], {
					env,
					log: join(logs, `main-${mainRuns}.log`),
				});
				processes.push(main);
				const running = main;
				await running.until(
					'serving the editor',
					async () =>
						running.log().includes('Editor is now accessible') &&
						(await healthy(`${cluster.mainUrl()}/healthz/readiness`)),
					MAIN_START_TIMEOUT_MS,
				);
			},
			async stopMain() {
				await main?.stop();
			},
			async startWorkers() {
				for (const folder of folders.slice(1)) {
					const port = await freePort();
					const env = {
						...(await envFor(folder)),
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					};
					const worker = new Guarded(`n8n ${folder}`, binary, ['worker'], {
						env,
						log: join(logs, `${folder}.log`),
					});
					processes.push(worker);
					workers.push(worker);
					healthUrls.set(worker, `http://127.0.0.1:${port}/healthz/readiness`);
				}
				// Started together, they come up in parallel; ready = connected to Redis and the database.
				await Promise.all(
					workers.map((worker) =>
						worker.until(
							'ready (/healthz/readiness)',
							() => healthy(healthUrls.get(worker)!),
							WORKER_START_TIMEOUT_MS,
						),
					),
				);
			},
			workerOf(executionId) {
				const line = new RegExp(`Worker started execution ${executionId} \\(`);
				return workers.find((worker) => line.test(worker.log()))?.name;
			},
			async importWorkflows(workflows) {
				const file = join(home, 'workflows.json');
				writeFileSync(file, JSON.stringify(workflows));
				await cli.run(['import:workflow', `--input=${file}`]);
			},
			logTails: () => processes.map((p) => p.tail()).join('\n'),
			close: stopAll,
		};

		cluster.installed = await withProgress(
			`Installing ${PACKAGE_NAME} on main through n8n (owner setup, Settings > Community Nodes > Install, over REST)`,
			async () => {
				await cluster.startMain();
				try {
					const rest = new N8nRest(cluster.mainUrl());
					await rest.setupOwner();
					return await installThroughRest(rest, PACKAGE_NAME);
				} finally {
					await cluster.stopMain();
				}
			},
		);
		if (cluster.installed.installedVersion !== version)
			throw new Error(
				`main installed ${cluster.installed.installedVersion}, not the published ${version}`,
			);
		await withProgress(
			'Importing a Tencent Cloud LCIC API credential for the emulator into PostgreSQL (n8n import:credentials)',
			() => importCredential(cli, home, emulatorCredentialData(emulator)),
		);
		return cluster;
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/** The examples' credential, with `n8n import:credentials` (the file is removed right after). */
async function importCredential(
	cli: N8nCli,
	home: string,
	data: ICredentialDataDecryptedObject,
): Promise<void> {
	const file = join(home, 'credentials.json');
	writeFileSync(
		file,
		JSON.stringify([{ ...EXAMPLE_CREDENTIAL, type: 'tencentCloudLcicApi', data }]),
	);
	try {
		await cli.run(['import:credentials', `--input=${file}`]);
	} finally {
		// It holds the emulator's SecretKey.
		rmSync(file, { force: true });
	}
}
