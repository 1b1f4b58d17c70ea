import type { IDataObject } from 'n8n-workflow';

import { isoInZone } from '../params/dateTime';
import type { CheckContext, FieldOption, FieldSpec } from './types';

// Small builders for the catalog files of Room, User, Record and Developer, so that a field
// reads like a line of the API reference.

/** A 0/1 switch with labels that say what each value does (some LCIC switches are inverted). */
export function flag(
	param: string,
	displayName: string,
	description: string,
	off: string,
	on: string,
	extra: Partial<FieldSpec> = {},
): FieldSpec {
	return {
		param,
		displayName,
		description,
		type: 'flag',
		default: 0,
		options: [
			{ name: off, value: 0 },
			{ name: on, value: 1 },
		],
		...extra,
	};
}

export function choice(
	param: string,
	displayName: string,
	description: string,
	options: FieldOption[],
	extra: Partial<FieldSpec> = {},
): FieldSpec {
	return {
		param,
		displayName,
		description,
		type: 'options',
		default: options[0].value,
		options,
		...extra,
	};
}

export function roomIdField(
	description = 'The room (class) to act on',
	extra: Partial<FieldSpec> = {},
): FieldSpec {
	return {
		param: 'RoomId',
		displayName: 'Room',
		description,
		type: 'room',
		idType: 'integer',
		required: true,
		placeholder: 'e.g. 301234567',
		...extra,
	};
}

export function userIdField(
	param: string,
	displayName: string,
	description: string,
	extra: Partial<FieldSpec> = {},
): FieldSpec {
	return {
		param,
		displayName,
		description,
		type: 'user',
		placeholder: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe',
		...extra,
	};
}

/**
 * The message for StartTime >= EndTime, or undefined when both are fine or either is missing.
 * The times are shown in the workflow's zone, the one the user typed them in.
 */
export function timeOrderProblem(
	body: IDataObject,
	context: CheckContext,
	label = '',
): string | undefined {
	const start = body.StartTime;
	const end = body.EndTime;
	if (typeof start !== 'number' || typeof end !== 'number' || start < end) return undefined;
	const { timeZone } = context;
	return `${label}"Start Time" (StartTime) must be before "End Time" (EndTime) (got ${isoInZone(start, timeZone)} and ${isoInZone(end, timeZone)}, time zone ${timeZone})`;
}
