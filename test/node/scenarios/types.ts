import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { LcicSession } from '../../harness';

// One action's scenario in the all-actions test (test/node/allActions.test.ts): it prepares
// what the operation acts on through the node, runs the operation in WorkflowExecute, then
// checks the output and what the emulator holds afterwards.
export interface Scenario {
	/** Creates what the operation acts on; returns its values (LCIC names) and node extras. */
	prepare(
		session: LcicSession,
	): Promise<{ values: Record<string, unknown>; node?: INodeParameters }>;
	/** Checks the node's output and the emulator's state afterwards. */
	check(
		output: IDataObject[],
		session: LcicSession,
		values: Record<string, unknown>,
	): void | Promise<void>;
}

export const returnAll: INodeParameters = { returnAll: true };
