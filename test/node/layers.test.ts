// CONTRIBUTING.md's "Layers: what each may import" table is the rule a contributor reads; this
// test reads that table from the guide itself and checks every import of every folder under
// nodes/Lcic against it, so the guide and the code cannot drift apart.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../..');
const NODE_DIR = join(ROOT, 'nodes/Lcic');

/** Folder -> what it may import (`catalog/`, `catalog/hooks.ts`, `credentials/`...), from the guide. */
function guideTable(): Map<string, string[]> {
	const guide = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
	const section = guide.split('## Layers: what each may import')[1].split('\n## ')[0];
	const table = new Map<string, string[]>();
	for (const line of section.split('\n')) {
		const cells = line.split('|').map((cell) => cell.trim());
		const folder = /^`(\w+)\/`$/.exec(cells[1] ?? '')?.[1];
		if (!folder) continue;
		table.set(
			folder,
			[...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]),
		);
	}
	return table;
}

/** The project files a source file imports, as `folder/file.ts` under nodes/Lcic or `credentials/...`. */
function importsOf(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	return source.statements
		.flatMap((statement) =>
			(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
			statement.moduleSpecifier &&
			ts.isStringLiteral(statement.moduleSpecifier)
				? [statement.moduleSpecifier.text]
				: [],
		)
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => {
			const target = join(dirname(file), specifier);
			const inNodes = relative(NODE_DIR, target);
			const name = inNodes.startsWith('..') ? relative(ROOT, target) : inNodes;
			// A folder's index is the folder: `../transport` is `transport/`.
			return existsSync(target) && statSync(target).isDirectory() ? `${name}/` : `${name}.ts`;
		});
}

/** A rule names a folder (`catalog/`: anything in it) or one file (`catalog/hooks.ts`). */
function allowed(target: string, rules: string[]): boolean {
	return rules.some((rule) => (rule.endsWith('/') ? target.startsWith(rule) : target === rule));
}

describe("CONTRIBUTING.md's layers", () => {
	const table = guideTable();
	const folders = readdirSync(NODE_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);

	it('has a row for every folder under nodes/Lcic', () => {
		expect([...table.keys()].sort()).toEqual(folders.sort());
	});

	it.each(folders)('%s/ imports only what the guide says it may', (folder) => {
		const rules = table.get(folder) ?? [];
		const files = readdirSync(join(NODE_DIR, folder), { recursive: true })
			.map(String)
			.filter((name) => name.endsWith('.ts'));
		const outside = files.flatMap((name) =>
			importsOf(join(NODE_DIR, folder, name))
				.filter((target) => !target.startsWith(`${folder}/`))
				.filter((target) => !allowed(target, rules))
				.map((target) => `${folder}/${name} imports ${target}`),
		);
		expect(outside).toEqual([]);
	});
});
