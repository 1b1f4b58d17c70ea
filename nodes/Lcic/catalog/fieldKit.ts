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

/** "FailedOperation.ClassTooLong: A class session cannot be longer than five hours." (reference) */
export const MAX_CLASS_SECONDS = 5 * 3600;
/**
 * "InvalidParameter.StartTime: The start time cannot be earlier than the current time" and
 * "InvalidParameter.EndTime: The end time cannot be earlier than the current time" (reference,
 * CreateRoom, BatchCreateRoom, ModifyRoom). Judged on n8n's clock, which may differ from
 * Tencent's by as much as Tencent accepts (five minutes): only times further back are refused
 * here; LCIC judges the rest.
 */
export const PAST_TOLERANCE_SECONDS = 300;

/**
 * What LCIC refuses in a room's times, said before sending: start before end, a class of at most
 * five hours, neither time in the past. Times left out (ModifyRoom) are not judged.
 */
export function roomTimesProblem(
	body: IDataObject,
	context: CheckContext,
	label = '',
): string | undefined {
	const order = timeOrderProblem(body, context, label);
	if (order) return order;
	const { StartTime: start, EndTime: end } = body;
	const { timeZone, now } = context;
	const shown = (seconds: number) => isoInZone(seconds, timeZone);
	if (typeof start === 'number' && typeof end === 'number' && end - start > MAX_CLASS_SECONDS) {
		return `${label}a class can last at most five hours: "Start Time" ${shown(start)} to "End Time" ${shown(end)} is ${((end - start) / 3600).toFixed(2)} hours`;
	}
	for (const [value, name] of [
		[start, 'Start Time'],
		[end, 'End Time'],
	] as const) {
		if (typeof value === 'number' && value < now - PAST_TOLERANCE_SECONDS) {
			return `${label}"${name}" cannot be in the past (got ${shown(value)}, time zone ${timeZone}; now is ${shown(now)})`;
		}
	}
	return undefined;
}
