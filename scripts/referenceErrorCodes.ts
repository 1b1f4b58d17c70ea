// Prints test/emulator/referenceErrorCodes.ts from the text of the LCIC API reference (the
// 2022-08-17 reference as one text file, one page after another, each page's title on the line
// before its "最近更新时间" (last updated) line):
//   npx tsx scripts/referenceErrorCodes.ts reference.txt > test/emulator/referenceErrorCodes.ts
//   npx prettier --write test/emulator/referenceErrorCodes.ts
import { readFileSync } from 'node:fs';

const NOT_ACTIONS = new Set([
	'History',
	'Introduction',
	'API Category',
	'Request Structure',
	'Common Params',
	'Signature v3',
	'Signature',
	'Responses',
	'Data Types',
]);
const CODE_ROW = /^([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)\t(.*)$/;

type Row = [code: string, description: string];

/** The rows of the first "Error Code<TAB>Description" table between `start` and `end`. */
function table(lines: string[], start: number, end: number): Row[] {
	let i = start;
	while (i < end && lines[i].trim() !== 'Error Code\tDescription') i++;
	const rows: Row[] = [];
	for (i++; i < end; i++) {
		const line = lines[i];
		const row = CODE_ROW.exec(line);
		if (row) rows.push([row[1], row[2].trim()]);
		else if (line.trim() === '' || /^\s/.test(line)) {
			// A description that wraps onto the next line.
			if (line.trim() && rows.length) rows[rows.length - 1][1] += ` ${line.trim()}`;
		} else break;
	}
	return rows;
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function main(file: string): void {
	const lines = readFileSync(file, 'utf8').split('\n');
	const pages: Array<{ title: string; line: number }> = [];
	lines.forEach((line, index) => {
		if (!line.startsWith('最近更新时间')) return;
		let title = index - 1;
		while (title >= 0 && !lines[title].trim()) title--;
		pages.push({ title: lines[title].trim(), line: title });
	});
	pages.push({ title: '', line: lines.length });
	const actions: Array<[string, Row[]]> = [];
	let common: Row[] = [];
	let service: Row[] = [];
	for (let p = 0; p + 1 < pages.length; p++) {
		const { title, line } = pages[p];
		const end = pages[p + 1].line;
		if (NOT_ACTIONS.has(title)) continue;
		if (title === 'Error Codes') {
			const at = (heading: string) => lines.findIndex((l, i) => i >= line && l.trim() === heading);
			common = table(lines, at('Common Error Codes'), at('Service Error Codes'));
			service = table(lines, at('Service Error Codes'), end);
			continue;
		}
		actions.push([title, table(lines, line, end)]);
	}
	const rows = (list: Row[]) => list.map(([c, d]) => `\t[${quote(c)}, ${quote(d)}],`).join('\n');
	process.stdout
		.write(`// The error codes of the LCIC API reference (API version 2022-08-17, Tencent Cloud's LCIC API
// documentation as of 2024-04-01): for each of its ${actions.length} actions, the codes of the action's
// "Error Code" table, and the two tables of its "Error Codes" page, "Common Error Codes" (every
// action may answer them) and "Service Error Codes" (every LCIC code). Codes as Tencent writes
// them. Made by scripts/referenceErrorCodes.ts from the reference's text.

/** Common Error Codes: any action may answer these. */
export const COMMON_CODES: ReadonlyArray<readonly [code: string, description: string]> = [
${rows(common)}
];

/** Service Error Codes: every LCIC-specific code the reference documents. */
export const SERVICE_CODES: ReadonlyArray<readonly [code: string, description: string]> = [
${rows(service)}
];

/** Each action's own "Error Code" table ("only lists the error codes related to the API business logic"). */
export const ACTION_CODES: Readonly<Record<string, readonly string[]>> = {
${actions.map(([name, list]) => `\t${name}: [${list.map(([c]) => quote(c)).join(', ')}],`).join('\n')}
};
`);
}

main(process.argv[2]);
