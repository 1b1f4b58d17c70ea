import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { findByAction } from '../catalog';
import type { CallOutcome, ItemOutput } from '../catalog/hooks';
import type { ChunkRule } from '../catalog/types';
import { mergeResponses } from './chunks';
import { numberRuns } from './numberRuns';

// Partial work made visible. A request LCIC takes in several calls (150 rooms as calls of 100,
// 450 members as calls of 200, a group created and then filled) can fail part-way: what went
// through must not be hidden behind the error, or a re-run repeats it (250 rooms for 150). So an
// item whose calls failed part-way outputs what was done (its records) and an error that says,
// per call, what was done and what was not: in its message, in its description (every value),
// and as `progress` (JSON) on the error item a workflow can route on.

/** One call of a split request, as the progress reports it. */
export interface CallPart extends IDataObject {
	action: string;
	status: CallOutcome['status'];
	/** Per split parameter: the values (ID lists) or 1-based positions (lists of objects) it carried. */
	carried: IDataObject;
}

export interface Progress extends IDataObject {
	calls: CallPart[];
	/** `action.param` of the lists shown as 1-based positions (lists of objects such as Rooms). */
	positions: string[];
	/** What went through, per action and split parameter (values or positions, as in `calls`). */
	done: IDataObject;
	/** What did not: the failed call and those not sent after it. */
	notDone: IDataObject;
}

function rulesOf(action: string): ChunkRule[] {
	try {
		return findByAction(action).chunks ?? [];
	} catch {
		return [];
	}
}

function labelOf(action: string, param: string): string {
	try {
		return findByAction(action).fields.find((field) => field.param === param)?.displayName ?? param;
	} catch {
		return param;
	}
}

const isObjectList = (values: unknown[]): boolean =>
	values.some((value) => typeof value === 'object' && value !== null);

/** 1-based positions as ranges: [1..100, 120] -> "1-100, 120". */
export function ranges(positions: number[]): string {
	return numberRuns(positions).join(', ');
}

/** What each call carried, with positions counted across the calls of one action. */
export function progressOf(outcomes: CallOutcome[]): Progress {
	const offsets = new Map<string, number>();
	const positions = new Set<string>();
	const calls: CallPart[] = [];
	const done: Record<string, Record<string, unknown[]>> = {};
	const notDone: Record<string, Record<string, unknown[]>> = {};
	for (const outcome of outcomes) {
		const carried: IDataObject = {};
		for (const rule of rulesOf(outcome.action)) {
			const values = outcome.body[rule.param];
			if (!Array.isArray(values)) continue;
			const key = `${outcome.action}.${rule.param}`;
			let shown: unknown[] = values;
			if (isObjectList(values)) {
				const start = offsets.get(key) ?? 0;
				shown = values.map((_, index) => start + index + 1);
				offsets.set(key, start + values.length);
				positions.add(key);
			}
			carried[rule.param] = shown as IDataObject[];
			const bucket = outcome.status === 'done' ? done : notDone;
			const perAction = (bucket[outcome.action] ??= {});
			(perAction[rule.param] ??= []).push(...shown);
		}
		// A call that carried no split list is still a step done or not (ModifyGroup, say).
		(outcome.status === 'done' ? done : notDone)[outcome.action] ??= {};
		calls.push({ action: outcome.action, status: outcome.status, carried });
	}
	return {
		calls,
		positions: [...positions],
		done: done as IDataObject,
		notDone: notDone as IDataObject,
	};
}

/** Values in full (descriptions, progress) or, for a message, their count and ends. */
function listed(values: unknown[], brief: boolean): string {
	const all = values.map(String);
	if (!brief || all.length <= 4) return all.join(', ');
	return `${all.length} (${all[0]}, ${all[1]} ... ${all[all.length - 1]})`;
}

function describe(part: IDataObject, positions: string[], brief: boolean): string {
	const lines: string[] = [];
	for (const [action, params] of Object.entries(part)) {
		if (Object.keys(params as IDataObject).length === 0) lines.push(action);
		for (const [param, values] of Object.entries(params as Record<string, unknown[]>)) {
			const list = positions.includes(`${action}.${param}`)
				? ranges(values as number[])
				: listed(values, brief);
			lines.push(`${labelOf(action, param)} (${action}): ${list}`);
		}
	}
	return lines.join('; ');
}

function callCount(progress: Progress, status: CallOutcome['status']): number {
	return progress.calls.filter((call) => call.status === status).length;
}

/**
 * "1 of 2 calls had gone through. Done: ... Not done: ...": `brief` (a message) gives long ID
 * lists as their count and ends, otherwise (a description) every value.
 */
export function progressSummary(progress: Progress, brief = false): string {
	const total = progress.calls.length;
	const doneCalls = callCount(progress, 'done');
	const done = describe(progress.done, progress.positions, brief);
	const notDone = describe(progress.notDone, progress.positions, brief);
	const calls =
		doneCalls === 0
			? `none of ${total} calls went through`
			: `${doneCalls} of ${total} calls had gone through`;
	return `${calls}${done ? `. Done: ${done}` : ''}${notDone ? `. Not done: ${notDone}` : ''}`;
}

/**
 * `error` (the call that failed) told with what had been done: same class, code and RequestId,
 * the progress in its message, description and `context.progress`.
 */
export function withProgress(
	node: INode,
	error: Error,
	progress: Progress,
	output: IDataObject[],
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	const original = error as Error & { description?: string | null; errorResponse?: JsonObject };
	const message = `${error.message} (${progressSummary(progress, true)})`;
	const description = [
		original.description ?? undefined,
		`${progressSummary(progress)}.`,
		output.length
			? `What was done is in the output (with continue on fail) and here: ${JSON.stringify(output)}.`
			: undefined,
		'Running this item again would repeat what was done; run only what was not done (progress.notDone).',
	]
		.filter(Boolean)
		.join(' ');
	const wrapped =
		error instanceof NodeApiError
			? new NodeApiError(
					node,
					{ ...(original.errorResponse ?? {}) },
					{ message, description, itemIndex },
				)
			: new NodeOperationError(node, message, { description, itemIndex });
	wrapped.message = message;
	wrapped.context.progress = progress;
	return wrapped;
}

/**
 * An item's output after calls that may have failed part-way: the records of what was done and,
 * when a call failed, the error with the progress. Nothing done: the plain error.
 */
export function settleOutcomes(
	node: INode,
	outcomes: CallOutcome[],
	records: IDataObject[],
	itemIndex?: number,
): ItemOutput {
	const failed = outcomes.find((outcome) => outcome.status === 'failed');
	if (!failed || failed.status !== 'failed') return records;
	// One call: its error says it all.
	if (outcomes.length === 1) return [failed.error];
	// What was done is marked so (and never "Success"): the error after it says the rest.
	const anyDone = outcomes.some((outcome) => outcome.status === 'done');
	const partial = anyDone
		? records.map(({ Success: _success, ...record }) => ({ ...record, Partial: true }))
		: [];
	return [...partial, withProgress(node, failed.error, progressOf(outcomes), partial, itemIndex)];
}

/** The merged response of the calls that went through. */
export function doneResponse(outcomes: CallOutcome[]): IDataObject | undefined {
	const responses = outcomes.flatMap((outcome) =>
		outcome.status === 'done' ? [outcome.response] : [],
	);
	return responses.length ? mergeResponses(responses) : undefined;
}
