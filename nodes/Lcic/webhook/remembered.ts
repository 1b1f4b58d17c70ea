import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { triggerClock } from '../trigger/clock';
import { readDelivery } from './delivery';
import { deliveryKey, rememberEmitted } from './duplicates';
import { duplicateScope, windowSecondsOf } from './settings';

// The trigger's step inside the execution its callback started: n8n runs a start node that has
// execute() with the items webhook() returned. The items go through unchanged; what they are is
// written into the execution's static data, which n8n saves when the execution ends, so that a
// repeat after a restart of n8n is still dropped (see duplicates.ts for why webhook() alone
// cannot make that last).

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function passThroughAndRemember(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const keys: string[] = [];
	for (const item of items) {
		const delivery = isObject(item.json.body) ? readDelivery(item.json.body) : undefined;
		if (delivery) keys.push(deliveryKey(delivery));
	}
	rememberEmitted(keys, {
		scope: duplicateScope(this),
		staticData: this.getWorkflowStaticData('node'),
		windowSeconds: windowSecondsOf(this.getNodeParameter('options', 0, {}) as IDataObject),
		now: triggerClock.now(),
	});
	return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
}
