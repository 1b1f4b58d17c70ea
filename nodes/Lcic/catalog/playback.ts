import { roomIdField, timeOrderProblem, userIdField } from './fieldKit';
import { byPage } from './paging';
import type { FieldSpec, OperationSpec } from './types';

// Replays of ended classes (Tencent's current model, not in the 2022 reference): the list of
// replays, playback tokens for Tencent's replay page, who watched, and edited versions of a
// signalling-recorded class.

const playbackLifetime = (description: string): FieldSpec => ({
	param: 'ExpireSeconds',
	displayName: 'Token Lifetime (Seconds)',
	description,
	type: 'integer',
	default: 0,
	min: 0,
});

const VIEWER = userIdField(
	'UserId',
	'Viewer',
	'The user the token is for (LCIC records views per user)',
);

export const playbackOperations: OperationSpec[] = [
	{
		resource: 'record',
		operation: 'getMany',
		displayName: 'Get Many',
		action: 'DescribePlaybackList',
		description:
			'Get the replays of the application or of one room: URL, length, start time and size of each (DescribePlaybackList)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [
			roomIdField('Only the replays of this room (default: every room of the application)', {
				required: false,
			}),
		],
		// Limit: "默认10条，最大上限为100条".
		paging: byPage('Items', 100),
		// CreateTime: "录制开始时间", when the recording started (Unix seconds).
		output: { kind: 'list', key: 'Items', times: ['CreateTime'] },
	},
	{
		resource: 'record',
		operation: 'deletePlayback',
		displayName: 'Delete Replay',
		action: 'DeletePlaybackItem',
		description: 'Delete the replay (recording record) of a class (DeletePlaybackItem)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [roomIdField('The room whose replay to delete')],
		output: { kind: 'response' },
	},
	{
		resource: 'record',
		operation: 'getPlaybackToken',
		displayName: 'Get Playback Token',
		action: 'GetPlaybackToken',
		description:
			"Get a token for Tencent's replay page of an ended, recorded class (GetPlaybackToken)",
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The ended room to replay'),
			VIEWER,
			playbackLifetime('How long the token is valid, in seconds; 0 never expires'),
		],
		output: { kind: 'response' },
	},
	{
		resource: 'record',
		operation: 'getPlaybackTokens',
		displayName: 'Get Playback Tokens for Many Rooms',
		action: 'BatchGetPlaybackToken',
		description:
			'Get replay tokens for several ended rooms in one call, one item per room (BatchGetPlaybackToken)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{
				param: 'RoomIds',
				displayName: 'Room IDs',
				description: 'The ended rooms to replay, comma-separated',
				type: 'integerList',
				required: true,
				default: '',
				placeholder: 'e.g. 301234567, 301234568',
			},
			VIEWER,
			playbackLifetime('How long the tokens are valid, in seconds; 0 never expires'),
		],
		output: { kind: 'list', key: 'Results' },
	},
	{
		resource: 'record',
		operation: 'getViews',
		displayName: 'Get Replay Views',
		action: 'DescribePlayRecords',
		description:
			'Get who watched the replay of a signalling-recorded class in a time window, one item per viewing (DescribePlayRecords)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [
			roomIdField('The room whose replay views to get'),
			{
				param: 'StartTime',
				displayName: 'Start Time',
				description: 'Start of the time window in which the viewings began',
				type: 'dateTime',
				required: true,
				default: '',
			},
			{
				param: 'EndTime',
				displayName: 'End Time',
				description: 'End of the time window',
				type: 'dateTime',
				required: true,
				default: '',
			},
			userIdField('UserId', 'Viewer', 'Only the viewings of this user'),
		],
		// The one list that names its page size PageSize: "取值范围：[1, 200] 默认值：20".
		paging: { ...byPage('Records', 200), sizeParam: 'PageSize' },
		// "播放开始时间，unix时间戳（秒）" and its end; Duration is a length in milliseconds.
		output: { kind: 'list', key: 'Records', times: ['PlayBeginTime', 'PlayEndTime'] },
		validate: (body, context) => timeOrderProblem(body, context),
	},
	{
		resource: 'record',
		operation: 'getEditVersions',
		displayName: 'Get Edit Versions',
		action: 'DescribeEditVersions',
		description:
			'Get every edited version of a signalling-recorded class, the source version included (DescribeEditVersions)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [roomIdField('The room whose edit versions to get')],
		// CreatedAtMs and UpdatedAtMs: milliseconds, as their names say (the model gives no unit).
		output: {
			kind: 'response',
			times: [
				{ path: 'Versions[].CreatedAtMs', unit: 'milliseconds' },
				{ path: 'Versions[].UpdatedAtMs', unit: 'milliseconds' },
			],
		},
	},
	{
		resource: 'record',
		operation: 'getEditVersionToken',
		displayName: 'Get Edit Version Token',
		action: 'GetEditVersionToken',
		description: "Get a token for Tencent's replay editing page of a class (GetEditVersionToken)",
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room whose replay to edit'),
			userIdField('UserId', 'Editor', 'The user who edits', { required: true }),
			{
				param: 'ExpireSeconds',
				displayName: 'Token Lifetime (Milliseconds)',
				description:
					"How long the token is valid. Tencent's model gives this one in milliseconds despite its name; 0 never expires.",
				type: 'integer',
				default: 0,
				min: 0,
			},
		],
		output: { kind: 'response' },
	},
	{
		resource: 'record',
		operation: 'setMainEditVersion',
		displayName: 'Set Main Edit Version',
		action: 'SetMainEditVersion',
		description: 'Choose which edited version of a class its replay shows (SetMainEditVersion)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room whose main version to set'),
			{
				param: 'VersionNo',
				displayName: 'Version Number',
				description: 'The version to show, as Get Edit Versions lists it (0 is the source)',
				type: 'integer',
				required: true,
				default: 0,
				min: 0,
				max: 100,
			},
			userIdField('Operator', 'Operator', 'The user making the change'),
		],
		output: { kind: 'response' },
	},
];
