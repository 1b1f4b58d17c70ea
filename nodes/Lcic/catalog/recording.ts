import { roomIdField } from './fieldKit';
import type { FieldSpec, OperationSpec } from './types';

// Recording of a class (Tencent's current model, not in the 2022 reference): manual recording
// (rooms with Recording set to Manual) and what was recorded.

const TASK_ID: FieldSpec = {
	param: 'TaskId',
	displayName: 'Task ID',
	description: 'The recording task, as Start or Get Task returns it',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. c2239d-490d-5971-95f5-a07f6efcecb9',
};

export const recordingOperations: OperationSpec[] = [
	{
		resource: 'record',
		operation: 'start',
		displayName: 'Start',
		action: 'StartRecord',
		description:
			'Start recording a class in progress, for rooms with Recording set to Manual (StartRecord)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [roomIdField('The room to record. Its class must have started.')],
		output: { kind: 'response' },
	},
	{
		resource: 'record',
		operation: 'stop',
		displayName: 'Stop',
		action: 'StopRecord',
		description: 'Stop a recording started with Start (StopRecord)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [roomIdField('The room being recorded'), TASK_ID],
		output: { kind: 'response' },
	},
	{
		resource: 'record',
		operation: 'getTask',
		displayName: 'Get Task',
		action: 'DescribeRecordTask',
		description: 'Get the ID of the recording task of a room (DescribeRecordTask)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [roomIdField('The room whose recording task to get')],
		output: { kind: 'response' },
	},
	{
		resource: 'record',
		operation: 'get',
		displayName: 'Get',
		action: 'DescribeRecord',
		description:
			'Get the recordings of a room: start and stop time, length, file format, size and URL of each (DescribeRecord)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [roomIdField('The room whose recordings to get')],
		// Each file's start and stop time ("开始时间", "结束时间"): Unix seconds.
		output: { kind: 'response', times: ['RecordInfo[].StartTime', 'RecordInfo[].StopTime'] },
	},
	{
		resource: 'record',
		operation: 'getStreams',
		displayName: 'Get Streams',
		action: 'DescribeRecordStream',
		description:
			"Get the recordings of each user's own stream, for rooms that record single streams (DescribeRecordStream)",
		sdkAppId: 'required',
		readOnly: true,
		fields: [roomIdField('The room whose recorded streams to get')],
		// Each file's start and stop time ("开始时间", "结束时间"): Unix seconds.
		output: { kind: 'response', times: ['StreamInfo[].StartTime', 'StreamInfo[].StopTime'] },
	},
];
