import { sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { LCIC_API_VERSION } from '../../../credentials/endpoint';
import { JSON_CONTENT_TYPE } from '../../../credentials/tc3Signer';
import { readEnvelope } from './envelope';
import { lcicApiError, networkError } from './errors';
import { acquire } from './rateLimiter';
import {
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	isReadOnlyAction,
	isRetryable,
	type FailureKind,
	type RetryPolicy,
} from './retryPolicy';
import type { LcicContext, RequestOptions } from './types';

export const CREDENTIAL_TYPE = 'tencentCloudLcicApi';
const DEFAULT_RATE_PER_SECOND = 20;
const REQUEST_TIMEOUT_MS = 30_000;

// Network error codes that prove the request never left this machine.
const NOT_CONNECTED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

let retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY;

/** For tests and benchmarks: shorter waits between retries. */
export function setRetryPolicy(policy: Partial<RetryPolicy>): void {
	retryPolicy = { ...DEFAULT_RETRY_POLICY, ...policy };
}

type Outcome =
	| { done: true; response: IDataObject }
	| { done: false; failure: FailureKind; error: Error };

function networkCode(error: unknown): string {
	const cause = (error as { cause?: { code?: unknown } }).cause;
	const code = cause?.code ?? (error as { code?: unknown }).code;
	return typeof code === 'string' ? code : 'ENETWORK';
}

function networkReason(error: unknown, code: string): string {
	const cause = (error as { cause?: { message?: unknown } }).cause;
	const message = typeof cause?.message === 'string' ? cause.message : '';
	return message && !message.includes(code) ? `${code} (${message})` : message || code;
}

/** The HTTP Date header of an answer, in epoch seconds. */
export function dateHeaderSeconds(headers: unknown): number | undefined {
	if (typeof headers !== 'object' || headers === null) return undefined;
	const record = headers as Record<string, unknown>;
	const value = record.date ?? record.Date;
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string') return undefined;
	const ms = Date.parse(text);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

async function attempt(
	this: LcicContext,
	action: string,
	payload: Buffer,
	options: RequestOptions,
): Promise<Outcome> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: '/',
		headers: {
			'Content-Type': JSON_CONTENT_TYPE,
			'X-TC-Action': action,
			'X-TC-Version': LCIC_API_VERSION,
		},
		body: payload,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
	};
	let full: IN8nHttpFullResponse;
	try {
		full = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			request,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const code = networkCode(error);
		const connected = !NOT_CONNECTED.has(code);
		return {
			done: false,
			failure: { kind: 'network', code, connected },
			error: networkError(
				this.getNode(),
				action,
				networkReason(error, code),
				connected && !options.readOnly,
				options.itemIndex,
			),
		};
	}

	const envelope = readEnvelope(full.body);
	// Only an LCIC answer tells Tencent's time; a proxy's error page has the proxy's clock.
	if (envelope && options.onServerTime) {
		const serverTime = dateHeaderSeconds(full.headers);
		if (serverTime !== undefined) options.onServerTime(serverTime);
	}
	if (envelope?.ok) return { done: true, response: envelope.response };
	if (envelope) {
		return {
			done: false,
			failure: { kind: 'api', code: envelope.code },
			error: lcicApiError(this.getNode(), { action, ...envelope, itemIndex: options.itemIndex }),
		};
	}
	const status = Number(full.statusCode) || 0;
	return {
		done: false,
		failure: { kind: 'http', status },
		error: lcicApiError(this.getNode(), {
			action,
			code: `HTTP${status || ''}`.trim(),
			message: `Tencent Cloud answered HTTP ${status} without an LCIC response body`,
			itemIndex: options.itemIndex,
		}),
	};
}

/** Calls one LCIC action; returns `Response` (RequestId included) or throws a NodeApiError. */
export async function lcicApiRequest(
	this: LcicContext,
	action: string,
	body: IDataObject,
	options: RequestOptions = {},
): Promise<IDataObject> {
	const readOnly = options.readOnly ?? isReadOnlyAction(action);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const limiterKey = `${String(credentials.secretId ?? '')}\n${action}`;
	// Serialised once: these bytes are signed and sent, on every attempt.
	const payload = Buffer.from(JSON.stringify(body), 'utf8');

	for (let attemptNo = 1; ; attemptNo++) {
		await acquire(limiterKey, options.rateLimit ?? DEFAULT_RATE_PER_SECOND);
		const outcome = await attempt.call(this, action, payload, { ...options, readOnly });
		if (outcome.done) return outcome.response;
		if (attemptNo >= retryPolicy.maxAttempts || !isRetryable(outcome.failure, readOnly)) {
			throw outcome.error;
		}
		await sleep(backoffDelay(attemptNo, retryPolicy));
	}
}
