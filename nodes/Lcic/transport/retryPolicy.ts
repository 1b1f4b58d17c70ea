// Which failures may be retried, and how long to wait. A write is retried only when Tencent
// certainly did not execute it: a rate-limit rejection, or a connection that was never opened.
// A timed-out or dropped write may have happened, and sending it again could, for example,
// create a second room.
//
// RequestLimitExceeded gets more attempts than other failures: it says nothing is wrong with the
// request, only that too many came in this second, and in n8n's queue mode several workers share
// one limit, so a burst of rejections is normal until their rate limiters have adapted
// (rateLimiter.ts). Ten attempts wait between 11.9 and 23.8 seconds in all, many throttled
// seconds; four (as for other failures) waited only 0.9 to 1.75 s.

export interface RetryPolicy {
	/** Attempts in all for a server-side or network failure that may be retried. */
	maxAttempts: number;
	/** Attempts in all while LCIC answers RequestLimitExceeded. */
	rateLimitedMaxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	rateLimitedMaxAttempts: 10,
	baseDelayMs: 250,
	maxDelayMs: 4000,
};

/** Failure kinds the transport distinguishes. */
export type FailureKind =
	| { kind: 'api'; code: string }
	| { kind: 'http'; status: number }
	| { kind: 'network'; code: string; connected: boolean };

export function isRateLimited(code: string): boolean {
	return code === 'RequestLimitExceeded' || code.startsWith('RequestLimitExceeded.');
}

function isServerSide(code: string): boolean {
	return (
		code === 'InternalError' ||
		code.startsWith('InternalError.') ||
		code === 'ServiceUnavailable' ||
		code.startsWith('ServiceUnavailable.')
	);
}

export function isRateLimitedFailure(failure: FailureKind): boolean {
	return failure.kind === 'api' && isRateLimited(failure.code);
}

export function isRetryable(failure: FailureKind, readOnly: boolean): boolean {
	switch (failure.kind) {
		case 'api':
			return isRateLimited(failure.code) || (readOnly && isServerSide(failure.code));
		case 'http':
			// A body that is not an LCIC envelope came from something in between (a gateway's
			// 502 page, a proxy): harmless to ask again for a read, unknowable for a write.
			return readOnly;
		case 'network':
			return readOnly || !failure.connected;
	}
}

/** Exponential backoff with jitter: attempt 1 waits about base, then 2x, 4x ... up to max. */
export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * How long to wait before attempt `attempt + 1` after `failure`, or undefined when the failure
 * is final: not retryable, or its attempts are used up.
 */
export function retryDelay(
	failure: FailureKind,
	readOnly: boolean,
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number | undefined {
	if (!isRetryable(failure, readOnly)) return undefined;
	const attempts = isRateLimitedFailure(failure)
		? policy.rateLimitedMaxAttempts
		: policy.maxAttempts;
	return attempt < attempts ? backoffDelay(attempt, policy, random) : undefined;
}

/**
 * LCIC refused the request as a whole because of what it carried (a bad value, a user or group
 * that does not exist, a rule such as "a class cannot be longer than five hours"): nothing was
 * done, and in a batch one entry may be the cause. Not: the key, the application, the rate, the
 * service, or a timeout (which may have happened).
 */
export function isRejection(code: string): boolean {
	if (/SdkAppId/i.test(code) || code === 'FailedOperation.RequestTimedOut') return false;
	return /^(InvalidParameter|InvalidParameterValue|MissingParameter|UnknownParameter|FailedOperation|LimitExceeded|ResourceNotFound|OperationDenied|UnsupportedOperation)(\.|$)/.test(
		code,
	);
}
