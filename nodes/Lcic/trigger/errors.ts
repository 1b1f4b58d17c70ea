import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

// How the trigger reacts to a failed request. An error that every room would meet as well (the
// key, the SdkAppId, the endpoint) fails the poll, so n8n shows it, and fails the activation when
// it happens there. A room that no longer answers is closed. Anything else is that room's
// problem for this poll only: its cursor stays, the other rooms go on.

export type FailureClass = 'fatal' | 'gone' | 'transient';

const FATAL_EXACT = new Set([
	'InvalidParameter.SdkAppId',
	'InvalidParameterValue.SdkAppId',
	'ResourceNotFound.SdkAppId',
	'InvalidAction',
	'UnsupportedRegion',
]);

export function errorCode(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const code = (error.errorResponse as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

export function classifyFailure(error: unknown): FailureClass {
	const code = errorCode(error);
	// Not an API answer (no credential, a bug): nothing room-specific about it.
	if (code === undefined) return 'fatal';
	if (code === 'AuthFailure' || code.startsWith('AuthFailure.') || FATAL_EXACT.has(code))
		return 'fatal';
	if (code === 'ResourceNotFound.Room') return 'gone';
	return 'transient';
}

/** The error as n8n shows node errors: the transport's NodeApiError as it is, anything else wrapped. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
