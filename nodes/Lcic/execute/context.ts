import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findByAction, requestOptionsOf } from '../catalog';
import type { ItemRun, OperationRun } from '../catalog/hooks';
import type { OperationSpec } from '../catalog/types';
import { listRecords } from '../params';
import { lcicApiRequest, lcicApiRequestAllItems, siteOf } from '../transport';
import { sendCalls } from './calls';
import { settleOutcomes } from './progress';
import { runSingle } from './single';

// The engine's side of catalog/hooks.ts: what an operation's hooks may do, implemented over
// n8n's execute context and the transport. Every action a hook calls is looked up in the
// catalog, so its rate limit, read-only-ness, chunks and paging are the catalog's.

function optionsOf(context: IExecuteFunctions, op: OperationSpec, itemIndex: number): IDataObject {
	if (!op.options) return {};
	return (context.getNodeParameter('options', itemIndex, {}) as IDataObject | undefined) ?? {};
}

export function createOperationRun(context: IExecuteFunctions, op: OperationSpec): OperationRun {
	const shared = new Map<string, Promise<unknown>>();
	function once<T>(key: string, make: () => Promise<T>): Promise<T> {
		let value = shared.get(key) as Promise<T> | undefined;
		if (!value) {
			value = make();
			shared.set(key, value);
		}
		return value;
	}
	return {
		op,
		node: context.getNode(),
		options: optionsOf(context, op, 0),
		continueOnFail: context.continueOnFail(),
		site: () => once('site', () => siteOf.call(context)),
		once,
	};
}

export function createItemRun(
	context: IExecuteFunctions,
	run: OperationRun,
	index: number,
	body: IDataObject,
): ItemRun {
	const op = run.op;
	const item: ItemRun = {
		run,
		index,
		body,
		options: optionsOf(context, op, index),
		async call(action, callBody) {
			const spec = findByAction(action);
			return await lcicApiRequest.call(
				context,
				spec.action,
				callBody,
				requestOptionsOf(spec, index),
			);
		},
		async calls(action, callBody) {
			return await sendCalls.call(context, findByAction(action), callBody, index);
		},
		async list(action, callBody) {
			const spec = findByAction(action);
			if (!spec.paging) throw new Error(`${action} is not a list action`);
			const records = await lcicApiRequestAllItems.call(
				context,
				spec.action,
				callBody,
				spec.paging,
				requestOptionsOf(spec, index),
			);
			return listRecords(spec, records, context.getTimezone());
		},
		async runPlain(plainBody = body) {
			const recover = op.hooks?.recover;
			return await runSingle.call(
				context,
				op,
				plainBody,
				index,
				recover && ((part, error) => recover(item, part, error)),
			);
		},
		settle(outcomes, records) {
			return settleOutcomes(run.node, outcomes, records, index);
		},
		error(message, description) {
			return new NodeOperationError(run.node, message, {
				itemIndex: index,
				...(description ? { description } : {}),
			});
		},
	};
	return item;
}
