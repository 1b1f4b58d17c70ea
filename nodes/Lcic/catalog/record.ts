import { roomIdField } from './fieldKit';
import type { OperationSpec } from './types';

// Recording Management APIs (2 actions).

export const recordOperations: OperationSpec[] = [
	{
		resource: 'record',
		operation: 'delete',
		displayName: 'Delete',
		action: 'DeleteRecord',
		description: 'Delete the recordings of a room (DeleteRecord)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [roomIdField('The room whose recordings to delete')],
		output: { kind: 'response' },
	},
	{
		resource: 'record',
		operation: 'deleteMany',
		displayName: 'Delete Many',
		action: 'BatchDeleteRecord',
		description: 'Delete the recordings of several rooms (BatchDeleteRecord)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{
				param: 'RoomIds',
				displayName: 'Room IDs',
				description: 'The rooms whose recordings to delete, comma-separated',
				type: 'integerList',
				required: true,
				default: '',
				placeholder: 'e.g. 301234567, 301234568',
			},
		],
		output: { kind: 'response' },
	},
];
