import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS, RESOURCES } from '../catalog';
import type { OperationSpec, ResourceKey } from '../catalog/types';

// The Resource selector and one Operation selector per resource.

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** "Create a room (CreateRoom)" -> "Create a room": the action text n8n shows in its panel. */
export function actionText(op: OperationSpec): string {
	return op.description.replace(/\s*\([A-Za-z]+\)\s*$/, '').replace(/;.*$/, '');
}

export function operationsOf(resource: ResourceKey): OperationSpec[] {
	return OPERATIONS.filter((op) => op.resource === resource);
}

export function resourceProperty(): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		// The catalog's order, Room first: what people use most, not the alphabet.
		options: RESOURCES.map((resource) => ({
			name: resource.name,
			value: resource.value,
			description: resource.description,
		})),
		default: 'room',
		description: 'What to work with',
	};
}

export function operationProperty(resource: ResourceKey): INodeProperties | undefined {
	const ops = operationsOf(resource);
	if (ops.length === 0) return undefined;
	const firstOperation = ops[0].operation;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: ops
			.map((op) => ({
				name: op.displayName,
				value: op.operation,
				description: op.description,
				action: actionText(op),
			}))
			.sort(byName),
		default: firstOperation,
		description: 'What to do',
	};
}
