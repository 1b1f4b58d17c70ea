import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationSpec } from '../catalog/types';
import { lcicApiRequest } from '../transport';
import { failItem } from './itemResult';

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

function resultFor(
	spec: BatchSpec,
	results: unknown[],
	entry: IDataObject,
	position: number,
): IDataObject | undefined {
	// An entry without the match key (a user registered without an Origin ID gets its UserId as
	// one) can only be paired by position.
	if (spec.matchBy && entry[spec.matchBy] !== undefined && entry[spec.matchBy] !== '') {
		const key = entry[spec.matchBy];
		const found = results.find(
			(r) => typeof r === 'object' && r !== null && (r as IDataObject)[spec.matchBy!] === key,
		);
		return found as IDataObject | undefined;
	}
	const value = results[position];
	if (value === undefined || value === null) return undefined;
	return typeof value === 'object'
		? (value as IDataObject)
		: { [spec.resultField ?? 'Id']: value as string | number };
}

export async function runBatch(
	this: IExecuteFunctions,
	op: OperationSpec,
	prepared: PreparedItem[],
): Promise<Map<number, INodeExecutionData[]>> {
	const spec = op.batch!;
	const out = new Map<number, INodeExecutionData[]>();
	const groups = new Map<string, PreparedItem[]>();
	for (const item of prepared) {
		const key = String(item.body.SdkAppId ?? '');
		groups.set(key, [...(groups.get(key) ?? []), item]);
	}

	for (const [sdkAppId, members] of groups) {
		for (let start = 0; start < members.length; start += spec.maxPerCall) {
			const chunk = members.slice(start, start + spec.maxPerCall);
			const entries = chunk.map((item) => entryOf(item.body, spec));
			const body: IDataObject = { [spec.listParam]: entries };
			if (!spec.sdkAppIdInEntry && sdkAppId) body.SdkAppId = Number(sdkAppId);
			let response: IDataObject;
			try {
				response = await lcicApiRequest.call(this, spec.action, body, {
					readOnly: false,
					rateLimit: op.rateLimit,
					itemIndex: chunk[0].index,
				});
			} catch (error) {
				for (const item of chunk)
					out.set(item.index, [failItem.call(this, error as Error, item.index)]);
				continue;
			}
			const results = Array.isArray(response[spec.resultKey])
				? (response[spec.resultKey] as unknown[])
				: [];
			chunk.forEach((item, position) => {
				const result = resultFor(spec, results, entries[position], position);
				if (result) {
					out.set(item.index, [{ json: { ...result }, pairedItem: { item: item.index } }]);
					return;
				}
				const missing = new Error(
					`${spec.action} did not return a result for this item, so it was not ${op.displayName.toLowerCase()}d. RequestId: ${String(response.RequestId ?? '')}`,
				);
				out.set(item.index, [failItem.call(this, missing, item.index)]);
			});
		}
	}
	return out;
}
