import { Agent } from 'http';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';

import { startEmulator, type ActionTable, type RunningEmulator } from './index';

// Tencent's official Node.js SDK against the emulator: proof that the emulator's verifier
// accepts signatures made by code that is neither ours nor derived from ours.
//
// How the SDK is pointed at the emulator (tencentcloud-sdk-nodejs-common 4.1.x):
// - CommonClient(endpoint, version, {credential, profile}) with endpoint `127.0.0.1:PORT` and
//   client.request(action, params) calls any action.
// - profile.httpProfile.protocol = 'http://' (the default is https://; nothing else insists on TLS).
// - The SDK derives the credential scope's service from the endpoint's first dot-separated
//   label, so it signs with service "127"; the emulator accepts any service in the scope.
// - It sends `Host: 127.0.0.1:PORT` but signs `host:127.0.0.1` (URL.hostname, no port); the
//   emulator accepts both forms.
// - It signs `content-type:application/json` (no charset).
// - With http_proxy set in the environment and no agent given, it routes through an
//   https-proxy-agent; an explicit http.Agent keeps the request local.

const ACTIONS: ActionTable = {
	DescribeThing: {
		params: { Name: { type: 'String' }, Ids: { type: 'Array of Integer' } },
		handler: ({ params, account }) => ({
			Name: params.Name ?? null,
			Ids: params.Ids ?? [],
			DeveloperId: account.developerId,
		}),
	},
};

let emu: RunningEmulator;
const agent = new Agent({ keepAlive: false });

beforeAll(async () => {
	emu = await startEmulator({ actions: ACTIONS });
});
afterAll(async () => {
	agent.destroy();
	await emu.stop();
});

function client(secretKey: string = emu.account.secretKey): CommonClient {
	return new CommonClient(`127.0.0.1:${emu.port}`, '2022-08-17', {
		credential: { secretId: emu.account.secretId, secretKey },
		profile: {
			signMethod: 'TC3-HMAC-SHA256',
			httpProfile: { protocol: 'http://', reqTimeout: 10, agent },
		},
	});
}

describe("Tencent's official SDK against the emulator", () => {
	it('succeeds with the right key', async () => {
		const response = await client().request('DescribeThing', { Ids: [1, 2] });
		expect(response).toMatchObject({
			Ids: [1, 2],
			DeveloperId: emu.account.developerId,
			RequestId: expect.any(String),
		});
	});

	it('gets AuthFailure.SignatureFailure with a wrong key', async () => {
		const error = await client('not-the-key')
			.request('DescribeThing', {})
			.catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
	});

	it('verifies a body with non-ASCII text', async () => {
		const name = '课堂 – café 🎓';
		const response = await client().request('DescribeThing', { Name: name });
		expect(response).toMatchObject({ Name: name });
		expect(emu.calls.at(-1)).toMatchObject({ action: 'DescribeThing', params: { Name: name } });
		expect(emu.calls.at(-1)?.errorCode).toBeUndefined();
	});
});
