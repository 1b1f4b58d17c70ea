// "From List" pickers (rooms, groups, courseware, users), called the way the editor calls them:
// through n8n-core's LoadOptionsContext, with the credential's SdkAppId, one page per call.
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

describe('list searches ("From List")', () => {
	const fx = useEmulator();

	function search(
		method: Search,
		filter?: string,
		token?: string,
		parameters: INodeParameters = {},
		type = LCIC_NODE_TYPE,
	): Promise<INodeListSearchResult> {
		const node = lcicNode({ resource: 'room', operation: 'get', ...parameters }, undefined, {
			type,
		});
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			nodeTypes: createNodeTypes(),
			active: false,
		});
		const workflowData = {
			id: 'w',
			name: 'w',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes: [node],
			connections: {},
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

	it('finds rooms by name or ID within half a year of now', async () => {
		const algebra = await fx.session.room({ Name: 'Algebra 7A' });
		await fx.session.room({ Name: 'Biology 8B' });
		const byName = await search(searchRooms, 'algebra');
		expect(byName.results).toEqual([{ name: `Algebra 7A (${algebra})`, value: String(algebra) }]);
		const byId = await search(searchRooms, String(algebra));
		expect(byId.results.map((r) => r.value)).toEqual([String(algebra)]);
	});

	it('pages through groups 100 at a time with a next-page token', async () => {
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
		const filtered = await search(searchGroups, 'group 14');
		expect(filtered.results.map((r) => r.name.split(' (')[0])).toEqual(['Group 14']);
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

	it('finds users by name or student number (Origin ID)', async () => {
		const userId = await fx.session.user({ Name: 'Ada Lovelace', OriginId: 'S1001' });
		expect((await search(searchUsers, 's1001')).results).toEqual([
			{ name: `Ada Lovelace (${userId})`, value: userId },
		]);
		expect((await search(searchUsers, 'lovelace')).results.map((r) => r.value)).toEqual([userId]);
	});

	it("lists the application the node names in SdkAppId, else the credential's", async () => {
		const userGetMany = { resource: 'user', operation: 'getMany' };
		await search(searchUsers);
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: fx.session.sdkAppId });
		// Another application of the account: the emulator does not know it, but the request
		// names it (what the node's operations would use too).
		await search(searchUsers, undefined, undefined, { ...userGetMany, sdkAppId: 1400000999 }).catch(
			() => [],
		);
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: 1400000999 });
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
			sdkAppId: '={{ $json.app }}',
		});
		expect(fx.emulator.calls.at(-1)?.params).toMatchObject({ SdkAppId: fx.session.sdkAppId });
	});
});
