// `npm run bench`: speed and memory are measured here, never in timed tests. Each module of
// scripts/bench/ measures one comparison side by side in one run and returns a section of
// BENCHMARKS.md with the targets it checked, and the README quotes each section's headline
// (rewritten between its markers); the exit code is 1 when a target is missed.
//   npm run bench                        every section, BENCHMARKS.md rewritten
//   npm run bench -- --only roster,trigger   those sections re-measured, the others kept
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { footprintBench } from './bench/footprint';
import {
	BENCHMARKS_FILE,
	loadAverage,
	previousSections,
	README_FILE,
	renderBenchmarks,
	renderSection,
	sectionOf,
	withReadmeHeadlines,
} from './bench/report';
import { rosterBench } from './bench/roster';
import { sharedLimitBench } from './bench/sharedLimit';
import { signingBench } from './bench/signing';
import { triggerBench } from './bench/trigger';
import type { BenchModule } from './bench/types';

const MODULES: BenchModule[] = [
	rosterBench,
	signingBench,
	triggerBench,
	footprintBench,
	sharedLimitBench,
];

function selected(argv: string[]): BenchModule[] {
	const at = argv.indexOf('--only');
	const inline = argv.find((arg) => arg.startsWith('--only='));
	const raw = inline ? inline.slice('--only='.length) : at >= 0 ? argv[at + 1] : undefined;
	if (raw === undefined) return MODULES;
	const ids = raw.split(',').map((id) => id.trim());
	const unknown = ids.filter((id) => !MODULES.some((module) => module.id === id));
	if (unknown.length)
		throw new Error(
			`Unknown bench section ${unknown.join(', ')}; known: ${MODULES.map((m) => m.id).join(', ')}`,
		);
	return MODULES.filter((module) => ids.includes(module.id));
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const modules = selected(argv);
	const command = ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' ');
	const sections = previousSections(
		existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '',
	);
	const loadBefore = loadAverage();

	let failed = 0;
	for (const module of modules) {
		console.log(`\n== ${module.title} (load average ${loadAverage()})`);
		const startedAt = new Date();
		const before = loadAverage();
		const started = performance.now();
		const outcome = await module.run();
		const section = Array.isArray(outcome) ? sectionOf(outcome) : outcome;
		sections.set(
			module.id,
			renderSection({
				id: module.id,
				title: module.title,
				section,
				startedAt,
				seconds: (performance.now() - started) / 1000,
				loadBefore: before,
				loadAfter: loadAverage(),
			}),
		);
		for (const result of section.results) {
			console.log(`\n${result.ok ? 'ok  ' : 'MISS'} ${result.name}`);
			for (const [label, value] of Object.entries(result.figures))
				console.log(`     ${label.padEnd(40)} ${value}`);
			console.log(`     target: ${result.target}`);
			if (!result.ok) failed++;
		}
	}

	const order = [
		...MODULES.map((module) => module.id),
		...[...sections.keys()].filter((id) => !MODULES.some((module) => module.id === id)),
	];
	const benchmarks = renderBenchmarks({
		order,
		sections,
		command,
		loadBefore,
		loadAfter: loadAverage(),
	});
	writeFileSync(BENCHMARKS_FILE, benchmarks);
	// The README quotes each section's headline: rewritten with it, so the two never disagree.
	writeFileSync(README_FILE, withReadmeHeadlines(readFileSync(README_FILE, 'utf8'), benchmarks));
	console.log(
		`\nWrote ${BENCHMARKS_FILE} and the README's figures${failed ? `; ${failed} target(s) missed` : ''}`,
	);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
