import type { FieldSpec } from '../catalog/types';
import { FieldError, shown } from './fieldError';

// What a value must be before it is sent, whatever the field: the rules under every converter in
// convert.ts. A careless or hostile value (text from a spreadsheet, an expression that came out
// wrong) is refused here, naming the field, rather than sent for LCIC to misread.
// - Numbers are decimal: "0x1F" and "1e3" are not 31 and 1000 (Number() would say so), and a
//   whole number must be exactly representable (at most 2^53 - 1).
// - Text is well-formed Unicode (no lone surrogate halves, which cannot be encoded as UTF-8 and
//   arrive as U+FFFD), without NUL or other control characters (tab and line breaks are allowed
//   in free text only), and has a length limit.
// - IDs are single tokens: no spaces or commas inside (a comma in a one-ID field is a list pasted
//   by mistake); numeric IDs are at least 1.

/** Decimal integer text: an optional sign and digits. */
const DECIMAL_INTEGER = /^[+-]?\d+$/;
/** Decimal number text: no exponent, no hex, no Infinity. */
const DECIMAL_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const INSIDE_ID = /[\s,]/;

/**
 * Room names: "字符数不超过256" (at most 256 characters), Tencent's model (lcic_models.d.ts,
 * CreateRoomRequest.Name). The reference states no limit for other names and IDs; the node
 * holds them to the same 256, far above any real one.
 */
export const NAME_MAX_LENGTH = 256;
export const ID_MAX_LENGTH = 256;
/** Free text (URLs, descriptions, JSON in text fields): the node's own guard. */
export const TEXT_MAX_LENGTH = 10_000;

/** id: one token; name: one line, 256 characters; line: one line; text: line breaks allowed. */
export type TextKind = 'id' | 'name' | 'line' | 'text';

/** How a text field is held: by its own settings, else by what its LCIC name says it is. */
export function textKindOf(field: FieldSpec): TextKind {
	if (field.textKind) return field.textKind;
	if (['room', 'group', 'document', 'user', 'stringList'].includes(field.type)) return 'id';
	if (/Ids?$/.test(field.param) || /Account$/.test(field.param)) return 'id';
	if (/Name$/.test(field.param)) return 'name';
	return 'text';
}

function maxLengthOf(field: FieldSpec, kind: TextKind): number {
	if (field.maxLength !== undefined) return field.maxLength;
	return kind === 'id' ? ID_MAX_LENGTH : kind === 'name' ? NAME_MAX_LENGTH : TEXT_MAX_LENGTH;
}

/** Checks one text value of `field`; returns it (IDs trimmed). */
export function checkText(field: FieldSpec, label: string, text: string): string {
	const kind = textKindOf(field);
	const value = kind === 'id' ? text.trim() : text;
	if (LONE_SURROGATE.test(value)) {
		throw new FieldError(
			`"${label}" contains a broken character (half of a UTF-16 surrogate pair), which cannot be sent (got ${shown(value)})`,
		);
	}
	const controls = kind === 'text' ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
	if (controls.test(value)) {
		throw new FieldError(
			`"${label}" contains a control character (such as NUL${kind === 'text' ? '' : ' or a line break'}), which is not allowed here (got ${shown(value)})`,
		);
	}
	if (kind === 'id' && INSIDE_ID.test(value)) {
		throw new FieldError(
			`"${label}" must be one ID without spaces or commas (got ${shown(value)})${field.type === 'stringList' ? '' : '; to give several, use a field that takes a list'}`,
		);
	}
	const max = maxLengthOf(field, kind);
	// Characters as people count them (a surrogate pair is one).
	const length = [...value].length;
	if (length > max) {
		throw new FieldError(`"${label}" takes at most ${max} characters (got ${length})`);
	}
	return value;
}

/** Any text inside a JSON value (passed through as it is): well-formed and without NUL. */
export function checkJsonText(label: string, value: unknown, depth = 0): void {
	if (depth > 64) throw new FieldError(`"${label}" is nested too deeply`);
	if (typeof value === 'string') {
		if (LONE_SURROGATE.test(value) || value.includes('\u0000')) {
			throw new FieldError(
				`"${label}" contains a NUL or a broken character (half of a UTF-16 surrogate pair) (got ${shown(value)})`,
			);
		}
	} else if (Array.isArray(value)) {
		for (const element of value) checkJsonText(label, element, depth + 1);
	} else if (typeof value === 'object' && value !== null) {
		for (const [key, element] of Object.entries(value)) {
			checkJsonText(label, key, depth + 1);
			checkJsonText(label, element, depth + 1);
		}
	}
}

/**
 * A number from a number or decimal text ("12", "-3", "2.5"); undefined for anything else:
 * "0x1F", "1e3", "Infinity", "", true, an object.
 */
export function decimal(value: unknown): number | undefined {
	let number: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (!DECIMAL_NUMBER.test(text)) return undefined;
		number = Number(text);
	}
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** Whole-number text or a whole number that JSON carries exactly; undefined otherwise. */
export function decimalInteger(value: unknown): number | undefined {
	if (typeof value === 'string' && !DECIMAL_INTEGER.test(value.trim())) return undefined;
	const number = decimal(value);
	return number !== undefined && Number.isSafeInteger(number) ? number : undefined;
}

/** The first occurrence of each value, in order: ID lists are sent without repeats. */
export function withoutRepeats<T>(values: T[]): T[] {
	return [...new Set(values)];
}
