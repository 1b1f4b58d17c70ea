// What the editor shows, per node version, read with n8n's own NodeHelpers (the parameters n8n
// shows and keeps for a node), and how each layout runs through n8n-core against the emulator:
// - version 2 (new nodes): the fields that say what an operation is about on top (User > Create:
//   Name and Origin ID; Room > Get Many: its time window), "Find User By: ID / Origin ID",
//   Additional Fields by use (Teacher first), SdkAppId under Options, Room the first resource;
// - version 1 (saved workflows): unchanged, SdkAppId at the top level and every optional field
//   under Additional Fields, and it still runs the same.
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { OPERATIONS } from '../../nodes/Lcic/catalog';
import { Lcic } from '../../nodes/Lcic/Lcic.node';
import { changesExisting } from '../../nodes/Lcic/params/emptyValues';
import { callsOf, lcicNode, parametersFor, runWorkflow, useEmulator } from '../harness';

const description: INodeTypeDescription = new Lcic().description;

/** The parameters n8n keeps for a node of `version` with `values` (its defaults filled in). */
function shown(version: number, values: INodeParameters): INodeParameters {
	const node: INode = lcicNode(values, 'LCIC', { typeVersion: version });
	return (
		NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ??
		{}
	);
}

/** The options of the collection `name` shown for `values` in `version`. */
function collectionOptions(version: number, values: INodeParameters, name: string): string[] {
	const node: INode = lcicNode(values, 'LCIC', { typeVersion: version });
	const property = description.properties.find(
		(candidate) =>
			candidate.name === name && NodeHelpers.displayParameter(values, candidate, node, description),
	);
	return ((property?.options ?? []) as INodeProperties[]).map((option) => option.displayName);
}

describe('what the editor shows (n8n NodeHelpers)', () => {
	it('is version 2 for new nodes; Room is the first resource', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
		const resource = description.properties.find((p) => p.name === 'resource')!;
		expect((resource.options as Array<{ value: string }>)[0].value).toBe('room');
		expect(resource.default).toBe('room');
	});

	it('User > Create: Name and Origin ID on top in version 2, under Additional Fields in version 1', () => {
		const values = { resource: 'user', operation: 'create' };
		expect(shown(2, values)).toMatchObject({ name: '', originId: '' });
		expect(collectionOptions(2, values, 'additionalFields')).toEqual(['Avatar URL']);
		expect(shown(1, values)).not.toHaveProperty('name');
		expect(collectionOptions(1, values, 'additionalFields')).toEqual([
			'Avatar URL',
			'Name',
			'Origin ID',
		]);
	});

	it('User > Get: "Find User By" ID or Origin ID, each showing its own field', () => {
		const values = { resource: 'user', operation: 'get' };
		const byId = shown(2, values);
		expect(byId.findBy).toBe('UserId');
		expect(byId).toHaveProperty('userId');
		expect(byId).not.toHaveProperty('originId');
		const byOrigin = shown(2, { ...values, findBy: 'OriginId' });
		expect(byOrigin).toHaveProperty('originId');
		expect(byOrigin).not.toHaveProperty('userId');
		expect(shown(1, values)).not.toHaveProperty('findBy');
	});

	it('Room > Get Many: the time window on top, next to Return All', () => {
		const top = Object.keys(shown(2, { resource: 'room', operation: 'getMany' }));
		expect(top).toEqual(
			expect.arrayContaining(['startTime', 'endTime', 'returnAll', 'limit', 'options']),
		);
		expect(top.indexOf('startTime')).toBeLessThan(top.indexOf('returnAll'));
	});

	it('Room > Create: Additional Fields by use, Teacher first (version 1: alphabetical, Teacher 26th)', () => {
		const values = { resource: 'room', operation: 'create' };
		const v2 = collectionOptions(2, values, 'additionalFields');
		expect(v2.slice(0, 4)).toEqual(['Teacher', 'Assistant IDs', 'Group', 'Room Type']);
		expect(v2.at(-1)).toBe('RTC Audience Number');
		const v1 = collectionOptions(1, values, 'additionalFields');
		expect(v1).toEqual([...v1].sort((a, b) => a.localeCompare(b)));
		expect(new Set(v1)).toEqual(new Set(v2));
		expect(v1.indexOf('Teacher')).toBeGreaterThan(20);
	});

	it('puts optional fields on top only where leaving them empty changes nothing', () => {
		const onTop = OPERATIONS.filter((op) => op.fields.some((f) => f.top && !f.required));
		expect(onTop.filter((op) => changesExisting(op)).map((op) => op.action)).toEqual([]);
	});

	it('SdkAppId: under Options in version 2 (not a field showing 0), top-level in version 1', () => {
		const values = { resource: 'room', operation: 'create' };
		expect(shown(2, values)).not.toHaveProperty('sdkAppId');
		expect(collectionOptions(2, values, 'options')).toContain('SdkAppId');
		expect(shown(1, values)).toMatchObject({ sdkAppId: 0 });
		expect(collectionOptions(1, values, 'options')).toEqual([]);
	});
});

