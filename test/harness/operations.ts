// Node parameters for one catalog operation, written the way a user fills the node in the
// editor, from LCIC parameter names. Tests say { RoomId: 1, Name: 'Maths' } and this module knows
// where each value goes in the node version's layout (description/layout.ts): on top, in a
// "Find ... By" choice, or under "Additional Fields"; resource locators as { __rl, mode: 'id',
// value }.
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import type { FieldSpec, OperationSpec } from '../../nodes/Lcic/catalog/types';
import { LATEST_VERSION, placementOf, type NodeVersion } from '../../nodes/Lcic/description/layout';
import { ADDITIONAL_FIELDS, fieldKey } from '../../nodes/Lcic/description/names';

const STRUCTURED_TYPES = new Set(['json', 'object', 'entries']);
const LOCATOR_TYPES = new Set(['room', 'group', 'document', 'user']);

// Loaded on first use, so that importing the harness (say, for trigger tests) does not need the
// node's catalog to build.
function operations(): OperationSpec[] {
	return (require('../../nodes/Lcic/catalog') as { OPERATIONS: OperationSpec[] }).OPERATIONS;
}

/**
 * The operation for `action` (its own call), or for "resource/operation" (any operation, such as
 * room/getJoinLinks, which does more than one action's call).
 */
export function operationFor(action: string): OperationSpec {
	const [resource, operation] = action.split('/');
	const op = operations().find((candidate) =>
		operation === undefined
			? candidate.action === action && !candidate.composite
			: candidate.resource === resource && candidate.operation === operation,
	);
	if (!op) throw new Error(`No catalog operation calls ${action}`);
	return op;
}

function nodeValue(field: FieldSpec, value: unknown): NodeParameterValueType {
	// An expression stays an expression: n8n resolves it per item before the node sees it.
	const isExpression = typeof value === 'string' && value.startsWith('=');
	if (
		LOCATOR_TYPES.has(field.type) &&
		!isExpression &&
		!(typeof value === 'object' && value !== null)
	) {
		return { __rl: true, mode: 'id', value: value as string | number };
	}
	// Objects and lists of objects are typed into the node as JSON ("Using JSON" is the default
	// input mode), as a user pasting them would.
	if (STRUCTURED_TYPES.has(field.type) && !isExpression && typeof value !== 'string') {
		return JSON.stringify(value);
	}
	return value as NodeParameterValueType;
}

export interface ParameterExtras {
	/** Node parameters outside the operation's fields (returnAll, limit, options...). */
	node?: INodeParameters;
	/** The node's typeVersion, whose layout says where each field goes (default: the latest). */
	version?: NodeVersion;
}

/**
 * Parameters for `action`'s operation. `values` are keyed by LCIC name (RoomId); a key that
 * is not an LCIC field of the operation is rejected so a typo cannot silently test nothing.
 */
export function parametersFor(
	action: string,
	values: Record<string, unknown> = {},
	extras: ParameterExtras = {},
): INodeParameters {
	const op = operationFor(action);
	const version = extras.version ?? LATEST_VERSION;
	const parameters: INodeParameters = { resource: op.resource, operation: op.operation };
	const additional: INodeParameters = {};
	for (const [param, value] of Object.entries(values)) {
		const field = op.fields.find((candidate) => candidate.param === param);
		if (!field) {
			throw new Error(`${op.resource}/${op.operation} (${action}) has no field for ${param}`);
		}
		const placement = placementOf(op, field, version);
		if (placement === 'choice') {
			// "Find User By": the choice, then its field.
			if (op.alternatives!.key in parameters)
				throw new Error(`${action}: give one of ${op.alternatives!.displayName}'s fields`);
			parameters[op.alternatives!.key] = param;
		}
		if (placement === 'additional') additional[fieldKey(field)] = nodeValue(field, value);
		else parameters[fieldKey(field)] = nodeValue(field, value);
	}
	if (Object.keys(additional).length > 0) parameters[ADDITIONAL_FIELDS] = additional;
	return { ...parameters, ...extras.node };
}
