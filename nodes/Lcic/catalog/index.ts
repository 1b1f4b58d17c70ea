import { appConfigOperations } from './appConfig';
import { developerOperations } from './developer';
import { documentOperations } from './document';
import { groupOperations } from './group';
import { recordOperations } from './record';
import { roomOperations } from './room';
import { supervisorOperations } from './supervisor';
import type { OperationSpec } from './types';
import { userOperations } from './user';

export { RESOURCES } from './resources';
export type * from './types';

export const OPERATIONS: OperationSpec[] = [
	...roomOperations,
	...userOperations,
	...groupOperations,
	...documentOperations,
	...recordOperations,
	...supervisorOperations,
	...appConfigOperations,
	...developerOperations,
];

/** The operation the node is set to; a clear error for a workflow saved by another version of the node. */
export function findOperation(resource: string, operation: string): OperationSpec {
	const op = OPERATIONS.find(
		(candidate) => candidate.resource === resource && candidate.operation === operation,
	);
	if (!op) {
		throw new Error(
			`Unknown operation "${operation}" for resource "${resource}". Open the node and choose the operation again.`,
		);
	}
	return op;
}

/** The operation that calls an LCIC action; for code that chains actions (Group > Create by name). */
export function findByAction(action: string): OperationSpec {
	const op = OPERATIONS.find((candidate) => candidate.action === action);
	if (!op) throw new Error(`No operation calls the LCIC action ${action}`);
	return op;
}
