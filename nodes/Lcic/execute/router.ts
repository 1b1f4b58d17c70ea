import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchPlan, ItemOutput, OperationRun } from '../catalog/hooks';
import type { OperationSpec } from '../catalog/types';
import { buildRequestBody, withIsoTimes } from '../params';
import { asNodeError, getDefaultSdkAppId } from '../transport';
import { runBatch, type PreparedItem } from './batch';
import { createItemRun, createOperationRun } from './context';
import { failItem } from './itemResult';
import { concurrencyOf, orderKeyOf } from './parallel';
import { runInOrder } from './pool';
import { withItemsOutcome } from './stopped';

// Items in, items out, for any operation of the catalog: every item's body is built and
// checked first, then the items go out as batch calls or item by item, through the operation's
// hooks where it has them (catalog/hooks.ts). Nothing here knows an LCIC action.
//
// Items run up to the action's rate at a time (parallel.ts), outputs in input order. Without
// continue-on-fail the first failure stops the node: nothing new is sent, the items in flight
// finish, and the error says which items went through and which were not sent (stopped.ts).

export async function executeOperation(
	this: IExecuteFunctions,
	op: OperationSpec,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const defaultSdkAppId = await getDefaultSdkAppId.call(this);

	// Every item is checked before anything is sent: an invalid item stops the node (or becomes
	// an error item) without a half-done batch behind it.
	const results = new Map<number, INodeExecutionData[]>();
	const prepared: PreparedItem[] = [];
	const invalid: Array<{ index: number; error: Error }> = [];
	for (let index = 0; index < items.length; index++) {
		try {
			prepared.push({ index, body: buildRequestBody.call(this, index, op, defaultSdkAppId) });
		} catch (error) {
			invalid.push({ index, error: error as Error });
		}
	}
	for (const { index, error } of invalid) results.set(index, [failItem.call(this, error, index)]);

	const run = createOperationRun(this, op);
	const hooks = op.hooks ?? {};
	const batch = op.batch && prepared.length > 1 && (hooks.useBatch?.(run) ?? true);

	if (batch) {
		for (const [index, output] of await runBatched.call(this, run, prepared))
			results.set(index, output);
	} else {
		for (const [index, output] of await runOneByOne.call(this, run, prepared))
			results.set(index, output);
	}

	const ordered: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) ordered.push(...(results.get(index) ?? []));
	return ordered;
}

/**
 * One item's output as n8n items: records paired to it, an Error as an error item (or thrown).
 * Records that hooks made (`fromHooks`: Get Join Links' links) get the ISO texts of their
 * `output.times` here, as the plain path's get them from params/output.ts; a record a hook took
 * from the plain path has them already and gets the same texts again.
 */
function toItems(
	this: IExecuteFunctions,
	run: OperationRun,
	index: number,
	output: ItemOutput,
	fromHooks: boolean,
	body: IDataObject,
): INodeExecutionData[] {
	const times = fromHooks ? run.op.output.times : undefined;
	const timeZone = this.getTimezone();
	const shape = run.op.hooks?.output;
	return output.map((record) =>
		record instanceof Error
			? failItem.call(this, asNodeError(run.node, record, index), index)
			: {
					json: withIsoTimes(shape ? shape(record, body) : record, times, timeZone),
					pairedItem: { item: index },
				},
	);
}

/** Items one by one (several at a time), each through its hooks or the plain path. */
async function runOneByOne(
	this: IExecuteFunctions,
	run: OperationRun,
	prepared: PreparedItem[],
): Promise<Map<number, INodeExecutionData[]>> {
	const hooks = run.op.hooks ?? {};
	const outcome = await runInOrder(
		prepared.length,
		async (position) => {
			const { index, body } = prepared[position];
			const item = createItemRun(this, run, index, body);
			try {
				const output = hooks.runItem ? await hooks.runItem(item) : await item.runPlain();
				return toItems.call(this, run, index, output, hooks.runItem !== undefined, body);
			} catch (error) {
				return [failItem.call(this, asNodeError(run.node, error, index), index)];
			}
		},
		{
			concurrency: concurrencyOf(run.op),
			keyOf: (position) => orderKeyOf(run, prepared[position].body),
		},
	);
	const [failure] = outcome.failures;
	if (failure) {
		const indexOf = (position: number) => prepared[position].index;
		throw withItemsOutcome(failure.error as Error, {
			done: prepared.flatMap((item, position) => (outcome.done[position] ? [item.index] : [])),
			failed: outcome.failures.map(({ index }) => indexOf(index)),
			notSent: outcome.notStarted.map(indexOf),
			// What writes made (a read can simply run again, and its lists can be long).
			outputs: run.op.readOnly
				? undefined
				: new Map(
						prepared.flatMap((item, position) =>
							outcome.done[position]
								? [[item.index, (outcome.results[position] ?? []).map((output) => output.json)]]
								: [],
						),
					),
		});
	}
	const results = new Map<number, INodeExecutionData[]>();
	prepared.forEach(({ index }, position) => results.set(index, outcome.results[position]!));
	return results;
}

/**
 * Items in batch calls. The operation's hooks may first answer some items or set them aside
 * (prepareBatch), so that each item gets the outcome it would have had on its own; those set
 * aside run one by one after the batch.
 */
async function runBatched(
	this: IExecuteFunctions,
	run: OperationRun,
	prepared: PreparedItem[],
): Promise<Map<number, INodeExecutionData[]>> {
	const results = new Map<number, INodeExecutionData[]>();
	let plan: BatchPlan = {};
	if (run.op.hooks?.prepareBatch) {
		const itemRuns = prepared.map(({ index, body }) => createItemRun(this, run, index, body));
		try {
			plan = await run.op.hooks.prepareBatch(run, itemRuns);
		} catch (error) {
			// Nothing was sent yet: every item fails alike (or the node stops on the first).
			for (const { index } of prepared)
				results.set(index, [failItem.call(this, asNodeError(run.node, error, index), index)]);
			return results;
		}
	}
	const bodies = new Map(prepared.map(({ index, body }) => [index, body]));
	for (const [index, output] of plan.answered ?? [])
		results.set(index, toItems.call(this, run, index, output, true, bodies.get(index) ?? {}));
	const alone = new Set(plan.alone ?? []);
	const batched = prepared.filter(({ index }) => !results.has(index) && !alone.has(index));
	const single = prepared.filter(({ index }) => alone.has(index) && !results.has(index));
	const parts =
		batched.length > 1
			? await runBatch.call(this, run.op, batched)
			: await runOneByOne.call(this, run, batched);
	for (const [index, output] of parts) results.set(index, output);
	for (const [index, output] of await runOneByOne.call(this, run, single))
		results.set(index, output);
	return results;
}
