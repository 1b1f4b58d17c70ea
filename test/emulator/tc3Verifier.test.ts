import { createHash, createHmac } from 'crypto';

import { parseAuthorization, verifyTc3, type ReceivedRequest } from './tc3Verifier';
import type { EmulatorAccount } from './types';

// The verifier on its own, with a fixed clock and a signer written out step by step here from
// the API reference (so neither the credential's signer nor the verifier is the reference).

const ACCOUNT: EmulatorAccount = {
	secretId: 'AKIDverify',
	secretKey: 'verify-secret',
	appId: 1,
	sdkAppId: 2,
	developerId: 'd',
};
const NOW = 1_551_113_065; // 2019-02-25T16:44:25Z

const hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const mac = (key: string | Buffer, data: string): Buffer =>
	createHmac('sha256', key).update(data).digest();

function signed(
	options: {
		body?: string;
		timestamp?: number;
		date?: string;
		service?: string;
		host?: string;
		sentHost?: string;
	} = {},
): ReceivedRequest {
	const body = Buffer.from(options.body ?? '{"Limit":1}');
	const timestamp = options.timestamp ?? NOW;
	const date = options.date ?? new Date(timestamp * 1000).toISOString().slice(0, 10);
	const service = options.service ?? 'lcic';
	const host = options.host ?? 'lcic.tencentcloudapi.com';
	const canonical = [
		'POST',
		'/',
		'',
		`content-type:application/json; charset=utf-8\nhost:${host}\n`,
		'content-type;host',
		hex(body),
	].join('\n');
	const toSign = [
		'TC3-HMAC-SHA256',
		String(timestamp),
		`${date}/${service}/tc3_request`,
		hex(canonical),
	].join('\n');
	const key = mac(mac(mac(`TC3${ACCOUNT.secretKey}`, date), service), 'tc3_request');
	const signature = createHmac('sha256', key).update(toSign).digest('hex');
	return {
		method: 'POST',
		path: '/',
		query: '',
		body,
		headers: {
			host: options.sentHost ?? host,
			'content-type': 'application/json; charset=utf-8',
			'x-tc-timestamp': String(timestamp),
			authorization: `TC3-HMAC-SHA256 Credential=${ACCOUNT.secretId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
		},
	};
}

const options = {
	findAccount: (id: string) => (id === ACCOUNT.secretId ? ACCOUNT : undefined),
	nowSeconds: NOW,
	maxSkewSeconds: 300,
};

function codeOf(request: ReceivedRequest, nowSeconds = NOW): string | undefined {
	try {
		verifyTc3(request, { ...options, nowSeconds });
		return undefined;
	} catch (error) {
		return (error as { code: string }).code;
	}
}

describe('verifyTc3', () => {
	it('accepts a correct signature and returns the account', () => {
		expect(verifyTc3(signed(), options)).toBe(ACCOUNT);
	});

	it('accepts any service in the scope', () => {
		expect(codeOf(signed({ service: '127' }))).toBeUndefined();
	});

	it('accepts a host signed without the port it was sent with, but not another host', () => {
		expect(codeOf(signed({ host: '127.0.0.1', sentHost: '127.0.0.1:8787' }))).toBeUndefined();
		expect(codeOf(signed({ host: '127.0.0.1:8787', sentHost: '127.0.0.1:8787' }))).toBeUndefined();
		expect(codeOf(signed({ host: 'example.com', sentHost: '127.0.0.1:8787' }))).toBe(
			'AuthFailure.SignatureFailure',
		);
	});

	it('rejects a scope date that is not the UTC date of the timestamp (the UTC+8 mistake)', () => {
		expect(codeOf(signed({ date: '2019-02-26' }))).toBe('AuthFailure.SignatureFailure');
	});

	it('allows 300 seconds of skew and no more', () => {
		expect(codeOf(signed(), NOW + 300)).toBeUndefined();
		expect(codeOf(signed(), NOW + 301)).toBe('AuthFailure.SignatureExpire');
		expect(codeOf(signed(), NOW - 301)).toBe('AuthFailure.SignatureExpire');
	});

	it('hashes the exact body bytes', () => {
		const request = signed({ body: '{"Name":"课堂"}' });
		expect(codeOf(request)).toBeUndefined();
		expect(codeOf({ ...request, body: Buffer.from('{"Name": "课堂"}') })).toBe(
			'AuthFailure.SignatureFailure',
		);
	});

	it('reports a missing timestamp', () => {
		const request = signed();
		delete request.headers['x-tc-timestamp'];
		expect(codeOf(request)).toBe('MissingParameter');
	});
});

describe('parseAuthorization', () => {
	it('parses the documented form', () => {
		expect(
			parseAuthorization(
				`TC3-HMAC-SHA256 Credential=AKIDx/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${'a'.repeat(64)}`,
			),
		).toEqual({
			secretId: 'AKIDx',
			date: '2019-02-25',
			service: 'cvm',
			signedHeaders: ['content-type', 'host'],
			signature: 'a'.repeat(64),
		});
	});

	it.each([
		'Bearer abc',
		'TC3-HMAC-SHA256 Credential=AKIDx/2019-02-25/cvm, SignedHeaders=content-type;host, Signature=ab',
		`TC3-HMAC-SHA256 Credential=AKIDx/25-02-2019/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${'a'.repeat(64)}`,
		`TC3-HMAC-SHA256 Credential=AKIDx/2019-02-25/cvm/tc3_request, Signature=${'a'.repeat(64)}`,
	])('rejects %s', (value) => {
		expect(parseAuthorization(value)).toBeUndefined();
	});
});
