import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { hintFor } from './errorHints';

// Every failure leaves the transport as a NodeApiError built here from plain values only:
// never from the HTTP client's error object, whose request config carries the Authorization
// and X-TC-Token headers.

export interface LcicApiErrorDetails {
	action: string;
	code: string;
	message: string;
	requestId?: string;
	itemIndex?: number;
}

export function lcicApiError(node: INode, details: LcicApiErrorDetails): NodeApiError {
	const { action, code, message, requestId, itemIndex } = details;
	const hint = hintFor(code);
	const description = [
		hint,
		`Action: ${action}.`,
		requestId ? `RequestId: ${requestId}` : undefined,
	]
		.filter(Boolean)
		.join(' ');
	const response: JsonObject = { code, message, action };
	if (requestId) response.requestId = requestId;
	const error = new NodeApiError(node, response, {
		message: `${code}: ${message}`,
		description,
		itemIndex,
	});
	// NodeApiError may rewrite the message from an HTTP status; Tencent answers with 200.
	error.message = `${code}: ${message}`;
	return error;
}

export function networkError(
	node: INode,
	action: string,
	reason: string,
	mayHaveHappened: boolean,
	itemIndex?: number,
): NodeApiError {
	const message = `Could not reach Tencent Cloud LCIC for ${action}: ${reason}`;
	const description = mayHaveHappened
		? `The request may have reached Tencent Cloud and taken effect, so it was not sent again (sending ${action} twice could do it twice). Check the result before running it again.`
		: 'Check the credential Endpoint and the network between n8n and Tencent Cloud. The request was retried where that was safe.';
	const error = new NodeApiError(
		node,
		{ code: 'NetworkError', message: reason, action },
		{ message, description, itemIndex },
	);
	error.message = message;
	return error;
}

/** The LCIC error code of an error this transport threw (undefined for anything else). */
export function errorCode(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const code = (error.errorResponse as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** The error as n8n shows node errors: the transport's NodeApiError as it is, anything else wrapped. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(
		node,
		error instanceof Error ? error : String(error),
		itemIndex === undefined ? {} : { itemIndex },
	);
}

/** A credential setting that cannot work (see credentials/endpoint.ts): said before sending. */
export function configurationError(
	node: INode,
	action: string,
	reason: string,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(node, reason, {
		description: `Nothing was sent to Tencent Cloud (${action}). Fix the credential, then run again.`,
		itemIndex,
	});
}

/**
 * The endpoint answered with a redirect. LCIC never redirects, so the transport does not follow:
 * following would carry the signature and the session token to whatever host the answer names.
 */
export function redirectError(
	node: INode,
	action: string,
	status: number,
	location: string | undefined,
	itemIndex?: number,
): NodeApiError {
	const where = location ? ` to ${location}` : '';
	const message = `The endpoint answered ${action} with a redirect (HTTP ${status}${where}), which LCIC never does; it was not followed`;
	const error = new NodeApiError(
		node,
		{ code: `HTTP${status}`, message, action },
		{
			message,
			description:
				"Following it would send the signed request (and any session token) to another address. Check the credential's Endpoint: a Custom Base URL should point straight at the LCIC API or a proxy that forwards without redirecting (for example https:// instead of http://). Whether the request took effect there is unknown; it was not sent again.",
			itemIndex,
		},
	);
	error.message = message;
	return error;
}
