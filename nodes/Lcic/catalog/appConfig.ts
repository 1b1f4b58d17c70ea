import type { IDataObject } from 'n8n-workflow';

import { fillDeveloperId } from '../behaviours/developerId';
import type { FieldSpec, OperationSpec } from './types';

// Application Configuration APIs (5 actions of the reference, and DescribeAppDetail from
// Tencent's current model): custom content per scene, callback settings and watermarks.

const url = (
	param: string,
	displayName: string,
	description: string,
	extra: Partial<FieldSpec> = {},
): FieldSpec => ({
	param,
	displayName,
	description,
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/logo.png',
	...extra,
});

const CUSTOM_CONTENT: FieldSpec = {
	param: 'CustomContent',
	displayName: 'Custom Content',
	description:
		'The content to set, one entry per scene: Scene and any of LogoUrl, HomeUrl, JsUrl and CssUrl (LCIC names)',
	type: 'entries',
	required: true,
	default: '[]',
	min: 1,
	// The reference does not say which of two entries for one scene LCIC keeps: refused, naming
	// both, rather than one silently winning.
	uniqueBy: 'Scene',
	children: [
		{
			param: 'Scene',
			displayName: 'Scene',
			description:
				'Name of the scene; one application can have several scenes with different content',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. default',
		},
		url('LogoUrl', 'Logo URL', 'Logo shown in class as the icon of the classroom or platform'),
		url(
			'HomeUrl',
			'Home URL',
			'Page the class goes to when it ends. Left out, the class page closes.',
			{
				placeholder: 'e.g. https://example.com/home',
			},
		),
		url('JsUrl', 'JS URL', 'Custom JavaScript loaded into the class page', {
			placeholder: 'e.g. https://example.com/class.js',
		}),
		url('CssUrl', 'CSS URL', 'Custom CSS loaded into the class page', {
			placeholder: 'e.g. https://example.com/class.css',
		}),
	],
};

/** A watermark size or position: a percentage of the video area. */
const percent = (param: string, displayName: string, description: string): FieldSpec => ({
	param,
	displayName,
	description,
	type: 'number',
	default: 0,
	min: 0,
	max: 100,
});

const watermarkBox = (prefix: 'Teacher' | 'Board', area: string): FieldSpec[] => [
	percent(
		`${prefix}W`,
		`${area} Watermark Width (%)`,
		`Width of the ${area.toLowerCase()} watermark, in percent of the video width (LCIC default: 0)`,
	),
	percent(
		`${prefix}H`,
		`${area} Watermark Height (%)`,
		`Height of the ${area.toLowerCase()} watermark, in percent of the video height (LCIC default: 0)`,
	),
	percent(
		`${prefix}X`,
		`${area} Watermark X (%)`,
		`Horizontal offset of the ${area.toLowerCase()} watermark, in percent of the video width (50 is the middle)`,
	),
	percent(
		`${prefix}Y`,
		`${area} Watermark Y (%)`,
		`Vertical offset of the ${area.toLowerCase()} watermark, in percent (50 is the middle)`,
	),
];

const WATERMARK_FIELDS: FieldSpec[] = [
	url(
		'TeacherUrl',
		'Teacher Video Watermark URL',
		"Image shown over the teacher's video. Add it empty to remove that watermark.",
		{
			sendEmpty: true,
			placeholder: 'e.g. https://example.com/watermark.png',
		},
	),
	...watermarkBox('Teacher', 'Teacher Video'),
	url(
		'BoardUrl',
		'Whiteboard Watermark URL',
		'Image shown over the whiteboard. Add it empty to remove that watermark.',
		{
			sendEmpty: true,
			placeholder: 'e.g. https://example.com/watermark.png',
		},
	),
	...watermarkBox('Board', 'Whiteboard'),
	url(
		'VideoUrl',
		'No-Video Image URL',
		'Image shown where there is no video stream. Add it empty to remove it.',
		{
			sendEmpty: true,
			placeholder: 'e.g. https://example.com/no-video.png',
		},
	),
	{
		param: 'Text',
		displayName: 'Watermark Text',
		description: 'Text shown as a watermark. Add it empty to remove the text.',
		type: 'string',
		default: '',
		placeholder: 'e.g. Example School',
		sendEmpty: true,
	},
	{
		param: 'TextColor',
		displayName: 'Watermark Text Color',
		description: 'Color of the watermark text',
		type: 'string',
		default: '',
	},
];

