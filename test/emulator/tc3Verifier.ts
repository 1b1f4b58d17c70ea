import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { IncomingHttpHeaders } from 'http';

import { LcicError, type EmulatorAccount } from './types';

// The emulator's own TC3-HMAC-SHA256 verifier. It is written independently of
// credentials/tc3Signer.ts on purpose: if both sides shared code, a bug in it would sign and
// verify the same wrong string and every test would still pass. It rebuilds the canonical
// request from what actually arrived (method, path, query, the signed headers' received
// values, the exact body bytes), as Tencent's gateway does.

const ALGORITHM = 'TC3-HMAC-SHA256';

export interface ReceivedRequest {
	method: string;
	path: string;
	/** Query string without the leading `?` ('' for none). */
	query: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface VerifyOptions {
	findAccount(secretId: string): EmulatorAccount | undefined;
	/** Wall-clock time in epoch seconds (never the emulator's domain clock). */
	nowSeconds: number;
	maxSkewSeconds: number;
}

export interface ParsedAuthorization {
	secretId: string;
	date: string;
	service: string;
	signedHeaders: string[];
	signature: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value.join(',') : value;
}

function sha256(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmacSha256(key: Buffer | string, data: string): Buffer {
	return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Parses `TC3-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..`; undefined if garbled. */
export function parseAuthorization(value: string): ParsedAuthorization | undefined {
	const trimmed = value.trim();
	if (!trimmed.startsWith(`${ALGORITHM} `)) return undefined;
	const fields = new Map<string, string>();
	for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
		const eq = part.indexOf('=');
		if (eq < 0) return undefined;
		fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	const credential = fields.get('Credential')?.split('/');
	const signedHeaders = fields.get('SignedHeaders');
	const signature = fields.get('Signature');
	if (!credential || credential.length !== 4 || credential[3] !== 'tc3_request') return undefined;
	const [secretId, date, service] = credential;
	if (!secretId || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !service) return undefined;
	if (!signedHeaders || !signature || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
	return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}

function utcDateOf(epochSeconds: number): string {
	return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}

/** Every Host value the client may have signed: as received, and without a port. */
function hostCandidates(received: string): string[] {
	const host = received.trim().toLowerCase();
	const withoutPort = host.replace(/:\d+$/, '');
	return withoutPort === host ? [host] : [host, withoutPort];
}

function expectedSignature(
	request: ReceivedRequest,
	auth: ParsedAuthorization,
	secretKey: string,
	timestamp: string,
	host: string,
): string {
	const canonicalHeaders = auth.signedHeaders
		.map(
			(name) =>
				`${name}:${(name === 'host' ? host : (header(request.headers, name) ?? '')).trim().toLowerCase()}\n`,
		)
		.join('');
	const canonicalRequest = [
		request.method.toUpperCase(),
		request.path,
		request.query,
		canonicalHeaders,
		auth.signedHeaders.join(';'),
		sha256(request.body),
	].join('\n');
	const scope = `${auth.date}/${auth.service}/tc3_request`;
	const toSign = [ALGORITHM, timestamp, scope, sha256(canonicalRequest)].join('\n');
	const key = hmacSha256(
		hmacSha256(hmacSha256(`TC3${secretKey}`, auth.date), auth.service),
		'tc3_request',
	);
	return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

function sameHex(a: string, b: string): boolean {
	const left = Buffer.from(a, 'hex');
	const right = Buffer.from(b, 'hex');
	return left.length === right.length && timingSafeEqual(left, right);
}

/** The SecretId the request claims, for call records, even when verification fails. */
export function claimedSecretId(headers: IncomingHttpHeaders): string | undefined {
	const value = header(headers, 'authorization');
	return value ? parseAuthorization(value)?.secretId : undefined;
}

/** Returns the account that signed the request, or throws the LcicError Tencent would answer. */
export function verifyTc3(request: ReceivedRequest, options: VerifyOptions): EmulatorAccount {
	const authHeader = header(request.headers, 'authorization');
	if (!authHeader) {
		throw new LcicError(
			'AuthFailure.SignatureFailure',
			'The request is not signed: the Authorization header is missing.',
		);
	}
	const auth = parseAuthorization(authHeader);
	if (!auth) {
		throw new LcicError(
			'AuthFailure.InvalidAuthorization',
			'The Authorization header is not a valid TC3-HMAC-SHA256 authorization.',
		);
	}
	const signed = new Set(auth.signedHeaders);
	if (!signed.has('content-type') || !signed.has('host')) {
		throw new LcicError(
			'AuthFailure.SignatureFailure',
			'SignedHeaders must include content-type and host.',
		);
	}

	const account = options.findAccount(auth.secretId);
	if (!account) {
		throw new LcicError(
			'AuthFailure.SecretIdNotFound',
			'The SecretId is not found, please ensure that your SecretId is correct.',
		);
	}

	const timestamp = header(request.headers, 'x-tc-timestamp')?.trim() ?? '';
	if (!/^\d+$/.test(timestamp)) {
		throw new LcicError(
			'MissingParameter',
			'The request is missing a valid X-TC-Timestamp header.',
		);
	}
	const skew = Math.abs(options.nowSeconds - Number(timestamp));
	if (skew > options.maxSkewSeconds) {
		throw new LcicError(
			'AuthFailure.SignatureExpire',
			`Signature expired. Timestamp ${timestamp} and server time ${options.nowSeconds} differ by more than ${options.maxSkewSeconds} seconds.`,
		);
	}
	if (auth.date !== utcDateOf(Number(timestamp))) {
		throw new LcicError(
			'AuthFailure.SignatureFailure',
			`The credential scope date ${auth.date} is not the UTC date of X-TC-Timestamp (${utcDateOf(Number(timestamp))}).`,
		);
	}

	const hosts = hostCandidates(header(request.headers, 'host') ?? '');
	const matches = hosts.some((host) =>
		sameHex(expectedSignature(request, auth, account.secretKey, timestamp, host), auth.signature),
	);
	if (!matches) {
		throw new LcicError(
			'AuthFailure.SignatureFailure',
			'The provided credentials could not be validated. Please check your signature is correct.',
		);
	}

	if (account.token !== undefined && header(request.headers, 'x-tc-token') !== account.token) {
		throw new LcicError(
			'AuthFailure.TokenFailure',
			'The X-TC-Token is missing or does not belong to this temporary key.',
		);
	}
	return account;
}
