import type { IDataObject } from 'n8n-workflow';

import { createOrUpdateGroupByName, IF_GROUP_EXISTS_OPTION } from '../behaviours/groupByName';
import { userIdField } from './fieldKit';
import { byPage } from './paging';
import type { FieldSpec, OperationSpec } from './types';

// Group Management APIs (12 actions). A group is a list of users (GroupType 0) or a merged
// group made of other groups (GroupType 1); a room bound to a group only lets its members in.

// Per-call array limits of the reference ("Array length limit").
const MEMBERS_PER_CALL = 200;
const BATCH_DELETE_MEMBERS_PER_CALL = 256;
const GROUPS_PER_CALL = 100;
const SUB_GROUPS_MAX = 40;
const GROUP_BASE_INFOS_PER_CALL = 256;

const groupId = (description: string): FieldSpec => ({
	param: 'GroupId',
	displayName: 'Group',
	description,
	type: 'group',
	required: true,
});

const GROUP_NAME: FieldSpec = {
	param: 'GroupName',
	displayName: 'Group Name',
	description: 'Name of the group',
	type: 'string',
	default: '',
	placeholder: 'e.g. Class 7A',
};

const TEACHER_ID = userIdField(
	'TeacherId',
	'Teacher',
	'Default teacher of the group (a user ID). The teacher cannot also be a member of the group.',
);

const memberIds = (description: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	param: 'MemberIds',
	displayName: 'Member IDs',
	description,
	type: 'stringList',
	default: '',
	placeholder: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe, 2CvDgjRNjylAsBZB4iZc0F6koXf',
	...extra,
});

const groupIds = (description: string): FieldSpec => ({
	param: 'GroupIds',
	displayName: 'Group IDs',
	description,
	type: 'stringList',
	required: true,
	default: '',
	placeholder: 'e.g. cfmsqfu2r378uak93i70, cfmst8u2r378uak93i90',
});

const GROUP_BASE_INFOS: FieldSpec = {
	param: 'GroupBaseInfos',
	displayName: 'Groups',
	description:
		'The groups to create, in order. Each needs GroupName and may name a TeacherId (LCIC names)',
	type: 'entries',
	required: true,
	default: '[]',
	min: 1,
	children: [
		{ ...GROUP_NAME, required: true },
		{ ...TEACHER_ID, description: 'Default teacher of this group (a user ID)' },
	],
};

function duplicatesProblem(body: IDataObject, param: string, label: string): string | undefined {
	const values = Array.isArray(body[param]) ? (body[param] as string[]) : [];
	const duplicate = values.find((value, index) => values.indexOf(value) !== index);
	return duplicate === undefined ? undefined : `"${label}" lists ${duplicate} more than once`;
}

