// "From List" pickers (rooms, groups, courseware, users), called the way the editor calls them:
// through n8n-core's LoadOptionsContext, with the credential's SdkAppId and the workflow's time
// zone, and the token each answer returns for the next call.
import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodeListSearchResult, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import {
	searchDocuments,
	searchGroups,
	searchRooms,
	searchUsers,
} from '../../nodes/Lcic/methods/listSearch';
import {
	callsOf,
	createAdditionalData,
	createNodeTypes,
	emulatorCredentials,
	LCIC_NODE_TYPE,
	LCIC_TRIGGER_NODE_TYPE,
	lcicNode,
	TestCredentialsHelper,
	useEmulator,
} from '../harness';

type Search = (
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) => Promise<INodeListSearchResult>;

// China Standard Time is UTC+8 all year; the tests run with TZ=Asia/Kolkata (jest.config.js).
const TIME_ZONE = 'Asia/Shanghai';
const DAY = 24 * 3600;

describe('list searches ("From List")', () => {
	const fx = useEmulator('each');

	function search(
		method: Search,
		filter?: string,
		token?: string,
		parameters: INodeParameters = {},
		type = LCIC_NODE_TYPE,
		typeVersion = 2,
	): Promise<INodeListSearchResult> {
		const node = lcicNode({ resource: 'room', operation: 'get', ...parameters }, undefined, {
			type,
			typeVersion: type === LCIC_NODE_TYPE ? typeVersion : 1,
		});
		const settings = { timezone: TIME_ZONE };
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			nodeTypes: createNodeTypes(),
			active: false,
			settings,
		});
		const workflowData = {
			id: 'w',
			name: 'w',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes: [node],
			connections: {},
			settings,
			createdAt: new Date(),
			updatedAt: new Date(),
		};
		const additionalData = createAdditionalData({
			credentialsHelper: new TestCredentialsHelper(emulatorCredentials(fx.emulator)),
			workflowData,
			mode: 'internal',
			executionId: 'list-search',
			currentNodeParameters: node.parameters,
		});
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.roomId');
		return method.call(context, filter, token);
	}

	/** Every entry of a search, following its tokens; and how many calls that took. */
	async function searchAll(method: Search, filter?: string) {
		const names: string[] = [];
		let calls = 0;
		let token: string | undefined;
		do {
			const answer = await search(method, filter, token);
			calls++;
			names.push(...answer.results.map((result) => result.name.replace(/ \([^)]*\)$/, '')));
			token = answer.paginationToken as string | undefined;
		} while (token !== undefined && calls < 50);
		return { names, calls };
	}

	/** `count` users, 1000 per BatchRegister call (User > Create Many). */
	async function registerUsers(
		count: number,
		name: (i: number) => string,
		originPrefix = 'origin',
	): Promise<void> {
		for (let start = 0; start < count; start += 1000) {
			const size = Math.min(1000, count - start);
			await fx.session.ok('BatchRegister', {
				Users: Array.from({ length: size }, (_, i) => ({
					Name: name(start + i),
					OriginId: `${originPrefix}-${start + i}`,
				})),
			});
		}
	}

	it('labels rooms with their start time in the workflow time zone and finds them by name or ID', async () => {
		// 09:00 in Shanghai (UTC+8), two days from now: inside the picker's window.
		const shanghaiDay = Math.floor((fx.emulator.clock.now() + 8 * 3600) / DAY) + 2;
		const start = shanghaiDay * DAY + (9 - 8) * 3600;
		const date = new Date(shanghaiDay * DAY * 1000).toISOString().slice(0, 10);
		const algebra = await fx.session.room({
			Name: 'Algebra 7A',
			StartTime: start,
			EndTime: start + 3600,
		});
		await fx.session.room({ Name: 'Biology 8B', StartTime: start, EndTime: start + 3600 });
		const byName = await search(searchRooms, 'algebra');
		expect(byName.results).toEqual([
			{ name: `Algebra 7A, ${date} 09:00 (${algebra})`, value: String(algebra) },
		]);
		const byId = await search(searchRooms, String(algebra));
		expect(byId.results.map((r) => r.value)).toEqual([String(algebra)]);
	});

	it('finds the rooms a filter matches beyond the first page of 100 (the editor showed "No results")', async () => {
		// The reference's GetRooms takes "Page" and "Limit"; Tencent's model (lcic_models.d.ts,
		// GetRoomsRequest.Limit): "默认10条，最大上限为100条" (default 10, at most 100). The
		// emulator lists rooms by start time: the 6 Algebra rooms come after 244 others, all on
		// page 3 of 100.
		const now = fx.emulator.clock.now();
		const room = (name: string, index: number) => ({
			Name: name,
			StartTime: now + DAY + index * 600,
			EndTime: now + DAY + index * 600 + 2700,
			Resolution: 1,
			MaxMicNumber: 1,
			SubType: 'videodoc',
		});
		const created = await fx.session.ok('BatchCreateRoom', {
			RoomInfos: [
				...Array.from({ length: 244 }, (_, i) => room(`Physics ${i}`, i)),
				...Array.from({ length: 6 }, (_, i) => room(`Algebra ${i}`, 244 + i)),
			],
		});
		expect(created).toHaveLength(250);
		fx.emulator.resetCalls();
		const { results, paginationToken } = await search(searchRooms, 'algebra');
		expect(results.map((r) => r.name.split(',')[0])).toEqual(
			Array.from({ length: 6 }, (_, i) => `Algebra ${i}`),
		);
		expect(paginationToken).toBeUndefined();
		expect(callsOf(fx.emulator, 'GetRooms').map((call) => call.params)).toEqual(
			[1, 2, 3].map((Page) => expect.objectContaining({ Page, Limit: 100 })),
		);
	});

	it('finds a room by its ID even outside the half year the list covers', async () => {
		const now = fx.emulator.clock.now();
		const far = await fx.session.room({
			Name: 'Next year',
			StartTime: now + 300 * DAY,
			EndTime: now + 300 * DAY + 3600,
		});
		expect((await search(searchRooms, 'next year')).results).toEqual([]);
		const { results } = await search(searchRooms, String(far));
		expect(results.map((r) => r.value)).toEqual([String(far)]);
	});

	// "page sizes differ per list action (GetRoomEvent 100 or 200, DescribeSdkAppIdUsers 1000,
	// ...)" (Tencent's pages, /work/shared/GUIDE.md "Facts that decide the design"): a filtered
	// user search reads pages of 1,000, the largest the action takes.
	const USER_PAGE = 1000;

	it('reads on past the first page until it has a page of matches, then hands over a token', async () => {
		// The 2,050 students come after 2,950 teachers: none of them is on the first two pages,
		// page 3 holds only 50 (fewer than the 100 an answer wants) and page 4 1,000 more.
		await registerUsers(2950, (i) => `Teacher ${i}`, 'teacher');
		await registerUsers(2050, (i) => `Student ${i}`, 'student');
		fx.emulator.resetCalls();
		const first = await search(searchUsers, 'student');
		expect(callsOf(fx.emulator, 'DescribeSdkAppIdUsers').map((call) => call.params)).toEqual(
			[1, 2, 3, 4].map((Page) => expect.objectContaining({ Page, Limit: USER_PAGE })),
		);
		// The answer is full after page 4: its 50 and 1,000 matches, none left behind.
		expect(first.results).toHaveLength(1050);
		expect(first.results[0].name).toMatch(/^Student 0, Origin ID student-0 \(/);
		expect(first.paginationToken).toBe('5');
		const rest = await search(searchUsers, 'student', first.paginationToken as string);
		expect(rest.results).toHaveLength(1000);
		expect(rest.paginationToken).toBeUndefined();
		const names = [...first.results, ...rest.results].map((r) => r.name.split(',')[0]);
		expect(new Set(names).size).toBe(2050);
		expect(names.every((name) => name.startsWith('Student '))).toBe(true);
	});

	it('reads at most 20 pages per call: a rare match far down the list is found over a few calls', async () => {
		// 20 pages of 1,000: the 24,501st user is on page 25, beyond what one call reads.
		await registerUsers(24_500, (i) => `Student ${i}`);
		await registerUsers(1, () => 'Zoe Quill', 'quill');
		fx.emulator.resetCalls();
		const first = await search(searchUsers, 'quill');
		expect(first.results).toEqual([]);
		expect(callsOf(fx.emulator, 'DescribeSdkAppIdUsers').map((call) => call.params)).toEqual(
			Array.from({ length: 20 }, (_, i) =>
				expect.objectContaining({ Page: i + 1, Limit: USER_PAGE }),
			),
		);
		expect(first.paginationToken).toBe('21');
		const { names, calls } = await searchAll(searchUsers, 'quill');
		expect(names).toEqual(['Zoe Quill, Origin ID quill-0']);
		expect(calls).toBe(2);
		// Her Origin ID typed whole finds her at once (DescribeUser), first.
		const direct = await search(searchUsers, 'quill-0');
		expect(direct.results[0].name).toMatch(/^Zoe Quill, Origin ID quill-0 \(/);
	});

	it('finds a user directly by Origin ID or UserId, first in the list', async () => {
		await registerUsers(300, (i) => `Student ${i}`);
		const userId = await fx.session.user({ Name: 'Ada Lovelace', OriginId: 'S1001' });
		const byOrigin = await search(searchUsers, 'S1001');
		expect(byOrigin.results[0]).toEqual({
			name: `Ada Lovelace, Origin ID S1001 (${userId})`,
			value: userId,
		});
		expect(byOrigin.results.filter((r) => r.value === userId)).toHaveLength(1);
		expect((await search(searchUsers, userId)).results[0].value).toBe(userId);
		expect((await search(searchUsers, 'lovelace')).results.map((r) => r.value)).toEqual([userId]);
	});

	it('pages through groups with a next-page token when no filter is typed', async () => {
		// One BatchCreateGroupWithMembers call (Group > Create Many) rather than 150 paced calls.
		await fx.session.ok('BatchCreateGroupWithMembers', {
			GroupBaseInfos: Array.from({ length: 150 }, (_, i) => ({ GroupName: `Group ${i}` })),
		});
		const first = await search(searchGroups);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await search(searchGroups, undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(50);
		expect(second.paginationToken).toBeUndefined();
		// A filter reads the whole list (groups come 1000 a page when filtered): matches beyond
		// the first 100 are found too.
		const filtered = await search(searchGroups, 'group 14');
		expect(filtered.results.map((r) => r.name.split(' (')[0])).toEqual([
			'Group 14',
			...Array.from({ length: 10 }, (_, i) => `Group 14${i}`),
		]);
		const groupId = String(filtered.results[0].value);
		// A group ID typed whole is looked up directly and shown first, once.
		const byId = (await search(searchGroups, groupId)).results.map((r) => r.value);
		expect(byId[0]).toBe(groupId);
		expect(byId.filter((value) => value === groupId)).toHaveLength(1);
	});

	it('lets LCIC filter courseware by name and links each document', async () => {
		const documentId = await fx.session.document({
			DocumentName: 'Fractions worksheet',
			DocumentUrl: 'https://example.com/fractions.pdf',
		});
		await fx.session.document({ DocumentName: 'Cells' });
		const { results } = await search(searchDocuments, 'Fractions');
		expect(results).toEqual([
			{
				name: `Fractions worksheet (${documentId})`,
				value: documentId,
				url: 'https://example.com/fractions.pdf',
			},
		]);
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ Keyword: 'Fractions' });
	});

	it("lists the application the node names in SdkAppId, else the credential's", async () => {
		const userGetMany = { resource: 'user', operation: 'getMany' };
		await search(searchUsers);
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: fx.session.sdkAppId });
		// Another application of the account: the emulator does not know it, but the request
		// names it (what the node's operations would use too). Node version 2 keeps it under
		// Options, version 1 as a top-level field.
		await search(searchUsers, undefined, undefined, {
			...userGetMany,
			options: { sdkAppId: 1400000999 },
		}).catch(() => []);
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: 1400000999 });
		await search(
			searchUsers,
			undefined,
			undefined,
			{ ...userGetMany, sdkAppId: 1400000997 },
			LCIC_NODE_TYPE,
			1,
		).catch(() => []);
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: 1400000997 });
		// The trigger keeps it under Options; an expression cannot be resolved while picking.
		await search(
			searchUsers,
			undefined,
			undefined,
			{ options: { sdkAppId: 1400000998 } },
			LCIC_TRIGGER_NODE_TYPE,
		).catch(() => []);
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: 1400000998 });
		await search(searchUsers, undefined, undefined, {
			...userGetMany,
			options: { sdkAppId: '={{ $json.app }}' },
		});
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: fx.session.sdkAppId });
	});
});
