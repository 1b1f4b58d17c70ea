import type { IDataObject } from 'n8n-workflow';

import type { FieldOption, FieldSpec } from '../catalog/types';
import { fieldKey, groupName } from '../description/names';
import { DEFAULT_TIME_ZONE, toEpochSeconds } from './dateTime';
import { FieldError, shown } from './fieldError';
import {
	checkJsonText,
	checkText,
	decimal,
	decimalInteger,
	textKindOf,
	withoutRepeats,
} from './values';

// One converter per field type: the node's value in, the LCIC value out, or undefined for
// "not set" (the parameter is then left out of the request). Messages name the field as the
// user sees it and say what would be accepted. `timeZone` is the workflow's: date-time text
// without a zone is read in it.

type Value = unknown;

function isEmpty(value: Value): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

function checkRange(field: FieldSpec, label: string, value: number): void {
	const { min, max } = field;
	if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
		const range =
			min !== undefined && max !== undefined
				? `between ${min} and ${max}`
				: min !== undefined
					? `at least ${min}`
					: `at most ${max}`;
		throw new FieldError(`"${label}" must be ${range} (got ${value})`);
	}
}

function checkCount(field: FieldSpec, label: string, count: number): void {
	const most = field.maxItems ?? field.max;
	if (field.min !== undefined && count < field.min) {
		throw new FieldError(`"${label}" needs at least ${field.min} item(s) (got ${count})`);
	}
	if (most !== undefined && count > most) {
		throw new FieldError(`"${label}" takes at most ${most} item(s) (got ${count})`);
	}
}

/** IDs that are numbers (RoomId) count from 1; 0 and negatives name no room. */
function isNumericId(field: FieldSpec): boolean {
	return field.type === 'room' || (field.type === 'integerList' && textKindOf(field) === 'id');
}

function toNumber(field: FieldSpec, label: string, value: Value, whole: boolean): number {
	const number = decimal(value);
	const what =
		field.type === 'integerList'
			? 'list whole numbers'
			: whole
				? 'be a whole number'
				: 'be a number';
	if (number === undefined) {
		throw new FieldError(
			`"${label}" must ${what} in decimal digits, such as ${whole ? '12' : '2.5'} (got ${shown(value)})`,
		);
	}
	if (whole && !Number.isInteger(number)) {
		throw new FieldError(`"${label}" must ${what} (got ${shown(value)})`);
	}
	if (whole && decimalInteger(value) === undefined) {
		throw new FieldError(`"${label}" is too large to send exactly (got ${shown(value)})`);
	}
	if (isNumericId(field) && field.min === undefined && number < 1) {
		throw new FieldError(`"${label}" must be an ID of 1 or more (got ${shown(value)})`);
	}
	checkRange(field, label, number);
	return number;
}

function toText(field: FieldSpec, label: string, value: Value): string {
	if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol')
		throw new FieldError(`"${label}" must be text (got ${shown(value)})`);
	return checkText(field, label, String(value));
}

function describeOptions(options: FieldOption[]): string {
	return options.map((option) => `${option.name} (${String(option.value)})`).join(', ');
}

function toOption(field: FieldSpec, label: string, value: Value): string | number | boolean {
	const options = field.options ?? [];
	// Expressions produce text: "2" picks the option 2, and an option's name is accepted too.
	const match = options.find(
		(option) =>
			option.value === value ||
			(typeof value === 'string' &&
				(String(option.value) === value.trim() || option.name === value.trim())),
	);
	if (!match) {
		throw new FieldError(
			`"${label}" must be one of: ${describeOptions(options)} (got ${shown(value)})`,
		);
	}
	return match.value;
}

function toList(value: Value): unknown[] {
	if (Array.isArray(value)) return value.filter((element) => !isEmpty(element));
	if (typeof value === 'string') {
		const text = value.trim();
		// An expression may hand over a JSON array as text.
		if (text.startsWith('[')) {
			try {
				const parsed: unknown = JSON.parse(text);
				if (Array.isArray(parsed)) return toList(parsed);
			} catch {
				// not JSON: read as comma-separated text below
			}
		}
		return text
			.split(/[,\n]/)
			.map((part) => part.trim())
			.filter((part) => part !== '');
	}
	return [value];
}

function parseJson(label: string, value: Value): unknown {
	if (typeof value !== 'string') return value;
	let problem: string;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		problem = (error as Error).message;
	}
	throw new FieldError(`"${label}" is not valid JSON: ${problem}`);
}

function isPlainObject(value: Value): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A resource locator's value or the bare value. n8n stores a locator as { __rl, mode, value };
 * a default or a hand-written workflow may leave out __rl. (LCIC's own object members are
 * capitalised, so a lower-case { mode, value } is never an LCIC object.)
 */
export function locatorValue(value: Value): Value {
	if (!isPlainObject(value)) return value;
	return '__rl' in value || ('mode' in value && 'value' in value) ? value.value : value;
}

/**
 * One LCIC object from its children. `byKey`: the values come from the node's fixedCollection
 * (n8n names); otherwise from JSON (LCIC names), where unknown keys pass through unchanged.
 */
