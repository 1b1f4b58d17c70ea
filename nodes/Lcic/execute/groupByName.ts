import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findByAction } from '../catalog';
import type { OperationSpec } from '../catalog/types';
import { lcicApiRequest, lcicApiRequestAllItems } from '../transport';
import { splitByChunks } from './chunks';
import { asNodeError, successItems } from './itemResult';
import { runSingle } from './single';

// Group > Create, "If a Group Has This Name" = update. LCIC group names are not unique: a
// nightly roster sync that calls CreateGroupWithMembers makes a second "Class 7A" every night.
// With this option the node finds the plain group of that name and brings it up to date
// instead: teacher, then members added (and, in "set" mode, removed). The application's groups
// are listed once per execution and remembered, so a sync of 30 classes lists them once, and a
// group created by an earlier item is found by a later one with the same name.

export type ExistingGroupMode = 'create' | 'addMembers' | 'setMembers';

export const EXISTING_GROUP_OPTION = 'ifGroupExists';

interface KnownGroup {
	GroupId: string;
	TeacherId: string;
}

export function existingGroupMode(this: IExecuteFunctions, op: OperationSpec): ExistingGroupMode {
	if (op.action !== 'CreateGroupWithMembers') return 'create';
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const mode = options[EXISTING_GROUP_OPTION];
	return mode === 'addMembers' || mode === 'setMembers' ? mode : 'create';
}

const difference = (from: string[], without: string[]): string[] => {
	const skip = new Set(without);
	return from.filter((id) => !skip.has(id));
};

export class GroupsByName {
	/** Per SdkAppId: group name -> the plain groups with that name. */
	private readonly known = new Map<number, Promise<Map<string, KnownGroup[]>>>();

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly op: OperationSpec,
		private readonly mode: Exclude<ExistingGroupMode, 'create'>,
	) {}

	async run(body: IDataObject, itemIndex: number): Promise<INodeExecutionData[]> {
		const name = String(body.GroupName);
		const groups = await this.groupsOf(Number(body.SdkAppId), itemIndex);
		const matches = groups.get(name) ?? [];
		if (matches.length > 1) {
			throw new NodeOperationError(
				this.context.getNode(),
				`${matches.length} groups are named "${name}" (${matches.map((g) => g.GroupId).join(', ')}), so the node cannot tell which one to update`,
				{
					itemIndex,
					description:
						'Delete or rename the extra groups (Group > Delete, Group > Update), or set Options > "If a Group Has This Name" to "Create Another Group"',
				},
			);
		}
		if (matches.length === 0) return this.create(body, itemIndex, groups);
		return this.update(matches[0], body, itemIndex);
	}

	private async create(
		body: IDataObject,
		itemIndex: number,
		groups: Map<string, KnownGroup[]>,
	): Promise<INodeExecutionData[]> {
		const [created] = await runSingle.call(this.context, this.op, body, itemIndex);
		const name = String(body.GroupName);
		const groupId = String(created.json.GroupId);
		groups.set(name, [{ GroupId: groupId, TeacherId: String(body.TeacherId ?? '') }]);
		return successItems(
			[
				{
					GroupId: groupId,
					GroupName: name,
					AlreadyExisted: false,
					AddedMemberIds: (body.MemberIds as string[] | undefined) ?? [],
					RemovedMemberIds: [],
					RequestId: created.json.RequestId,
				},
			],
			itemIndex,
		);
	}

	private async update(
		group: KnownGroup,
		body: IDataObject,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		const base = { SdkAppId: body.SdkAppId, GroupId: group.GroupId };
		let requestId: unknown;
		try {
			if (body.TeacherId !== undefined && body.TeacherId !== group.TeacherId) {
				requestId = (
					await this.call('ModifyGroup', { ...base, TeacherId: body.TeacherId }, itemIndex)
				).RequestId;
				group.TeacherId = String(body.TeacherId);
			}
			// Without Member IDs the members are left alone, even in "set" mode: an empty field
			// is far more often a missing column than a class that everybody left.
			const wanted = body.MemberIds as string[] | undefined;
			let added: string[] = [];
			let removed: string[] = [];
			if (wanted !== undefined) {
				const current = await this.membersOf(base, itemIndex);
				added = difference(wanted, current);
				removed = this.mode === 'setMembers' ? difference(current, wanted) : [];
				// Removed first: a user who is leaving frees the place for one who is joining.
				if (removed.length)
					requestId = await this.sendInChunks('DeleteGroupMember', base, removed, itemIndex);
				if (added.length)
					requestId = await this.sendInChunks('AddGroupMember', base, added, itemIndex);
			}
			return successItems(
				[
					{
						GroupId: group.GroupId,
						GroupName: body.GroupName,
						AlreadyExisted: true,
						AddedMemberIds: added,
						RemovedMemberIds: removed,
						...(requestId === undefined ? {} : { RequestId: requestId }),
					},
				],
				itemIndex,
			);
		} catch (error) {
			throw asNodeError(this.context.getNode(), error, itemIndex);
		}
	}

	private groupsOf(sdkAppId: number, itemIndex: number): Promise<Map<string, KnownGroup[]>> {
		let groups = this.known.get(sdkAppId);
		if (!groups) {
			groups = this.listGroups(sdkAppId, itemIndex);
			this.known.set(sdkAppId, groups);
		}
		return groups;
	}

	private async listGroups(
		sdkAppId: number,
		itemIndex: number,
	): Promise<Map<string, KnownGroup[]>> {
		const list = findByAction('DescribeGroupList');
		const records = await lcicApiRequestAllItems.call(
			this.context,
			list.action,
			{ SdkAppId: sdkAppId },
			list.paging!,
			{
				readOnly: true,
				itemIndex,
			},
		);
		const byName = new Map<string, KnownGroup[]>();
		// Merged groups (GroupType 1) take their members from their sub-groups: never a match.
		for (const record of records.filter((group) => Number(group.GroupType ?? 0) === 0)) {
			const name = String(record.GroupName ?? '');
			const known = byName.get(name) ?? [];
			known.push({ GroupId: String(record.GroupId), TeacherId: String(record.TeacherId ?? '') });
			byName.set(name, known);
		}
		return byName;
	}

	private async membersOf(base: IDataObject, itemIndex: number): Promise<string[]> {
		const list = findByAction('DescribeGroupMemberList');
		const records = await lcicApiRequestAllItems.call(
			this.context,
			list.action,
			base,
			list.paging!,
			{
				readOnly: true,
				itemIndex,
			},
		);
		return (records as unknown[]).map(String);
	}

	/** Adds or removes members in calls of the size the action takes; returns the last RequestId. */
	private async sendInChunks(
		action: string,
		base: IDataObject,
		memberIds: string[],
		itemIndex: number,
	): Promise<unknown> {
		let requestId: unknown;
		for (const part of splitByChunks(
			{ ...base, MemberIds: memberIds },
			findByAction(action).chunks,
		)) {
			requestId = (await this.call(action, part, itemIndex)).RequestId;
		}
		return requestId;
	}

	private call(action: string, body: IDataObject, itemIndex: number): Promise<IDataObject> {
		return lcicApiRequest.call(this.context, action, body, { readOnly: false, itemIndex });
	}
}
