import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec } from '../catalog/types';

// What one response becomes. Lists become one item per record so that the next node runs once
// per room/user/event; everything else is one item.

function asRecord(element: unknown, valueField: string): IDataObject {
	return typeof element === 'object' && element !== null && !Array.isArray(element)
		? (element as IDataObject)
		: { [valueField]: element as IDataObject[string] };
}

/** A list's elements as n8n items' JSON: records as they are, bare values under the list's field name. */
export function listRecords(op: OperationSpec, list: unknown[]): IDataObject[] {
	const valueField = op.output.kind === 'list' ? (op.output.valueField ?? 'value') : 'value';
	return list.map((element) => asRecord(element, valueField));
}

export function toOutputItems(op: OperationSpec, response: IDataObject): IDataObject[] {
	if (op.output.kind === 'list') {
		const list = response[op.output.key];
		// LCIC sends null instead of [] when nothing matched.
		return Array.isArray(list) ? listRecords(op, list) : [];
	}
	const keys = Object.keys(response);
	// Actions that only answer with a RequestId (DeleteRoom, StartRoom...) still give the next
	// node something to test.
	if (keys.length === 0 || (keys.length === 1 && keys[0] === 'RequestId')) {
		return [{ Success: true, ...response }];
	}
	return [{ ...response }];
}