function toObject(
	field: FieldSpec,
	label: string,
	source: IDataObject,
	byKey: boolean,
	timeZone: string,
): IDataObject {
	const children = field.children ?? [];
	const result: IDataObject = {};
	if (!byKey) {
		for (const [name, value] of Object.entries(source)) {
			if (children.some((child) => child.param === name)) continue;
			checkJsonText(`${label}: ${name}`, value);
			result[name] = value as IDataObject[string];
		}
	}
	for (const child of children) {
		const raw = byKey ? source[fieldKey(child)] : source[child.param];
		const converted = convertValue(child, raw, `${label}: ${child.displayName}`, timeZone);
		if (converted !== undefined) result[child.param] = converted as IDataObject[string];
		else if (child.required) throw new FieldError(`"${label}: ${child.displayName}" is required`);
		else delete result[child.param];
	}
	return result;
}

function toEntries(
	field: FieldSpec,
	label: string,
	value: Value,
	timeZone: string,
): IDataObject[] | undefined {
	const parsed = parseJson(label, value);
	if (isEmpty(parsed)) return undefined;
	if (!Array.isArray(parsed)) {
		throw new FieldError(`"${label}" must be a JSON array of objects (got ${shown(parsed)})`);
	}
	checkCount(field, label, parsed.length);
	return checkUnique(
		field,
		label,
		parsed.map((entry, index) => {
			if (!isPlainObject(entry)) {
				throw new FieldError(
					`"${label}" entry ${index + 1} must be an object (got ${shown(entry)})`,
				);
			}
			return toObject(field, `${label} ${index + 1}`, entry, false, timeZone);
		}),
	);
}

/**
 * Entries that must not share a member (two users with one Origin ID: LCIC would register one
 * and silently give it the second entry's name) are refused, naming both.
 */
function checkUnique(field: FieldSpec, label: string, entries: IDataObject[]): IDataObject[] {
	const key = field.uniqueBy;
	if (!key) return entries;
	const first = new Map<unknown, number>();
	entries.forEach((entry, index) => {
		const value = entry[key];
		if (value === undefined || value === '') return;
		const earlier = first.get(value);
		if (earlier !== undefined) {
			throw new FieldError(
				`"${label}" ${earlier + 1} and ${index + 1} have the same ${key} ${shown(value)}: each ${key} may appear once`,
			);
		}
		first.set(value, index);
	});
	return entries;
}

/** Rows of an entries fixedCollection ({ entry: [...] }) or the object of an object one ({ values: {...} }). */
export function convertStructured(
	field: FieldSpec,
	raw: Value,
	timeZone: string = DEFAULT_TIME_ZONE,
): IDataObject | IDataObject[] | undefined {
	const label = field.displayName;
	const group = isPlainObject(raw) ? raw[groupName(field)] : undefined;
	if (field.type === 'entries') {
		const rows = Array.isArray(group) ? (group as IDataObject[]) : [];
		if (rows.length === 0) return undefined;
		checkCount(field, label, rows.length);
		return checkUnique(
			field,
			label,
			rows.map((row, index) => toObject(field, `${label} ${index + 1}`, row, true, timeZone)),
		);
	}
	return isPlainObject(group) ? toObject(field, label, group, true, timeZone) : undefined;
}

/** The LCIC value of one field, or undefined when it is not set. */
export function convertValue(
	field: FieldSpec,
	raw: Value,
	label = field.displayName,
	timeZone: string = DEFAULT_TIME_ZONE,
): Value {
	const value = locatorValue(raw);
	if (isEmpty(value)) return undefined;
	switch (field.type) {
		case 'string':
			return toText(field, label, value);
		case 'integer':
			return toNumber(field, label, value, true);
		case 'number':
			return toNumber(field, label, value, false);
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw new FieldError(`"${label}" must be true or false (got ${shown(value)})`);
		case 'flag':
		case 'options':
			return toOption(field, label, value);
		case 'multiOptions': {
			const list = toList(value).map((element) => toOption(field, label, element));
			return list.length ? list : undefined;
		}
		case 'dateTime': {
			const seconds = toEpochSeconds(value, timeZone);
			if (seconds === undefined) {
				throw new FieldError(
					`"${label}" must be a date and time: ISO 8601 such as 2026-12-01T09:00:00 (read in the workflow's time zone, ${timeZone}) or with an offset such as 2026-12-01T09:00:00+08:00, or Unix seconds (got ${shown(value)})`,
				);
			}
			return seconds;
		}
		case 'stringList': {
			const list = toList(value).map((element) => {
				if (typeof element === 'object')
					throw new FieldError(`"${label}" must list text values (got ${shown(element)})`);
				return toText(field, label, element);
			});
			// A repeated ID is sent once (first place kept): LCIC refuses some repeats (SubGroupIds:
			// "Duplicate group IDs are not allowed") and the others mean nothing more.
			const unique = withoutRepeats(list);
			checkCount(field, label, unique.length);
			return unique.length ? unique : undefined;
		}
		case 'integerList': {
			const list = toList(value).map((element) => toNumber(field, label, element, true));
			const unique = withoutRepeats(list);
			checkCount(field, label, unique.length);
			return unique.length ? unique : undefined;
		}
		case 'json': {
			const parsed = parseJson(label, value);
			checkJsonText(label, parsed);
			return parsed;
		}
		case 'object': {
			const parsed = parseJson(label, value);
			if (!isPlainObject(parsed))
				throw new FieldError(`"${label}" must be a JSON object (got ${shown(parsed)})`);
			return toObject(field, label, parsed, false, timeZone);
		}
		case 'entries':
			return toEntries(field, label, value, timeZone);
		case 'room':
		case 'group':
		case 'document':
		case 'user':
			if (field.idType === 'integer') return toNumber(field, label, value, true);
			if (typeof value === 'object')
				throw new FieldError(`"${label}" must be an ID (got ${shown(value)})`);
			return toText(field, label, value);
	}
}
