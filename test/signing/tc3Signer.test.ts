import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';

import {
	authorization,
	canonicalRequest,
	credentialScope,
	sha256Hex,
	signature,
	stringToSign,
	utcDate,
} from '../../credentials/tc3Signer';

// The worked example of the API reference ("Signature v3"): DescribeInstances on CVM.
const REFERENCE = {
	secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
	secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
	service: 'cvm',
	host: 'cvm.tencentcloudapi.com',
	timestamp: 1551113065,
	payload: '{"Limit": 1, "Filters": [{"Values": ["unnamed"], "Name": "instance-name"}]}',
};

function officialSignature(args: {
	host: string;
	payload: Buffer;
	timestamp: number;
	service: string;
	secretId: string;
	secretKey: string;
}): string {
	const header = Sign.sign3({
		method: 'POST',
		url: `https://${args.host}/`,
		payload: args.payload,
		timestamp: args.timestamp,
		service: args.service,
		secretId: args.secretId,
		secretKey: args.secretKey,
		multipart: false,
		boundary: '',
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
	return /Signature=([0-9a-f]+)/.exec(header)![1];
}

describe('TC3-HMAC-SHA256 signer', () => {
	it('builds the reference CanonicalRequest byte for byte', () => {
		expect(canonicalRequest(REFERENCE)).toBe(
			[
				'POST',
				'/',
				'',
				'content-type:application/json; charset=utf-8',
				'host:cvm.tencentcloudapi.com',
				'',
				'content-type;host',
				'99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907',
			].join('\n'),
		);
	});

	it('builds the reference StringToSign', () => {
		// The reference prints this hash with four characters lost in typesetting
		// ("2815843035062fff" + "d6f2a4..."); every SDK computes the value below.
		expect(stringToSign(REFERENCE)).toBe(
			[
				'TC3-HMAC-SHA256',
				'1551113065',
				'2019-02-25/cvm/tc3_request',
				'2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a',
			].join('\n'),
		);
	});

	it('uses the UTC date of the timestamp, not the local one (00:44 UTC+8 is still the 25th)', () => {
		expect(utcDate(1551113065)).toBe('2019-02-25');
		expect(credentialScope(1551113065, 'lcic')).toBe('2019-02-25/lcic/tc3_request');
		// One second either side of UTC midnight.
		expect(utcDate(1551139199)).toBe('2019-02-25');
		expect(utcDate(1551139200)).toBe('2019-02-26');
	});

	it('produces the Authorization header in the documented shape', () => {
		const header = authorization(REFERENCE);
		expect(header).toBe(
			`TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature(REFERENCE)}`,
		);
		expect(signature(REFERENCE)).toMatch(/^[0-9a-f]{64}$/);
	});

	it("agrees with Tencent's official Node SDK signer", () => {
		expect(signature(REFERENCE)).toBe(
			officialSignature({ ...REFERENCE, payload: Buffer.from(REFERENCE.payload) }),
		);
	});

	it('signs non-ASCII bodies over their UTF-8 bytes', () => {
		const payload = Buffer.from(JSON.stringify({ Name: '张三 Zoë 🎓', SdkAppId: 3520371 }), 'utf8');
		const request = { ...REFERENCE, service: 'lcic', host: 'lcic.tencentcloudapi.com', payload };
		expect(canonicalRequest(request).endsWith(sha256Hex(payload))).toBe(true);
		// A string payload is hashed as UTF-8 too, so both forms sign the same.
		expect(signature({ ...request, payload: payload.toString('utf8') })).toBe(signature(request));
		expect(signature(request)).toBe(officialSignature(request));
	});

	it('signs the host with its port for a custom endpoint', () => {
		const request = { ...REFERENCE, service: 'lcic', host: '127.0.0.1:8787' };
		expect(canonicalRequest(request)).toContain('\nhost:127.0.0.1:8787\n');
		expect(signature(request)).not.toBe(signature({ ...request, host: '127.0.0.1' }));
	});

	it('changes the signature when a single body byte changes', () => {
		const other = { ...REFERENCE, payload: REFERENCE.payload.replace('1', '2') };
		expect(signature(other)).not.toBe(signature(REFERENCE));
	});
});