export const groupOperations: OperationSpec[] = [
	{
		resource: 'group',
		operation: 'create',
		displayName: 'Create',
		action: 'CreateGroupWithMembers',
		description: 'Create a group and add its members (CreateGroupWithMembers)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{ ...GROUP_NAME, required: true },
			TEACHER_ID,
			// Any number: CreateGroupWithMembers takes the first 200, AddGroupMember the rest
			// (behaviours/groupOfAnySize.ts).
			memberIds(
				`Users to add to the new group, comma-separated. Any number: the group is created with the first ${MEMBERS_PER_CALL} and the rest are added in calls of ${MEMBERS_PER_CALL}.`,
			),
		],
		output: { kind: 'response' },
		// A nightly roster sync can update the group of that name instead of making another.
		options: [IF_GROUP_EXISTS_OPTION],
		hooks: createOrUpdateGroupByName(MEMBERS_PER_CALL),
		// No `batch` (BatchCreateGroupWithMembers): its MemberIds is one list for every group of
		// the call, not one per entry, so items with their own members cannot share a call.
	},
	{
		resource: 'group',
		operation: 'createMany',
		displayName: 'Create Many',
		action: 'BatchCreateGroupWithMembers',
		description:
			'Create several groups in one call, all with the same members (BatchCreateGroupWithMembers)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			GROUP_BASE_INFOS,
			memberIds(
				`Users to add to every group created, comma-separated (at most ${MEMBERS_PER_CALL})`,
				{
					maxItems: MEMBERS_PER_CALL,
				},
			),
		],
		// One item per group created, as User > Create Many gives one per user.
		output: {
			kind: 'list',
			key: 'GroupIds',
			valueField: 'GroupId',
			entries: { param: 'GroupBaseInfos', fields: ['GroupName', 'TeacherId'] },
		},
		chunks: [{ param: 'GroupBaseInfos', size: GROUP_BASE_INFOS_PER_CALL }],
	},
	{
		resource: 'group',
		operation: 'merge',
		displayName: 'Merge',
		action: 'CreateGroupWithSubGroup',
		description: 'Create a merged group made of other groups (CreateGroupWithSubGroup)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{ ...GROUP_NAME, required: true, description: 'Name of the merged group' },
			{
				param: 'SubGroupIds',
				displayName: 'Sub-Group IDs',
				description: `The groups to merge, comma-separated, each at most once (at most ${SUB_GROUPS_MAX})`,
				type: 'stringList',
				required: true,
				default: '',
				placeholder: 'e.g. cfmsqfu2r378uak93i70, cfmst8u2r378uak93i90',
				maxItems: SUB_GROUPS_MAX,
			},
			{ ...TEACHER_ID, description: 'Default teacher of the merged group (a user ID)' },
		],
		output: { kind: 'response' },
		validate: (body) => duplicatesProblem(body, 'SubGroupIds', 'Sub-Group IDs'),
	},
	{
		resource: 'group',
		operation: 'get',
		displayName: 'Get',
		action: 'DescribeGroup',
		description: 'Get a group (DescribeGroup)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [groupId('The group to get')],
		output: { kind: 'response' },
	},
	{
		resource: 'group',
		operation: 'getMany',
		displayName: 'Get Many',
		action: 'DescribeGroupList',
		description: 'Get many groups of the application (DescribeGroupList)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [
			{
				...TEACHER_ID,
				description:
					'Only groups whose default teacher is this user. Cannot be combined with Member.',
			},
			userIdField(
				'MemberId',
				'Member',
				'Only groups this user is a member of. Cannot be combined with Teacher.',
			),
		],
		paging: byPage('GroupInfos', 1000),
		output: { kind: 'list', key: 'GroupInfos' },
		// LCIC silently ignores MemberId when TeacherId is also given.
		validate: (body) =>
			body.TeacherId !== undefined && body.MemberId !== undefined
				? 'Set "Teacher" or "Member", not both: LCIC filters by one of them only'
				: undefined,
	},
	{
		resource: 'group',
		operation: 'update',
		displayName: 'Update',
		action: 'ModifyGroup',
		description: "Update a group's name or default teacher (ModifyGroup)",
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			groupId('The group to update'),
			{ ...GROUP_NAME, description: 'New name of the group' },
			{
				...TEACHER_ID,
				description: 'New default teacher of the group (a user ID); the teacher cannot be a member',
			},
		],
		output: { kind: 'response' },
		validate: (body) =>
			body.GroupName === undefined && body.TeacherId === undefined
				? 'Nothing to update: add "Group Name" or "Teacher" under Additional Fields'
				: undefined,
	},
	{
		resource: 'group',
		operation: 'delete',
		displayName: 'Delete',
		action: 'DeleteGroup',
		description: 'Delete one or more groups (DeleteGroup)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [groupIds('The groups to delete, comma-separated')],
		output: { kind: 'response' },
	},
	{
		resource: 'group',
		operation: 'addMembers',
		displayName: 'Add Members',
		action: 'AddGroupMember',
		description: 'Add users to a group (AddGroupMember)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			groupId('The group to add the users to'),
			memberIds(
				`The users to add, comma-separated. Longer lists are sent in calls of ${MEMBERS_PER_CALL}.`,
				{
					required: true,
				},
			),
		],
		output: { kind: 'response' },
		chunks: [{ param: 'MemberIds', size: MEMBERS_PER_CALL }],
	},
	{
		resource: 'group',
		operation: 'addMembersToMany',
		displayName: 'Add Members to Many',
		action: 'BatchAddGroupMember',
		description: 'Add the same users to several groups (BatchAddGroupMember)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			groupIds(
				`The groups to add the users to, comma-separated. Longer lists are sent in calls of ${GROUPS_PER_CALL}.`,
			),
			memberIds(
				`The users to add, comma-separated. Longer lists are sent in calls of ${MEMBERS_PER_CALL}.`,
				{
					required: true,
				},
			),
		],
		output: { kind: 'response' },
		chunks: [
			{ param: 'GroupIds', size: GROUPS_PER_CALL },
			{ param: 'MemberIds', size: MEMBERS_PER_CALL },
		],
	},
	{
		resource: 'group',
		operation: 'removeMembers',
		displayName: 'Remove Members',
		action: 'DeleteGroupMember',
		description: 'Remove users from a group; merged groups cannot lose members (DeleteGroupMember)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			groupId('The group to remove the users from (not a merged group)'),
			memberIds(
				`The users to remove, comma-separated. Longer lists are sent in calls of ${MEMBERS_PER_CALL}.`,
				{
					required: true,
				},
			),
		],
		output: { kind: 'response' },
		chunks: [{ param: 'MemberIds', size: MEMBERS_PER_CALL }],
	},
	{
		resource: 'group',
		operation: 'removeMembersFromMany',
		displayName: 'Remove Members From Many',
		action: 'BatchDeleteGroupMember',
		description: 'Remove the same users from several groups (BatchDeleteGroupMember)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			groupIds(
				`The groups to remove the users from, comma-separated. Longer lists are sent in calls of ${GROUPS_PER_CALL}.`,
			),
			memberIds(
				`The users to remove, comma-separated. Longer lists are sent in calls of ${BATCH_DELETE_MEMBERS_PER_CALL}.`,
				{ required: true },
			),
		],
		output: { kind: 'response' },
		chunks: [
			{ param: 'GroupIds', size: GROUPS_PER_CALL },
			{ param: 'MemberIds', size: BATCH_DELETE_MEMBERS_PER_CALL },
		],
	},
	{
		resource: 'group',
		operation: 'getMembers',
		displayName: 'Get Members',
		action: 'DescribeGroupMemberList',
		description: 'Get the members of a group, one item per member (DescribeGroupMemberList)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [groupId('The group whose members to get')],
		paging: byPage('MemberIds', 1000),
		output: { kind: 'list', key: 'MemberIds', valueField: 'UserId' },
	},
];
