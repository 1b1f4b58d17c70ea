import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestOptionsOf } from '../catalog';
import { responsesOf } from '../catalog/hooks';
import type { OperationSpec } from '../catalog/types';
import { listRecords, toOutputItems } from '../params';
import { lcicApiRequestAllItems } from '../transport';
import { sendCalls, type Recover } from './calls';
import { mergeResponses } from './chunks';

// One input item, one operation, no hooks: a list walked page by page, or one call (several
// when an array is over the API's per-call limit). Returns the item's output records.

export async function runSingle(
	this: IExecuteFunctions,
	op: OperationSpec,
	body: IDataObject,
	itemIndex: number,
	recover?: Recover,
): Promise<IDataObject[]> {
	if (op.paging) {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const records = await lcicApiRequestAllItems.call(this, op.action, body, op.paging, {
			...requestOptionsOf(op, itemIndex),
			limit,
		});
		return listRecords(op, records, this.getTimezone());
	}
	const outcomes = await sendCalls.call(this, op, body, itemIndex, recover);
	return toOutputItems(op, mergeResponses(responsesOf(outcomes)), this.getTimezone());
}