describe('each layout runs (n8n-core, emulator)', () => {
	const fx = useEmulator();

	it('version 2: User > Create with Name and Origin ID on top, found again by Origin ID', async () => {
		const created = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('RegisterUser', { Name: 'Ada', OriginId: 'v2-ada' }),
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({ UserId: expect.any(String) });
		expect(callsOf(fx.emulator, 'RegisterUser').at(-1)?.params).toMatchObject({
			Name: 'Ada',
			OriginId: 'v2-ada',
		});
		// Left empty, a field on top is not sent (LCIC then uses the UserId as Origin ID).
		await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: { resource: 'user', operation: 'create', name: 'No Number', originId: '' },
		});
		expect(callsOf(fx.emulator, 'RegisterUser').at(-1)?.params).toEqual({
			SdkAppId: fx.session.sdkAppId,
			Name: 'No Number',
		});
		const found = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: {
				resource: 'user',
				operation: 'get',
				findBy: 'OriginId',
				originId: 'v2-ada',
			},
		});
		expect(found.items[0].json).toMatchObject({ Name: 'Ada', OriginId: 'v2-ada' });
		expect(callsOf(fx.emulator, 'DescribeUser').at(-1)?.params).toEqual({ OriginId: 'v2-ada' });
	});

	it('version 2: Options > SdkAppId is the application the call names', async () => {
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: {
				resource: 'user',
				operation: 'getMany',
				options: { sdkAppId: 1400000999 },
			},
		});
		// The emulator knows no such application of this account: the reference's code.
		expect(error?.message).toMatch(/^InvalidParameter\.SdkAppId/);
		expect(callsOf(fx.emulator, 'DescribeSdkAppIdUsers').at(-1)?.params).toMatchObject({
			SdkAppId: 1400000999,
		});
	});

	it('version 1 (a saved workflow): top-level SdkAppId and Additional Fields still read', async () => {
		// As a workflow saved before version 2 stores the node: typeVersion 1, SdkAppId on top,
		// Name and Origin ID under Additional Fields.
		const saved = {
			resource: 'user',
			operation: 'create',
			sdkAppId: fx.session.sdkAppId,
			additionalFields: { name: 'Grace', originId: 'v1-grace' },
		};
		const { error, items } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: saved,
			typeVersion: 1,
			credentials: { sdkAppId: 0 },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.UserId).toEqual(expect.any(String));
		// The SdkAppId came from the node (the credential has none), the rest as before.
		expect(callsOf(fx.emulator, 'RegisterUser').at(-1)?.params).toEqual({
			SdkAppId: fx.session.sdkAppId,
			Name: 'Grace',
			OriginId: 'v1-grace',
		});
		// And a version 1 User > Get by Origin ID under Additional Fields.
		const found = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('DescribeUser', { OriginId: 'v1-grace' }, { version: 1 }),
			typeVersion: 1,
		});
		expect(found.items[0].json).toMatchObject({ Name: 'Grace' });
	});
});
