// Group > Create with Options > "If a Group Has This Name": a roster sync that runs every night
// keeps one group per class, brought up to date, instead of a new "7A" each night.
import { callsOf, parametersFor, runWorkflow, useEmulator } from '../harness';
import { groupSync } from './groupSync';

describe('Group > Create: update the group of that name', () => {
	const fx = useEmulator('each');
	const { groupsNamed, sync } = groupSync(fx);

	it('creates missing groups, and on the next run adds only the new members', async () => {
		const [a, b, c, d] = await fx.session.users(4);
		const first = await sync('addMembers', [
			{ class: '7A', memberIds: [a, b] },
			{ class: '7B', memberIds: [c] },
		]);
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				GroupName: '7A',
				AlreadyExisted: false,
				AddedMemberIds: [a, b],
				RemovedMemberIds: [],
			}),
			expect.objectContaining({
				GroupName: '7B',
				AlreadyExisted: false,
				AddedMemberIds: [c],
				RemovedMemberIds: [],
			}),
		]);
		// The groups are listed once for the whole run, not once per item.
		expect(callsOf(fx.emulator, 'DescribeGroupList')).toHaveLength(1);

		const second = await sync('addMembers', [
			{ class: '7A', memberIds: [a, b, d] },
			{ class: '7B', memberIds: [c] },
		]);
		expect(second.error).toBeUndefined();
		expect(groupsNamed('7A')).toHaveLength(1);
		expect(groupsNamed('7B')).toHaveLength(1);
		expect(second.items[0].json).toMatchObject({
			GroupId: first.items[0].json.GroupId,
			AlreadyExisted: true,
			AddedMemberIds: [d],
			RemovedMemberIds: [],
		});
		expect(second.items[1].json).toMatchObject({ AlreadyExisted: true, AddedMemberIds: [] });
		expect(callsOf(fx.emulator, 'CreateGroupWithMembers')).toHaveLength(0);
		// Nothing to add for 7B: no AddGroupMember call for it.
		expect(callsOf(fx.emulator, 'AddGroupMember')).toHaveLength(1);
		expect(groupsNamed('7A')[0].memberIds).toEqual([a, b, d]);
		second.items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
	});

	it('"Make Members Match" also removes those no longer listed', async () => {
		const [a, b, c] = await fx.session.users(3);
		const groupId = await fx.session.group([a, b], { GroupName: '8C' });
		const { items, error } = await sync('setMembers', [{ class: '8C', memberIds: [b, c] }]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			GroupId: groupId,
			AlreadyExisted: true,
			AddedMemberIds: [c],
			RemovedMemberIds: [a],
		});
		expect(fx.session.app.groups.get(groupId)?.memberIds).toEqual([b, c]);
	});

	it('finds a group created by an earlier item of the same run', async () => {
		const [a, b] = await fx.session.users(2);
		const { items, error } = await sync('addMembers', [
			{ class: '9A', memberIds: [a] },
			{ class: '9A', memberIds: [b] },
		]);
		expect(error).toBeUndefined();
		expect(groupsNamed('9A')).toHaveLength(1);
		expect(items[1].json).toMatchObject({
			GroupId: items[0].json.GroupId,
			AlreadyExisted: true,
			AddedMemberIds: [b],
		});
	});

	it('leaves the members alone when Member IDs is not set', async () => {
		const [a] = await fx.session.users(1);
		const groupId = await fx.session.group([a], { GroupName: '10A' });
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor(
				'CreateGroupWithMembers',
				{ GroupName: '10A' },
				{ node: { options: { ifGroupExists: 'setMembers' } } },
			),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			GroupId: groupId,
			AlreadyExisted: true,
			RemovedMemberIds: [],
		});
		expect(fx.session.app.groups.get(groupId)?.memberIds).toEqual([a]);
	});

	it('sets a new teacher with ModifyGroup', async () => {
		const [a, teacher] = await fx.session.users(2);
		const groupId = await fx.session.group([a], { GroupName: '11A' });
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor(
				'CreateGroupWithMembers',
				{ GroupName: '11A', TeacherId: teacher },
				{ node: { options: { ifGroupExists: 'addMembers' } } },
			),
		});
		expect(error).toBeUndefined();
		expect(fx.session.app.groups.get(groupId)?.TeacherId).toBe(teacher);
	});

	it('refuses to guess between two groups of the same name, naming both and the way out', async () => {
		const [a] = await fx.session.users(1);
		const first = await fx.session.group([], { GroupName: '12A' });
		const second = await fx.session.group([], { GroupName: '12A' });
		const { items, error } = await sync('addMembers', [{ class: '12A', memberIds: [a] }], true);
		expect(error).toBeUndefined();
		expect(items[0].json.error).toContain(`2 groups are named "12A" (${first}, ${second})`);
		expect(items[0].json.description).toContain('Create Another Group');
		expect(fx.session.app.groups.get(first)?.memberIds).toEqual([]);
	});

	it("keeps LCIC's behaviour by default: another group of the same name", async () => {
		const groupId = await fx.session.group([], { GroupName: '13A' });
		const { items, error } = await sync('create', [{ class: '13A' }]);
		expect(error).toBeUndefined();
		expect(items[0].json.GroupId).not.toBe(groupId);
		expect(groupsNamed('13A')).toHaveLength(2);
	});
});
