// Group > Create with a class of any size, in every "If a Group Has This Name" mode, through
// n8n-core against the emulator. LCIC takes at most 200 member IDs per call ("MemberIds ...
// Array length limit: 200", API reference, CreateGroupWithMembers and AddGroupMember), so the
// node creates the group with the first 200 and adds the rest in calls of 200, in order; a call
// that fails half-way leaves the group and the members added so far in the output.
import type { IDataObject } from 'n8n-workflow';

import { callsOf, useEmulator } from '../harness';
import { groupSync } from './groupSync';

const MEMBERS_PER_CALL = 200;
const CLASS_SIZE = 1000;

/** The MemberIds each call of `action` carried, in the order the emulator received them. */
const sentMembers = (calls: ReturnType<typeof callsOf>) =>
	calls.map((call) => call.params.MemberIds as string[]);

describe('Group > Create: a class of 1,000', () => {
	const fx = useEmulator('each');
	const { groupsNamed, sync } = groupSync(fx);

	it.each(['create', 'addMembers', 'setMembers'])(
		'"%s": creates the group with the first 200 and adds the rest in calls of 200, in order',
		async (mode) => {
			const students = await fx.session.manyUsers(CLASS_SIZE);
			const { items, error } = await sync(mode, [{ class: '10A', memberIds: students }]);

			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			const [group] = groupsNamed('10A');
			expect(group.memberIds).toEqual(students);
			expect(items[0].json).toMatchObject({ GroupId: group.GroupId, AddedMemberIds: students });
			expect(items[0].json.Partial).toBeUndefined();
			if (mode !== 'create')
				expect(items[0].json).toMatchObject({ AlreadyExisted: false, RemovedMemberIds: [] });
			expect(sentMembers(callsOf(fx.emulator, 'CreateGroupWithMembers'))).toEqual([
				students.slice(0, MEMBERS_PER_CALL),
			]);
			expect(sentMembers(callsOf(fx.emulator, 'AddGroupMember'))).toEqual(
				[200, 400, 600, 800].map((start) => students.slice(start, start + MEMBERS_PER_CALL)),
			);
		},
	);

	it('creates several large classes at once, each group with every one of its members', async () => {
		const students = await fx.session.manyUsers(1100);
		const classes = [
			{ class: '11A', memberIds: students.slice(0, 450) },
			{ class: '11B', memberIds: students.slice(450, 650) },
			{ class: '11C', memberIds: students.slice(650) },
		];
		const { items, error } = await sync('addMembers', classes);

		expect(error).toBeUndefined();
		expect(callsOf(fx.emulator, 'DescribeGroupList')).toHaveLength(1);
		classes.forEach(({ class: name, memberIds }, index) => {
			expect(groupsNamed(name).map((group) => group.memberIds)).toEqual([memberIds]);
			expect(items[index].json).toMatchObject({ GroupName: name, AddedMemberIds: memberIds });
			expect(items[index].pairedItem).toEqual({ item: index });
		});
		// 450 = 200 + 2 x 200 + 50; 200 = one create; 450 again.
		expect(callsOf(fx.emulator, 'AddGroupMember')).toHaveLength(2 + 0 + 2);
	});

	it('"setMembers" on an existing group: removes the leavers and adds 1,000 newcomers in calls of 200', async () => {
		const students = await fx.session.manyUsers(CLASS_SIZE + 100);
		const leavers = students.slice(0, 100);
		const stayers = students.slice(100, 300);
		const groupId = await fx.session.group([...leavers, ...stayers], { GroupName: '12A' });
		const wanted = students.slice(100);

		const { items, error } = await sync('setMembers', [{ class: '12A', memberIds: wanted }]);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			GroupId: groupId,
			AlreadyExisted: true,
			AddedMemberIds: students.slice(300),
			RemovedMemberIds: leavers,
		});
		expect(new Set(fx.session.app.groups.get(groupId)?.memberIds)).toEqual(new Set(wanted));
		expect(callsOf(fx.emulator, 'AddGroupMember')).toHaveLength(4);
		expect(callsOf(fx.emulator, 'CreateGroupWithMembers')).toHaveLength(0);
	});

	describe('a call that fails half-way', () => {
		/** The third AddGroupMember call fails: 200 created with the group + 2 x 200 added. */
		const failThirdAddition = () =>
			fx.emulator.faults.add({
				action: 'AddGroupMember',
				kind: 'error',
				code: 'InternalError',
				skip: 2,
			});

		it.each(['create', 'addMembers', 'setMembers'])(
			'"%s", continue on fail: the group and the 600 members added are output, the error names the 400 not added',
			async (mode) => {
				const students = await fx.session.manyUsers(CLASS_SIZE);
				failThirdAddition();
				const { items, error } = await sync(mode, [{ class: '13A', memberIds: students }], true);

				expect(error).toBeUndefined();
				const [group] = groupsNamed('13A');
				expect(group.memberIds).toEqual(students.slice(0, 600));
				expect(items).toHaveLength(2);
				expect(items[0].json).toMatchObject({
					GroupId: group.GroupId,
					AddedMemberIds: students.slice(0, 600),
					Partial: true,
				});
				expect(items[1].json.code).toBe('InternalError');
				const progress = items[1].json.progress as IDataObject;
				expect(progress.notDone).toEqual({
					AddGroupMember: { MemberIds: students.slice(600) },
				});
				expect((progress.calls as IDataObject[]).map((call) => [call.action, call.status])).toEqual(
					[
						['CreateGroupWithMembers', 'done'],
						['AddGroupMember', 'done'],
						['AddGroupMember', 'done'],
						['AddGroupMember', 'failed'],
						['AddGroupMember', 'notSent'],
					],
				);
				for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
			},
		);

		it('without continue on fail: the error that stops the node names the group and what was not added', async () => {
			const students = await fx.session.manyUsers(CLASS_SIZE);
			failThirdAddition();
			const { items, error } = await sync('create', [{ class: '14A', memberIds: students }]);

			expect(items).toHaveLength(0);
			const [group] = groupsNamed('14A');
			expect(group.memberIds).toEqual(students.slice(0, 600));
			expect(error?.message).toContain('InternalError');
			expect(error?.message).toContain('3 of 5 calls had gone through');
			expect(error?.message).toContain(
				`Not done: Member IDs (AddGroupMember): 400 (${students[600]}`,
			);
			expect(error?.description).toContain(group.GroupId);
			const progress = (error as unknown as { context: { progress: IDataObject } }).context
				.progress;
			expect(progress.notDone).toEqual({ AddGroupMember: { MemberIds: students.slice(600) } });
		});

		it('a re-run with "Add Missing Members" finishes the class in the same group', async () => {
			const students = await fx.session.manyUsers(CLASS_SIZE);
			failThirdAddition();
			await sync('addMembers', [{ class: '15A', memberIds: students }], true);

			const { items, error } = await sync('addMembers', [{ class: '15A', memberIds: students }]);

			expect(error).toBeUndefined();
			expect(groupsNamed('15A').map((group) => group.memberIds)).toEqual([students]);
			expect(items[0].json).toMatchObject({
				AlreadyExisted: true,
				AddedMemberIds: students.slice(600),
			});
			expect(callsOf(fx.emulator, 'CreateGroupWithMembers')).toHaveLength(0);
			expect(callsOf(fx.emulator, 'AddGroupMember')).toHaveLength(2);
		});

		describe('"setMembers" on an existing group', () => {
			/** 100 leave, 200 stay, 800 join: one DeleteGroupMember, then 4 AddGroupMember calls. */
			async function existingClass(name: string) {
				const students = await fx.session.manyUsers(CLASS_SIZE + 100);
				const leavers = students.slice(0, 100);
				const groupId = await fx.session.group(students.slice(0, 300), { GroupName: name });
				return { students, leavers, groupId, wanted: students.slice(100) };
			}

			it('continue on fail: the leavers removed and the members added so far are output, the error names the rest', async () => {
				const { students, leavers, groupId, wanted } = await existingClass('17A');
				failThirdAddition();
				const { items, error } = await sync(
					'setMembers',
					[{ class: '17A', memberIds: wanted }],
					true,
				);

				expect(error).toBeUndefined();
				// Removed 100, kept 200, added 2 x 200 of the 800 newcomers before the third call failed.
				expect(fx.session.app.groups.get(groupId)?.memberIds).toEqual(students.slice(100, 700));
				expect(items).toHaveLength(2);
				expect(items[0].json).toMatchObject({
					GroupId: groupId,
					AlreadyExisted: true,
					AddedMemberIds: students.slice(300, 700),
					RemovedMemberIds: leavers,
					Partial: true,
				});
				expect(items[1].json.code).toBe('InternalError');
				const progress = items[1].json.progress as IDataObject;
				expect(progress.notDone).toEqual({ AddGroupMember: { MemberIds: students.slice(700) } });
				expect((progress.calls as IDataObject[]).map((call) => [call.action, call.status])).toEqual(
					[
						['DeleteGroupMember', 'done'],
						['AddGroupMember', 'done'],
						['AddGroupMember', 'done'],
						['AddGroupMember', 'failed'],
						['AddGroupMember', 'notSent'],
					],
				);
			});

			it('a failed removal adds nobody and names everyone still to add', async () => {
				const { students, groupId, wanted } = await existingClass('18A');
				fx.emulator.faults.add({
					action: 'DeleteGroupMember',
					kind: 'error',
					code: 'InternalError',
				});
				const { items, error } = await sync(
					'setMembers',
					[{ class: '18A', memberIds: wanted }],
					true,
				);

				expect(error).toBeUndefined();
				expect(fx.session.app.groups.get(groupId)?.memberIds).toEqual(students.slice(0, 300));
				expect(callsOf(fx.emulator, 'AddGroupMember')).toHaveLength(0);
				// Nothing went through: one error item, no partial record.
				expect(items).toHaveLength(1);
				const failure = items[0].json;
				expect(failure.code).toBe('InternalError');
				expect((failure.progress as IDataObject).notDone).toMatchObject({
					AddGroupMember: { MemberIds: students.slice(300) },
				});
			});

			it('a re-run finishes the class', async () => {
				const { groupId, wanted } = await existingClass('19A');
				failThirdAddition();
				await sync('setMembers', [{ class: '19A', memberIds: wanted }], true);

				const { items, error } = await sync('setMembers', [{ class: '19A', memberIds: wanted }]);

				expect(error).toBeUndefined();
				expect(fx.session.app.groups.get(groupId)?.memberIds).toEqual(wanted);
				expect(items[0].json).toMatchObject({
					AddedMemberIds: wanted.slice(600),
					RemovedMemberIds: [],
				});
				expect(callsOf(fx.emulator, 'AddGroupMember')).toHaveLength(2);
				expect(callsOf(fx.emulator, 'DeleteGroupMember')).toHaveLength(0);
			});
		});

		it('a failed create sends nothing more and says so', async () => {
			const students = await fx.session.manyUsers(300);
			fx.emulator.faults.add({
				action: 'CreateGroupWithMembers',
				kind: 'error',
				code: 'InternalError',
			});
			const { items, error } = await sync('create', [{ class: '16A', memberIds: students }], true);

			expect(error).toBeUndefined();
			expect(groupsNamed('16A')).toHaveLength(0);
			expect(callsOf(fx.emulator, 'AddGroupMember')).toHaveLength(0);
			expect(items).toHaveLength(1);
			expect(items[0].json.code).toBe('InternalError');
		});
	});
});