function nothingSet(body: IDataObject, what: string): string | undefined {
	return Object.keys(body).some((key) => key !== 'SdkAppId')
		? undefined
		: `Nothing to ${what}: add a field under Additional Fields`;
}

const CALLBACK_PORT = /^[a-z]+:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i;

export const appConfigOperations: OperationSpec[] = [
	{
		resource: 'appConfig',
		operation: 'get',
		displayName: 'Get',
		action: 'DescribeAppDetail',
		description:
			"Get the application's settings: name, state, edition, callback URL and key, scenes and transfer (DescribeAppDetail)",
		sdkAppId: 'required',
		// DescribeAppDetailRequest (tencentcloud-sdk-nodejs, lcic_models.d.ts): ApplicationId is
		// the SdkAppId as a String, and DeveloperId is required: left empty, the node sends the
		// credential's own (behaviours/developerId.ts).
		sdkAppIdParam: 'ApplicationId',
		sdkAppIdType: 'string',
		readOnly: true,
		fields: [
			{
				param: 'DeveloperId',
				displayName: 'Developer ID',
				description:
					"The developer ID of the account that owns the application. Leave it empty to use the credential's own: the node asks Developer > Get (DescribeDeveloper) for it once per execution.",
				type: 'string',
				filledWhenEmpty: "the credential's developer ID, from DescribeDeveloper",
				default: '',
				placeholder: 'e.g. 100012345678',
			},
		],
		output: { kind: 'response' },
		hooks: fillDeveloperId,
	},
	{
		resource: 'appConfig',
		operation: 'setCustomContent',
		displayName: 'Set Custom Content',
		action: 'SetAppCustomContent',
		description:
			'Set the logo, home page, JS and CSS of application scenes; also needed after changing the JS or CSS files (SetAppCustomContent)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [CUSTOM_CONTENT],
		output: { kind: 'response' },
	},
	{
		resource: 'appConfig',
		operation: 'deleteCustomContent',
		displayName: 'Delete Custom Content',
		action: 'DeleteAppCustomContent',
		description:
			'Delete the custom content of some scenes, or of all scenes (DeleteAppCustomContent)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{
				param: 'Scenes',
				displayName: 'Scenes',
				description:
					'The scenes whose custom content to delete, comma-separated. Leave the field out to delete the custom content of every scene; added, it must name at least one scene (an expression that gives nothing is refused).',
				type: 'stringList',
				emptyMeans: 'delete the custom content of every scene',
				default: '',
				placeholder: 'e.g. default, exam',
			},
		],
		output: { kind: 'response' },
	},
	{
		resource: 'appConfig',
		operation: 'update',
		displayName: 'Update',
		action: 'ModifyApp',
		description: "Update the application's callback and transfer settings (ModifyApp)",
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			url('Callback', 'Callback URL', 'Where LCIC sends event callbacks (only ports 80 and 443)', {
				placeholder: 'e.g. https://example.com/lcic-callback',
			}),
			{
				param: 'CallbackKey',
				displayName: 'Callback Key',
				description: 'Key LCIC signs its callbacks with, so that your server can check them',
				type: 'string',
				default: '',
			},
			{
				param: 'TransferId',
				displayName: 'Transfer ID',
				description: 'ID of the transfer (re-storage) setting of the application',
				type: 'string',
				default: '',
			},
			url(
				'TransferUrl',
				'Transfer URL',
				'Address of the transfer (re-storage) setting of the application',
				{
					placeholder: 'e.g. https://example.com/transfer',
				},
			),
		],
		output: { kind: 'response' },
		validate: (body) => {
			const port =
				typeof body.Callback === 'string'
					? CALLBACK_PORT.exec(body.Callback.trim())?.[1]
					: undefined;
			if (port !== undefined && port !== '80' && port !== '443') {
				return `"Callback URL" must use port 80 or 443, the only ones LCIC calls (got ${port})`;
			}
			return nothingSet(body, 'update');
		},
	},
	{
		resource: 'appConfig',
		operation: 'getWatermark',
		displayName: 'Get Watermark',
		action: 'GetWatermark',
		description: 'Get the watermark settings of the application (GetWatermark)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [],
		output: { kind: 'response' },
	},
	{
		resource: 'appConfig',
		operation: 'setWatermark',
		displayName: 'Set Watermark',
		action: 'SetWatermark',
		description: 'Set the watermarks of the application (SetWatermark)',
		sdkAppId: 'required',
		readOnly: false,
		fields: WATERMARK_FIELDS,
		output: { kind: 'response' },
		validate: (body) => nothingSet(body, 'set'),
	},
];
