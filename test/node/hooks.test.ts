// The engine's side of an operation's hooks (nodes/Lcic/catalog/hooks.ts), with made-up
// operations so that the contract is tested on its own: what a hook may call, what it is told
// about split calls, what its outputs become. The real hooks (RegisterUser's duplicates, Group
// > Create by name) are tested through n8n-core in roster.test.ts and groupByName.test.ts.
import type { IDataObject } from 'n8n-workflow';

import { findByAction } from '../../nodes/Lcic/catalog';
import type { ItemRun, OperationSpec } from '../../nodes/Lcic/catalog';
import { resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { fail, ok, type Responder } from '../transport/fakeContext';
import { executeFake, operation, SDK_APP_ID } from './fakeExecution';

beforeAll(() => setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 5 }));
beforeEach(() => resetRateLimiter());

/** Runs `op` over one item per entry of `itemOptions` (each item's Options collection). */
async function execute(
	op: OperationSpec,
	respond: Responder,
	itemOptions: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await executeFake(
		op,
		respond,
		itemOptions.map((options) => ({ options })),
		continueOnFail,
	);
}

describe('operation hooks', () => {
	it('share what `once` made across the items of one execution', async () => {
		const op = operation({
			async runItem(item) {
				const groups = await item.run.once('groups', () =>
					item.list('DescribeGroupList', { SdkAppId: item.body.SdkAppId }),
				);
				return [{ groups: groups.length, mode: item.options.mode }];
			},
		});
		const run = await execute(op, () => ok({ GroupInfos: [{ GroupId: 'g1' }], Total: 1 }), [
			{ mode: 'a' },
			{ mode: 'b' },
			{ mode: 'c' },
		]);
		expect(run.calls.map((call) => call.action)).toEqual(['DescribeGroupList']);
		expect(run.json).toEqual([
			{ groups: 1, mode: 'a', pairedTo: 0 },
			{ groups: 1, mode: 'b', pairedTo: 1 },
			{ groups: 1, mode: 'c', pairedTo: 2 },
		]);
	});

	it("split calls by the called action's chunk rules and report each call, stopping after a failure", async () => {
		// AddGroupMember: "MemberIds ... Array length limit: 200" (API reference, AddGroupMember).
		expect(findByAction('AddGroupMember').chunks).toEqual([{ param: 'MemberIds', size: 200 }]);
		const members = Array.from({ length: 450 }, (_, i) => `u${i}`);
		let seen: ItemRun | undefined;
		const op = operation({
			async runItem(item) {
				seen = item;
				const outcomes = await item.calls('AddGroupMember', {
					SdkAppId: SDK_APP_ID,
					GroupId: 'g1',
					MemberIds: members,
				});
				return [
					{
						outcomes: outcomes.map((outcome) => [
							outcome.status,
							(outcome.body.MemberIds as string[]).length,
						]),
					},
				];
			},
		});
		const run = await execute(op, (_action, _body, n) =>
			n === 2 ? fail('InternalError') : ok({}),
		);
		expect(seen?.index).toBe(0);
		// A write that failed with InternalError is not retried: two calls sent, the third not.
		expect(run.calls.map((call) => (call.body.MemberIds as string[]).length)).toEqual([200, 200]);
		expect(run.json[0].outcomes).toEqual([
			['done', 200],
			['failed', 200],
			['notSent', 50],
		]);
	});

	it("take read-only-ness from the called action's catalog entry", async () => {
		const op = operation({
			async runItem(item) {
				const read = await item.call('DescribeGroup', { GroupId: 'g1' });
				await item.call('ModifyGroup', { GroupId: 'g1', GroupName: 'x' });
				return [read];
			},
		});
		const run = await execute(
			op,
			(action, _body, n) => (n === 1 || action === 'ModifyGroup' ? fail('InternalError') : ok({})),
			[{}],
			true,
		);
		// DescribeGroup (read-only) was asked again after InternalError; ModifyGroup was not.
		expect(run.calls.map((call) => call.action)).toEqual([
			'DescribeGroup',
			'DescribeGroup',
			'ModifyGroup',
		]);
		expect(run.json).toEqual([expect.objectContaining({ code: 'InternalError', pairedTo: 0 })]);
	});

	it('turn returned records and errors into items paired to the input item', async () => {
		const op = operation({
			async runItem(item) {
				return [{ user: 'a' }, item.error('b failed', 'what to do about b'), { user: 'c' }];
			},
		});
		const run = await execute(op, () => ok({}), [{}, {}], true);
		expect(run.json).toEqual([
			{ user: 'a', pairedTo: 0 },
			{ error: 'b failed', description: 'what to do about b', pairedTo: 0 },
			{ user: 'c', pairedTo: 0 },
			{ user: 'a', pairedTo: 1 },
			{ error: 'b failed', description: 'what to do about b', pairedTo: 1 },
			{ user: 'c', pairedTo: 1 },
		]);
		// Without continue-on-fail the first error stops the node.
		await expect(execute(op, () => ok({}), [{}, {}])).rejects.toThrow('b failed');
	});

	it('let `recover` answer for a failed plain call, and `useBatch` keep items apart', async () => {
		const batchOp = findByAction('RegisterUser');
		const op = operation(
			{
				useBatch: (run) => run.options.mode !== 'single',
				async recover(item, body, error) {
					return { recovered: body.Name ?? 'none', from: error.message, item: item.index };
				},
			},
			{ action: 'RegisterUser', batch: batchOp.batch },
		);
		const perItem = await execute(op, () => fail('FailedOperation.OriginIdExists', 'exists'), [
			{ mode: 'single' },
			{ mode: 'single' },
		]);
		expect(perItem.calls.map((call) => call.action)).toEqual(['RegisterUser', 'RegisterUser']);
		expect(perItem.json).toEqual([
			{
				recovered: 'none',
				from: 'FailedOperation.OriginIdExists: exists',
				item: 0,
				pairedTo: 0,
			},
			{
				recovered: 'none',
				from: 'FailedOperation.OriginIdExists: exists',
				item: 1,
				pairedTo: 1,
			},
		]);

		const batched = await execute(op, () => ok({ Users: [{ UserId: 'a' }, { UserId: 'b' }] }), [
			{},
			{},
		]);
		expect(batched.calls.map((call) => call.action)).toEqual(['BatchRegister']);
	});
});
