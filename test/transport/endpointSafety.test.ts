// Where signed requests may go, and what may come back out: through n8n-core's real execution
// (WorkflowExecute, the credentials helper, OutboundHttp) against the emulator.
// - A credential setting that cannot work is a configuration error, said before anything is
//   sent: not "may have taken effect", not retried, whatever the action.
// - Region takes region names only: anything else could move the signed request to another host.
// - Redirects are not followed (LCIC never redirects) and are reported.
// - A server message echoing the request's headers reaches no error text with the session token,
//   the Authorization value or the signature in it.
import { createServer, type Server as NetServer } from 'net';
import type { AddressInfo } from 'net';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'http';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { LCIC_API_VERSION } from '../../credentials/endpoint';
import { signLcicRequest } from '../../credentials/signRequest';

import { resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { DEFAULT_ACCOUNT, startEmulator, type RunningEmulator } from '../emulator';
import { parametersFor, runWorkflow } from '../harness';

const TOKEN = 'tmp-session-token-0123456789abcdef';
const account = { ...DEFAULT_ACCOUNT, token: TOKEN };
let emu: RunningEmulator;

/** A TCP listener that only counts connections: "another host" a request must never reach. */
let elsewhere: NetServer;
let elsewhereConnections = 0;
/** An HTTP server that records what reaches it: where a redirect points. */
let catcher: Server;
const caught: IncomingHttpHeaders[] = [];

function portOf(server: NetServer | Server): number {
	return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
	setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 2 });
	emu = await startEmulator({ accounts: [account] });
	elsewhere = createServer((socket) => {
		elsewhereConnections++;
		socket.destroy();
	});
	catcher = createHttpServer((req, res) => {
		caught.push(req.headers);
		res.end('{}');
	});
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
	await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
	setRetryPolicy({});
	await emu.stop();
	await new Promise((resolve) => elsewhere.close(resolve));
	await new Promise((resolve) => catcher.close(resolve));
});
beforeEach(() => {
	resetRateLimiter();
	emu.faults.clear();
	emu.resetCalls();
	caught.length = 0;
	elsewhereConnections = 0;
});

const READ = { action: 'DescribeRoom', values: { RoomId: 300000001 } };
const WRITE = {
	action: 'CreateRoom',
	values: {
		Name: 'Safety',
		StartTime: 2_000_000_000,
		EndTime: 2_000_003_600,
		Resolution: 1,
		MaxMicNumber: 1,
		SubType: 'videodoc',
	},
};

async function run(
	operation: { action: string; values: Record<string, unknown> },
	credentials: ICredentialDataDecryptedObject = {},
	continueOnFail = false,
) {
	return await runWorkflow({
		emulator: { url: emu.url, account },
		credentials,
		nodeParameters: parametersFor(operation.action, operation.values),
		continueOnFail,
	});
}

/** Every text of a run that a user, a log or a later node could see. */
function visible(result: Awaited<ReturnType<typeof run>>): string {
	return JSON.stringify({
		message: result.error?.message,
		description: result.error?.description,
		error: result.error,
		items: result.items,
		runData: result.runData,
	});
}

describe('a credential setting that cannot work is said before anything is sent', () => {
	const cases: Array<[string, ICredentialDataDecryptedObject, RegExp]> = [
		[
			'an empty Custom Base URL',
			{ endpoint: 'custom', customUrl: '  ' },
			/Custom Base URL is empty/,
		],
		[
			'a Custom Base URL that is no URL',
			{ endpoint: 'custom', customUrl: 'http://[::1' },
			/not a valid URL/,
		],
		[
			'a Custom Base URL without http:// or https:// (it used to become https and fail with EPROTO)',
			{ endpoint: 'custom', customUrl: '127.0.0.1:8787' },
			/"127\.0\.0\.1:8787" has no scheme\. Add http:\/\/ or https:\/\/ in front, such as http:\/\/127\.0\.0\.1:8787/,
		],
		[
			'a scheme whose slashes went missing',
			{ endpoint: 'custom', customUrl: 'http:/127.0.0.1:8787' },
			/"http:\/127\.0\.0\.1:8787" is not a valid URL: after http: or https: comes \/\//,
		],
		[
			'another scheme',
			{ endpoint: 'custom', customUrl: 'ftp://127.0.0.1:21' },
			/https:\/\/ or http:\/\//,
		],
		[
			'a user and password in it',
			{ endpoint: 'custom', customUrl: 'http://me:pw@127.0.0.1:1' },
			/user name or password/,
		],
		['a query in it', { endpoint: 'custom', customUrl: 'http://127.0.0.1:1/?x=1' }, /query/],
		['spaces in it', { endpoint: 'custom', customUrl: 'http://exa mple.com' }, /spaces or control/],
		['Regional without a Region', { endpoint: 'regional', region: '' }, /no Region is selected/],
		[
			'an Endpoint that is none of the options',
			{ endpoint: 'evil.example.com' },
			/not one of its options/,
		],
	];

	it.each(cases)(
		'%s: a configuration error for reads and writes, never retried',
		async (_, credentials, said) => {
			for (const operation of [READ, WRITE]) {
				const result = await run(operation, credentials);
				expect(result.error?.message).toMatch(said);
				expect(result.error?.description).toContain('Nothing was sent');
				expect(visible(result)).not.toMatch(/may have (reached|taken effect)/);
				expect(result.credentialsHelper.signedRequests).toBe(0);
			}
			expect(emu.calls).toHaveLength(0);
		},
	);

	it('continue-on-fail: the configuration error is on the item, and still nothing was sent', async () => {
		const result = await run(WRITE, { endpoint: 'regional', region: '' }, true);
		expect(result.error).toBeUndefined();
		expect(String(result.items[0].json.error)).toMatch(/no Region is selected/);
		expect(emu.calls).toHaveLength(0);
	});
});

