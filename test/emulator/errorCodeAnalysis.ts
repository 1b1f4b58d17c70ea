// Which error codes the emulator can answer, per action, read from its source with the
// TypeScript compiler: every `fail(code, ...)` and `new LcicError(code, ...)` reachable from an
// action's handler through the functions it calls (in the emulator's own files), with the code
// resolved to its string (a literal, a constant, or a parameter whose callers pass literals or
// leave the default). The HTTP layer's codes (signature, version, parameters, rate limit) come
// with every action. A code the analysis cannot resolve is reported, not guessed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const EMULATOR_DIR = __dirname;
/** The HTTP layer: what it answers applies to every action. */
const SERVER_FILES = ['server.ts', 'paramCheck.ts', 'tc3Verifier.ts'];
/** Not the API: the admin endpoint, simulations that drive the state, test helpers. */
const NOT_API = /(\.test\.ts|admin\.ts|cli\.ts|direct\.ts|faults\.ts|[sS]imulations\.ts)$/;

export interface CodeAnalysis {
	/** Action -> the codes its handler can answer. */
	byAction: Map<string, Set<string>>;
	/** Codes the HTTP layer can answer, for any action. */
	server: Set<string>;
	/** What could not be resolved: file:line and the expression. */
	unresolved: string[];
}

type FunctionLike = ts.SignatureDeclaration & { body?: ts.Node };

/** What one function contributes: fixed codes, and the parameters (by index) that become codes. */
interface Summary {
	codes: Set<string>;
	params: Set<number>;
}

function sourceFiles(): string[] {
	const files = readdirSync(EMULATOR_DIR, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.ts') && !NOT_API.test(file));
	return files.map((file) => join(EMULATOR_DIR, file));
}

export function analyseEmulatorCodes(): CodeAnalysis {
	const files = sourceFiles();
	const program = ts.createProgram(files, {
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.CommonJS,
		strict: true,
		noEmit: true,
	});
	const checker = program.getTypeChecker();
	const unresolved: string[] = [];
	const summaries = new Map<ts.Node, Summary>();

	const where = (node: ts.Node) => {
		const source = node.getSourceFile();
		const { line } = source.getLineAndCharacterOfPosition(node.getStart());
		return `${source.fileName.slice(EMULATOR_DIR.length + 1)}:${line + 1}`;
	};
	const inEmulator = (node: ts.Node) =>
		node.getSourceFile().fileName.startsWith(EMULATOR_DIR) &&
		!NOT_API.test(node.getSourceFile().fileName);

	function declarationOf(expression: ts.Expression): ts.Declaration | undefined {
		let symbol = checker.getSymbolAtLocation(expression);
		if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
		return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
	}

	/** The function a declaration names (a function, a method, a const holding an arrow). */
	function functionOf(declaration: ts.Declaration | undefined): FunctionLike | undefined {
		if (!declaration) return undefined;
		if (ts.isFunctionLike(declaration)) return declaration as FunctionLike;
		if (
			(ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration)) &&
			declaration.initializer &&
			ts.isFunctionLike(declaration.initializer)
		)
			return declaration.initializer as FunctionLike;
		return undefined;
	}

	/** The strings an expression can be, or a parameter index of `owner`, or nothing known. */
	function resolveCode(
		expression: ts.Expression,
		owner: FunctionLike,
	): { codes: string[] } | { param: number } | undefined {
		if (ts.isStringLiteralLike(expression)) return { codes: [expression.text] };
		if (ts.isParenthesizedExpression(expression)) return resolveCode(expression.expression, owner);
		if (ts.isConditionalExpression(expression)) {
			const a = resolveCode(expression.whenTrue, owner);
			const b = resolveCode(expression.whenFalse, owner);
			if (a && b && 'codes' in a && 'codes' in b) return { codes: [...a.codes, ...b.codes] };
			return undefined;
		}
		if (ts.isIdentifier(expression)) {
			const declaration = declarationOf(expression);
			if (declaration && ts.isParameter(declaration) && declaration.parent === owner)
				return { param: owner.parameters.indexOf(declaration) };
			if (
				declaration &&
				ts.isVariableDeclaration(declaration) &&
				declaration.initializer &&
				ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
			)
				return resolveCode(declaration.initializer, owner);
		}
		return undefined;
	}

	/** The code a call passes for `index` of `callee`'s parameters (its default when left out). */
	function argument(
		call: ts.CallExpression | ts.NewExpression,
		callee: FunctionLike,
		index: number,
	) {
		const given = call.arguments?.[index];
		if (given) return given;
		return callee.parameters[index]?.initializer;
	}

	function summarise(fn: FunctionLike): Summary {
		const known = summaries.get(fn);
		if (known) return known;
		const summary: Summary = { codes: new Set(), params: new Set() };
		// Set before walking: a recursive call sees what is known so far.
		summaries.set(fn, summary);

		const take = (expression: ts.Expression | undefined, at: ts.Node) => {
			const code = expression ? resolveCode(expression, fn) : undefined;
			if (!code) unresolved.push(`${where(at)}: ${expression?.getText() ?? '(no code)'}`);
			else if ('codes' in code) code.codes.forEach((c) => summary.codes.add(c));
			else summary.params.add(code.param);
		};

		const visit = (node: ts.Node) => {
			if (ts.isNewExpression(node) && node.expression.getText() === 'LcicError') {
				take(node.arguments?.[0], node);
			} else if (ts.isCallExpression(node)) {
				const callee = functionOf(declarationOf(node.expression));
				if (callee?.name?.getText() === 'fail' && inEmulator(callee)) {
					take(node.arguments[0], node);
				} else if (callee && inEmulator(callee) && callee !== fn) {
					const inner = summarise(callee);
					inner.codes.forEach((code) => summary.codes.add(code));
					for (const index of inner.params) take(argument(node, callee, index), node);
				}
			}
			ts.forEachChild(node, visit);
		};
		if (fn.body) visit(fn.body);
		return summary;
	}

	// Action handlers: `Name: { params: {...}, handler(ctx) {...} }` in the action tables.
	const byAction = new Map<string, Set<string>>();
	const server = new Set<string>();
	for (const file of program.getSourceFiles()) {
		if (!file.fileName.startsWith(EMULATOR_DIR) || NOT_API.test(file.fileName)) continue;
		const relative = file.fileName.slice(EMULATOR_DIR.length + 1);
		if (SERVER_FILES.includes(relative)) {
			const visit = (node: ts.Node) => {
				if (ts.isNewExpression(node) && node.expression.getText() === 'LcicError') {
					const first = node.arguments?.[0];
					// fault.code ?? 'X': a code a test injects, not one the emulator chooses.
					if (
						first &&
						!(ts.isBinaryExpression(first) && first.left.getText().startsWith('fault.'))
					) {
						if (ts.isStringLiteralLike(first)) server.add(first.text);
						else unresolved.push(`${relative}: ${first.getText()}`);
					}
				}
				ts.forEachChild(node, visit);
			};
			visit(file);
			continue;
		}
		const visit = (node: ts.Node) => {
			if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.initializer)) {
				const handler = node.initializer.properties.find(
					(property) => property.name?.getText() === 'handler',
				);
				const fn = handler && (ts.isMethodDeclaration(handler) ? handler : functionOf(handler));
				if (fn) {
					const name = node.name.getText().replace(/^['"]|['"]$/g, '');
					byAction.set(name, new Set(summarise(fn as FunctionLike).codes));
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(file);
	}
	return { byAction, server, unresolved };
}
