import { sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import {
	baseUrlOf,
	EndpointConfigError,
	LCIC_API_VERSION,
	regionOf,
} from '../../../credentials/endpoint';
import { JSON_CONTENT_TYPE } from '../../../credentials/tc3Signer';
import { readEnvelope } from './envelope';
import { configurationError, lcicApiError, networkError, redirectError } from './errors';
import { redactorFor, type Redact } from './redact';
import { acquire, noteRateLimited } from './rateLimiter';
import {
	DEFAULT_RETRY_POLICY,
	isRateLimitedFailure,
	retryDelay,
	type FailureKind,
	type RetryPolicy,
} from './retryPolicy';
import type { LcicContext, RequestOptions } from './types';

export const CREDENTIAL_TYPE = 'tencentCloudLcicApi';
/**
 * LCIC's documented rate for most actions: 20 requests per second per SecretId and action. The
 * catalog's `rateLimit` names the exceptions.
 */
export const DEFAULT_RATE_PER_SECOND = 20;
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
	| { done: false; failure: FailureKind | 'final'; error: Error };

/** The credential's setting problem, when `error` (or what it wraps) is one. */
function endpointProblem(error: unknown): EndpointConfigError | undefined {
	for (let e = error, depth = 0; e && depth < 5; depth++) {
		if (e instanceof EndpointConfigError) return e;
		if ((e as { name?: unknown }).name === 'EndpointConfigError') return e as EndpointConfigError;
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

/** What is wrong with the credential's Endpoint, Region or Custom Base URL, if anything. */
function endpointCheck(credentials: ICredentialDataDecryptedObject): string | undefined {
	try {
		baseUrlOf(credentials);
		regionOf(credentials);
		return undefined;
	} catch (error) {
		return endpointProblem(error)?.message ?? (error as Error).message;
	}
}

function headerOf(headers: unknown, name: string): string | undefined {
	if (typeof headers !== 'object' || headers === null) return undefined;
	for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
		if (key.toLowerCase() !== name) continue;
		const text = Array.isArray(value) ? value[0] : value;
		return typeof text === 'string' ? text : undefined;
	}
	return undefined;
}

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
	redact: Redact,
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
		// LCIC never redirects; a redirect would carry the signature and token elsewhere.
		disableFollowRedirect: true,
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
		const problem = endpointProblem(error);
		if (problem) {
			return {
				done: false,
				failure: 'final',
				error: configurationError(this.getNode(), action, problem.message, options.itemIndex),
			};
		}
		const code = networkCode(error);
		const connected = !NOT_CONNECTED.has(code);
		return {
			done: false,
			failure: { kind: 'network', code, connected },
			error: networkError(
				this.getNode(),
				action,
				redact(networkReason(error, code)),
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
			error: lcicApiError(this.getNode(), {
				action,
				code: redact(envelope.code),
				message: redact(envelope.message),
				requestId: envelope.requestId === undefined ? undefined : redact(envelope.requestId),
				itemIndex: options.itemIndex,
			}),
		};
	}
	const status = Number(full.statusCode) || 0;
	if (status >= 300 && status < 400) {
		const location = headerOf(full.headers, 'location');
		return {
			done: false,
			failure: 'final',
			error: redirectError(
				this.getNode(),
				action,
				status,
				location === undefined ? undefined : redact(location),
				options.itemIndex,
			),
		};
	}
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
	// Whether an action is read-only is the catalog's to say (callers pass it). An action called
	// without it is treated as a write: a wrong "read" could send a create twice, a wrong
	// "write" only gives up one retry.
	const readOnly = options.readOnly ?? false;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	// A setting that cannot work is said as such, before anything is sent (and never retried).
	const problem = endpointCheck(credentials);
	if (problem) throw configurationError(this.getNode(), action, problem, options.itemIndex);
	const redact = redactorFor(credentials);
	const limiterKey = `${String(credentials.secretId ?? '')}\n${action}`;
	// Serialised once: these bytes are signed and sent, on every attempt.
	const payload = Buffer.from(JSON.stringify(body), 'utf8');

	const rate = options.rateLimit ?? DEFAULT_RATE_PER_SECOND;

	for (let attemptNo = 1; ; attemptNo++) {
		const sentAt = await acquire(limiterKey, rate, attemptNo > 1);
		const outcome = await attempt.call(this, action, payload, { ...options, readOnly }, redact);
		if (outcome.done) return outcome.response;
		if (outcome.failure === 'final') throw outcome.error;
		if (isRateLimitedFailure(outcome.failure)) noteRateLimited(limiterKey, rate, sentAt);
		const delay = retryDelay(outcome.failure, readOnly, attemptNo, retryPolicy);
		if (delay === undefined) throw outcome.error;
		await sleep(delay);
	}
}
