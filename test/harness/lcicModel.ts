// Tencent's current model of the LCIC API, read from its own file: lcic_models.d.ts of the npm
// package tencentcloud-sdk-nodejs (a pinned devDependency), parsed with the TypeScript compiler
// rather than kept as a hand-written list, so that the tests compare the node with Tencent's
// words and not with the project's idea of them.
//
// An action is a name X for which the file declares both XRequest and XResponse (the file
// also declares data types such as BatchUserRequest, which have no Response). A request is
// an interface, or `type XRequest = null` for an action without parameters
// (DescribeDeveloperRequest).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** The version the devDependency is pinned to; the tests say which model they checked. */
export const MODEL_PACKAGE = 'tencentcloud-sdk-nodejs';

export interface ModelParam {
	name: string;
	required: boolean;
	/** The TypeScript type as written (number, string, Array<string>, MsgBody...). */
	type: string;
	/** The Chinese comment, without HTML tags. */
	doc: string;
	deprecated: boolean;
}

export interface LcicModel {
	version: string;
	file: string;
	/** Action name -> its input parameters, in the file's order. */
	actions: Map<string, ModelParam[]>;
	/** Every interface of the file (requests, responses and data types) by name. */
	interfaces: Map<string, ModelParam[]>;
}

function packageDir(): string {
	return dirname(require.resolve(`${MODEL_PACKAGE}/package.json`));
}

function docOf(node: ts.Node): string {
	const comments = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
	const text = comments.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join(' ');
	return text
		.replace(/<[^>]+>/g, ' ')
		.replace(/&gt;/g, '>')
		.replace(/&lt;/g, '<')
		.replace(/\s+/g, ' ')
		.trim();
}

function paramsOf(node: ts.InterfaceDeclaration, source: ts.SourceFile): ModelParam[] {
	return node.members.filter(ts.isPropertySignature).map((member) => ({
		name: member.name.getText(source),
		required: member.questionToken === undefined,
		type: member.type?.getText(source) ?? 'unknown',
		doc: docOf(member),
		deprecated: ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'deprecated'),
	}));
}

let cached: LcicModel | undefined;

export function loadLcicModel(): LcicModel {
	if (cached) return cached;
	const dir = packageDir();
	const version = (
		JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
	).version;
	const file = join(dir, 'tencentcloud', 'services', 'lcic', 'v20220817', 'lcic_models.d.ts');
	const source = ts.createSourceFile(
		file,
		readFileSync(file, 'utf8'),
		ts.ScriptTarget.ES2022,
		true,
	);
	const interfaces = new Map<string, ModelParam[]>();
	const nullRequests = new Set<string>();
	for (const statement of source.statements) {
		if (ts.isInterfaceDeclaration(statement))
			interfaces.set(statement.name.text, paramsOf(statement, source));
		else if (ts.isTypeAliasDeclaration(statement) && statement.type.getText(source) === 'null')
			nullRequests.add(statement.name.text);
	}
	const actions = new Map<string, ModelParam[]>();
	for (const name of [...interfaces.keys(), ...nullRequests]) {
		const match = /^(\w+)Request$/.exec(name);
		if (!match || !interfaces.has(`${match[1]}Response`)) continue;
		actions.set(match[1], interfaces.get(name) ?? []);
	}
	cached = { version, file, actions, interfaces };
	return cached;
}
