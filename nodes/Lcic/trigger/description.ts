import type { INodeProperties } from 'n8n-workflow';

import { ALL_EVENT_TYPES, EVENT_TYPES } from './eventTypes';

// The trigger's parameters. The poll reads them through settings.ts only.

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
				values: [
					{
						displayName: 'Room',
						name: 'roomId',
						type: 'resourceLocator',
						default: { mode: 'list', value: '' },
						required: true,
						description:
							'A room of the application. By ID also takes several IDs separated by commas.',
						modes: [
							{
								displayName: 'From List',
								name: 'list',
								type: 'list',
								typeOptions: { searchListMethod: 'searchRooms', searchable: true },
							},
							{
								displayName: 'By ID',
								name: 'id',
								type: 'string',
								placeholder: 'e.g. 300000001',
								validation: [
									{
										type: 'regex',
										properties: {
											regex: '^\\s*\\d+(\\s*,\\s*\\d+)*\\s*$',
											errorMessage: 'Room IDs are numbers',
										},
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_TYPES.map(({ name, value, description }) => ({ name, value, description })),
		default: ALL_EVENT_TYPES,
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
				name: 'sdkAppId',
				type: 'number',
				default: 0,
				description: "The LCIC application to watch. 0 uses the credential's Default SdkAppId.",
			},
		],
	},
];
