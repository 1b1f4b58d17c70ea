// Business rules for room settings, shared by CreateRoom, BatchCreateRoom and ModifyRoom. Each
// rule answers the reference's error code for that rule.
import { fail } from './common';
import type { AppState } from './state';

/** "A class session cannot be longer than five hours." */
export const MAX_CLASS_SECONDS = 5 * 3600;

/**
 * Tolerance for a StartTime slightly in the past: clients compute "now" from their own clock,
 * which can lag the emulator's by a few seconds.
 */
const PAST_START_TOLERANCE = 60;

const SUB_TYPES = ['videodoc', 'video', 'coteaching'];
/**
 * The model's RoomType: 0 small class, 1 lecture hall, 3 round table (Guests), 4 group live
 * ("分组直播"); 2 (1v1) is "预留参数，暂未开放" (reserved, not open).
 */
const ROOM_TYPES = [0, 1, 3, 4];

function inRange(values: Record<string, unknown>, key: string, min: number, max: number): void {
	const v = values[key];
	if (v === undefined) return;
	if (typeof v !== 'number' || v < min || v > max) {
		fail('InvalidParameterValue', `${key} must be from ${min} to ${max}, got ${String(v)}.`);
	}
}

/** Scheduled times: StartTime before EndTime, at most five hours, not in the past. */
export function checkTimes(
	start: number,
	end: number,
	now: number,
	changed: { start: boolean; end: boolean },
): void {
	if (changed.start && start < now - PAST_START_TOLERANCE) {
		fail('InvalidParameter.StartTime', 'The start time cannot be earlier than the current time.');
	}
	if (changed.end && end < now)
		fail('InvalidParameter.EndTime', 'The end time cannot be earlier than the current time.');
	if (end <= start)
		fail('InvalidParameterValue', `EndTime (${end}) must be later than StartTime (${start}).`);
	if (end - start > MAX_CLASS_SECONDS)
		fail('FailedOperation.ClassTooLong', 'A class session cannot be longer than five hours.');
}

/**
 * Value ranges and references to users and groups of the application. An unsupported RoomType
 * and an unknown GroupId answer the codes the action's error table names: CreateRoom lists
 * InvalidParameter.RoomTypeInvalid and ResourceNotFound.GroupNotExist; BatchCreateRoom lists
 * neither (InvalidParameterValue, ResourceNotFound); ModifyRoom neither (InvalidParameterValue).
 */
export function checkSettings(
	app: AppState,
	values: Record<string, unknown>,
	roomType: number,
	roomTypeCode = 'InvalidParameter.RoomTypeInvalid',
	missingGroupCode = 'ResourceNotFound.GroupNotExist',
): void {
	if (
		values.Name !== undefined &&
		(String(values.Name).length === 0 || String(values.Name).length > 256)
	) {
		fail('InvalidParameterValue', 'Name must have 1 to 256 characters.');
	}
	if (values.RoomType !== undefined && !ROOM_TYPES.includes(Number(values.RoomType))) {
		fail(roomTypeCode, `RoomType ${String(values.RoomType)} is not supported.`);
	}
	inRange(values, 'Resolution', 1, 3);
	// The model: small classes allow 0-16 mic-on users, lecture halls 0-1.
	inRange(values, 'MaxMicNumber', 0, roomType === 1 ? 1 : 16);
	inRange(values, 'EndDelayTime', -1, 120);
	for (const key of [
		'AutoMic',
		'TurnOffMic',
		'AudioQuality',
		'EnableDirectControl',
		'InteractionMode',
		'VideoOrientation',
		'IsGradingRequiredPostClass',
		'LiveType',
		'EnableAutoStart',
		'RecordMerge',
		'EnableLiveRelay',
	]) {
		inRange(values, key, 0, 1);
	}
	inRange(values, 'DisableRecord', 0, 3);
	if (values.SubType !== undefined && !SUB_TYPES.includes(String(values.SubType))) {
		fail(
			'InvalidParameterValue',
			`SubType must be one of ${SUB_TYPES.join(', ')}, got ${String(values.SubType)}.`,
		);
	}
	const people = [values.TeacherId, ...(Array.isArray(values.Assistants) ? values.Assistants : [])];
	for (const userId of people) {
		if (typeof userId === 'string' && userId !== '' && !app.users.has(userId)) {
			fail('ResourceNotFound.User', `The user ${userId} does not exist.`);
		}
	}
	if (
		typeof values.GroupId === 'string' &&
		values.GroupId !== '' &&
		!app.groups.has(values.GroupId)
	) {
		fail(missingGroupCode, `The group ${values.GroupId} does not exist.`);
	}
}
