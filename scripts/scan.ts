// `npm run scan`: n8n's verification scanner (see test/e2e/scanner.ts) on both of its legs: the
// source in this clone, and the package as `npm pack` makes it. Exits 1 on any finding. The
// end-to-end check (npm run e2e) scans the tarball again as the local registry serves it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { packPackage, ROOT } from '../test/e2e/install';
import { scanPackage, type ScanLeg } from '../test/e2e/scanner';

async function main(): Promise<void> {
	const work = mkdtempSync(join(tmpdir(), 'lcic-scan-pack-'));
	let findings = 0;
	try {
		const legs: Array<[ScanLeg, string, string]> = [
			['source', ROOT, 'package.json, nodes/ and credentials/ in this clone'],
			['tarball', await packPackage(work), 'compiled .js and package.json of `npm pack`'],
		];
		for (const [leg, dir, what] of legs) {
			const result = await scanPackage(dir, leg);
			console.log(`  ${result.passed ? 'ok  ' : 'FAIL'} n8n's scanner, ${leg} leg (${what})`);
			if (!result.passed) {
				findings++;
				console.log(result.details);
			}
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	console.log(`\n${2 - findings} passed, ${findings} failed`);
	process.exitCode = findings ? 1 : 0;
}

void main();
