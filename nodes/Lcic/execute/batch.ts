import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationSpec } from '../catalog/types';
import { errorCode, isRejection, lcicApiRequest } from '../transport';
import { failItem } from './itemResult';
import { concurrencyOf } from './parallel';
import { runInOrder } from './pool';
import { withItemsOutcome } from './stopped';

// Many input items of a single-record operation go out as one batch action (RegisterUser ->
// BatchRegister, CreateRoom -> BatchCreateRoom, ...). Outputs stay one per input item, paired
// to it, in order. Items are grouped by SdkAppId because a batch call names one application.

export interface PreparedItem {
	index: number;
	body: IDataObject;
}

type BatchSpec = NonNullable<OperationSpec['batch']>;

function entryOf(body: IDataObject, spec: BatchSpec): IDataObject {
	if (spec.sdkAppIdInEntry) return body;
	const { SdkAppId: _sdkAppId, ...entry } = body;
	return entry;
}

/** Looks a batch answer's results up by the match key (one pass, not one search per entry). */
function resultIndex(spec: BatchSpec, results: unknown[]): Map<unknown, IDataObject> {
	const byKey = new Map<unknown, IDataObject>();
	if (!spec.matchBy) return byKey;
	for (const result of results) {
		if (typeof result !== 'object' || result === null) continue;
		const key = (result as IDataObject)[spec.matchBy];
		if (!byKey.has(key)) byKey.set(key, result as IDataObject);
	}
	return byKey;
}

function resultFor(
	spec: BatchSpec,
	results: unknown[],
	byKey: Map<unknown, IDataObject>,
	entry: IDataObject,
	position: number,
): IDataObject | undefined {
	// An entry without the match key (a user registered without an Origin ID gets its UserId as
	// one) can only be paired by position.
	if (spec.matchBy && entry[spec.matchBy] !== undefined && entry[spec.matchBy] !== '') {
		return byKey.get(entry[spec.matchBy]);
	}
	const value = results[position];
	if (value === undefined || value === null) return undefined;
	return typeof value === 'object'
		? (value as IDataObject)
		: { [spec.resultField ?? 'Id']: value as string | number };
}

/** The batch calls to make: items grouped by SdkAppId (a call names one application), in order. */
function chunksOf(spec: BatchSpec, prepared: PreparedItem[]): PreparedItem[][] {
	const groups = new Map<string, PreparedItem[]>();
	for (const item of prepared) {
		const key = String(item.body.SdkAppId ?? '');
		let members = groups.get(key);
		if (!members) groups.set(key, (members = []));
		members.push(item);
	}
	const chunks: PreparedItem[][] = [];
	for (const members of groups.values()) {
		for (let start = 0; start < members.length; start += spec.maxPerCall)
			chunks.push(members.slice(start, start + spec.maxPerCall));
	}
	return chunks;
}

type ItemResult =
	| { index: number; json: IDataObject }
	| { index: number; error: Error }
	/** Not sent: the node stops (no continue-on-fail) after a row was refused before it. */
	| { index: number; skipped: true };

/**
 * Sends the batch calls several at a time (up to the action's rate). A failed call fails its
 * items: error items with continue-on-fail; otherwise the node stops once the calls in flight
 * have ended, and the error says which items went through and which were not sent.
 */
export async function runBatch(
	this: IExecuteFunctions,
	op: OperationSpec,
	prepared: PreparedItem[],
): Promise<Map<number, INodeExecutionData[]>> {
	const spec = op.batch!;
	const chunks = chunksOf(spec, prepared);

	const stopOnFailure = !this.continueOnFail();

	/** One batch call; one result per item of the chunk, never throws. */
	const sendChunk = async (chunk: PreparedItem[]): Promise<ItemResult[]> => {
		const entries = chunk.map((item) => entryOf(item.body, spec));
		const body: IDataObject = { [spec.listParam]: entries };
		const sdkAppId = chunk[0].body.SdkAppId;
		if (!spec.sdkAppIdInEntry && sdkAppId !== undefined && sdkAppId !== '')
			body.SdkAppId = Number(sdkAppId);
		let response: IDataObject;
		try {
			response = await lcicApiRequest.call(this, spec.action, body, {
				readOnly: false,
				rateLimit: op.rateLimit,
				itemIndex: chunk[0].index,
			});
		} catch (error) {
			return await isolate(chunk, error as Error);
		}
		const results = Array.isArray(response[spec.resultKey])
			? (response[spec.resultKey] as unknown[])
			: [];
		const byKey = resultIndex(spec, results);
		return chunk.map((item, position) => {
			const result = resultFor(spec, results, byKey, entries[position], position);
			if (result) {
				// The batch call's RequestId on each row, as a single call's output has its own.
				const row: IDataObject = { ...result, RequestId: response.RequestId };
				return { index: item.index, json: op.hooks?.output?.(row, item.body) ?? row };
			}
			const missing = new Error(
				`${spec.action} did not return a result for this item, so it was not ${op.displayName.toLowerCase()}d. RequestId: ${String(response.RequestId ?? '')}`,
			);
			return { index: item.index, error: missing };
		});
	};

	/**
	 * LCIC refused a batch call: when for what it carried (a rejection, after which nothing was
	 * done), one row may be the cause, so the call is split in halves and sent again until the
	 * refused rows stand alone and every other row has gone through. A row alone that is refused
	 * gets the error. Without continue-on-fail, rows after the first refused one are not sent
	 * (the node stops there, as it would one item at a time). Anything else (network, the key,
	 * an internal error that may have happened) fails the whole call.
	 */
	const isolate = async (chunk: PreparedItem[], error: Error): Promise<ItemResult[]> => {
		const code = errorCode(error);
		if (chunk.length === 1 || code === undefined || !isRejection(code))
			return chunk.map((item) => ({ index: item.index, error }));
		const middle = Math.ceil(chunk.length / 2);
		const first = await sendChunk(chunk.slice(0, middle));
		if (stopOnFailure && first.some((result) => 'error' in result)) {
			const rest = chunk
				.slice(middle)
				.map((item) => ({ index: item.index, skipped: true as const }));
			return [...first, ...rest];
		}
		return [...first, ...(await sendChunk(chunk.slice(middle)))];
	};

	const settled: ItemResult[][] = [];
	const outcome = await runInOrder(
		chunks.length,
		async (position) => {
			const results = await sendChunk(chunks[position]);
			settled[position] = results;
			const failed = results.find((result) => 'error' in result);
			if (stopOnFailure && failed) throw failed;
		},
		{ concurrency: concurrencyOf(op) },
	);

	const all = settled.flat();
	if (outcome.failures.length > 0) {
		const failed = all.filter((result) => 'error' in result).sort((a, b) => a.index - b.index);
		const first = failed[0] as { index: number; error: Error };
		throw withItemsOutcome(first.error, {
			done: all.flatMap((result) => ('json' in result ? [result.index] : [])),
			outputs: new Map(
				all.flatMap((result) => ('json' in result ? [[result.index, [result.json]]] : [])),
			),
			failed: failed.map((result) => result.index),
			notSent: [
				...all.flatMap((result) => ('skipped' in result ? [result.index] : [])),
				...outcome.notStarted.flatMap((position) => chunks[position].map((item) => item.index)),
			],
		});
	}
	const out = new Map<number, INodeExecutionData[]>();
	for (const result of all) {
		if ('skipped' in result) continue;
		out.set(
			result.index,
			'json' in result
				? [{ json: result.json, pairedItem: { item: result.index } }]
				: [failItem.call(this, result.error, result.index)],
		);
	}
	return out;
}
