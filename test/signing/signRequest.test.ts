import { TencentCloudLcicApi } from '../../credentials/TencentCloudLcicApi.credentials';
import { baseUrlOf } from '../../credentials/endpoint';
import { signature } from '../../credentials/tc3Signer';

const credentials = {
	secretId: 'AKIDtest',
	secretKey: 'test-secret-key',
	sessionToken: '',
	sdkAppId: 3520371,
	endpoint: 'custom',
	customUrl: 'http://127.0.0.1:8787/',
	region: '',
	language: 'en-US',
};

describe('credential authenticate()', () => {
	const credential = new TencentCloudLcicApi();

	it('signs the exact bytes it sends and the host with its port', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			url: '/',
			headers: { 'X-TC-Action': 'DescribeDeveloper', 'X-TC-Timestamp': '1700000000' },
			body: Buffer.from('{"Name":"李雷"}', 'utf8'),
		});
		expect(signed.baseURL).toBe('http://127.0.0.1:8787');
		expect(Buffer.isBuffer(signed.body)).toBe(true);
		expect((signed.body as Buffer).toString('utf8')).toBe('{"Name":"李雷"}');
		const headers = signed.headers as Record<string, string>;
		expect(headers['Content-Type']).toBe('application/json; charset=utf-8');
		expect(headers['X-TC-Language']).toBe('en-US');
		expect(headers['X-TC-Token']).toBeUndefined();
		expect(headers['X-TC-Region']).toBeUndefined();
		const expected = signature({
			secretId: 'AKIDtest',
			secretKey: 'test-secret-key',
			service: 'lcic',
			host: '127.0.0.1:8787',
			timestamp: 1700000000,
			payload: signed.body as Buffer,
		});
		expect(headers.Authorization).toBe(
			`TC3-HMAC-SHA256 Credential=AKIDtest/2023-11-14/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${expected}`,
		);
	});

	it('serialises an object body once and sends that string', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			url: '/',
			body: { A: 1 },
		});
		expect((signed.body as Buffer).toString()).toBe('{"A":1}');
	});

	it('sends the session token and region when set, and never the SecretKey', async () => {
		const signed = await credential.authenticate(
			{ ...credentials, sessionToken: 'tmp-token', region: 'ap-singapore', language: 'zh-CN' },
			{ method: 'POST', url: '/', body: Buffer.from('{}') },
		);
		const headers = signed.headers as Record<string, string>;
		expect(headers['X-TC-Token']).toBe('tmp-token');
		expect(headers['X-TC-Region']).toBe('ap-singapore');
		expect(headers['X-TC-Language']).toBe('zh-CN');
		expect(JSON.stringify(signed)).not.toContain('test-secret-key');
	});

	it('resolves every endpoint choice to a base URL', () => {
		expect(baseUrlOf({ endpoint: 'lcic.tencentcloudapi.com' })).toBe(
			'https://lcic.tencentcloudapi.com',
		);
		expect(baseUrlOf({ endpoint: 'lcic.intl.tencentcloudapi.com' })).toBe(
			'https://lcic.intl.tencentcloudapi.com',
		);
		expect(baseUrlOf({ endpoint: 'regional', region: 'ap-singapore' })).toBe(
			'https://lcic.ap-singapore.tencentcloudapi.com',
		);
		// No scheme: ambiguous (the emulator speaks http, a proxy often https), so it is asked for.
		expect(() => baseUrlOf({ endpoint: 'custom', customUrl: '127.0.0.1:9000' })).toThrow(
			'has no scheme. Add http:// or https:// in front, such as http://127.0.0.1:9000',
		);
		expect(() => baseUrlOf({ endpoint: 'custom', customUrl: ' ' })).toThrow(/Custom Base URL/);
		expect(() => baseUrlOf({ endpoint: 'regional', region: '' })).toThrow(/Region/);
	});
});
