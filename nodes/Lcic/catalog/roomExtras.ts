import { choice, flag, roomIdField } from './fieldKit';
import { byPage } from './paging';
import type { OperationSpec } from './types';

// Room data beyond the class itself (Tencent's current model, not in the 2022 reference):
// the students' ratings, whiteboard snapshots and the live relay (push to a CDN).

export const roomExtraOperations: OperationSpec[] = [
	{
		resource: 'room',
		operation: 'getRatings',
		displayName: 'Get Ratings',
		action: 'DescribeScoreList',
		description:
			'Get the ratings students gave a class after it ended, one item per rating (DescribeScoreList)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [roomIdField('The room whose ratings to get (rooms with After-Class Rating on)')],
		// The model gives the default (10) but no maximum; 100 is the largest page the other LCIC
		// lists of this kind take (DescribePlaybackList).
		paging: byPage('Scores', 100),
		// CreateTime: "评分时间", when the rating was given (Unix seconds).
		output: { kind: 'list', key: 'Scores', times: ['CreateTime'] },
	},
	{
		resource: 'room',
		operation: 'getWhiteboardSnapshots',
		displayName: 'Get Whiteboard Snapshots',
		action: 'DescribeWhiteBoardSnapshot',
		description:
			'Get the whiteboard pictures of a class: the task status and the image links (DescribeWhiteBoardSnapshot)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [
			roomIdField(
				'The room whose whiteboard snapshots to get. Rooms need Whiteboard Snapshots on; screen sharing is not captured.',
			),
		],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'deleteWhiteboardSnapshots',
		displayName: 'Delete Whiteboard Snapshots',
		action: 'DeleteWhiteBoardSnapshot',
		description: 'Delete the whiteboard snapshots of a class (DeleteWhiteBoardSnapshot)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [roomIdField('The room whose whiteboard snapshots to delete')],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'getLiveRelay',
		displayName: 'Get Live Relay Settings',
		action: 'DescribeLiveRelayConfig',
		description:
			'Get where a room is relayed (pushed) to: stream type, URLs, Tencent CDN or not (DescribeLiveRelayConfig)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [roomIdField('The room whose live relay settings to get')],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'updateLiveRelay',
		displayName: 'Update Live Relay Settings',
		action: 'ModifyLiveRelayConfig',
		description: 'Set where a room is relayed (pushed) to (ModifyLiveRelayConfig)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room whose live relay to set'),
			choice(
				'RelayType',
				'Stream',
				'What is relayed',
				[
					{ name: 'Single Stream', value: 0, description: 'One stream, not mixed' },
					{
						name: 'Mixed Stream',
						value: 1,
						description: 'The streams of the class mixed into one',
					},
				],
				{ required: true },
			),
			{
				param: 'Urls',
				displayName: 'Push URLs',
				description: 'The addresses to push the stream to (RTMP), comma-separated',
				type: 'stringList',
				textKind: 'line',
				required: true,
				default: '',
				placeholder: 'e.g. rtmp://push.example.com/live/class-101',
			},
			flag(
				'IsTencentCdn',
				'CDN',
				'Whether the push URLs belong to Tencent Cloud CDN (LCIC default: another CDN)',
				'Another CDN',
				'Tencent Cloud CDN',
			),
		],
		output: { kind: 'response' },
	},
];
