// BENCHMARKS.md: the machine, the Node.js version, the command, then one section per benchmark
// module between markers, so that `npm run bench -- --only roster` refreshes that section and
// keeps the others as they were measured.
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

import type { BenchResult, BenchSection } from './types';

const ROOT = join(__dirname, '..', '..');
export const BENCHMARKS_FILE = join(ROOT, 'BENCHMARKS.md');
export const README_FILE = join(ROOT, 'README.md');
/** The README's block of headline figures, rewritten from BENCHMARKS.md by every bench run. */
export const README_START = '<!-- bench:headlines:start -->';
export const README_END = '<!-- bench:headlines:end -->';
const IN_SHORT = '> **In short:** ';

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export function loadAverage(): string {
	return loadavg()
		.map((value) => value.toFixed(2))
		.join(', ');
}

function versionOf(name: string): string {
	const path = join(ROOT, 'node_modules', name, 'package.json');
	return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export function machine(): Array<[string, string]> {
	const cpu = cpus();
	return [
		[
			'Machine',
			`${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${type()} ${release()} (${arch()})`,
		],
		['Node.js', process.version],
		['n8n-core / n8n-workflow', `${versionOf('n8n-core')} / ${versionOf('n8n-workflow')}`],
	];
}

/** A section made of a module's figures, for a module that returns only BenchResult[]. */
export function sectionOf(results: BenchResult[]): BenchSection {
	const markdown = results
		.map((result) =>
			[
				`**${result.name}** (${result.ok ? 'target met' : 'target MISSED'}: ${result.target})`,
				'',
				...Object.entries(result.figures).map(([label, value]) => `- ${label}: ${value}`),
			].join('\n'),
		)
		.join('\n\n');
	return { markdown, results };
}

export interface MeasuredSection {
	id: string;
	title: string;
	section: BenchSection;
	startedAt: Date;
	seconds: number;
	loadBefore: string;
	loadAfter: string;
}

const start = (id: string) => `<!-- bench:${id}:start -->`;
const end = (id: string) => `<!-- bench:${id}:end -->`;

export function renderSection(measured: MeasuredSection): string {
	const misses = measured.section.results.filter((result) => !result.ok);
	return [
		start(measured.id),
		`## ${measured.title}`,
		'',
		`_Measured ${measured.startedAt.toISOString()} in ${measured.seconds.toFixed(0)} s with Node.js ${process.version} (\`npm run bench -- --only ${measured.id}\`); load average (1, 5, 15 min) ${measured.loadBefore} before, ${measured.loadAfter} after._` +
			(misses.length ? ` **Missed:** ${misses.map((miss) => miss.name).join('; ')}.` : ''),
		'',
		...(measured.section.headline ? [`${IN_SHORT}${measured.section.headline}`, ''] : []),
		measured.section.markdown.trim(),
		end(measured.id),
	].join('\n');
}

/** The sections of an earlier BENCHMARKS.md, by id, to keep those not measured this time. */
export function previousSections(text: string): Map<string, string> {
	const sections = new Map<string, string>();
	for (const match of text.matchAll(/<!-- bench:([\w-]+):start -->[\s\S]*?<!-- bench:\1:end -->/g))
		sections.set(match[1], match[0]);
	return sections;
}

export function renderBenchmarks(options: {
	order: string[];
	sections: Map<string, string>;
	command: string;
	loadBefore: string;
	loadAfter: string;
}): string {
	const partial = options.command !== 'npm run bench';
	const rows = [
		...machine(),
		[
			'Command',
			`\`npm run bench\`${partial ? ` (last written by \`${options.command}\`, which kept the other sections)` : ''}`,
		],
		[
			'Load average (1, 5, 15 min)',
			`${options.loadBefore} before that run, ${options.loadAfter} after; each section gives its own`,
		],
	];
	return [
		'# Benchmarks',
		'',
		'Written by `npm run bench` (`scripts/bench.ts`, one module per section in `scripts/bench/`).',
		'Everything runs on this machine over 127.0.0.1 against the LCIC emulator, bounded in time;',
		'no test asserts a time. Rate-limit-bound figures (the roster against its floor, trigger',
		"polls) hardly move with the machine's load; CPU-bound ones (signing, cold load) do, so each",
		'section records the load average it was measured under. Medians come with the lowest and',
		'highest run in brackets. `npm run bench -- --only roster,signing` re-measures those',
		'sections and keeps the others.',
		'',
		'| | |',
		'| --- | --- |',
		...rows.map(([label, value]) => `| ${label} | ${value} |`),
		'',
		...options.order.flatMap((id) => {
			const text = options.sections.get(id);
			return text ? [text, ''] : [];
		}),
	].join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(title: string): string {
	return title
		.toLowerCase()
		.replace(/[^\p{L}\p{N} -]/gu, '')
		.replace(/ /g, '-');
}

/** The README block: each section's headline, linked to its section of BENCHMARKS.md. */
export function readmeHeadlines(benchmarks: string): string {
	const lines: string[] = [];
	for (const section of previousSections(benchmarks).values()) {
		const title = /^## (.+)$/m.exec(section)?.[1];
		const headline = section
			.split('\n')
			.find((line) => line.startsWith(IN_SHORT))
			?.slice(IN_SHORT.length);
		if (title && headline)
			lines.push(`- [${title}](BENCHMARKS.md#${anchorOf(title)}): ${headline}`);
	}
	return lines.join('\n');
}

/** The README with its headline block replaced; unchanged when it has no markers. */
export function withReadmeHeadlines(readme: string, benchmarks: string): string {
	const start = readme.indexOf(README_START);
	const finish = readme.indexOf(README_END);
	if (start < 0 || finish < start) return readme;
	return `${readme.slice(0, start + README_START.length)}\n${readmeHeadlines(benchmarks)}\n${readme.slice(finish)}`;
}
