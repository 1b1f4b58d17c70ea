// n8n's verification scanner, @n8n/scan-community-package (installed by scripts/tools-install.sh),
// on this package. Its CLI only scans packages on registry.npmjs.org that carry npm provenance
// and a public GitHub source, so the test command calls the analysis the CLI runs on them,
// `analyzePackage`, with the CLI's own two legs (scanner/scanner.mjs, analyzePackageByName):
//   source:  the repository's package.json and nodes/, credentials/ (.js, .ts, .json)
//            (SOURCE_FILE_PATTERNS, the files `n8n-node lint` covers)
//   tarball: the published package's compiled .js and its package.json
// Both lint with @n8n/eslint-plugin-community-nodes' recommended rules, the three
// eslint-plugin-n8n-nodes-base rule sets and no-console, and ignore inline eslint-disable
// comments (allowInlineConfig: false): a finding can only be fixed, not silenced.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { run } from './install';
import { checkToolsDir } from './registry';

export type ScanLeg = 'source' | 'tarball';

export interface ScanResult {
	passed: boolean;
	/** ESLint's "stylish" report of the findings, when there are any. */
	details: string;
}

// Run in a child process: the scanner makes a temp folder when it is imported, which we point
// into a folder of our own (TMPDIR) and remove afterwards.
const RUNNER = `
const [scannerPath, dir, leg] = process.argv.slice(2);
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerPath);
// The tarball leg's patterns, as analyzePackageByName passes them.
const patterns = leg === 'source' ? SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];
const result = await analyzePackage(dir, patterns);
process.stdout.write(JSON.stringify({ passed: result.passed === true, message: result.message ?? '', details: result.details ?? '' }));
`;

export async function scanPackage(dir: string, leg: ScanLeg): Promise<ScanResult> {
	const tools = await checkToolsDir();
	const scanner = join(
		tools,
		'node_modules',
		'@n8n',
		'scan-community-package',
		'scanner',
		'scanner.mjs',
	);
	const temp = mkdtempSync(join(tmpdir(), 'lcic-scan-'));
	const runner = join(temp, 'runner.mjs');
	writeFileSync(runner, RUNNER);
	try {
		const out = await run(process.execPath, [runner, scanner, dir, leg], temp, {
			...process.env,
			TMPDIR: temp,
		});
		const result = JSON.parse(out) as { passed: boolean; message: string; details: string };
		// The scanner passes a folder where it finds no file to lint: that must not count as clean.
		if (result.message === 'No files found to analyze')
			return { passed: false, details: `the scanner found no files to lint in ${dir}` };
		return { passed: result.passed, details: result.details || result.message };
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}
