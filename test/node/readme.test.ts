// The README lists every resource and operation with its LCIC action: the table between the
// markers must be exactly what the catalog says today.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREATE_OPTIONAL } from '../../nodes/Lcic/catalog/roomFields';
import { README_END, README_START, readmeHeadlines } from '../../scripts/bench/report';
import { operationsTable, TABLE_END, TABLE_START } from '../../scripts/operationsTable';
import { loadLcicModel } from '../harness/lcicModel';
import { REFERENCE_ACTIONS } from '../harness/referenceActions';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
	it('holds the operations table generated from the catalog (npx tsx scripts/operationsTable.ts)', () => {
		const start = readme.indexOf(TABLE_START);
		const end = readme.indexOf(TABLE_END);
		expect(start).toBeGreaterThan(-1);
		expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(operationsTable());
	});

	it('names every action of the API reference', () => {
		expect(REFERENCE_ACTIONS.filter((action) => !readme.includes(`\`${action}\``))).toEqual([]);
	});

	it("lists all 85 actions of Tencent's current model in the operations table", () => {
		const table = operationsTable();
		const actions = [...loadLcicModel().actions.keys()];
		expect(actions).toHaveLength(85);
		expect(actions.filter((action) => !table.includes(`\`${action}\``))).toEqual([]);
	});

	it('names every folder of nodes/Lcic in its layout', () => {
		const folders = readdirSync(join(ROOT, 'nodes', 'Lcic'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => `${entry.name}/`);
		const layout = readme.slice(readme.indexOf('Layout'));
		expect(folders.filter((folder) => !layout.includes(folder))).toEqual([]);
	});

	it("quotes the node's own labels for TurnOffMic", () => {
		const field = CREATE_OPTIONAL.find((candidate) => candidate.param === 'TurnOffMic');
		const line = readme.slice(readme.indexOf('(TurnOffMic'), readme.indexOf('(TurnOffMic') + 200);
		for (const label of [field?.displayName, ...(field?.options ?? []).map((o) => o.name)])
			expect(line.replace(/\s+/g, ' ')).toContain(`*${label}*`);
	});

	it('quotes the headline figures of BENCHMARKS.md and links it (npm run bench writes both)', () => {
		const benchmarks = readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8');
		const start = readme.indexOf(README_START);
		const end = readme.indexOf(README_END);
		expect(start).toBeGreaterThan(-1);
		const quoted = readme.slice(start + README_START.length, end).trim();
		expect(quoted).toBe(readmeHeadlines(benchmarks));
		expect(quoted).toContain('](BENCHMARKS.md#roster-sync');
	});

	it('shows each example time as Unix seconds and ISO text that name the same instant', () => {
		// Pairs as the README shows outputs: `StartTime: 1796086800`, `StartTimeIso: "..."` and
		// the trigger item's "timestamp" and "time". The instant is checked with Date.parse.
		const pairs = [
			...readme.matchAll(
				/"?\w+"?:\s*(\d{10})\b[^]{0,80}?"?\w+"?:\s*"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z))"/g,
			),
		].map(([, seconds, iso]) => ({ iso, seconds: Number(seconds) }));
		expect(pairs.length).toBeGreaterThanOrEqual(2);
		expect(pairs).toEqual(pairs.map(({ iso }) => ({ iso, seconds: Date.parse(iso) / 1000 })));
	});
});

describe('package.json', () => {
	it('names a main file only if it exists', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main?: string };
		if (pkg.main !== undefined) expect(existsSync(join(ROOT, pkg.main))).toBe(true);
	});
});
