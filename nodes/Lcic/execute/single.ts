import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestOptionsOf } from '../catalog';
import type { ItemOutput } from '../catalog/hooks';
import type { OperationSpec } from '../catalog/types';
import { listRecords, readListLimit, toOutputItems } from '../params';
import { lcicApiRequestAllItems } from '../transport';
import { sendCalls, type Recover } from './calls';
import { doneResponse, settleOutcomes } from './progress';

// One input item, one operation, no hooks: a list walked page by page, or one call (several
// when an array is over the API's per-call limit). Returns the item's output: its records, and
// when a call failed after others had gone through, an error saying what was done (progress.ts).

export async function runSingle(
	this: IExecuteFunctions,
	op: OperationSpec,
	body: IDataObject,
	itemIndex: number,
	recover?: Recover,
): Promise<ItemOutput> {
	if (op.paging) {
		const limit = readListLimit.call(this, itemIndex);
		const records = await lcicApiRequestAllItems.call(this, op.action, body, op.paging, {
			...requestOptionsOf(op, itemIndex),
			limit,
		});
		return listRecords(op, records, this.getTimezone());
	}
	const outcomes = await sendCalls.call(this, op, body, itemIndex, recover);
	const done = doneResponse(outcomes);
	return settleOutcomes(
		this.getNode(),
		outcomes,
		// The calls that went through are the first ones, so `body`'s entries line up with the
		// merged answer's (BatchCreateRoom: RoomIds in the order of RoomInfos).
		done ? toOutputItems(op, done, this.getTimezone(), body) : [],
		itemIndex,
	);
}
