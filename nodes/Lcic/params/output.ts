import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, TimeField } from '../catalog/types';
import { isoInZone } from './dateTime';

// What one response becomes. Lists become one item per record so that the next node runs once
// per room/user/event; everything else is one item. Times stay numbers under LCIC's name (what
// workflows compute with) and are also shown as ISO text in the workflow's time zone.

/** The name of the ISO text shown next to a time field. */
export const isoKey = (key: string): string => `${key}Iso`;

interface TimeAt {
	/** `RecordInfo[]`, `AppConfig`, then the key: `StartTime`. */
	segments: string[];
	milliseconds: boolean;
}

function timeAt(field: TimeField): TimeAt {
	const path = typeof field === 'string' ? field : field.path;
	return { segments: path.split('.'), milliseconds: typeof field !== 'string' };
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `record` with `<key>Iso` after each time key of `times` (0 and null mean "not yet"). */
function addIsoTimes(record: IDataObject, times: TimeAt[], timeZone: string): IDataObject {
	const applies = times.some(({ segments }) => segments[0].replace(/\[\]$/, '') in record);
	if (!applies) return record;
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const inList = times
			.filter(({ segments }) => segments.length > 1 && segments[0] === `${key}[]`)
			.map((time) => ({ ...time, segments: time.segments.slice(1) }));
		const inObject = times
			.filter(({ segments }) => segments.length > 1 && segments[0] === key)
			.map((time) => ({ ...time, segments: time.segments.slice(1) }));
		if (inList.length && Array.isArray(value)) {
			result[key] = value.map((element: unknown) =>
				isObject(element) ? addIsoTimes(element, inList, timeZone) : element,
			) as IDataObject[];
		} else if (inObject.length && isObject(value)) {
			result[key] = addIsoTimes(value, inObject, timeZone);
		} else {
			result[key] = value;
		}
		const time = times.find(({ segments }) => segments.length === 1 && segments[0] === key);
		// Written again when a record already has it (a hook's record through the engine): the same text.
		if (time && typeof value === 'number' && value > 0) {
			result[isoKey(key)] = isoInZone(time.milliseconds ? value / 1000 : value, timeZone);
		}
	}
	return result;
}

/** `record` with `<key>Iso` after every time `times` names, in the workflow's `timeZone`. */
export function withIsoTimes(
	record: IDataObject,
	times: TimeField[] | undefined,
	timeZone: string,
): IDataObject {
	return times?.length ? addIsoTimes(record, times.map(timeAt), timeZone) : record;
}

function asRecord(element: unknown, valueField: string): IDataObject {
	return typeof element === 'object' && element !== null && !Array.isArray(element)
		? (element as IDataObject)
		: { [valueField]: element as IDataObject[string] };
}

/** The fields `output.entries` names, from the request entry at `position`. */
function entryFields(
	op: OperationSpec,
	request: IDataObject | undefined,
	position: number,
): IDataObject {
	const spec = op.output.kind === 'list' ? op.output.entries : undefined;
	const entries = spec && request ? request[spec.param] : undefined;
	const entry = Array.isArray(entries) ? (entries[position] as IDataObject | undefined) : undefined;
	if (!spec || typeof entry !== 'object' || entry === null) return {};
	const picked: IDataObject = {};
	for (const field of spec.fields) if (entry[field] !== undefined) picked[field] = entry[field];
	return picked;
}

/**
 * A list's elements as n8n items' JSON: records as they are, bare values under the list's field
 * name, with the fields of their request entry when the catalog asks for them.
 */
export function listRecords(
	op: OperationSpec,
	list: unknown[],
	timeZone: string,
	request?: IDataObject,
): IDataObject[] {
	const valueField = op.output.kind === 'list' ? (op.output.valueField ?? 'value') : 'value';
	return list.map((element, position) =>
		withIsoTimes(
			{ ...asRecord(element, valueField), ...entryFields(op, request, position) },
			op.output.times,
			timeZone,
		),
	);
}

/** Output records of one response; `request` is the body that was sent (for `output.entries`). */
export function toOutputItems(
	op: OperationSpec,
	response: IDataObject,
	timeZone: string,
	request?: IDataObject,
): IDataObject[] {
	if (op.output.kind === 'list') {
		const list = response[op.output.key];
		// LCIC sends null instead of [] when nothing matched.
		return Array.isArray(list) ? listRecords(op, list, timeZone, request) : [];
	}
	const keys = Object.keys(response);
	// Actions that only answer with a RequestId (DeleteRoom, StartRoom...) still give the next
	// node something to test.
	if (keys.length === 0 || (keys.length === 1 && keys[0] === 'RequestId')) {
		return [{ Success: true, ...response }];
	}
	return [withIsoTimes({ ...response }, op.output.times, timeZone)];
}
