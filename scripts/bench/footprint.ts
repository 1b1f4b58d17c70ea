// What installing and loading the package costs: the `npm pack` tarball (size, unpacked size,
// files) of a fresh build, and the cold load time of the built credential and nodes in a new
// Node.js process that has already loaded n8n-workflow (as n8n has when it loads community
// nodes): require() of the three files and construction of the node classes, which builds the
// node's description from the catalog. CPU-bound: the figures move with the machine's load.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { fmt, medianAndSpread, summarise, table } from './stats';
import type { BenchModule, BenchResult, BenchSection } from './types';

const ROOT = join(__dirname, '..', '..');
const LOADS = 9;
const MAX_TARBALL_BYTES = 1024 * 1024;
const MAX_LOAD_MS = 1000;

// Runs in a fresh process: n8n-workflow first (timed on its own), then the package.
const LOAD_SCRIPT = `
const t0 = performance.now();
require('n8n-workflow');
const t1 = performance.now();
const { TencentCloudLcicApi } = require('./dist/credentials/TencentCloudLcicApi.credentials.js');
const { Lcic } = require('./dist/nodes/Lcic/Lcic.node.js');
const { LcicTrigger } = require('./dist/nodes/Lcic/LcicTrigger.node.js');
new TencentCloudLcicApi();
const properties = new Lcic().description.properties.length + new LcicTrigger().description.properties.length;
const t2 = performance.now();
process.stdout.write(JSON.stringify({ workflow: t1 - t0, lcic: t2 - t1, properties }));
`;

interface Pack {
	size: number;
	unpackedSize: number;
	entryCount: number;
}

function npm(args: string[]): string {
	const npmCli = process.env.npm_execpath;
	// Under `npm run`, npm_execpath is npm's own CLI: run it with this Node.js.
	return npmCli
		? execFileSync(process.execPath, [npmCli, ...args], { cwd: ROOT, encoding: 'utf8' })
		: execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
}

function loadOnce(): { workflow: number; lcic: number; properties: number } {
	const result = spawnSync(process.execPath, ['-e', LOAD_SCRIPT], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000,
	});
	if (result.status !== 0) throw new Error(`loading the built package failed: ${result.stderr}`);
	return JSON.parse(result.stdout) as { workflow: number; lcic: number; properties: number };
}

function runFootprintBench(): BenchSection {
	console.log('  footprint: npm run build');
	npm(['run', '--silent', 'build']);
	const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--silent'])) as Pack[];
	loadOnce(); // the first load also warms the file system cache
	const loads = Array.from({ length: LOADS }, loadOnce);
	const lcicMs = loads.map((load) => load.lcic);
	const workflowMs = loads.map((load) => load.workflow);

	const results: BenchResult[] = [
		{
			name: 'footprint: the npm package',
			figures: {
				'tarball (kB)': fmt(pack.size / 1000, 0),
				'unpacked (kB)': fmt(pack.unpackedSize / 1000, 0),
				files: pack.entryCount,
			},
			target: `a tarball under ${MAX_TARBALL_BYTES / 1024 / 1024} MiB`,
			ok: pack.size < MAX_TARBALL_BYTES,
		},
		{
			name: 'footprint: cold load of the credential and both nodes',
			figures: {
				'load (ms)': medianAndSpread(lcicMs, 1),
				'n8n-workflow itself (ms)': medianAndSpread(workflowMs, 1),
			},
			target: `under ${MAX_LOAD_MS} ms`,
			ok: summarise(lcicMs).median < MAX_LOAD_MS,
		},
	];
	const markdown = [
		`A fresh \`npm run build\`, then \`npm pack --dry-run\` (the package ships \`dist/\` only, no runtime dependencies). Cold load: ${LOADS} new Node.js processes, each loading \`n8n-workflow\` first (as n8n has when it loads community nodes), then \`require()\` of the credential and both nodes and construction of the three classes (the node's ${loads[0].properties} properties are built from the catalog).`,
		'',
		table(
			[
				'Tarball',
				'Unpacked',
				'Files',
				'Cold load of the package (ms)',
				'n8n-workflow before it (ms)',
			],
			[
				[
					`${fmt(pack.size / 1000, 0)} kB`,
					`${fmt(pack.unpackedSize / 1000, 0)} kB`,
					pack.entryCount,
					medianAndSpread(lcicMs, 1),
					medianAndSpread(workflowMs, 1),
				],
			],
		),
	].join('\n');
	const headline = `A ${fmt(pack.size / 1000, 0)} kB package of ${pack.entryCount} files with no runtime dependencies; the credential and both nodes load in ${fmt(summarise(lcicMs).median, 0)} ms once n8n-workflow is loaded.`;
	return { headline, markdown, results };
}

export const footprintBench: BenchModule = {
	id: 'footprint',
	title: 'Footprint: package size and cold load',
	run: runFootprintBench,
};
