import type { IDataObject } from 'n8n-workflow';

import { numberRuns } from './numberRuns';

// When an item fails without continue-on-fail, n8n stops the node and shows no output at all.
// Items are sent several at a time, so by then some items after the failed one may have gone
// through too: the error says which items went through, which failed and which were not sent,
// and the IDs the ones that went through got back (the RoomIds of the rooms they created), so
// that a re-run or a follow-up can continue instead of guessing or creating them twice.

export interface ItemsOutcome {
	/** Input item indices that went through. */
	done: number[];
	/** Input item indices that failed, the one this error is about first. */
	failed: number[];
	/** Input item indices that were never sent. */
	notSent: number[];
	/** What the items that went through got back, by input item index (their outputs' JSON). */
	outputs?: Map<number, IDataObject[]>;
}

/** Fields of an answer that are about the request, not about what it made or found. */
const NOT_RESULT_IDS = new Set(['RequestId', 'SdkAppId']);

/** "RoomId 300000001" for each ID an output names (RoomId, UserId, GroupId, DocumentId...). */
export function idsOf(json: IDataObject): string[] {
	return Object.entries(json)
		.filter(
			([key, value]) =>
				/Id$/.test(key) &&
				!NOT_RESULT_IDS.has(key) &&
				(typeof value === 'string' || typeof value === 'number') &&
				value !== '',
		)
		.map(([key, value]) => `${key} ${String(value)}`);
}

/** "0: RoomId 300000001; 1: RoomId 300000002" for the items that went through and named IDs. */
function describeOutputs(done: number[], outputs: Map<number, IDataObject[]> | undefined): string {
	if (!outputs) return '';
	const parts = [...done]
		.sort((a, b) => a - b)
		.flatMap((index) => {
			const ids = (outputs.get(index) ?? []).flatMap(idsOf);
			return ids.length ? [`${index}: ${ids.join(', ')}`] : [];
		});
	return parts.length ? ` What went through got back: ${parts.join('; ')}.` : '';
}

/** "0-2, 5 and 7" for [0, 1, 2, 5, 7]. */
export function indexRanges(indices: number[]): string {
	const parts = numberRuns([...new Set(indices)].sort((a, b) => a - b));
	return parts.length <= 1
		? (parts[0] ?? '')
		: `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The sentence about every input item; empty for a node run with a single item. */
export function describeItemsOutcome(outcome: ItemsOutcome): string {
	const total = outcome.done.length + outcome.failed.length + outcome.notSent.length;
	if (total <= 1) return '';
	const [first, ...others] = outcome.failed;
	const parts: string[] = [];
	if (outcome.done.length)
		parts.push(
			`${indexRanges(outcome.done)} went through (the node stopped, so n8n shows no output for them)`,
		);
	parts.push(`${first} failed with this error`);
	if (others.length) parts.push(`${indexRanges(others)} failed too`);
	if (outcome.notSent.length) parts.push(`${indexRanges(outcome.notSent)} were not sent`);
	return `Input items (by index) of ${total}: ${parts.join('; ')}.${describeOutputs(outcome.done, outcome.outputs)} Set Settings > On Error to "Continue" to get one output item per input item.`;
}

/** Adds the sentence to the error's description (NodeApiError and NodeOperationError show it). */
export function withItemsOutcome<E extends Error>(error: E, outcome: ItemsOutcome): E {
	const sentence = describeItemsOutcome(outcome);
	if (!sentence) return error;
	const target = error as E & { description?: string | null };
	target.description = target.description ? `${target.description}\n\n${sentence}` : sentence;
	return error;
}
