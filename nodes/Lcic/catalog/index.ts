import { appConfigOperations } from './appConfig';
import { developerOperations } from './developer';
import { documentOperations } from './document';
import { groupOperations } from './group';
import { groupLiveCodeOperations } from './groupLiveCodes';
import { linkOperations } from './links';
import { marqueeOperations } from './marquee';
import { playbackOperations } from './playback';
import { recordOperations } from './record';
import { recordingOperations } from './recording';
import { roomOperations } from './room';
import { roomExtraOperations } from './roomExtras';
import { roomMessageOperations } from './roomMessages';
import { supervisorOperations } from './supervisor';
import type { RequestOptions } from '../transport/types';
import type { OperationSpec } from './types';
import { userOperations } from './user';

export { RESOURCES } from './resources';
export type * from './types';
export type * from './hooks';

export const OPERATIONS: OperationSpec[] = [
	...roomOperations,
	...roomMessageOperations,
	...roomExtraOperations,
	...linkOperations,
	...userOperations,
	...groupOperations,
	...groupLiveCodeOperations,
	...documentOperations,
	...recordOperations,
	...recordingOperations,
	...playbackOperations,
	...supervisorOperations,
	...appConfigOperations,
	...marqueeOperations,
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
	// The operation that is the action's own call, not one of its own (Get Join Links) that uses it.
	const op = OPERATIONS.find((candidate) => candidate.action === action && !candidate.composite);
	if (!op) throw new Error(`No operation calls the LCIC action ${action}`);
	return op;
}

/**
 * How the transport must treat a call of this operation's action: retried after a network or
 * server failure only when the catalog says it is read-only, paced to its documented rate.
 */
export function requestOptionsOf(op: OperationSpec, itemIndex?: number): RequestOptions {
	return {
		readOnly: op.readOnly,
		rateLimit: op.rateLimit,
		...(itemIndex === undefined ? {} : { itemIndex }),
	};
}
