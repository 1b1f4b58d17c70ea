import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestOptionsOf } from '../catalog';
import type { CallOutcome } from '../catalog/hooks';
import type { ChunkRule, OperationSpec } from '../catalog/types';
import { errorCode, isRejection, lcicApiRequest } from '../transport';
import { splitByChunks } from './chunks';

// The calls of one request that LCIC takes in parts (200 member IDs per call, ...), one after
// the other, with one outcome per call, so a caller knows exactly what was done: the item fails
// with the error, or a hook says what went through.
//
// A call LCIC refuses for what it carried (a rejection: nothing was done) may be refused for one
// entry of its list (a user who does not exist among 200, one room of 100 that breaks a rule):
// it is split in halves and sent again until the refused entries stand alone, so the others go
// through. With continue-on-fail the calls go on past a refused entry; without it, and after any
// other failure (one that may have happened), the rest are reported as not sent.

export type Recover = (body: IDataObject, error: Error) => Promise<IDataObject | undefined>;

/** `part` in two, by the first list that has more than one entry; undefined when none has. */
function halves(part: IDataObject, rules: ChunkRule[] | undefined): IDataObject[] | undefined {
	for (const rule of rules ?? []) {
		const values = part[rule.param];
		if (!Array.isArray(values) || values.length < 2) continue;
		const middle = Math.ceil(values.length / 2);
		return [
			{ ...part, [rule.param]: values.slice(0, middle) },
			{ ...part, [rule.param]: values.slice(middle) },
		];
	}
	return undefined;
}

export async function sendCalls(
	this: IExecuteFunctions,
	spec: OperationSpec,
	body: IDataObject,
	itemIndex: number,
	recover?: Recover,
): Promise<CallOutcome[]> {
	const outcomes: CallOutcome[] = [];
	const pastRefusals = this.continueOnFail();
	let stopped = false;

	const send = async (part: IDataObject): Promise<void> => {
		if (stopped) {
			outcomes.push({ status: 'notSent', action: spec.action, body: part });
			return;
		}
		let failure: unknown;
		try {
			const response = await lcicApiRequest.call(
				this,
				spec.action,
				part,
				requestOptionsOf(spec, itemIndex),
			);
			outcomes.push({ status: 'done', action: spec.action, body: part, response });
			return;
		} catch (error) {
			failure = error;
		}
		try {
			const recovered = recover ? await recover(part, failure as Error) : undefined;
			if (recovered) {
				outcomes.push({ status: 'done', action: spec.action, body: part, response: recovered });
				return;
			}
		} catch (recoveryError) {
			failure = recoveryError;
		}
		const code = errorCode(failure);
		const rejected = code !== undefined && isRejection(code);
		const smaller = rejected ? halves(part, spec.chunks) : undefined;
		if (smaller) {
			for (const half of smaller) await send(half);
			return;
		}
		outcomes.push({ status: 'failed', action: spec.action, body: part, error: failure as Error });
		if (!(rejected && pastRefusals)) stopped = true;
	};

	for (const part of splitByChunks(body, spec.chunks)) await send(part);
	return outcomes;
}
