import type { IDataObject } from 'n8n-workflow';

import { roomEventOptions } from './events';
import { choice, roomIdField, roomTimesProblem, timeOrderProblem, userIdField } from './fieldKit';
import { CREATE_OPTIONAL, CREATE_REQUIRED, MODIFY_OPTIONAL } from './roomFields';
import { byPage } from './paging';
import type { CheckContext, FieldSpec, OperationSpec } from './types';

// Room Management APIs (15 actions).

// The reference gives no per-call limit for BatchCreateRoom; 100 keeps one call well inside
// the request size LCIC accepts and lets a failure touch few rooms.
const BATCH_CREATE_ROOM_MAX = 100;

const ROOM_INFOS: FieldSpec = {
	param: 'RoomInfos',
	displayName: 'Rooms',
	description:
		"The rooms to create, in order. Each needs Name, StartTime, EndTime, Resolution, MaxMicNumber and SubType (LCIC names); times may be ISO text (without a zone: read in the workflow's time zone) or Unix seconds.",
	type: 'entries',
	required: true,
	default: '[]',
	min: 1,
	children: [...CREATE_REQUIRED, ...CREATE_OPTIONAL],
};

function validateRoomInfos(body: IDataObject, context: CheckContext): string | undefined {
	const rooms = Array.isArray(body.RoomInfos) ? (body.RoomInfos as IDataObject[]) : [];
	for (const [index, room] of rooms.entries()) {
		const problem = roomTimesProblem(room, context, `Rooms ${index + 1}: `);
		if (problem) return problem;
	}
	return undefined;
}

// Output keys that hold Unix seconds ("in UNIX timestamp format" in the reference's RoomItem,
// DescribeRoom and MemberRecord tables). DescribeRoom has no RealStartTime or RealEndTime.
const ROOM_TIMES = ['StartTime', 'EndTime', 'RealStartTime', 'RealEndTime'];
const SCHEDULED_TIMES = ['StartTime', 'EndTime'];
const MEMBER_TIMES = ['FirstJoinTimestamp', 'LastQuitTimestamp'];

