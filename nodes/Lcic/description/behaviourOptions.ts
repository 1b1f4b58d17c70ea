import type { INodeProperties } from 'n8n-workflow';

import { EXISTING_GROUP_OPTION } from '../execute/groupByName';

// Options change what the node does around the action, not what it sends: re-runnable roster
// syncs need "the user or group that already exists" rather than a duplicate or a failure.
// Keyed by LCIC action; an action without an entry has no Options collection.

export const BEHAVIOUR_OPTIONS: Record<string, INodeProperties[]> = {
	RegisterUser: [
		{
			displayName: 'Return Existing User on Duplicate Origin ID',
			name: 'returnExistingOnDuplicate',
			type: 'boolean',
			default: true,
			description:
				'Whether an Origin ID that is already registered returns the existing user instead of failing the item. A single item is marked AlreadyRegistered; several items go out as one BatchRegister, which answers with the existing UserId and cannot tell which users existed.',
		},
	],
	CreateGroupWithMembers: [
		{
			displayName: 'If a Group Has This Name',
			name: EXISTING_GROUP_OPTION,
			type: 'options',
			default: 'create',
			description:
				'LCIC allows several groups with one name. To re-run a sync, update the group of that name instead (merged groups are never matched; two plain groups with the name fail the item).',
			options: [
				{
					name: 'Create Another Group',
					value: 'create',
					description: 'Always create a new group (what LCIC does)',
				},
				{
					name: 'Update It: Add Missing Members',
					value: 'addMembers',
					description: 'Set the teacher if given and add the members it lacks; nobody is removed',
				},
				{
					name: 'Update It: Make Members Match',
					value: 'setMembers',
					description:
						'Set the teacher if given, add the members it lacks and remove those not in Member IDs',
				},
			],
		},
	],
};
