import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestOptionsOf } from '../catalog';
import type { CallOutcome } from '../catalog/hooks';
import type { OperationSpec } from '../catalog/types';
import { lcicApiRequest } from '../transport';
import { splitByChunks } from './chunks';

// The calls of one request that LCIC takes in parts (200 member IDs per call, ...), one after
// the other, with one outcome per call. A failed call stops the rest (they are reported as not
// sent), so a caller knows exactly what was done: the item fails with the error, or a hook says
// what went through.

export type Recover = (body: IDataObject, error: Error) => Promise<IDataObject | undefined>;

export async function sendCalls(
	this: IExecuteFunctions,
	spec: OperationSpec,
	body: IDataObject,
	itemIndex: number,
	recover?: Recover,
): Promise<CallOutcome[]> {
	const outcomes: CallOutcome[] = [];
	let failed = false;
	for (const part of splitByChunks(body, spec.chunks)) {
		if (failed) {
			outcomes.push({ status: 'notSent', action: spec.action, body: part });
			continue;
		}
		try {
			const response = await lcicApiRequest.call(
				this,
				spec.action,
				part,
				requestOptionsOf(spec, itemIndex),
			);
			outcomes.push({ status: 'done', action: spec.action, body: part, response });
		} catch (error) {
			try {
				const recovered = recover ? await recover(part, error as Error) : undefined;
				if (recovered) {
					outcomes.push({ status: 'done', action: spec.action, body: part, response: recovered });
					continue;
				}
			} catch (recoveryError) {
				error = recoveryError;
			}
			outcomes.push({ status: 'failed', action: spec.action, body: part, error: error as Error });
			failed = true;
		}
	}
	return outcomes;
}