describe('Region takes region names only', () => {
	it.each([
		['the regional endpoint', 'regional'],
		['a custom endpoint (X-TC-Region header)', 'custom'],
	])('%s: a Region that names a host sends nothing anywhere', async (_, endpoint) => {
		const hostile = `x@127.0.0.1:${portOf(elsewhere)}/#`;
		for (const region of [hostile, 'ap-singapore\r\nX-Evil: 1', 'AP-SINGAPORE', '../x']) {
			const result = await run(READ, { endpoint, region });
			expect(result.error?.message).toMatch(/Region is not a Tencent Cloud region name/);
			expect(result.credentialsHelper.signedRequests).toBe(0);
		}
		expect(elsewhereConnections).toBe(0);
		expect(emu.calls).toHaveLength(0);
	});

	it('a region name is sent as X-TC-Region', async () => {
		const result = await run(READ, { region: 'ap-singapore' });
		expect(result.error?.message).toMatch(/ResourceNotFound/);
		expect(emu.calls).toHaveLength(1);
	});
});

describe('redirects are reported, never followed', () => {
	it.each([301, 302, 307, 308])(
		'HTTP %s: neither the read nor the write goes elsewhere',
		async (status) => {
			const location = `http://127.0.0.1:${portOf(catcher)}/`;
			for (const operation of [READ, WRITE]) {
				emu.resetCalls();
				emu.faults.add({ kind: 'redirect', status, location, times: 5 });
				const result = await run(operation);
				expect(result.error?.message).toContain(`redirect (HTTP ${status} to ${location})`);
				expect(result.error?.message).toContain('not followed');
				// Asked once: not retried, not followed.
				expect(emu.calls).toHaveLength(1);
			}
			expect(caught).toHaveLength(0);
		},
	);
});

describe('no token, Authorization value or signature in any error text', () => {
	function expectClean(text: string): void {
		expect(text).toContain('InvalidParameter');
		expect(text).not.toContain(TOKEN);
		expect(text).not.toContain(account.secretKey);
		expect(text).not.toMatch(/TC3-HMAC-SHA256 Credential=/);
		expect(text).not.toMatch(/Signature=[0-9a-f]{8}/i);
	}

	it('a server that echoes the request headers in its message: error, error item, both actions', async () => {
		for (const operation of [READ, WRITE]) {
			emu.faults.add({ kind: 'echoHeaders', code: 'InvalidParameter' });
			const stopped = await run(operation);
			expect(stopped.error).toBeDefined();
			expectClean(visible(stopped));

			emu.faults.add({ kind: 'echoHeaders', code: 'InvalidParameter' });
			const continued = await run(operation, {}, true);
			expect(continued.items[0].json.error).toBeDefined();
			expectClean(visible(continued));
		}
	});

	it('the echo is still useful: the rest of the message stays', async () => {
		emu.faults.add({ kind: 'echoHeaders', code: 'InvalidParameter', message: 'Bad header.' });
		const result = await run(READ);
		expect(result.error?.message).toContain('Bad header.');
		expect(result.error?.message).toContain('[redacted]');
		expect(result.error?.message).toContain('x-tc-action');
	});
});

describe('the emulator fault kinds used here', () => {
	it('echoHeaders really echoes the token and the signature (so the tests above mean something)', async () => {
		emu.faults.add({ kind: 'echoHeaders' });
		const signed = signLcicRequest(
			{
				secretId: account.secretId,
				secretKey: account.secretKey,
				sessionToken: TOKEN,
				endpoint: 'custom',
				customUrl: emu.url,
			},
			{
				method: 'POST',
				url: '/',
				headers: { 'X-TC-Action': 'DescribeDeveloper', 'X-TC-Version': LCIC_API_VERSION },
				body: {},
			},
		);
		const response = await fetch(`${emu.url}/`, {
			method: 'POST',
			headers: signed.headers as Record<string, string>,
			body: signed.body as Buffer,
		});
		const text = await response.text();
		expect(text).toContain(TOKEN);
		expect(text).toMatch(/TC3-HMAC-SHA256 Credential=.*Signature=[0-9a-f]{64}/);
	});
});
