import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';
import * as ts from 'typescript';

import { TencentCloudLcicApi } from '../../credentials/TencentCloudLcicApi.credentials';

// n8n's community-node verification guidelines, each held by a test where a test can hold it
// (the README's "Verification requirements" lists them all, with how each is met). Quoted from
// n8n's docs, "Community node verification guidelines" (docs.n8n.io, Build a node > Reference):
//   "Ensure that your package does not include any external dependencies"
//   "The code must not interact with environment variables or attempt to read/write files."
//   "Both the node interface and all documentation must be in English only."
//   "Make sure your package license is MIT."
//   "Include usage instructions, example workflows, and any necessary authentication details."
// The scanner (`npm run scan`) and the e2e check the rest: n8n's lint rules on both legs.

const ROOT = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
	string,
	unknown
>;

function filesUnder(dir: string, pattern: RegExp): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return filesUnder(path, pattern);
		return pattern.test(entry) ? [path] : [];
	});
}

// Every node and credential package.json registers with n8n (`n8n.nodes`, `n8n.credentials`),
// loaded from its TypeScript source by n8n's naming rule (the class is named like the file), so
// a node added later is checked here without anyone remembering to list it.
function registered<T>(kind: 'nodes' | 'credentials'): Array<[string, T, string]> {
	const paths = (manifest.n8n as Record<string, string[]>)[kind];
	return paths.map((dist) => {
		const source = join(ROOT, dist.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const className = source.split('/').pop()!.split('.')[0];
		const exported = require(source) as Record<string, new () => T>;
		if (typeof exported[className] !== 'function')
			throw new Error(`${dist}: ${source} exports no class ${className}`);
		return [className, new exported[className](), dirname(source)];
	});
}
const NODES = registered<INodeType>('nodes');
const CREDENTIALS = registered<ICredentialType>('credentials');

const SHIPPED_SOURCES = [
	...filesUnder(join(ROOT, 'nodes'), /\.ts$/),
	...filesUnder(join(ROOT, 'credentials'), /\.ts$/),
];

describe('no runtime dependencies', () => {
	it('package.json declares no dependencies; n8n-workflow is a peer n8n provides', () => {
		for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies']) {
			expect([field, manifest[field] ?? {}]).toEqual([field, {}]);
		}
		expect(Object.keys(manifest.peerDependencies as object)).toEqual(['n8n-workflow']);
	});

	// The modules n8n itself provides to community nodes, from the allow-list of
	// @n8n/eslint-plugin-community-nodes' no-restricted-imports rule ("n8n Cloud does not allow
	// community nodes with dependencies"): anything else would have to be a dependency.
	const PROVIDED_BY_N8N = [
		'n8n-workflow',
		'lodash',
		'moment',
		'p-limit',
		'luxon',
		'zod',
		'crypto',
		'node:crypto',
	];

	it('shipped code imports only its own files and modules n8n provides', () => {
		const imported = new Set<string>();
		for (const file of SHIPPED_SOURCES) {
			const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
			const visit = (node: ts.Node): void => {
				if (
					(ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
					node.moduleSpecifier &&
					ts.isStringLiteral(node.moduleSpecifier)
				) {
					imported.add(
						node.moduleSpecifier.text.startsWith('.') ? '<own file>' : node.moduleSpecifier.text,
					);
				}
				if (
					ts.isCallExpression(node) &&
					ts.isIdentifier(node.expression) &&
					node.expression.text === 'require'
				) {
					imported.add('require()');
				}
				ts.forEachChild(node, visit);
			};
			visit(source);
		}
		expect([...imported].filter((m) => m !== '<own file>' && !PROVIDED_BY_N8N.includes(m))).toEqual(
			[],
		);
		expect(imported.has('n8n-workflow')).toBe(true);
	});
});

describe('no access to environment variables or the file system', () => {
	// Globals through which code reaches the process, its environment or its files; n8n's
	// no-restricted-globals rule names the same ones.
	const FORBIDDEN = new Set([
		'process',
		'global',
		'globalThis',
		'__dirname',
		'__filename',
		'require',
	]);

	it.each(SHIPPED_SOURCES.map((file) => [file.slice(ROOT.length + 1), file]))(
		'%s uses none of process, global, __dirname, require',
		(_name, file) => {
			const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
			const found: string[] = [];
			const visit = (node: ts.Node): void => {
				if (ts.isIdentifier(node) && FORBIDDEN.has(node.text)) {
					const parent = node.parent;
					const isMemberName =
						(ts.isPropertyAccessExpression(parent) && parent.name === node) ||
						(ts.isPropertyAssignment(parent) && parent.name === node);
					if (!isMemberName) found.push(node.text);
				}
				ts.forEachChild(node, visit);
			};
			visit(source);
			expect(found).toEqual([]);
		},
	);
});

describe('English only', () => {
	// Han, Hiragana/Katakana, Hangul: the scripts of the languages Tencent's pages come in.
	const NON_ENGLISH = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;
	const documents = [
		...filesUnder(join(ROOT, 'nodes'), /\.json$/),
		...filesUnder(join(ROOT, 'examples'), /\.(json|csv)$/),
		join(ROOT, 'README.md'),
		join(ROOT, 'CHANGELOG.md'),
	];

	it.each(documents.map((file) => [file.slice(ROOT.length + 1), file]))('%s', (_name, file) => {
		const lines = readFileSync(file, 'utf8')
			.split('\n')
			.map((line, i) => `${i + 1}: ${line}`)
			.filter((line) => NON_ENGLISH.test(line));
		expect(lines).toEqual([]);
	});

	// Every text the code can show (labels, descriptions, hints, error messages) is a string or
	// template literal. Comments may quote Tencent's Chinese pages as the source of a fact.
	it.each(SHIPPED_SOURCES.map((file) => [file.slice(ROOT.length + 1), file]))(
		'the strings of %s',
		(_name, file) => {
			const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
			const found: string[] = [];
			const visit = (node: ts.Node): void => {
				if (
					(ts.isStringLiteral(node) ||
						ts.isNoSubstitutionTemplateLiteral(node) ||
						ts.isTemplateHead(node) ||
						ts.isTemplateMiddle(node) ||
						ts.isTemplateTail(node)) &&
					NON_ENGLISH.test(node.text)
				) {
					found.push(node.text);
				}
				ts.forEachChild(node, visit);
			};
			visit(source);
			expect(found).toEqual([]);
		},
	);

	it("the nodes' and the credential's descriptions as n8n reads them", () => {
		expect(NODES.map(([name]) => name)).toEqual(['Lcic', 'LcicTrigger', 'LcicEventTrigger']);
		const described = JSON.stringify([
			...NODES.map(([, node]) => node.description),
			...CREDENTIALS.map(([, credential]) => credential.properties),
		]);
		expect(NON_ENGLISH.test(described)).toBe(false);
	});
});

describe('light and dark icons', () => {
	const icons: Array<[string, unknown, string]> = [
		...NODES.map(([name, node, base]): [string, unknown, string] => [
			`${name} node`,
			node.description.icon,
			base,
		]),
		...CREDENTIALS.map(([name, credential, base]): [string, unknown, string] => [
			`${name} credential`,
			credential.icon,
			base,
		]),
	];

	it.each(icons)('the %s has a light and a dark SVG that exist and differ', (_name, icon, base) => {
		const { light, dark } = icon as { light: string; dark: string };
		const files = [light, dark].map((ref) => {
			expect(ref).toMatch(/^file:.+\.svg$/);
			return resolve(base, ref.slice('file:'.length));
		});
		for (const file of files) {
			expect(existsSync(file)).toBe(true);
			expect(readFileSync(file, 'utf8')).toMatch(/<svg[\s>]/);
		}
		expect(readFileSync(files[0], 'utf8')).not.toEqual(readFileSync(files[1], 'utf8'));
	});
});

describe('documented credentials, license, listing', () => {
	it("the credential links Tencent's documentation, and the README explains every field", () => {
		const credential = new TencentCloudLcicApi();
		expect(credential.documentationUrl).toMatch(/^https:\/\/www\.tencentcloud\.com\/document\//);
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Credential set-up'));
		for (const property of credential.properties) {
			const words = property.displayName.split(' ')[0];
			expect([property.displayName, section.includes(words)]).toEqual([property.displayName, true]);
		}
	});

	it('is MIT licensed, with the license file shipped', () => {
		expect(manifest.license).toBe('MIT');
		expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
	});

	it("the README's package table names every node and credential n8n loads", () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const table = readme.slice(0, readme.indexOf('\n## '));
		const names = [
			...NODES.map(([, node]) => `**${node.description.displayName}** (node)`),
			...CREDENTIALS.map(([, credential]) => `**${credential.displayName}** (credential)`),
		];
		expect(names.filter((name) => !table.includes(name))).toEqual([]);
	});

	it("carries what n8n's listing shows, all pointing at one repository", () => {
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.name).toMatch(/^n8n-nodes-/);
		const repo = (manifest.repository as { url: string }).url.replace(/^git\+|\.git$/g, '');
		expect(String(manifest.homepage).startsWith(repo)).toBe(true);
		expect((manifest.bugs as { url: string }).url.startsWith(repo)).toBe(true);
		expect(typeof (manifest.author as { name?: string }).name).toBe('string');
	});
});
