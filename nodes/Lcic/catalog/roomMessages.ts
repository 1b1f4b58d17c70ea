import type { IDataObject } from 'n8n-workflow';

import { choice, roomIdField, userIdField } from './fieldKit';
import type { FieldSpec, OperationSpec } from './types';

// Chat and moderation in a room (Tencent's current model, not in the 2022 reference):
// messages and notices sent as the application, muting, and letting kicked users back in.

/** ForbidSendMsg: "at most 500 accounts" per call; the node splits longer lists. */
const MAX_MUTED_PER_CALL = 500;
/** ForbidSendMsg MuteTime: "0 lifts the mute, 4294967295 mutes for good". */
const MUTE_FOREVER = 4_294_967_295;

const text = (param: string, displayName: string, description: string): FieldSpec => ({
	param,
	displayName,
	description,
	type: 'string',
	default: '',
});

const MSG_TYPES = [
	{ name: 'Text', value: 'TIMTextElem', content: 'TextMsgContent' },
	{ name: 'Emoji', value: 'TIMFaceElem', content: 'FaceMsgContent' },
	{ name: 'Image', value: 'TIMImageElem', content: 'ImageMsgContent' },
	{ name: 'Custom', value: 'TIMCustomElem', content: 'CustomMsgContent' },
] as const;

const IMAGE_INFO: FieldSpec = {
	param: 'ImageInfoList',
	displayName: 'Image Versions',
	description:
		'The versions of the image (original, large, thumbnail), each with Type, Size, Width, Height and URL',
	type: 'entries',
	required: true,
	default: '[]',
	min: 1,
	children: [
		choice(
			'Type',
			'Version',
			'Which version of the image this is',
			[
				{ name: 'Original', value: 1 },
				{ name: 'Large', value: 2 },
				{ name: 'Thumbnail', value: 3 },
			],
			{ required: true },
		),
		{
			param: 'Size',
			displayName: 'Size (Bytes)',
			description: 'Size of the image data, in bytes',
			type: 'integer',
			required: true,
			default: 0,
			min: 0,
		},
		{
			param: 'Width',
			displayName: 'Width (Pixels)',
			description: 'Width of the image, in pixels',
			type: 'integer',
			required: true,
			default: 0,
			min: 0,
		},
		{
			param: 'Height',
			displayName: 'Height (Pixels)',
			description: 'Height of the image, in pixels',
			type: 'integer',
			required: true,
			default: 0,
			min: 0,
		},
		{ ...text('URL', 'URL', 'Download address of this version'), required: true },
	],
};

const MSG_BODY: FieldSpec = {
	param: 'MsgBody',
	displayName: 'Message Parts',
	description:
		'The parts of the message, in order. Each has MsgType (TIMTextElem, TIMFaceElem, TIMImageElem or TIMCustomElem) and the content of that type: TextMsgContent {Text}, FaceMsgContent {Index, Data}, ImageMsgContent {UUID, ImageFormat, ImageInfoList} or CustomMsgContent {Data, Desc, Ext}',
	type: 'entries',
	required: true,
	default: '[{"MsgType":"TIMTextElem","TextMsgContent":{"Text":""}}]',
	min: 1,
	children: [
		choice(
			'MsgType',
			'Type',
			'Kind of this part; it needs the content of the same kind',
			MSG_TYPES.map(({ name, value }) => ({ name, value })),
			{ required: true },
		),
		{
			param: 'TextMsgContent',
			displayName: 'Text Content',
			description: 'For a text part: {"Text": "..."}',
			type: 'object',
			children: [{ ...text('Text', 'Text', 'The text of the message'), required: true }],
		},
		{
			param: 'FaceMsgContent',
			displayName: 'Emoji Content',
			description: 'For an emoji part: Index (your own emoji numbering) and optional Data',
			type: 'object',
			children: [
				{
					param: 'Index',
					displayName: 'Index',
					description: 'Number of the emoji, as your client numbers them',
					type: 'integer',
					required: true,
					default: 0,
				},
				text('Data', 'Data', 'Extra data of the emoji'),
			],
		},
		{
			param: 'ImageMsgContent',
			displayName: 'Image Content',
			description: 'For an image part: UUID, ImageFormat and ImageInfoList',
			type: 'object',
			children: [
				{
					...text('UUID', 'UUID', 'Unique key of the image, which clients use to cache it'),
					required: true,
				},
				choice(
					'ImageFormat',
					'Format',
					'File format of the image',
					[
						{ name: 'JPG', value: 1 },
						{ name: 'GIF', value: 2 },
						{ name: 'PNG', value: 3 },
						{ name: 'BMP', value: 4 },
						{ name: 'Other', value: 255 },
					],
					{ required: true },
				),
				IMAGE_INFO,
			],
		},
		{
			param: 'CustomMsgContent',
			displayName: 'Custom Content',
			description: 'For a custom part: Data, Desc and Ext, as your client reads them',
			type: 'object',
			children: [
				text('Data', 'Data', 'The custom message data'),
				text('Desc', 'Description', 'Description of the custom message'),
				text('Ext', 'Extension', 'Extension field of the custom message'),
			],
		},
	],
};

