import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

import {
	COMMON_ERROR_CODES,
	lcicCredentialTest,
	NOT_CONFIRMED_MESSAGE,
	SDK_APP_ID_ADVICE,
	SDK_APP_ID_CODES,
} from '../../credentials/credentialTest';
import { startEmulator, type RunningEmulator } from '../emulator';
import { emulatorCredentials } from '../harness';
import { runCredentialTest } from '../harness/credentialTest';

// The credential's "Test" button against the emulator, run the way n8n runs a declarative
// credential test: n8n-core's RoutingNode sends the request (resolving $credentials, signed by
// the credential's authenticate()), then the tester's rules (test/harness/credentialTest.ts).
// The e2e (test/e2e) checks the same through a real n8n's POST /rest/credentials/test.

let emu: RunningEmulator;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => {
	emu.faults.clear();
	emu.resetCalls();
});

async function test(
	overrides: ICredentialDataDecryptedObject = {},
): Promise<INodeCredentialTestResult> {
	return (await runCredentialTest(emulatorCredentials(emu, overrides))).result;
}

describe('the credential test against the emulator', () => {
	it('reports OK for a good key and Default SdkAppId, after one signed read of that application', async () => {
		const result = await test();
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emu.calls).toEqual([
			expect.objectContaining({
				action: 'DescribeSdkAppIdUsers',
				params: { SdkAppId: emu.account.sdkAppId, Page: 1, Limit: 1 },
				secretId: emu.account.secretId,
			}),
		]);
		expect(emu.calls[0].errorCode).toBeUndefined();
	});

	it.each([
		['0 (not set)', 0],
		['empty', ''],
		['an application of no account here', 1400999999],
	])('says what is wrong with a Default SdkAppId that is %s', async (_, sdkAppId) => {
		const result = await test({ sdkAppId });
		expect(result.status).toBe('Error');
		// DescribeSdkAppIdUsers' error table in the API reference: "InvalidParameter.SdkAppId
		// `SdkAppId` is incorrect."
		expect(result.message).toBe(
			`InvalidParameter.SdkAppId: SdkAppId is incorrect. ${SDK_APP_ID_ADVICE}`,
		);
		expect(result.message).toContain(
			'Default SdkAppId is 0 (not set) or is not an application of this Tencent Cloud account',
		);
		expect(emu.calls.map((call) => call.params.SdkAppId)).toEqual([Number(sdkAppId) || 0]);
	});

	it('says the key is wrong before anything about the SdkAppId (Tencent checks the signature first)', async () => {
		const result = await test({ sdkAppId: 0, secretKey: 'not-the-right-secret' });
		expect(result.message).toMatch(/^AuthFailure\.SignatureFailure: /);
	});

	it("reports an unknown SecretId with Tencent's code and description, and no secret", async () => {
		const secretKey = 'credential-test-secret-never-shown';
		const result = await test({ secretId: 'AKIDnobodyKnowsThisKey', secretKey });
		expect(result.status).toBe('Error');
		// Quoted from the API reference's Common Error Codes table.
		expect(result.message).toContain(
			'AuthFailure.SecretIdNotFound: Key does not exist. Check if the key has been deleted or disabled in the console',
		);
		expect(result.message).not.toContain(secretKey);
	});

	it('reports a wrong SecretKey as AuthFailure.SignatureFailure with what to check', async () => {
		const result = await test({ secretKey: 'not-the-right-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^AuthFailure\.SignatureFailure: Invalid signature\./);
		expect(result.message).toContain('SecretKey in the credential is probably wrong');
		expect(result.message).not.toContain('not-the-right-secret');
	});

	it('fails, naming the Endpoint, when a page answers 200 instead of LCIC', async () => {
		emu.faults.add({ kind: 'status', status: 200 });
		const result = await test();
		expect(result).toEqual({ status: 'Error', message: NOT_CONFIRMED_MESSAGE });
	});

	it('fails (never "successful") on an error code the reference does not list', async () => {
		emu.faults.add({ kind: 'error', code: 'FailedOperation.SomethingNew' });
		const result = await test();
		expect(result).toEqual({ status: 'Error', message: NOT_CONFIRMED_MESSAGE });
	});

	it('reports a listed code with its description and hint', async () => {
		emu.faults.add({ kind: 'error', code: 'RequestLimitExceeded' });
		const result = await test();
		expect(result.message).toMatch(
			/^RequestLimitExceeded: The number of requests exceeds the frequency limit\. Tencent Cloud rejected/,
		);
	});

	it('says a gateway answered, not LCIC, on HTTP 502', async () => {
		emu.faults.add({ kind: 'status', status: 502 });
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toContain('The Endpoint answered HTTP 502, which LCIC never does');
	});

	it('does not follow a redirect, and says so', async () => {
		expect(lcicCredentialTest.request.disableFollowRedirect).toBe(true);
		emu.faults.add({ kind: 'redirect', status: 307, location: 'http://127.0.0.1:1/elsewhere' });
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toContain('a redirect (HTTP 307), which LCIC never sends');
	});

	it('has one rule per documented code, each quoting the code first', () => {
		const codes = (lcicCredentialTest.rules ?? [])
			.filter((rule) => rule.type === 'responseSuccessBody')
			.map((rule) => rule.properties as { key: string; value: unknown; message: string })
			.filter((properties) => properties.key === 'Response.Error.Code');
		// The common codes, and the SdkAppId codes (which say what to do about the SdkAppId).
		expect(new Set(codes.map((p) => p.value))).toEqual(
			new Set([...COMMON_ERROR_CODES, ...SDK_APP_ID_CODES].map(([code]) => code)),
		);
		expect(codes).toHaveLength(new Set(codes.map((p) => p.value)).size);
		for (const { value, message } of codes) {
			expect(message.startsWith(`${String(value)}: `)).toBe(true);
			const aboutSdkAppId = SDK_APP_ID_CODES.some(([code]) => code === value);
			expect(message.endsWith(SDK_APP_ID_ADVICE)).toBe(aboutSdkAppId);
		}
	});

	it('keeps the session token and the signature out of its message when the server echoes the headers', async () => {
		const sessionToken = 'tmp-session-token-for-the-test-0001';
		emu.faults.add({ kind: 'echoHeaders', code: 'AuthFailure.TokenFailure' });
		const result = await test({ sessionToken });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('AuthFailure.TokenFailure');
		expect(result.message).not.toContain(sessionToken);
		expect(result.message).not.toMatch(/TC3-HMAC-SHA256 Credential=/);
		expect(result.message).not.toMatch(/Signature=[0-9a-f]{8}/i);
	});

	it('says a setting that cannot work before sending anything', async () => {
		const settings: ICredentialDataDecryptedObject[] = [
			{ endpoint: 'regional', region: '' },
			{ endpoint: 'regional', region: 'x@127.0.0.1:1/#' },
			{ customUrl: 'http://me:pw@127.0.0.1:1' },
		];
		for (const overrides of settings) {
			const result = await test(overrides);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/credential's (Region|Endpoint|Custom Base URL)/);
		}
		expect(emu.calls).toHaveLength(0);
	});

	it('asks for http:// or https:// on a Custom Base URL typed without it (not a silent https and EPROTO)', async () => {
		const bare = emu.url.replace(/^http:\/\//, '');
		const { result, signedRequests } = await runCredentialTest(
			emulatorCredentials(emu, { customUrl: bare }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: `The credential's Custom Base URL "${bare}" has no scheme. Add http:// or https:// in front, such as http://${bare} for the local emulator or https://${bare} for an HTTPS proxy.`,
		});
		expect(signedRequests).toBe(0);
		expect(emu.calls).toHaveLength(0);
	});
});
