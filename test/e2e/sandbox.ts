// A throw-away n8n for one run: the cached n8n binary, a fresh user folder with this package
// installed as a community node, and the examples' credential pointing at the LCIC emulator.
// Used by the demo and by the end-to-end check; close() removes the folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { RunningEmulator } from '../emulator';
import { installN8n, installPackedPackage, ROOT } from './install';
import { N8nCli } from './n8nCli';
import { freePort } from './n8nServer';
import { withProgress } from './progress';

/** The credential the example workflows name; importing one with this ID connects them. */
export const EXAMPLE_CREDENTIAL = { id: 'lcicCredential01', name: 'Tencent Cloud LCIC' };

export interface Sandbox {
	n8n: N8nCli;
	home: string;
	/** The folder n8n may read files from (N8N_RESTRICT_FILE_ACCESS_TO). */
	files: string;
	/** Imports examples/<file> (after `edit`) with `n8n import:workflow`; returns its ID. */
	importExample(file: string, edit?: (text: string) => string): Promise<string>;
	close(): void;
}

export async function openSandbox(emulator: RunningEmulator): Promise<Sandbox> {
	const tools = process.env.LCIC_TOOLS_DIR ?? '~/.cache/n8n-nodes-tencent-lcic';
	const binary = await withProgress(
		`n8n 2.41.1 (installed into ${tools} on first use: several minutes, about 3 GB)`,
		installN8n,
	);
	const home = mkdtempSync(join(tmpdir(), 'lcic-n8n-'));
	const files = join(home, 'files');
	mkdirSync(files, { recursive: true });
	try {
		await withProgress(
			"Packing this package (npm pack) and installing it into n8n's nodes folder",
			() => installPackedPackage(home),
		);
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
		const credential = {
			...EXAMPLE_CREDENTIAL,
			type: 'tencentCloudLcicApi',
			data: {
				secretId: emulator.account.secretId,
				secretKey: emulator.account.secretKey,
				sdkAppId: emulator.account.sdkAppId,
				endpoint: 'custom',
				customUrl: emulator.url,
				language: 'en-US',
			},
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
			async importExample(file, edit = (text) => text) {
				const text = edit(readFileSync(join(ROOT, 'examples', file), 'utf8'));
				const target = join(home, file);
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
