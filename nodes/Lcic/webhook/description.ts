import type { INodeProperties } from 'n8n-workflow';

import { callbackEventOptions } from '../catalog/events';
import { DEFAULT_WINDOW_MINUTES, MAX_WINDOW_MINUTES } from './settings';

// The Event Trigger's parameters. The request handler and the webhook methods read them through
// settings.ts only.

export const eventTriggerProperties: INodeProperties[] = [
	{
		displayName:
			"In the LCIC console (Application Management > Settings > callback configuration), set the callback URL to this node's Production URL above and the callback key to the Callback Key below. LCIC calls one URL per application, on port 80 or 443 only.",
		name: 'consoleNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { register: [false] } },
	},
	{
		displayName: 'Register This URL With LCIC',
		name: 'register',
		type: 'boolean',
		default: false,
		noDataExpression: true,
		description:
			"Whether activating the workflow sets this node's Production URL and Callback Key as the application's callback (ModifyApp), and deactivating it puts the previous ones back",
	},
	{
		displayName:
			"LCIC keeps one callback URL per application: activating this workflow replaces the current one (another workflow's, or your own server's) until the workflow is deactivated. The previous URL and key are put back on deactivation only if LCIC still holds the ones set here. n8n's Production URL must use port 80 or 443 (set WEBHOOK_URL to the public address in front of n8n).",
		name: 'registerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { register: [true] } },
	},
	{
		displayName: 'Callback Key',
		name: 'callbackKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			"The key LCIC signs callbacks with: Sign = md5(CallbackKey + ExpireTime). Empty uses the credential's Callback Key.",
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: callbackEventOptions(),
		default: [],
		description:
			'The event types that start the workflow. None selected means every event, including types this node does not know yet.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Duplicate Window (Minutes)',
				name: 'duplicateWindow',
				type: 'number',
				default: DEFAULT_WINDOW_MINUTES,
				typeOptions: { minValue: 0, maxValue: MAX_WINDOW_MINUTES },
				description:
					'A callback that repeats one emitted less than this long ago (same application, room, type, time and data) starts nothing: Tencent does not document its retries. 0 emits every delivery.',
			},
			{
				displayName: 'Other Event Types',
				name: 'otherEventTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. RoomUsage, CustomEvent',
				description:
					'Event types not in the list above that also start the workflow, comma-separated (LCIC names)',
			},
			{
				displayName: 'Room IDs',
				name: 'roomIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 300000001, 300000002',
				description:
					'Only events of these rooms start the workflow, comma-separated. Empty: every room, and events without a room (documents).',
			},
			{
				displayName: 'SdkAppId',
				name: 'sdkAppId',
				type: 'number',
				default: 0,
				description:
					"The LCIC application whose callbacks start the workflow (and that registration changes). 0 uses the credential's Default SdkAppId.",
			},
		],
	},
];