export const roomOperations: OperationSpec[] = [
	{
		resource: 'room',
		operation: 'create',
		displayName: 'Create',
		action: 'CreateRoom',
		description: 'Create a room (CreateRoom)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [...CREATE_REQUIRED, ...CREATE_OPTIONAL],
		output: { kind: 'response' },
		batch: {
			action: 'BatchCreateRoom',
			listParam: 'RoomInfos',
			maxPerCall: BATCH_CREATE_ROOM_MAX,
			resultKey: 'RoomIds',
			resultField: 'RoomId',
		},
		validate: roomTimesProblem,
	},
	{
		resource: 'room',
		operation: 'createMany',
		displayName: 'Create Many',
		action: 'BatchCreateRoom',
		description: 'Create several rooms in one call (BatchCreateRoom)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [ROOM_INFOS],
		// One item per room created, as User > Create Many gives one per user.
		output: {
			kind: 'list',
			key: 'RoomIds',
			valueField: 'RoomId',
			entries: { param: 'RoomInfos', fields: ['Name', 'StartTime', 'EndTime'] },
			times: SCHEDULED_TIMES,
		},
		chunks: [{ param: 'RoomInfos', size: BATCH_CREATE_ROOM_MAX }],
		validate: validateRoomInfos,
	},
	{
		resource: 'room',
		operation: 'get',
		displayName: 'Get',
		action: 'DescribeRoom',
		description: 'Get a room (DescribeRoom)',
		sdkAppId: 'none',
		readOnly: true,
		rateLimit: 50,
		fields: [
			roomIdField('The room to get'),
			{
				param: 'RTMPStreamingURL',
				displayName: 'Include RTMP Streaming URL',
				description: 'Whether the answer includes the RTMP push link of the room',
				type: 'flag',
				default: 0,
				options: [
					{ name: 'No', value: 0 },
					{ name: 'Yes', value: 1 },
				],
			},
		],
		output: { kind: 'response', times: SCHEDULED_TIMES },
	},
	{
		resource: 'room',
		operation: 'update',
		displayName: 'Update',
		action: 'ModifyRoom',
		description: 'Update a room (ModifyRoom)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room to update. Most settings cannot change once the class has started.'),
			...MODIFY_OPTIONAL,
		],
		output: { kind: 'response' },
		validate: roomTimesProblem,
	},
	{
		resource: 'room',
		operation: 'delete',
		displayName: 'Delete',
		action: 'DeleteRoom',
		description: 'Delete a room (DeleteRoom)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [roomIdField('The room to delete')],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'start',
		displayName: 'Start',
		action: 'StartRoom',
		description: 'Start a room; a user must have entered it first (StartRoom)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [roomIdField('The room to start')],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'end',
		displayName: 'End',
		action: 'EndRoom',
		description: 'End a room (EndRoom)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [roomIdField('The room to end')],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'getMany',
		displayName: 'Get Many',
		action: 'GetRooms',
		description: 'Get many rooms scheduled in a time window (GetRooms)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [
			// The window says which rooms are listed: on top, so that Return All never quietly
			// means "the rooms of the hour around now" (the reference: "The default start time is
			// 30 minutes before the current time", end "30 minutes after").
			{
				param: 'StartTime',
				displayName: 'Start Time',
				description:
					"Start of the time window: rooms scheduled in the window are listed. Left empty: 30 minutes before now (LCIC's default).",
				type: 'dateTime',
				default: '',
				top: true,
			},
			{
				param: 'EndTime',
				displayName: 'End Time',
				description: "End of the time window. Left empty: 30 minutes after now (LCIC's default).",
				type: 'dateTime',
				default: '',
				top: true,
			},
			{
				param: 'Status',
				displayName: 'Status',
				description: 'Only rooms in these states (default: all)',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Not Started', value: 0 },
					{ name: 'In Class', value: 1 },
					{ name: 'Ended', value: 2 },
					{ name: 'Expired', value: 3 },
				],
			},
		],
		paging: byPage('Rooms', 100),
		output: {
			kind: 'list',
			key: 'Rooms',
			times: ROOM_TIMES,
		},
		validate: timeOrderProblem,
	},
	{
		resource: 'room',
		operation: 'getCurrentMembers',
		displayName: 'Get Current Members',
		action: 'DescribeCurrentMemberList',
		description: 'Get the users currently in a room that has not ended (DescribeCurrentMemberList)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [roomIdField('The room whose members to get')],
		paging: byPage('MemberRecords', 1000),
		output: {
			kind: 'list',
			key: 'MemberRecords',
			times: MEMBER_TIMES,
		},
	},
	{
		resource: 'room',
		operation: 'getStatistics',
		displayName: 'Get Statistics',
		action: 'DescribeRoomStatistics',
		description:
			'Get the member statistics of an ended room, one item per member (DescribeRoomStatistics)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [roomIdField('The ended room whose statistics to get')],
		paging: byPage('MemberRecords', 1000),
		output: {
			kind: 'list',
			key: 'MemberRecords',
			times: MEMBER_TIMES,
		},
	},
	{
		resource: 'room',
		operation: 'getEvents',
		displayName: 'Get Events',
		action: 'GetRoomEvent',
		description: 'Get the events of a room, up to one hour after it ends (GetRoomEvent)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [
			roomIdField('The room whose events to get'),
			// The same labels as the triggers' Events.
			choice(
				'Keyword',
				'Event Type',
				'Only events of this type (default: all)',
				roomEventOptions(),
			),
		],
		// Limit: "up to 200" (API reference, GetRoomEvent), "一次性最多100条" (at most 100 at a
		// time: Tencent's current model). 100 is valid under both; a server that serves 100 when
		// 200 is asked would shift every later page. Page and Limit are "valid only if keyword is
		// empty" (reference): with a Keyword, every match comes in one answer.
		paging: byPage('Events', 100, { unpagedWith: 'Keyword' }),
		output: { kind: 'list', key: 'Events', times: ['Timestamp'] },
	},
	{
		resource: 'room',
		operation: 'getMessages',
		displayName: 'Get Messages',
		action: 'GetRoomMessage',
		description: 'Get the message history of a room, kept for seven days (GetRoomMessage)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [
			roomIdField('The room whose messages to get'),
			{
				param: 'Seq',
				displayName: 'Before Sequence',
				description: 'Only messages before this message sequence number (not including it)',
				type: 'integer',
				default: 0,
				min: 0,
			},
			{
				param: 'Limit',
				displayName: 'Limit',
				description: 'Max number of messages to return (your package sets the upper bound)',
				type: 'integer',
				default: 50,
				min: 1,
			},
			userIdField('UserId', 'Sender', 'Only messages of this user'),
		],
		output: { kind: 'list', key: 'Messages', times: ['Timestamp'] },
	},
	{
		resource: 'room',
		operation: 'kickUser',
		displayName: 'Kick User',
		action: 'KickUserFromRoom',
		description: 'Remove a user from a room (KickUserFromRoom)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room to remove the user from'),
			userIdField('UserId', 'User', 'The user to remove', { required: true }),
			choice(
				'KickType',
				'Kick Type',
				'For how long',
				[
					{
						name: 'For a While',
						value: 1,
						description: 'The user cannot enter again during Ban Duration',
					},
					{ name: 'For Good', value: 2, description: 'The user can never enter again' },
				],
				{ required: true },
			),
			{
				param: 'Duration',
				displayName: 'Ban Duration (Seconds)',
				description:
					'How long the user cannot enter again, in seconds (only for Kick Type "For a While")',
				type: 'integer',
				required: true,
				default: 0,
				min: 0,
			},
		],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'getQuestions',
		displayName: 'Get Questions',
		action: 'DescribeQuestionList',
		description: 'Get the quiz questions of a room (DescribeQuestionList)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [roomIdField('The room whose quiz questions to get')],
		paging: byPage('QuestionInfo', 100),
		output: { kind: 'list', key: 'QuestionInfo' },
	},
	{
		resource: 'room',
		operation: 'getAnswers',
		displayName: 'Get Answers',
		action: 'DescribeAnswerList',
		description: 'Get the answers to a quiz question (DescribeAnswerList)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [
			{
				param: 'QuestionId',
				displayName: 'Question ID',
				description: 'The quiz question, as returned by Get Questions',
				type: 'string',
				required: true,
				default: '',
			},
		],
		paging: byPage('AnswerInfo', 100),
		output: { kind: 'list', key: 'AnswerInfo' },
	},
];
