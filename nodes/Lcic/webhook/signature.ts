import { createHash, timingSafeEqual } from 'crypto';

// LCIC's callback signature (Tencent's "Service Callbacks" page for LCIC):
//   Sign = md5(CallbackKey + ExpireTime), lowercase hex, ExpireTime a decimal Unix time in
//   seconds after which the notification must be considered invalid.
// The signature covers the key and ExpireTime only, not the body: it proves the sender knows
// the key, nothing more. Pure functions; the key never leaves them.

/** ExpireTime as LCIC formats it: decimal digits (Go's %d of an int). */
const DECIMAL = /^\d{1,12}$/;
const MD5_HEX = /^[0-9a-f]{32}$/;

export function callbackSign(callbackKey: string, expireTime: string | number): string {
	return createHash('md5')
		.update(`${callbackKey}${String(expireTime)}`, 'utf8')
		.digest('hex');
}

export type SignatureProblem = 'missing' | 'malformed' | 'mismatch' | 'expired';

export interface SignatureInput {
	sign: unknown;
	expireTime: unknown;
}

/** ExpireTime as the decimal text that was signed, or undefined when it is not one. */
export function expireTimeText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
	return undefined;
}

/**
 * Why a delivery's signature is not acceptable, or undefined when it is. The comparison takes
 * the same time wherever the first differing character is (timingSafeEqual over the two digests).
 */
export function checkSignature(
	input: SignatureInput,
	callbackKey: string,
	nowSeconds: number,
): SignatureProblem | undefined {
	const missing = (value: unknown) => value === undefined || value === null || value === '';
	if (missing(input.sign) || missing(input.expireTime)) return 'missing';
	const expire = expireTimeText(input.expireTime);
	const given = typeof input.sign === 'string' ? input.sign.trim().toLowerCase() : '';
	if (expire === undefined || !MD5_HEX.test(given)) return 'malformed';
	const expected = Buffer.from(callbackSign(callbackKey, expire), 'utf8');
	if (!timingSafeEqual(expected, Buffer.from(given, 'utf8'))) return 'mismatch';
	// Checked after the signature, so that an unsigned caller learns nothing about the clock.
	if (Number(expire) < nowSeconds) return 'expired';
	return undefined;
}

/** What the 401 answer says; never the key or the expected signature. */
export const SIGNATURE_PROBLEM_TEXT: Record<SignatureProblem, string> = {
	missing: 'Sign and ExpireTime are required (in the JSON body or the query string)',
	malformed: 'Sign must be 32 hex digits and ExpireTime a Unix time in seconds',
	mismatch: 'Sign does not match md5(CallbackKey + ExpireTime) for this trigger',
	expired: 'ExpireTime has passed: the notification is no longer valid',
};
