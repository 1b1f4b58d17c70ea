import type { IDataObject, INodeExecutionData, IExecuteFunctions } from 'n8n-workflow';

// One place that decides what a failed item becomes: an error item paired to its input when
// the node continues on fail, otherwise the error stops the node.

export function errorItem(
	this: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): INodeExecutionData {
	const details = error as Error & {
		description?: string;
		context?: IDataObject;
		errorResponse?: IDataObject;
	};
	const json: IDataObject = { error: error.message };
	if (details.description) json.description = details.description;
	const response = details.errorResponse;
	if (response?.code) json.code = response.code;
	if (response?.requestId) json.requestId = response.requestId;
	// A request that failed part-way: what was done and what was not (execute/progress.ts).
	if (details.context?.progress) json.progress = details.context.progress;
	// No `error` property on the item: n8n-core would then replace the json with { error: message }
	// and the code and RequestId a workflow routes on would be lost.
	return { json, pairedItem: { item: itemIndex } };
}

/** Returns the error item when the node continues on fail; rethrows otherwise. */
export function failItem(
	this: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): INodeExecutionData {
	if (!this.continueOnFail()) throw error;
	return errorItem.call(this, error, itemIndex);
}
