// The README's "Resources and operations" table, made from the catalog so that it cannot drift:
// `npx tsx scripts/operationsTable.ts` prints it; test/node/readme.test.ts checks the README holds it.
import { OPERATIONS, RESOURCES } from '../nodes/Lcic/catalog';

export const TABLE_START = '<!-- operations:start -->';
export const TABLE_END = '<!-- operations:end -->';

export function operationsTable(): string {
	const rows = [
		'| Resource | Operation | LCIC action | What it does |',
		'| --- | --- | --- | --- |',
	];
	for (const resource of RESOURCES) {
		for (const op of OPERATIONS.filter((candidate) => candidate.resource === resource.value)) {
			const actions = op.composite
				? op.composite.actions.map((action) => `\`${action}\``).join(', ')
				: op.batch
					? `\`${op.action}\` (\`${op.batch.action}\` for many items)`
					: `\`${op.action}\``;
			const what = op.description.replace(/\s*\([A-Za-z]+\)$/, '');
			rows.push(`| ${resource.name} | ${op.displayName} | ${actions} | ${what} |`);
		}
	}
	return rows.join('\n');
}

if (require.main === module) console.log(operationsTable());
