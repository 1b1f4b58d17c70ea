import type { IDataObject, IHttpRequestOptions, INodeCredentialTestResult } from 'n8n-workflow';

import {
	COMMON_ERROR_CODES,
	lcicCredentialTest,
	NO_DEVELOPER_ID_MESSAGE,
} from '../../credentials/credentialTest';
import { TencentCloudLcicApi } from '../../credentials/TencentCloudLcicApi.credentials';
import { startEmulator, type ActionTable, type RunningEmulator } from '../emulator';
import { emulatorCredentials, send } from './emulatorContext';

// The credential's "Test" button against the emulator. n8n runs a declarative credential test
// itself; this replays what its CredentialsTester (packages/cli/src/services/
// credentials-tester.service.ts, runRequestTest) does with our ICredentialTestRequest: send the
// request signed by the credential's authenticate(); on an HTTP error, the first `responseCode`
// rule for that status gives the message; on success, the first `responseSuccessBody` rule with
// get(body, key) === value fails the test with its message; otherwise "Connection successful!".
// The e2e (test/e2e) checks the same through a real n8n's POST /rest/credentials/test.

const ACTIONS: ActionTable = {
	DescribeDeveloper: {
		params: {},
		handler: ({ account }) => ({ DeveloperId: account.developerId }),
	},
};

let emu: RunningEmulator;

beforeAll(async () => {
	emu = await startEmulator({ actions: ACTIONS });
});
afterAll(() => emu.stop());
beforeEach(() => {
	emu.faults.clear();
	emu.resetCalls();
});

/** lodash.get on a dotted path, as n8n's tester reads `key`. */
function getPath(body: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(node, key) =>
				node !== null && typeof node === 'object' ? (node as IDataObject)[key] : undefined,
			body,
		);
}

async function test(overrides: IDataObject = {}): Promise<INodeCredentialTestResult> {
	const credentials = emulatorCredentials(emu, overrides);
	const { request, rules = [] } = lcicCredentialTest;
	let signed: IHttpRequestOptions;
	try {
		signed = await new TencentCloudLcicApi().authenticate(credentials, {
			...(request as IHttpRequestOptions),
			headers: { ...request.headers },
		});
	} catch (error) {
		// n8n reports what authenticate() throws (a setting that cannot work) as the message.
		return { status: 'Error', message: (error as Error).message };
	}
	const raw = await send(`${signed.baseURL}${signed.url}`, {
		method: signed.method ?? 'GET',
		headers: signed.headers as Record<string, string>,
		body: signed.body as Buffer,
	});
	if (raw.statusCode >= 300) {
		for (const rule of rules) {
			if (rule.type === 'responseCode' && rule.properties.value === raw.statusCode)
				return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'Error', message: `Received HTTP status code: ${raw.statusCode}` };
	}
	const text = raw.body.toString('utf8');
	let body: unknown = text;
	try {
		body = JSON.parse(text) as unknown;
	} catch {
		// n8n keeps a body that is not JSON as text.
	}
	for (const rule of rules) {
		if (
			rule.type === 'responseSuccessBody' &&
			getPath(body, rule.properties.key) === rule.properties.value
		)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

describe('the credential test against the emulator', () => {
	it('reports OK for a good key, after one signed DescribeDeveloper call', async () => {
		const result = await test();
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emu.calls).toEqual([
			expect.objectContaining({
				action: 'DescribeDeveloper',
				params: {},
				secretId: emu.account.secretId,
			}),
		]);
		expect(emu.calls[0].errorCode).toBeUndefined();
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
		expect(result).toEqual({ status: 'Error', message: NO_DEVELOPER_ID_MESSAGE });
	});

	it('fails (never "successful") on an error code the reference does not list', async () => {
		emu.faults.add({ kind: 'error', code: 'FailedOperation.SomethingNew' });
		const result = await test();
		expect(result).toEqual({ status: 'Error', message: NO_DEVELOPER_ID_MESSAGE });
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
		expect(codes.map((p) => p.value)).toEqual(COMMON_ERROR_CODES.map(([code]) => code));
		for (const { value, message } of codes)
			expect(message.startsWith(`${String(value)}: `)).toBe(true);
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
		for (const overrides of [
			{ endpoint: 'regional', region: '' },
			{ endpoint: 'regional', region: 'x@127.0.0.1:1/#' },
			{ customUrl: 'http://me:pw@127.0.0.1:1' },
		]) {
			const result = await test(overrides);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/credential's (Region|Endpoint|Custom Base URL)/);
		}
		expect(emu.calls).toHaveLength(0);
	});
});
