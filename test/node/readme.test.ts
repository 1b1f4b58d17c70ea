// The README lists every resource and operation with its LCIC action: the table between the
// markers must be exactly what the catalog says today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { operationsTable, TABLE_END, TABLE_START } from '../../scripts/operationsTable';
import { REFERENCE_ACTIONS } from '../harness/referenceActions';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

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
});