/** Each message part must carry the content of its own type (TIMTextElem needs TextMsgContent). */
function messagePartProblem(body: IDataObject): string | undefined {
	const parts = Array.isArray(body.MsgBody) ? (body.MsgBody as IDataObject[]) : [];
	for (const [index, part] of parts.entries()) {
		const kind = MSG_TYPES.find((type) => type.value === part.MsgType);
		if (kind && part[kind.content] === undefined) {
			return `"Message Parts" ${index + 1} is of type ${kind.name} (${kind.value}) and needs ${kind.content}`;
		}
	}
	return undefined;
}

export const roomMessageOperations: OperationSpec[] = [
	{
		resource: 'room',
		operation: 'sendMessage',
		displayName: 'Send Message',
		action: 'SendRoomNormalMessage',
		description: "Send a chat message to a room in a user's name (SendRoomNormalMessage)",
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room to send the message to'),
			userIdField(
				'FromAccount',
				'Sender',
				'The user the message comes from. If they are not in the room, also set Sender Nickname.',
				{ required: true },
			),
			MSG_BODY,
			text(
				'NickName',
				'Sender Nickname',
				'Name shown for the sender when they are not in the room (ignored when they are)',
			),
			text(
				'CloudCustomData',
				'Cloud Custom Data',
				'Custom data kept with the message in the cloud and delivered to the receivers',
			),
			choice('Priority', 'Priority', 'Delivery priority of the message (LCIC default: Normal)', [
				{ name: 'High', value: 'High' },
				{ name: 'Normal', value: 'Normal' },
				{ name: 'Low', value: 'Low' },
			]),
		],
		output: { kind: 'response' },
		validate: messagePartProblem,
	},
	{
		resource: 'room',
		operation: 'sendNotification',
		displayName: 'Send Notification',
		action: 'SendRoomNotificationMessage',
		description:
			'Send a notice or announcement to a room as the application (SendRoomNotificationMessage)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room to send the notice to'),
			{
				...text('MsgContent', 'Text', 'Text of the notice (LCIC takes text only)'),
				required: true,
			},
		],
		output: { kind: 'response' },
	},
	{
		resource: 'room',
		operation: 'muteUsers',
		displayName: 'Mute Users',
		action: 'ForbidSendMsg',
		description:
			'Stop users from sending chat messages in a room for a time, or lift that (ForbidSendMsg)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room in which to mute the users'),
			{
				param: 'MembersAccount',
				displayName: 'User IDs',
				description: `The users to mute or unmute, comma-separated (the node sends ${MAX_MUTED_PER_CALL} per call). A muted user who leaves and enters again stays muted.`,
				type: 'stringList',
				required: true,
				default: '',
				placeholder: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe, 2CvDgjRNjylAsBZB4iZc0F6koXf',
			},
			{
				param: 'MuteTime',
				displayName: 'Mute For (Seconds)',
				description: `How long the users cannot send messages, in seconds: 0 lifts the mute, ${MUTE_FOREVER} mutes them for good`,
				type: 'integer',
				required: true,
				default: 600,
				min: 0,
				max: MUTE_FOREVER,
			},
		],
		output: { kind: 'response' },
		chunks: [{ param: 'MembersAccount', size: MAX_MUTED_PER_CALL }],
	},
	{
		resource: 'room',
		operation: 'getMutedUsers',
		displayName: 'Get Muted Users',
		action: 'DescribeRoomForbiddenUser',
		description:
			'Get the users muted in a room and until when, one item per user (DescribeRoomForbiddenUser)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [roomIdField('The room whose muted users to get')],
		// MutedUntil: "禁言到的时间（使用 UTC 时间）", Unix seconds (4294967295 for good).
		output: { kind: 'list', key: 'MutedAccountList', times: ['MutedUntil'] },
	},
	{
		resource: 'room',
		operation: 'unblockKickedUser',
		displayName: 'Unblock Kicked User',
		action: 'UnblockKickedUser',
		description: 'Let a user removed with Kick User enter the room again (UnblockKickedUser)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The room the user was removed from'),
			userIdField('UserId', 'User', 'The user to let back in', { required: true }),
		],
		output: { kind: 'response' },
	},
];
