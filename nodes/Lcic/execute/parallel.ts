import type { IDataObject } from 'n8n-workflow';

import type { OperationRun } from '../catalog/hooks';
import type { FieldType, OperationSpec } from '../catalog/types';
import { DEFAULT_RATE_PER_SECOND } from '../transport';

// Items of one operation run several at a time: as many as the action's documented rate, so
// that with round trips of up to a second the rate limiter (which paces every request) is what
// sets the speed. Two writes to the same thing (two updates of room 5) must still happen in
// input order, or the earlier item's change could overwrite the later one's. The thing a write
// acts on is named by its required picker fields (room, group, document, user); an operation's
// hooks may name it otherwise.

const PICKERS = new Set<FieldType>(['room', 'group', 'document', 'user']);

/** How many calls of this operation may be in flight: its documented requests per second. */
export function concurrencyOf(op: OperationSpec): number {
	return op.rateLimit ?? DEFAULT_RATE_PER_SECOND;
}

/** Items with equal keys run one after another; undefined = no order needed. */
export function orderKeyOf(run: OperationRun, body: IDataObject): string | undefined {
	const op = run.op;
	if (op.hooks?.orderKey) return op.hooks.orderKey(run, body);
	// Reads change nothing: in any order they see the same.
	if (op.readOnly) return undefined;
	const params = op.fields
		.filter((field) => field.required && PICKERS.has(field.type))
		.map((field) => field.param);
	if (params.length === 0) return undefined;
	return params.map((param) => `${param}=${JSON.stringify(body[param] ?? null)}`).join('&');
}
