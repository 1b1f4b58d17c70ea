import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationSpec } from '../catalog/types';
import { buildRequestBody } from '../params';
import { getDefaultSdkAppId } from '../transport';
import { runBatch, type PreparedItem } from './batch';
import { existingGroupMode, GroupsByName } from './groupByName';
import { failItem } from './itemResult';
import { mapInOrder } from './pool';
import { runSingle } from './single';

// Reads run a few items at a time (the rate limiter paces them); writes run one at a time so
// that, without continue-on-fail, nothing after the first failing item has been sent.
const READ_CONCURRENCY = 4;

function useBatch(this: IExecuteFunctions, op: OperationSpec, count: number): boolean {
	if (!op.batch || count < 2) return false;
	// BatchRegister overwrites an existing Origin ID; a user who asked for duplicates to fail
	// gets one RegisterUser per item so that they do.
	if (op.action === 'RegisterUser') {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		return options.returnExistingOnDuplicate !== false;
	}
	return true;
}

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

	const groupMode = existingGroupMode.call(this, op);
	const groupsByName = groupMode === 'create' ? undefined : new GroupsByName(this, op, groupMode);
	const runOne = async (body: IDataObject, index: number): Promise<INodeExecutionData[]> =>
		groupsByName
			? await groupsByName.run(body, index)
			: await runSingle.call(this, op, body, index);

	if (useBatch.call(this, op, prepared.length)) {
		for (const [index, output] of await runBatch.call(this, op, prepared))
			results.set(index, output);
	} else {
		const outputs = await mapInOrder(
			prepared.length,
			op.readOnly ? READ_CONCURRENCY : 1,
			async (position) => {
				const { index, body } = prepared[position];
				try {
					return await runOne(body, index);
				} catch (error) {
					return [failItem.call(this, error as Error, index)];
				}
			},
		);
		prepared.forEach(({ index }, position) => results.set(index, outputs[position]));
	}

	const ordered: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) ordered.push(...(results.get(index) ?? []));
	return ordered;
}
