import type { INodeProperties } from 'n8n-workflow';

import { ALL_ROOM_EVENT_TYPES, roomEventOptions } from '../catalog/events';
import { roomIdField } from '../catalog/fieldKit';
import { fieldProperty } from '../description/fieldProperty';
import { SDK_APP_ID } from '../description/names';

// The trigger's parameters. The poll reads them through settings.ts only. The room picker and
// the event labels are the action node's own (catalog and description/), so both nodes agree.

const ROOM = {
	...roomIdField('A room of the application. By ID also takes several IDs separated by commas.'),
	severalIds: true,
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Rooms to Watch',
		name: 'watch',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Every Room of the Application',
				value: 'all',
				description:
					'Rooms scheduled or running now and rooms that ended less than one hour ago, found with GetRooms on every poll (new rooms are picked up on the next poll)',
			},
			{
				name: 'Chosen Rooms',
				value: 'chosen',
				description: 'Only the rooms listed below',
			},
		],
		default: 'all',
	},
	{
		displayName: 'Rooms',
		name: 'rooms',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Room',
		default: {},
		displayOptions: { show: { watch: ['chosen'] } },
		description: 'The rooms whose events start the workflow',
		options: [
			{
				displayName: 'Room',
				name: 'room',
				values: [{ ...fieldProperty(ROOM, 'roomId'), required: true }],
			},
		],
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: roomEventOptions(),
		// A copy: n8n keeps the default with the node type, and must not share our list.
		default: [...ALL_ROOM_EVENT_TYPES],
		description: 'The event types that start the workflow. None selected means all.',
	},
	{
		displayName: 'Emit Past Events',
		name: 'emitPastEvents',
		type: 'boolean',
		default: false,
		description:
			'Whether the first poll also emits the events that happened before the trigger was activated (still kept by LCIC: until one hour after a room ends). Off: start from now.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'SdkAppId',
				name: SDK_APP_ID,
				type: 'number',
				default: 0,
				description: "The LCIC application to watch. 0 uses the credential's Default SdkAppId.",
			},
		],
	},
];
