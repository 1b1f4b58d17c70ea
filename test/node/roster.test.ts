// A school roster sync, the way a workflow would run it: 1,000 students in, one LCIC user each
// (in one BatchRegister call), a group per class, members added in calls of at most 200.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { callsOf, parametersFor, runWorkflow, useEmulator } from '../harness';

const CLASS_SIZES: Record<string, number> = { '7A': 300, '7B': 250, '7C': 250, '7D': 200 };
const MAX_MEMBERS_PER_CALL = 200;

function roster(): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const [className, size] of Object.entries(CLASS_SIZES)) {
		for (let i = 0; i < size; i++) {
			const studentNo = `S${String(rows.length + 1).padStart(5, '0')}`;
			rows.push({ name: `Student ${studentNo}`, studentNo, class: className });
		}
	}
	return rows;
}

const registerParameters = (returnExistingOnDuplicate: boolean) =>
	parametersFor(
		'RegisterUser',
		{ Name: '={{ $json.name }}', OriginId: '={{ $json.studentNo }}' },
		{ node: { options: { returnExistingOnDuplicate } } },
	);

describe('roster sync: 1,000 students', () => {
	const fx = useEmulator();
	const students = roster();
	let registered: INodeExecutionData[] = [];
	const groupIds: Record<string, string> = {};

	it('registers every student with one BatchRegister call, outputs paired in order', async () => {
		expect(students).toHaveLength(1000);
		fx.emulator.resetCalls();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: registerParameters(true),
			inputItems: students,
		});

		expect(error).toBeUndefined();
		// One look at the application's users (none yet), then one BatchRegister for all 1,000.
		expect(callsOf(fx.emulator).map((call) => call.action)).toEqual([
			'DescribeSdkAppIdUsers',
			'BatchRegister',
		]);
		expect(items).toHaveLength(1000);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.error).toBeUndefined();
			expect(fx.session.app.usersByOrigin.get(String(students[index].studentNo))).toBe(
				item.json.UserId,
			);
		});
		expect(new Set(items.map((item) => item.json.UserId)).size).toBe(1000);
		registered = items;
	});

	it('returns the same UserIds when the roster runs again (returnExistingOnDuplicate)', async () => {
		const usersBefore = fx.session.app.users.size;
		fx.emulator.resetCalls();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: registerParameters(true),
			inputItems: students,
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.UserId)).toEqual(
			registered.map((item) => item.json.UserId),
		);
		expect(fx.session.app.users.size).toBe(usersBefore);
		// Every student existed, and says so, as one item at a time would (User > Create with one
		// item: RegisterUser, OriginIdExists, the existing user). Nothing was re-registered.
		expect(items.every((item) => item.json.AlreadyRegistered === true)).toBe(true);
		expect(callsOf(fx.emulator, 'BatchRegister')).toHaveLength(0);
		// The application's users were listed once, in pages of the largest size the action takes:
		// "page sizes differ per list action (GetRoomEvent 100 or 200, DescribeSdkAppIdUsers 1000,
		// ...)" (Tencent's pages, /work/shared/GUIDE.md). 1,000 students are one page, not ten.
		expect(callsOf(fx.emulator, 'DescribeSdkAppIdUsers').map((call) => call.params)).toEqual([
			expect.objectContaining({ Page: 1, Limit: 1000 }),
		]);
	});

	it('creates one group per class', async () => {
		const classes = Object.keys(CLASS_SIZES);
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('CreateGroupWithMembers', { GroupName: '={{ $json.class }}' }),
			inputItems: classes.map((className) => ({ class: className })),
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(classes.length);
		items.forEach((item, index) => {
			const groupId = String(item.json.GroupId);
			expect(fx.session.app.groups.get(groupId)?.GroupName).toBe(classes[index]);
			groupIds[classes[index]] = groupId;
		});
	});

	it('adds each class, split into calls of at most 200 members', async () => {
		// What an Aggregate node would hand over: one item per class with its students' UserIds.
		const byClass = Object.keys(CLASS_SIZES).map((className) => ({
			groupId: groupIds[className],
			memberIds: registered
				.filter((_item, index) => students[index].class === className)
				.map((item) => String(item.json.UserId)),
		}));
		fx.emulator.resetCalls();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('AddGroupMember', {
				GroupId: '={{ $json.groupId }}',
				MemberIds: '={{ $json.memberIds }}',
			}),
			inputItems: byClass,
		});

		expect(error).toBeUndefined();
		expect(items.every((item) => !item.json.error)).toBe(true);
		const calls = callsOf(fx.emulator, 'AddGroupMember');
		const expectedCalls = Object.values(CLASS_SIZES).reduce(
			(sum, size) => sum + Math.ceil(size / MAX_MEMBERS_PER_CALL),
			0,
		);
		expect(calls).toHaveLength(expectedCalls);
		for (const call of calls) {
			expect((call.params.MemberIds as string[]).length).toBeLessThanOrEqual(MAX_MEMBERS_PER_CALL);
		}
		for (const { groupId, memberIds } of byClass) {
			expect(fx.session.app.groups.get(groupId)?.memberIds).toEqual(memberIds);
		}
	});

	it('lists every member of a class with Return All', async () => {
		const members = await fx.session.ok(
			'DescribeGroupMemberList',
			{ GroupId: groupIds['7A'] },
			{ returnAll: true },
		);
		expect(members).toHaveLength(CLASS_SIZES['7A']);
		const expected = fx.session.app.groups.get(groupIds['7A'])?.memberIds ?? [];
		expect(
			new Set(members.map((member) => String(member.UserId ?? member.MemberId ?? member))),
		).toEqual(new Set(expected));
	});
});
