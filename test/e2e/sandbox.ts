// A throw-away n8n for one run: the cached n8n binary, a fresh user folder, an owner set up over
// REST, this package installed by name from the local registry through n8n's own
// community-package install (communityPackages.ts), and the examples' credential pointing at
// the LCIC emulator. Used by the demo and by the end-to-end check; close() removes the folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RunningEmulator } from '../emulator';
import { installThroughRest, registryEnv } from './communityPackages';
import { installN8n, ROOT } from './install';
import { N8nCli } from './n8nCli';
import { N8nRest, type InstalledPackage } from './n8nRest';
import { freePort, startN8n, type RunningN8n } from './n8nServer';
import { withProgress } from './progress';
import type { LocalRegistry } from './registry';

export const PACKAGE_NAME = (
	JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }
).name;

/** The credential the example workflows name; importing one with this ID connects them. */
export const EXAMPLE_CREDENTIAL = { id: 'lcicCredential01', name: 'Tencent Cloud LCIC' };

/** The credential's Callback Key: what the Event Trigger example registers and checks with. */
export const EXAMPLE_CALLBACK_KEY = 'lcic-emulator-callback-key';

export interface Sandbox {
	n8n: N8nCli;
	home: string;
	/** The folder n8n may read files from (N8N_RESTRICT_FILE_ACCESS_TO). */
	files: string;
	/** What n8n answered to the install (version, nodes). */
	installed: InstalledPackage;
	/**
	 * `n8n start` on 127.0.0.1 using the local registry, with the owner logged in over REST;
	 * `env` adds settings (WEBHOOK_URL).
	 */
	startServer(env?: NodeJS.ProcessEnv): Promise<{ server: RunningN8n; rest: N8nRest }>;
	/** Imports examples/<file> (after `edit`) with `n8n import:workflow`; returns its ID. */
	importExample(file: string, edit?: (text: string) => string): Promise<string>;
	close(): void;
}

/** The data of a Tencent Cloud LCIC API credential for the emulator's account. */
export function emulatorCredentialData(emulator: RunningEmulator): ICredentialDataDecryptedObject {
	return {
		secretId: emulator.account.secretId,
		secretKey: emulator.account.secretKey,
		sdkAppId: emulator.account.sdkAppId,
		callbackSecret: EXAMPLE_CALLBACK_KEY,
		endpoint: 'custom',
		customUrl: emulator.url,
		language: 'en-US',
	};
}

export interface SandboxOptions {
	/** Where n8n installs the package from (it must hold PACKAGE_NAME already). */
	registry: LocalRegistry;
	/** Runs while the n8n that installed the package is still up (e.g. REST checks). */
	whileInstalled?: (rest: N8nRest, installed: InstalledPackage) => Promise<void>;
}

export async function openSandbox(
	emulator: RunningEmulator,
	options: SandboxOptions,
): Promise<Sandbox> {
	const tools = process.env.LCIC_TOOLS_DIR ?? '~/.cache/n8n-nodes-tencent-lcic';
	const binary = await withProgress(
		`n8n 2.41.1 (installed into ${tools} on first use: several minutes, about 3 GB)`,
		installN8n,
	);
	const home = mkdtempSync(join(tmpdir(), 'lcic-n8n-'));
	const files = join(home, 'files');
	mkdirSync(files, { recursive: true });
	try {
		const n8n = new N8nCli(
			binary,
			{
				...process.env,
				N8N_USER_FOLDER: home,
				N8N_ENCRYPTION_KEY: 'lcic-sandbox-encryption-key',
				N8N_DIAGNOSTICS_ENABLED: 'false',
				N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
				N8N_RESTRICT_FILE_ACCESS_TO: files,
				// The server's zone and n8n's default zone (GENERIC_TIMEZONE) both differ from the
				// zone of the examples' workflows (Asia/Shanghai): a node that read zone-less times
				// in either would schedule the form's class at the wrong time.
				TZ: 'America/Los_Angeles',
				GENERIC_TIMEZONE: 'Europe/London',
				// n8n's task broker listens on 5679 by default: a free port keeps this run clear of a
				// developer's own n8n.
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			},
			home,
		);
		const startServer = async (env: NodeJS.ProcessEnv = {}) => {
			const server = await startN8n(n8n, { ...registryEnv(options.registry.url), ...env });
			try {
				const rest = new N8nRest(server.url);
				return { server, rest };
			} catch (error) {
				await server.stop();
				throw error;
			}
		};
		const installed = await withProgress(
			`Installing ${PACKAGE_NAME} from the local registry through n8n (owner setup, Settings > Community Nodes > Install, over REST)`,
			async () => {
				const { server, rest } = await startServer();
				try {
					await rest.setupOwner();
					const answer = await installThroughRest(rest, PACKAGE_NAME);
					await options.whileInstalled?.(rest, answer);
					return answer;
				} catch (error) {
					throw new Error(
						`${(error as Error).message}\nn8n's log ends with: ${n8n.lastLog().slice(-1500)}`,
					);
				} finally {
					await server.stop();
				}
			},
		);
		const credential = {
			...EXAMPLE_CREDENTIAL,
			type: 'tencentCloudLcicApi',
			data: emulatorCredentialData(emulator),
		};
		const credentialFile = join(home, 'credentials.json');
		writeFileSync(credentialFile, JSON.stringify([credential]));
		await withProgress(
			'Importing a Tencent Cloud LCIC API credential for the emulator (n8n import:credentials)',
			() => n8n.run(['import:credentials', `--input=${credentialFile}`]),
		);
		// The file holds the emulator's SecretKey: it is only needed by the import.
		rmSync(credentialFile);

		return {
			n8n,
			home,
			files,
			installed,
			async startServer(env) {
				const started = await startServer(env);
				await started.rest.login();
				return started;
			},
			async importExample(file, edit = (text) => text) {
				// A name under examples/, or a path from there (a test fixture).
				const text = edit(readFileSync(join(ROOT, 'examples', file), 'utf8'));
				const target = join(home, basename(file));
				writeFileSync(target, text);
				await n8n.run(['import:workflow', `--input=${target}`]);
				return (JSON.parse(text) as { id: string }).id;
			},
			close: () => rmSync(home, { recursive: true, force: true }),
		};
	} catch (error) {
		rmSync(home, { recursive: true, force: true });
		throw error;
	}
}
