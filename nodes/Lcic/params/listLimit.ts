import type { IExecuteFunctions } from 'n8n-workflow';

import { FieldError, shown } from './fieldError';
import { decimalInteger } from './values';

// Return All / Limit of a list operation. The editor keeps Limit at 1 or more, but an expression
// can give 0, -1, NaN or "abc"; the pager would take those for "no limit" and return every
// record. So Limit is a whole number of at least 1, or the item is refused naming it.

function returnAllOf(value: unknown): boolean {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false' || value === undefined || value === null) return false;
	throw new FieldError(`"Return All" must be true or false (got ${shown(value)})`);
}

/** The item's record limit, or undefined for Return All. */
export function readListLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (returnAllOf(this.getNodeParameter('returnAll', itemIndex, false))) return undefined;
	const raw = this.getNodeParameter('limit', itemIndex, 50);
	const limit = decimalInteger(raw);
	if (limit === undefined || limit < 1) {
		throw new FieldError(
			`"Limit" must be a whole number of at least 1, or turn on Return All (got ${shown(raw)})`,
		);
	}
	return limit;
}
