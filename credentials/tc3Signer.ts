import { createHash, createHmac } from 'crypto';

// TC3-HMAC-SHA256, as Tencent Cloud API 3.0 defines it. Kept free of n8n types so the
// credential, the credential test and the unit tests all use the same few functions.

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const SIGNED_HEADERS = 'content-type;host';

export interface Tc3Request {
	secretId: string;
	secretKey: string;
	/** Product name in the credential scope: `lcic`. */
	service: string;
	/** The Host header exactly as sent, including a non-default port. */
	host: string;
	/** X-TC-Timestamp, epoch seconds. */
	timestamp: number;
	/** The exact body bytes sent. */
	payload: Buffer | string;
	contentType?: string;
	method?: string;
}

export function sha256Hex(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
	return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The credential scope's date is the UTC date of the timestamp, never the local one. */
export function utcDate(timestamp: number): string {
	return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function canonicalRequest(request: Tc3Request): string {
	const contentType = (request.contentType ?? JSON_CONTENT_TYPE).trim().toLowerCase();
	return [
		(request.method ?? 'POST').toUpperCase(),
		'/',
		'',
		`content-type:${contentType}\nhost:${request.host.trim().toLowerCase()}\n`,
		SIGNED_HEADERS,
		sha256Hex(request.payload),
	].join('\n');
}

export function credentialScope(timestamp: number, service: string): string {
	return `${utcDate(timestamp)}/${service}/tc3_request`;
}

export function stringToSign(request: Tc3Request): string {
	return [
		TC3_ALGORITHM,
		String(request.timestamp),
		credentialScope(request.timestamp, request.service),
		sha256Hex(canonicalRequest(request)),
	].join('\n');
}

// The derived key only changes with the secret, the UTC date and the service, so it is worth
// keeping for a day's worth of requests. The map is keyed by a hash, never by the secret itself.
const signingKeys = new Map<string, Buffer>();
const MAX_CACHED_KEYS = 64;

export function signingKey(secretKey: string, date: string, service: string): Buffer {
	const cacheKey = sha256Hex(`${date}\n${service}\n${secretKey}`);
	let key = signingKeys.get(cacheKey);
	if (!key) {
		const secretDate = hmac(`TC3${secretKey}`, date);
		const secretService = hmac(secretDate, service);
		key = hmac(secretService, 'tc3_request');
		if (signingKeys.size >= MAX_CACHED_KEYS) signingKeys.clear();
		signingKeys.set(cacheKey, key);
	}
	return key;
}

export function signature(request: Tc3Request): string {
	const key = signingKey(request.secretKey, utcDate(request.timestamp), request.service);
	return createHmac('sha256', key).update(stringToSign(request), 'utf8').digest('hex');
}

/** The value of the Authorization header. */
export function authorization(request: Tc3Request): string {
	return (
		`${TC3_ALGORITHM} Credential=${request.secretId}/${credentialScope(request.timestamp, request.service)}, ` +
		`SignedHeaders=${SIGNED_HEADERS}, Signature=${signature(request)}`
	);
}
