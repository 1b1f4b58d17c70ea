import type { IDataObject } from 'n8n-workflow';

import type { CallOutcome, ItemOutput, ItemRun } from '../catalog/hooks';

// Group > Create for a class of any size. CreateGroupWithMembers takes at most 200 member IDs
// ("MemberIds ... Array length limit: 200", API reference, CreateGroupWithMembers) and one call
// makes one group, so a longer list cannot be split into several creates: the group is created
// with the first 200 members and the rest are added with AddGroupMember, in calls of 200 (its
// own limit, from its catalog entry), in order. If a later call fails, the group and the members
// added so far are in the output (marked Partial) and the error says which members were not
// added, so a re-run with "Update It: Add Missing Members" finishes the job.

/** The member IDs that the calls of `action` which went through carried, in order. */
export function carriedMembers(outcomes: CallOutcome[], action: string): string[] {
	return outcomes.flatMap((outcome) =>
		outcome.status === 'done' && outcome.action === action
			? ((outcome.body.MemberIds as string[] | undefined) ?? [])
			: [],
	);
}

/** The RequestId of the last call that went through. */
export function lastRequestId(outcomes: CallOutcome[]): IDataObject {
	const last = [...outcomes].reverse().find((outcome) => outcome.status === 'done');
	return last?.status === 'done' ? { RequestId: last.response.RequestId } : {};
}

export interface CreatedGroup {
	groupId: string;
	output: ItemOutput;
}

/**
 * Creates the item's group with its first `membersPerCreate` members and adds the rest.
 * `record` shapes the output from the GroupId and the members added. A failed create throws
 * LCIC's error (nothing was done); a failed addition is settled by the engine (item.settle).
 */
export async function createGroupOfAnySize(
	item: ItemRun,
	membersPerCreate: number,
	record: (groupId: string, addedMemberIds: string[]) => IDataObject,
): Promise<CreatedGroup> {
	const body = item.body;
	const members = body.MemberIds as string[] | undefined;
	const createBody =
		members === undefined ? body : { ...body, MemberIds: members.slice(0, membersPerCreate) };
	const created = await item.call('CreateGroupWithMembers', createBody);
	const groupId = String(created.GroupId);
	const outcomes: CallOutcome[] = [
		{ status: 'done', action: 'CreateGroupWithMembers', body: createBody, response: created },
	];
	const rest = members?.slice(membersPerCreate) ?? [];
	if (rest.length > 0) {
		const base = { SdkAppId: body.SdkAppId, GroupId: groupId };
		outcomes.push(...(await item.calls('AddGroupMember', { ...base, MemberIds: rest })));
	}
	const added = [
		...carriedMembers(outcomes, 'CreateGroupWithMembers'),
		...carriedMembers(outcomes, 'AddGroupMember'),
	];
	const output = item.settle(outcomes, [{ ...record(groupId, added), ...lastRequestId(outcomes) }]);
	return { groupId, output };
}
