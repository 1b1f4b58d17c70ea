import { RETURN_EXISTING_USER_OPTION, returnExistingUser } from '../behaviours/returnExistingUser';
import { roomIdField, userIdField } from './fieldKit';
import { byPage } from './paging';
import type { AlternativeSpec, FieldSpec, OperationSpec } from './types';

// User Management and User Login APIs, and the room-bound logins, user details and DeleteUser
// of Tencent's current model.

const NAME: FieldSpec = {
	param: 'Name',
	displayName: 'Name',
	description: 'Display name (nickname) of the user',
	type: 'string',
	default: '',
	placeholder: 'e.g. Nathan Smith',
};
const ORIGIN_ID: FieldSpec = {
	param: 'OriginId',
	displayName: 'Origin ID',
	description:
		"The user's ID in your own system, unique within the application (defaults to the LCIC user ID)",
	type: 'string',
	default: '',
	placeholder: 'e.g. student-1024',
};
const AVATAR: FieldSpec = {
	param: 'Avatar',
	displayName: 'Avatar URL',
	description: "URL of the user's profile photo",
	type: 'string',
	default: '',
};

const USERS: FieldSpec = {
	param: 'Users',
	displayName: 'Users',
	description:
		'The users to register, each with optional Name, OriginId and Avatar (LCIC names). Longer lists than 1,000 are sent in calls of 1,000.',
	type: 'entries',
	required: true,
	default: '[]',
	min: 1,
	uniqueBy: 'OriginId',
	children: [NAME, ORIGIN_ID, AVATAR],
};

/**
 * DescribeUser and DescribeUserDetail take UserId or OriginId ("支持通过 user_id 或 OriginId 查询用户
 * 信息", Tencent's model): which one, chosen on top.
 */
const FIND_USER_BY: AlternativeSpec = {
	key: 'findBy',
	displayName: 'Find User By',
	description: 'Which ID says who the user is',
	choices: [
		{
			name: 'ID',
			param: 'UserId',
			description: 'The LCIC user ID',
			fieldDescription: 'The user, by LCIC user ID',
		},
		{
			name: 'Origin ID',
			param: 'OriginId',
			description: "The user's ID in your system",
			fieldDescription: "The user's ID in your system, as given at registration",
		},
	],
};

const userId = (description: string): FieldSpec =>
	userIdField('UserId', 'User', description, { required: true });

