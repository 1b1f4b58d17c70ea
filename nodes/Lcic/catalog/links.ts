import { JOIN_DOMAINS, JOIN_LANGUAGES, joinLinks } from '../behaviours/joinLinks';
import { replayLink } from '../behaviours/replayLink';
import { choice, roomIdField, userIdField } from './fieldKit';
import type { OperationSpec } from './types';

// The links people click: a class page per attendee (Room > Get Join Links) and the replay page
// of an ended class (Room > Get Replay Link). Operations of their own (behaviours/joinLinks.ts,
// behaviours/replayLink.ts): their fields are the operation's settings, not one action's.

const LANGUAGE_NAMES: Record<(typeof JOIN_LANGUAGES)[number], string> = {
	'zh-CN': 'Chinese (Simplified)',
	'zh-TW': 'Chinese (Traditional)',
	'en-US': 'English',
	ja: 'Japanese',
	ko: 'Korean',
	ar: 'Arabic',
	vi: 'Vietnamese',
	id: 'Indonesian',
};

export const linkOperations: OperationSpec[] = [
	{
		resource: 'room',
		operation: 'getJoinLinks',
		displayName: 'Get Join Links',
		action: 'LoginUserWithRoom',
		description:
			'Log users in to a class and get the link each one opens to enter it, one item per user (LoginUserWithRoom)',
		sdkAppId: 'required',
		readOnly: false,
		composite: {
			actions: [
				'DescribeRoom',
				'LoginUserWithRoom',
				'LoginOriginIdWithRoom',
				'LoginUser',
				'LoginOriginId',
				'DescribeSupervisors',
				'DescribeUser',
			],
		},
		fields: [
			roomIdField('The room (class) the links open'),
			{
				param: 'Users',
				displayName: 'Users',
				description:
					'The users to make links for, comma-separated: user IDs, or Origin IDs (your own IDs) with Users Are set to Origin IDs',
				type: 'stringList',
				required: true,
				default: '',
				placeholder: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe, 2CvDgjRNjylAsBZB4iZc0F6koXf',
			},
			choice(
				'UsersAre',
				'Users Are',
				'Whether Users lists LCIC user IDs or the Origin IDs given at registration',
				[
					{ name: 'User IDs', value: 'UserId' },
					{ name: 'Origin IDs', value: 'OriginId' },
				],
				{ required: true },
			),
			choice(
				'Role',
				'Role',
				'How the class page treats the users',
				[
					{
						name: 'By the Room',
						value: 'room',
						description: 'Teacher, assistant or student, as the room assigns them',
					},
					{
						name: 'Supervisor',
						value: 'supervisor',
						description:
							"Watch the class (role=supervisor). Only the application's supervisors (Supervisor > Create).",
					},
				],
				{ required: true },
			),
			choice(
				'Domain',
				'Class Page Site',
				'Where the class page is served. Default: outside mainland China when the credential uses the International Site endpoint, mainland China otherwise.',
				[
					{
						name: 'Mainland China',
						value: JOIN_DOMAINS.mainland,
						description: JOIN_DOMAINS.mainland,
					},
					{
						name: 'Outside Mainland China',
						value: JOIN_DOMAINS.international,
						description: JOIN_DOMAINS.international,
					},
				],
			),
			choice(
				'Language',
				'Language',
				'Language of the class page (lng)',
				JOIN_LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value })),
			),
			{
				param: 'Scene',
				displayName: 'Scene',
				description:
					'A custom layout set with App Configuration > Set Custom Content (its Scene name)',
				type: 'string',
				default: '',
			},
			choice('TokenFor', 'Token For', 'Which classes the login token admits (valid seven days)', [
				{
					name: 'This Class Only',
					value: 'thisClass',
					description: 'LoginUserWithRoom / LoginOriginIdWithRoom',
				},
				{ name: 'Any Class', value: 'anyClass', description: 'LoginUser / LoginOriginId' },
			]),
		],
		// TokenExpiresAt: the login time plus the tokens' seven days, in Unix seconds.
		output: { kind: 'response', times: ['TokenExpiresAt'] },
		hooks: joinLinks,
	},
	{
		resource: 'room',
		operation: 'getReplayLink',
		displayName: 'Get Replay Link',
		action: 'GetPlaybackToken',
		description:
			'Get the replay page link of an ended class and its recording URLs (GetPlaybackToken)',
		sdkAppId: 'required',
		readOnly: false,
		composite: { actions: ['GetPlaybackToken', 'DescribeRecord', 'DescribePlaybackList'] },
		fields: [
			roomIdField('The ended room to replay'),
			{
				param: 'Title',
				displayName: 'Title',
				description: 'Title shown on the replay page',
				type: 'string',
				default: '',
			},
			userIdField('UserId', 'Viewer', 'The user the replay token is for'),
			{
				param: 'ExpireSeconds',
				displayName: 'Link Lifetime (Seconds)',
				description: 'How long the link works, in seconds; 0 (or unset) never expires',
				type: 'integer',
				default: 0,
				min: 0,
			},
		],
		// TokenExpiresAt (when Link Lifetime is set): the time asked plus the lifetime, Unix seconds.
		output: { kind: 'response', times: ['TokenExpiresAt'] },
		hooks: replayLink,
	},
];
