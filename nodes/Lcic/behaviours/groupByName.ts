import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CallOutcome, ItemOutput, ItemRun, OperationHooks } from '../catalog/hooks';
import { carriedMembers, createGroupOfAnySize, lastRequestId } from './groupOfAnySize';

// Group > Create, "If a Group Has This Name" = update. LCIC group names are not unique: a
// nightly roster sync that calls CreateGroupWithMembers makes a second "Class 7A" every night.
// With this option the node finds the plain group of that name and brings it up to date
// instead: teacher, then members added (and, in "set" mode, removed). The application's groups
// are listed once per execution and remembered, so a sync of 30 classes lists them once, and a
// group created by an earlier item is found by a later one with the same name.

type Mode = 'create' | 'addMembers' | 'setMembers';

const OPTION = 'ifGroupExists';

export const IF_GROUP_EXISTS_OPTION: INodeProperties = {
	displayName: 'If a Group Has This Name',
	name: OPTION,
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
};

interface KnownGroup {
	GroupId: string;
	TeacherId: string;
}

/** Group name -> the plain groups with that name. */
type GroupsByName = Map<string, KnownGroup[]>;

/** The mode chosen for the whole execution (read from the first item, as n8n shows it). */
function modeOf(options: IDataObject): Mode {
	const mode = options[OPTION];
	return mode === 'addMembers' || mode === 'setMembers' ? mode : 'create';
}

const difference = (from: string[], without: string[]): string[] => {
	const skip = new Set(without);
	return from.filter((id) => !skip.has(id));
};

/** The application's plain groups by name, listed once per execution and SdkAppId. */
function groupsOf(item: ItemRun): Promise<GroupsByName> {
	const sdkAppId = Number(item.body.SdkAppId);
	return item.run.once(`groups:${sdkAppId}`, async () => {
		const records = await item.list('DescribeGroupList', { SdkAppId: sdkAppId });
		const byName: GroupsByName = new Map();
		// Merged groups (GroupType 1) take their members from their sub-groups: never a match.
		for (const record of records.filter((group) => Number(group.GroupType ?? 0) === 0)) {
			const name = String(record.GroupName ?? '');
			const known = byName.get(name) ?? [];
			known.push({ GroupId: String(record.GroupId), TeacherId: String(record.TeacherId ?? '') });
			byName.set(name, known);
		}
		return byName;
	});
}

/** No group of that name yet: create it (with any number of members) and remember it. */
async function create(
	item: ItemRun,
	groups: GroupsByName,
	membersPerCreate: number,
): Promise<ItemOutput> {
	const name = String(item.body.GroupName);
	const { groupId, output } = await createGroupOfAnySize(
		item,
		membersPerCreate,
		(GroupId, AddedMemberIds) => ({
			GroupId,
			GroupName: name,
			AlreadyExisted: false,
			AddedMemberIds,
			RemovedMemberIds: [],
		}),
	);
	// Remembered even when some members could not be added: the group exists, and a later item
	// with this name must update it rather than create another.
	groups.set(name, [{ GroupId: groupId, TeacherId: String(item.body.TeacherId ?? '') }]);
	return output;
}

const failed = (outcomes: CallOutcome[]): boolean =>
	outcomes.some((outcome) => outcome.status === 'failed');

async function update(item: ItemRun, group: KnownGroup, mode: Mode): Promise<ItemOutput> {
	const body = item.body;
	const base = { SdkAppId: body.SdkAppId, GroupId: group.GroupId };
	// Every call in order, so that a failure part-way says what had been done (item.settle).
	const outcomes: CallOutcome[] = [];
	if (body.TeacherId !== undefined && body.TeacherId !== group.TeacherId) {
		const teacher = { ...base, TeacherId: body.TeacherId };
		const response = await item.call('ModifyGroup', teacher);
		outcomes.push({ status: 'done', action: 'ModifyGroup', body: teacher, response });
		group.TeacherId = String(body.TeacherId);
	}
	// Without Member IDs the members are left alone, even in "set" mode: an empty field is far
	// more often a missing column than a class that everybody left.
	const wanted = body.MemberIds as string[] | undefined;
	if (wanted !== undefined) {
		const current = (await item.list('DescribeGroupMemberList', base)).map((record) =>
			String(record.UserId),
		);
		const toAdd = difference(wanted, current);
		const toRemove = mode === 'setMembers' ? difference(current, wanted) : [];
		// Removed first: a user who is leaving frees the place for one who is joining.
		if (toRemove.length)
			outcomes.push(...(await item.calls('DeleteGroupMember', { ...base, MemberIds: toRemove })));
		if (toAdd.length && !failed(outcomes))
			outcomes.push(...(await item.calls('AddGroupMember', { ...base, MemberIds: toAdd })));
		else if (toAdd.length)
			outcomes.push({
				status: 'notSent',
				action: 'AddGroupMember',
				body: { ...base, MemberIds: toAdd },
			});
	}
	const record: IDataObject = {
		GroupId: group.GroupId,
		GroupName: body.GroupName,
		AlreadyExisted: true,
		AddedMemberIds: carriedMembers(outcomes, 'AddGroupMember'),
		RemovedMemberIds: carriedMembers(outcomes, 'DeleteGroupMember'),
		...lastRequestId(outcomes),
	};
	return item.settle(outcomes, [record]);
}

/**
 * Group > Create's hooks. `membersPerCreate`: the member IDs CreateGroupWithMembers takes in one
 * call (the catalog's number); the rest are added afterwards, in every mode.
 */
export function createOrUpdateGroupByName(membersPerCreate: number): OperationHooks {
	return {
		// Items run several at a time; two items with one name must not both find no group and
		// both create one, so items with the same name run one after another.
		orderKey(run, body) {
			if (modeOf(run.options) === 'create') return undefined;
			return `group name ${JSON.stringify([body.SdkAppId, body.GroupName])}`;
		},

		async runItem(item) {
			const mode = modeOf(item.run.options);
			if (mode === 'create') {
				const { output } = await createGroupOfAnySize(
					item,
					membersPerCreate,
					(GroupId, AddedMemberIds) => ({ GroupId, AddedMemberIds }),
				);
				return output;
			}
			const name = String(item.body.GroupName);
			const groups = await groupsOf(item);
			const matches = groups.get(name) ?? [];
			if (matches.length > 1) {
				throw item.error(
					`${matches.length} groups are named "${name}" (${matches.map((g) => g.GroupId).join(', ')}), so the node cannot tell which one to update`,
					'Delete or rename the extra groups (Group > Delete, Group > Update), or set Options > "If a Group Has This Name" to "Create Another Group"',
				);
			}
			if (matches.length === 0) return await create(item, groups, membersPerCreate);
			return await update(item, matches[0], mode);
		},
	};
}
