import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, TimeField } from '../../../nodes/Lcic/catalog/types';

// The times of an operation's output as the node shows them: the number under LCIC's name and
// `<key>Iso` next to it, ISO 8601 text in the workflow's time zone with its offset. Checked
// against Date.parse (the JavaScript engine's reading of the text), not the node's own code.

export const pathOfTime = (field: TimeField): string =>
	typeof field === 'string' ? field : field.path;

const millisecondsOf = (field: TimeField): boolean => typeof field !== 'string';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every record that holds the last segment of `segments`, walking lists (`X[]`) and objects. */
function holders(record: IDataObject, segments: string[]): IDataObject[] {
	if (segments.length === 1) return [record];
	const [first, ...rest] = segments;
	const value = record[first.replace(/\[\]$/, '')];
	if (first.endsWith('[]'))
		return Array.isArray(value) ? value.filter(isObject).flatMap((v) => holders(v, rest)) : [];
	return isObject(value) ? holders(value, rest) : [];
}

/**
 * Checks each time `op.output.times` names in `output` (a number above 0 has ISO text for the
 * same instant with `offset`, 0 or nothing has none) and returns the paths that held a time.
 */
export function checkOutputTimes(
	op: OperationSpec,
	output: IDataObject[],
	offset: string,
): string[] {
	const shown = new Set<string>();
	for (const field of op.output.times ?? []) {
		const segments = pathOfTime(field).split('.');
		const key = segments[segments.length - 1];
		for (const holder of output.flatMap((record) => holders(record, segments))) {
			const value = holder[key];
			const iso = holder[`${key}Iso`];
			if (typeof value !== 'number' || value <= 0) {
				expect({ key, iso }).toEqual({ key, iso: undefined });
				continue;
			}
			const millis = millisecondsOf(field) ? value : value * 1000;
			expect({ key, value, iso }).toEqual({ key, value, iso: expect.stringMatching(/T/) });
			expect({ key, value, parsed: Date.parse(String(iso)) }).toEqual({
				key,
				value,
				parsed: millis,
			});
			expect({ key, iso, inZone: String(iso).endsWith(offset) }).toEqual({
				key,
				iso,
				inZone: true,
			});
			shown.add(pathOfTime(field));
		}
	}
	return [...shown];
}
