import type { ICredentialsDecrypted, IDataObject } from 'n8n-workflow';

import { tencentCloudLcicApiTest } from '../../nodes/Lcic/methods/credentialTest';
import { startEmulator, type ActionTable, type RunningEmulator } from '../emulator';
import { credentialTestContext, emulatorCredentials } from './emulatorContext';

// The credential test ("Test" button in n8n's credential dialog) against the emulator, with
// the legacy request helper really sending the signed request.

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

function test(overrides: IDataObject = {}) {
	const credential: ICredentialsDecrypted = {
		id: 'cred-1',
		name: 'LCIC emulator',
		type: 'tencentCloudLcicApi',
		data: emulatorCredentials(emu, overrides),
	};
	return tencentCloudLcicApiTest.call(credentialTestContext(), credential);
}

describe('tencentCloudLcicApiTest against the emulator', () => {
	it('reports OK for a good key, after one signed DescribeDeveloper call', async () => {
		const result = await test();
		expect(result.status).toBe('OK');
		expect(result.message).toContain(emu.account.developerId);
		expect(emu.calls).toEqual([
			expect.objectContaining({
				action: 'DescribeDeveloper',
				params: {},
				secretId: emu.account.secretId,
			}),
		]);
		expect(emu.calls[0].errorCode).toBeUndefined();
	});

	it("reports an unknown SecretId with Tencent's code, not an HTTP status, and no secret", async () => {
		const secretKey = 'credential-test-secret-never-shown';
		const result = await test({ secretId: 'AKIDnobodyKnowsThisKey', secretKey });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('AuthFailure.SecretIdNotFound');
		expect(result.message).toMatch(/RequestId: [0-9a-f-]{36}/);
		expect(result.message).not.toContain('HTTP 200');
		expect(result.message).not.toContain(secretKey);
	});

	it('reports a wrong SecretKey as AuthFailure.SignatureFailure', async () => {
		const result = await test({ secretKey: 'not-the-right-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('AuthFailure.SignatureFailure');
		expect(result.message).not.toContain('not-the-right-secret');
	});

	it('says the endpoint did not answer like LCIC when a gateway answers HTML', async () => {
		emu.faults.add({ kind: 'status', status: 502 });
		const result = await test();
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining('did not answer like the LCIC API'),
		});
	});

	it('says the endpoint is unreachable when nothing listens there', async () => {
		const gone = await startEmulator({ actions: ACTIONS });
		const url = gone.url;
		await gone.stop();
		const result = await test({ customUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`Could not reach ${url}`);
		expect(result.message).toContain('ECONNREFUSED');
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
