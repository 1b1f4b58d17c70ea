import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationSpec } from '../catalog/types';
import { listRecords, toOutputItems } from '../params';
import { lcicApiRequest, lcicApiRequestAllItems } from '../transport';
import { mergeResponses, splitByChunks } from './chunks';
import { asNodeError, successItems } from './itemResult';
import { onDuplicate } from './duplicates';

// One input item, one operation: a list walked page by page, or one call (several when an
// array is over the API's per-call limit).

export async function runSingle(
	this: IExecuteFunctions,
	op: OperationSpec,
	body: IDataObject,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const options = { readOnly: op.readOnly, rateLimit: op.rateLimit, itemIndex };

	if (op.paging) {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const records = await lcicApiRequestAllItems.call(this, op.action, body, op.paging, {
			...options,
			limit,
		});
		return successItems(listRecords(op, records), itemIndex);
	}

	const responses: IDataObject[] = [];
	for (const part of splitByChunks(body, op.chunks)) {
		try {
			responses.push(await lcicApiRequest.call(this, op.action, part, options));
		} catch (error) {
			const recovered = await onDuplicate.call(this, op, part, error as Error, itemIndex);
			if (!recovered) throw asNodeError(this.getNode(), error, itemIndex);
			responses.push(recovered);
		}
	}
	return successItems(toOutputItems(op, mergeResponses(responses)), itemIndex);
}
