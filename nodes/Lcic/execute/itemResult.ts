import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, IExecuteFunctions } from 'n8n-workflow';

// One place that decides what a failed item becomes: an error item paired to its input when
// the node continues on fail, otherwise the error stops the node.

export function successItems(records: IDataObject[], itemIndex: number): INodeExecutionData[] {
	return records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

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

/** The transport already throws NodeApiError; anything else is wrapped so n8n shows it on this item. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
