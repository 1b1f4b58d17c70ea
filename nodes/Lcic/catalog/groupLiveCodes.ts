import { roomIdField } from './fieldKit';
import type { OperationSpec } from './types';

// Join codes ("分组直播参加码") of group-live rooms (Room Type "Group Live"), one per group.
// Tencent's current model, not in the 2022 reference.

/** CreateGroupLiveCodes Number: "最大数量限制为30". */
const MAX_GROUP_LIVE_CODES = 30;

export const groupLiveCodeOperations: OperationSpec[] = [
	{
		resource: 'group',
		operation: 'createLiveCodes',
		displayName: 'Create Live Codes',
		action: 'CreateGroupLiveCodes',
		description: 'Create join codes for the groups of a group-live room (CreateGroupLiveCodes)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			roomIdField('The group-live room (Room Type "Group Live") to make codes for'),
			{
				param: 'Number',
				displayName: 'Number of Groups',
				description: `How many codes to create, one per group (at most ${MAX_GROUP_LIVE_CODES})`,
				type: 'integer',
				required: true,
				default: 1,
				min: 1,
				max: MAX_GROUP_LIVE_CODES,
			},
		],
		output: { kind: 'response' },
	},
	{
		resource: 'group',
		operation: 'getLiveCodes',
		displayName: 'Get Live Codes',
		action: 'DescribeGroupLiveCodes',
		description: 'Get the group join codes of a group-live room (DescribeGroupLiveCodes)',
		sdkAppId: 'optional',
		readOnly: true,
		fields: [roomIdField('The group-live room whose codes to get')],
		output: { kind: 'response' },
	},
];
