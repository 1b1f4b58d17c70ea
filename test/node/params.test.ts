// Node parameters -> LCIC request body: conversions per field type, SdkAppId, checks and the
// error messages a user sees. A minimal IExecuteFunctions: parameters from a dictionary.
import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { developerOperations } from '../../nodes/Lcic/catalog/developer';
import { recordOperations } from '../../nodes/Lcic/catalog/record';
import { roomOperations } from '../../nodes/Lcic/catalog/room';
import type { OperationSpec } from '../../nodes/Lcic/catalog/types';
import { userOperations } from '../../nodes/Lcic/catalog/user';
import { buildRequestBody, toEpochSeconds, toOutputItems } from '../../nodes/Lcic/params';

const NODE: INode = {
	id: 'n1',
	name: 'LCIC',
	type: 'n8n-nodes-tencent-lcic.lcic',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function fakeContext(parameters: IDataObject): IExecuteFunctions {
	const getNodeParameter = (
		name: string,
		_itemIndex: number,
		fallback?: unknown,
		options?: { extractValue?: boolean },
	) => {
		const value = name in parameters ? parameters[name] : fallback;
		if (options?.extractValue && typeof value === 'object' && value !== null && '__rl' in value) {
			return (value as IDataObject).value;
		}
		return value;
	};
	return {
		getNodeParameter,
		getNode: () => NODE,
		getTimezone: () => 'UTC',
	} as unknown as IExecuteFunctions;
}

function op(action: string): OperationSpec {
	const found = [
		...roomOperations,
		...userOperations,
		...recordOperations,
		...developerOperations,
	].find((candidate) => candidate.action === action);
	if (!found) throw new Error(action);
	return found;
}

// null: no default SdkAppId in the credential (undefined would take the parameter default).
function body(
	action: string,
	parameters: IDataObject,
	sdkAppId: number | null = 1400000001,
): IDataObject {
	return buildRequestBody.call(fakeContext(parameters), 0, op(action), sdkAppId ?? undefined);
}

function failure(
	action: string,
	parameters: IDataObject,
	sdkAppId: number | null = 1400000001,
): NodeOperationError {
	try {
		body(action, parameters, sdkAppId);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected an error');
}

const room = { __rl: true, mode: 'list', value: '301234567' };
const newRoom = {
	name: 'Maths',
	startTime: '2030-01-01T09:00:00Z',
	endTime: '2030-01-01T10:00:00Z',
	resolution: 2,
	maxMicNumber: 4,
	subType: 'videodoc',
};
const START = Date.UTC(2030, 0, 1, 9) / 1000;

describe('toEpochSeconds', () => {
	it('reads ISO text, Luxon, Date, seconds and milliseconds', () => {
		expect(toEpochSeconds('2030-01-01T09:00:00Z')).toBe(START);
		expect(toEpochSeconds('2030-01-01T17:00:00+08:00')).toBe(START);
		expect(toEpochSeconds(DateTime.fromSeconds(START))).toBe(START);
		expect(toEpochSeconds(new Date(START * 1000))).toBe(START);
		expect(toEpochSeconds(START)).toBe(START);
		expect(toEpochSeconds(String(START))).toBe(START);
		expect(toEpochSeconds(START * 1000 + 999)).toBe(START);
		expect(toEpochSeconds('next tuesday')).toBeUndefined();
	});
});

describe('buildRequestBody', () => {
	it('builds CreateRoom with epoch seconds, SdkAppId and only the added optional fields', () => {
		expect(
			body('CreateRoom', {
				...newRoom,
				startTime: DateTime.fromSeconds(START),
				additionalFields: {
					teacherId: { __rl: true, mode: 'id', value: 'teacher-1' },
					assistants: 'a1, a2,,a3',
					turnOffMic: 1,
					recordLiveUrl: '',
				},
			}),
		).toEqual({
			Name: 'Maths',
			StartTime: START,
			EndTime: START + 3600,
			Resolution: 2,
			MaxMicNumber: 4,
			SubType: 'videodoc',
			TeacherId: 'teacher-1',
			Assistants: ['a1', 'a2', 'a3'],
			TurnOffMic: 1,
			SdkAppId: 1400000001,
		});
	});

	it('prefers the operation SdkAppId over the credential and asks for one when neither is set', () => {
		expect(body('GetRooms', { sdkAppId: 42 }).SdkAppId).toBe(42);
		expect(body('GetRooms', { sdkAppId: 0 }).SdkAppId).toBe(1400000001);
		expect(failure('GetRooms', {}, null).message).toBe(
			"No SdkAppId: set one in the credential or in the operation's SdkAppId field",
		);
		expect(body('DescribeRoom', { roomId: room })).toEqual({ RoomId: 301234567 });
	});

	it('checks ranges, whole numbers and options with the field name', () => {
		const range = failure('CreateRoom', { ...newRoom, maxMicNumber: 20 });
		expect(range.message).toBe('"Max Mic Number" must be between 0 and 16 (got 20)');
		expect((range as unknown as { context: IDataObject }).context.itemIndex).toBe(0);
		expect(failure('CreateRoom', { ...newRoom, maxMicNumber: 1.5 }).message).toBe(
			'"Max Mic Number" must be a whole number (got 1.5)',
		);
		expect(failure('CreateRoom', { ...newRoom, resolution: 5 }).message).toBe(
			'"Resolution" must be one of: SD (1), HD (2), FHD (3) (got 5)',
		);
		expect(body('CreateRoom', { ...newRoom, resolution: '3' }).Resolution).toBe(3);
		expect(
			failure('CreateRoom', { ...newRoom, additionalFields: { endDelayTime: 121 } }).message,
		).toContain('"Overtime Minutes" must be between -1 and 120');
	});

	it('reports missing required values, bad dates and the time order', () => {
		expect(failure('CreateRoom', { ...newRoom, name: '' }).message).toContain('"Name" is required');
		expect(failure('CreateRoom', { ...newRoom, startTime: 'soon' }).message).toContain(
			'"Start Time" must be a date',
		);
		expect(
			failure('CreateRoom', { ...newRoom, startTime: newRoom.endTime, endTime: newRoom.startTime })
				.message,
		).toContain('"Start Time" (StartTime) must be before "End Time" (EndTime)');
		expect(
			failure('DescribeRoom', { roomId: { __rl: true, mode: 'id', value: 'abc' } }).message,
		).toContain('"Room" must be a whole number in decimal digits');
	});

	it('reads integer lists and multi-options from arrays or text', () => {
		expect(body('BatchDeleteRecord', { roomIds: '1, 2,3' }).RoomIds).toEqual([1, 2, 3]);
		expect(body('BatchDeleteRecord', { roomIds: [4, '5'] }).RoomIds).toEqual([4, 5]);
		expect(failure('BatchDeleteRecord', { roomIds: '1, x' }).message).toContain(
			'"Room IDs" must list whole numbers',
		);
		expect(body('GetRooms', { additionalFields: { status: [0, 2] } }).Status).toEqual([0, 2]);
	});

	it('reads entries as JSON text, arrays or fields, converting their members', () => {
		const fromJson = body('BatchCreateRoom', {
			roomInfos: JSON.stringify([
				{
					Name: 'A',
					StartTime: '2030-01-01T09:00:00Z',
					EndTime: START + 60,
					Resolution: 1,
					MaxMicNumber: 1,
					SubType: 'video',
					Extra: 'kept',
				},
			]),
		});
		expect(fromJson).toEqual({
			SdkAppId: 1400000001,
			RoomInfos: [
				{
					Name: 'A',
					StartTime: START,
					EndTime: START + 60,
					Resolution: 1,
					MaxMicNumber: 1,
					SubType: 'video',
					Extra: 'kept',
				},
			],
		});
		const fromFields = body('BatchCreateRoom', {
			roomInfosInputMode: 'fields',
			roomInfosFields: { entry: [{ ...newRoom, autoMic: 1 }] },
		});
		expect(fromFields.RoomInfos).toEqual([
			{
				Name: 'Maths',
				StartTime: START,
				EndTime: START + 3600,
				Resolution: 2,
				MaxMicNumber: 4,
				SubType: 'videodoc',
				AutoMic: 1,
			},
		]);
		expect(failure('BatchCreateRoom', { roomInfos: '[{"Name": ' }).message).toContain(
			'"Rooms" is not valid JSON',
		);
		expect(failure('BatchCreateRoom', { roomInfos: [{ Name: 'A' }] }).message).toContain(
			'"Rooms 1: Start Time" is required',
		);
		expect(failure('BatchCreateRoom', { roomInfos: [] }).message).toContain('"Rooms" is required');
	});

	it('puts SdkAppId into every BatchRegister entry', () => {
		expect(
			body('BatchRegister', {
				users: [
					{ Name: 'Bo', OriginId: 'o1' },
					{ Name: 'Cy', SdkAppId: 7 },
				],
			}),
		).toEqual({
			Users: [
				{ SdkAppId: 1400000001, Name: 'Bo', OriginId: 'o1' },
				{ SdkAppId: 7, Name: 'Cy' },
			],
		});
	});

	it('needs a user or an origin ID to get a user', () => {
		expect(body('DescribeUser', { additionalFields: { originId: 'o1' } })).toEqual({
			OriginId: 'o1',
		});
		expect(failure('DescribeUser', {}).message).toContain('"User" or "Origin ID"');
	});
});

describe('toOutputItems', () => {
	it('adds Success to RequestId-only answers and splits lists', () => {
		expect(toOutputItems(op('DeleteRoom'), { RequestId: 'r1' }, 'UTC')).toEqual([
			{ Success: true, RequestId: 'r1' },
		]);
		expect(
			toOutputItems(op('DescribeDeveloper'), { DeveloperId: 'd', RequestId: 'r' }, 'UTC'),
		).toEqual([{ DeveloperId: 'd', RequestId: 'r' }]);
		expect(
			toOutputItems(op('GetRooms'), { Rooms: [{ RoomId: 1 }, { RoomId: 2 }], Total: 2 }, 'UTC'),
		).toEqual([{ RoomId: 1 }, { RoomId: 2 }]);
		expect(toOutputItems(op('GetRoomMessage'), { Messages: null }, 'UTC')).toEqual([]);
	});

	it('adds ISO text after times inside lists and objects, in seconds or milliseconds', () => {
		const spec = {
			...op('DescribeRoom'),
			output: {
				kind: 'response' as const,
				times: [
					'RecordInfo[].StartTime',
					'Config.CreatedAt',
					{ path: 'Versions[].CreatedAtMs', unit: 'milliseconds' as const },
				],
			},
		};
		const [item] = toOutputItems(
			spec,
			{
				RecordInfo: [{ StartTime: 1_800_000_000, Url: 'u' }, { StartTime: 0 }, 'odd'],
				Config: { CreatedAt: 1_800_000_060 },
				Versions: [{ CreatedAtMs: 1_800_000_000_250 }],
				StartTime: 1_800_000_000,
			},
			'Asia/Shanghai',
		);
		expect(item).toEqual({
			// 0 means "not yet": no text; what is not a record stays as it is.
			RecordInfo: [
				{ StartTime: 1_800_000_000, StartTimeIso: '2027-01-15T16:00:00+08:00', Url: 'u' },
				{ StartTime: 0 },
				'odd',
			],
			Config: { CreatedAt: 1_800_000_060, CreatedAtIso: '2027-01-15T16:01:00+08:00' },
			Versions: [
				{ CreatedAtMs: 1_800_000_000_250, CreatedAtMsIso: '2027-01-15T16:00:00.250+08:00' },
			],
			// Only the paths named: a top-level StartTime is not RecordInfo[].StartTime.
			StartTime: 1_800_000_000,
		});
	});
});