export const userOperations: OperationSpec[] = [
	{
		resource: 'user',
		operation: 'create',
		displayName: 'Create',
		action: 'RegisterUser',
		description: 'Register a user (RegisterUser)',
		sdkAppId: 'required',
		readOnly: false,
		// Name and Origin ID (the student number) are what a registration is about, though LCIC
		// requires neither: on top.
		fields: [{ ...NAME, top: true }, { ...ORIGIN_ID, top: true }, AVATAR],
		output: { kind: 'response' },
		batch: {
			action: 'BatchRegister',
			listParam: 'Users',
			maxPerCall: 1000,
			resultKey: 'Users',
			sdkAppIdInEntry: true,
			matchBy: 'OriginId',
		},
		// A re-run roster sync gets the users that already exist instead of failures.
		options: [RETURN_EXISTING_USER_OPTION],
		hooks: returnExistingUser,
	},
	{
		resource: 'user',
		operation: 'createMany',
		displayName: 'Create Many',
		action: 'BatchRegister',
		description: 'Register many users at once, 1,000 per call (BatchRegister)',
		sdkAppId: 'required',
		sdkAppIdInEntries: 'Users',
		readOnly: false,
		fields: [USERS],
		output: { kind: 'list', key: 'Users' },
		chunks: [{ param: 'Users', size: 1000 }],
	},
	{
		resource: 'user',
		operation: 'get',
		displayName: 'Get',
		action: 'DescribeUser',
		description: 'Get a user (DescribeUser)',
		sdkAppId: 'none',
		readOnly: true,
		alternatives: FIND_USER_BY,
		fields: [
			userIdField(
				'UserId',
				'User',
				'The user to get. Leave empty to find the user by Origin ID instead.',
			),
			{
				...ORIGIN_ID,
				description: 'Finds the user by their ID in your system; used only when User is empty',
			},
		],
		output: { kind: 'response' },
		validate: (body) =>
			body.UserId === undefined && body.OriginId === undefined
				? 'Set "User" or "Origin ID" to say which user to get'
				: undefined,
	},
	{
		resource: 'user',
		operation: 'getMany',
		displayName: 'Get Many',
		action: 'DescribeSdkAppIdUsers',
		description: 'Get many users of the application (DescribeSdkAppIdUsers)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [],
		// Up to 1,000 a page: "page sizes differ per list action (GetRoomEvent 100 or 200,
		// DescribeSdkAppIdUsers 1000, ...)" (Tencent's pages, in the design guide; the reference and
		// the model give only the default, 20). User > Create lists the application's users before
		// a batch: 10 calls for 10,000 students, not 100.
		paging: byPage('Users', 1000),
		output: { kind: 'list', key: 'Users' },
	},
	{
		resource: 'user',
		operation: 'update',
		displayName: 'Update',
		action: 'ModifyUserProfile',
		description: "Update a user's name or avatar (ModifyUserProfile)",
		sdkAppId: 'none',
		readOnly: false,
		fields: [
			userId('The user to update'),
			{
				...NAME,
				param: 'Nickname',
				displayName: 'Name',
				key: 'nickname',
				description: 'New display name of the user',
			},
			{ ...AVATAR, description: "URL of the user's new profile photo" },
		],
		output: { kind: 'response' },
	},
	{
		resource: 'user',
		operation: 'delete',
		displayName: 'Delete',
		action: 'DeleteUser',
		// "删除已注册用户。注：如果该成员已被添加到群组，请先在群组中删除该成员。" (DeleteUser, Tencent's
		// API page and model): delete a registered user; one in a group must leave it first.
		description: 'Delete a registered user; remove them from their groups first (DeleteUser)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [userId('The user to delete. A member of a group must be removed from it first.')],
		output: { kind: 'response' },
	},
	{
		resource: 'user',
		operation: 'logIn',
		displayName: 'Log In',
		action: 'LoginUser',
		description: 'Log a user in and get a token valid for seven days (LoginUser)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [userId('The user to log in')],
		output: { kind: 'response' },
	},
	{
		resource: 'user',
		operation: 'logInByOriginId',
		displayName: 'Log In by Origin ID',
		action: 'LoginOriginId',
		description: 'Log a user in by their ID in your system (LoginOriginId)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{
				...ORIGIN_ID,
				required: true,
				description: "The user's ID in your system, as given at registration",
			},
		],
		output: { kind: 'response' },
	},
	{
		resource: 'user',
		operation: 'getDetails',
		displayName: 'Get Details',
		action: 'DescribeUserDetail',
		description:
			'Get a user by user ID or Origin ID, as a list of user records (DescribeUserDetail)',
		sdkAppId: 'none',
		readOnly: true,
		alternatives: FIND_USER_BY,
		fields: [
			userIdField(
				'UserId',
				'User',
				'The user to get. Leave empty to find the user by Origin ID instead (User wins when both are set).',
			),
			{
				...ORIGIN_ID,
				description: 'Finds the user by their ID in your system; used only when User is empty',
			},
		],
		output: { kind: 'list', key: 'Users' },
		validate: (body) =>
			body.UserId === undefined && body.OriginId === undefined
				? 'Set "User" or "Origin ID" to say which user to get'
				: undefined,
	},
	{
		resource: 'user',
		operation: 'logInToRoom',
		displayName: 'Log In to Room',
		action: 'LoginUserWithRoom',
		description:
			'Log a user in to one class and get a token valid for seven days (LoginUserWithRoom)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [userId('The user to log in'), roomIdField('The room (class) the token is for')],
		output: { kind: 'response' },
	},
	{
		resource: 'user',
		operation: 'logInToRoomByOriginId',
		displayName: 'Log In to Room by Origin ID',
		action: 'LoginOriginIdWithRoom',
		description:
			'Log a user in to one class by their ID in your system; token valid for seven days (LoginOriginIdWithRoom)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{
				...ORIGIN_ID,
				required: true,
				description: "The user's ID in your system, as given at registration",
			},
			roomIdField('The room (class) the token is for'),
		],
		output: { kind: 'response' },
	},
];
