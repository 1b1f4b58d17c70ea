import { authorization } from '../../credentials/tc3Signer';
import { signLcicRequest } from '../../credentials/signRequest';
import {
	DEFAULT_ACCOUNT,
	LcicError,
	startEmulator,
	type ActionTable,
	type EmulatorAccount,
	type RunningEmulator,
} from './index';

// The HTTP layer against a small action table of its own, so that these tests do not depend on
// the LCIC behaviour. Requests are signed by the credential's signer; the emulator verifies
// them with its own, independent code.

const TOKEN_ACCOUNT: EmulatorAccount = {
	secretId: 'AKIDTemporaryKeyWithToken000000000000',
	secretKey: 'temporary-secret',
	token: 'session-token-1',
	appId: 1250000001,
	sdkAppId: 3520372,
	developerId: 'dev-3520372',
};

/** A second API key of the default account (another SecretId, the same AppId). */
const SECOND_KEY: EmulatorAccount = {
	...DEFAULT_ACCOUNT,
	secretId: 'AKIDSecondKeyOfTheSameAccount0000000',
	secretKey: 'second-key-of-the-same-account',
};

let executions = 0;
const ACTIONS: ActionTable = {
	DescribeThing: {
		params: {
			Id: { type: 'Integer', required: true },
			Name: { type: 'String' },
			Tags: { type: 'Array of String' },
		},
		handler: ({ params, account }) => ({
			Id: params.Id,
			Name: params.Name ?? 'thing',
			SdkAppId: account.sdkAppId,
		}),
	},
	CreateThing: {
		params: { Name: { type: 'String', required: true } },
		handler: () => {
			executions += 1;
			return { ThingId: executions };
		},
	},
	Limited: { params: {}, rateLimit: 2, handler: () => ({}) },
	LimitedShared: { params: {}, rateLimit: 2, handler: () => ({}) },
	Refuse: {
		params: {},
		handler: () => {
			throw new LcicError('ResourceNotFound.Thing', 'No such thing.');
		},
	},
};

interface SendOptions {
	account?: EmulatorAccount;
	/** Wall-clock ms the signer uses. */
	now?: number;
	version?: string;
	sessionToken?: string;
	/** Changes after signing (tampering, removing headers). */
	after?: (
		headers: Record<string, string>,
		body: Buffer,
	) => { headers: Record<string, string>; body: Buffer };
}

interface Reply {
	status: number;
	text: string;
	json: {
		Response: Record<string, unknown> & {
			Error?: { Code: string; Message: string };
			RequestId: string;
		};
	};
}

let emu: RunningEmulator;

async function send(action: string, body: unknown, options: SendOptions = {}): Promise<Reply> {
	const account = options.account ?? emu.account;
	const signed = signLcicRequest(
		{
			endpoint: 'custom',
			customUrl: emu.url,
			secretId: account.secretId,
			secretKey: account.secretKey,
			sessionToken: options.sessionToken ?? account.token ?? '',
		},
		{
			method: 'POST',
			url: '/',
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'X-TC-Action': action,
				'X-TC-Version': options.version ?? '2022-08-17',
			},
			body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8'),
		},
		options.now === undefined ? Date.now : () => options.now as number,
	);
	let headers = signed.headers as Record<string, string>;
	let payload = signed.body as Buffer;
	if (options.after) ({ headers, body: payload } = options.after({ ...headers }, payload));
	const response = await fetch(`${emu.url}/`, { method: 'POST', headers, body: payload });
	const text = await response.text();
	let json = {} as Reply['json'];
	try {
		json = JSON.parse(text);
	} catch {
		// an HTML gateway page
	}
	return { status: response.status, text, json };
}

async function errorCode(
	action: string,
	body: unknown,
	options?: SendOptions,
): Promise<string | undefined> {
	const reply = await send(action, body, options);
	expect(reply.status).toBe(200);
	expect(reply.json.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
	return reply.json.Response.Error?.Code;
}

beforeAll(async () => {
	emu = await startEmulator({
		actions: ACTIONS,
		accounts: [DEFAULT_ACCOUNT, TOKEN_ACCOUNT, SECOND_KEY],
	});
});
afterAll(() => emu.stop());
beforeEach(() => {
	emu.faults.clear();
	emu.resetCalls();
});

describe('signed requests', () => {
	it('runs the action and wraps its fields in Response with a RequestId', async () => {
		const reply = await send('DescribeThing', { Id: 7, Name: '教室 ✓' });
		expect(reply.status).toBe(200);
		expect(reply.json.Response).toEqual({
			Id: 7,
			Name: '教室 ✓',
			SdkAppId: 3520371,
			RequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		expect(emu.calls).toEqual([
			{
				action: 'DescribeThing',
				params: { Id: 7, Name: '教室 ✓' },
				secretId: DEFAULT_ACCOUNT.secretId,
				at: expect.any(Number),
			},
		]);
	});

	it('passes action errors through as Response.Error', async () => {
		const reply = await send('Refuse', {});
		expect(reply.json.Response.Error).toEqual({
			Code: 'ResourceNotFound.Thing',
			Message: 'No such thing.',
		});
		expect(emu.calls[0].errorCode).toBe('ResourceNotFound.Thing');
	});

	it('accepts a signature over the host without its port (what the official SDK signs)', async () => {
		const code = await errorCode(
			'DescribeThing',
			{ Id: 1 },
			{
				after: (headers, body) => {
					const timestamp = Number(headers['X-TC-Timestamp']);
					headers.Authorization = authorization({
						secretId: emu.account.secretId,
						secretKey: emu.account.secretKey,
						service: 'lcic',
						host: '127.0.0.1',
						timestamp,
						payload: body,
						contentType: headers['Content-Type'],
					});
					return { headers, body };
				},
			},
		);
		expect(code).toBeUndefined();
	});
});

describe('authentication errors', () => {
	it('answers SignatureFailure without an Authorization header', async () => {
		const code = await errorCode(
			'DescribeThing',
			{ Id: 1 },
			{
				after: (headers, body) => {
					delete headers.Authorization;
					return { headers, body };
				},
			},
		);
		expect(code).toBe('AuthFailure.SignatureFailure');
		expect(emu.calls[0].errorCode).toBe('AuthFailure.SignatureFailure');
	});

	it('answers InvalidAuthorization for a garbled Authorization header', async () => {
		const code = await errorCode(
			'DescribeThing',
			{ Id: 1 },
			{
				after: (headers, body) => ({
					headers: { ...headers, Authorization: 'TC3-HMAC-SHA256 Credential=nonsense' },
					body,
				}),
			},
		);
		expect(code).toBe('AuthFailure.InvalidAuthorization');
	});

	it('answers SecretIdNotFound for an unknown SecretId', async () => {
		const code = await errorCode(
			'DescribeThing',
			{ Id: 1 },
			{ account: { ...emu.account, secretId: 'AKIDunknown' } },
		);
		expect(code).toBe('AuthFailure.SecretIdNotFound');
	});

	it('answers SignatureFailure for a wrong SecretKey', async () => {
		const code = await errorCode(
			'DescribeThing',
			{ Id: 1 },
			{ account: { ...emu.account, secretKey: 'wrong' } },
		);
		expect(code).toBe('AuthFailure.SignatureFailure');
	});

	it('answers SignatureFailure when the body was changed after signing', async () => {
		const code = await errorCode(
			'DescribeThing',
			{ Id: 1 },
			{
				after: (headers) => ({ headers, body: Buffer.from('{"Id":2}') }),
			},
		);
		expect(code).toBe('AuthFailure.SignatureFailure');
	});

	it('answers SignatureFailure when a signed header was changed after signing', async () => {
		const code = await errorCode(
			'DescribeThing',
			{ Id: 1 },
			{
				after: (headers, body) => ({
					headers: { ...headers, 'Content-Type': 'application/json' },
					body,
				}),
			},
		);
		expect(code).toBe('AuthFailure.SignatureFailure');
	});

	it('answers SignatureExpire beyond 300 seconds of skew, either way', async () => {
		// 20 s past the limit: a loaded machine's request latency must not bring a future timestamp back inside it.
		expect(await errorCode('DescribeThing', { Id: 1 }, { now: Date.now() - 320_000 })).toBe(
			'AuthFailure.SignatureExpire',
		);
		expect(await errorCode('DescribeThing', { Id: 1 }, { now: Date.now() + 320_000 })).toBe(
			'AuthFailure.SignatureExpire',
		);
		expect(
			await errorCode('DescribeThing', { Id: 1 }, { now: Date.now() - 290_000 }),
		).toBeUndefined();
	});

	it('checks the session token of a temporary key', async () => {
		expect(await errorCode('DescribeThing', { Id: 1 }, { account: TOKEN_ACCOUNT })).toBeUndefined();
		expect(
			await errorCode(
				'DescribeThing',
				{ Id: 1 },
				{ account: TOKEN_ACCOUNT, sessionToken: 'stale' },
			),
		).toBe('AuthFailure.TokenFailure');
		expect(
			await errorCode(
				'DescribeThing',
				{ Id: 1 },
				{ account: { ...TOKEN_ACCOUNT, token: undefined } },
			),
		).toBe('AuthFailure.TokenFailure');
	});
});

describe('action and parameter errors', () => {
	it('answers NoSuchVersion for another API version', async () => {
		expect(await errorCode('DescribeThing', { Id: 1 }, { version: '2020-01-01' })).toBe(
			'NoSuchVersion',
		);
	});

	it('answers InvalidAction for an unknown action', async () => {
		const reply = await send('DescribeNothing', {});
		expect(reply.json.Response.Error?.Code).toBe('InvalidAction');
		expect(reply.json.Response.Error?.Message).toContain('DescribeNothing');
	});

	it('names a missing required parameter', async () => {
		const reply = await send('DescribeThing', { Name: 'x' });
		expect(reply.json.Response.Error?.Code).toBe('MissingParameter');
		expect(reply.json.Response.Error?.Message).toContain('`Id`');
	});

	it('names a parameter of the wrong type and the expected type', async () => {
		const reply = await send('DescribeThing', { Id: '7' });
		expect(reply.json.Response.Error?.Code).toBe('InvalidParameter');
		expect(reply.json.Response.Error?.Message).toMatch(/`Id`.*Integer/);
		const tags = await send('DescribeThing', { Id: 7, Tags: ['a', 1] });
		expect(tags.json.Response.Error?.Message).toMatch(/`Tags`.*Array of String/);
	});

	it('names an unknown parameter', async () => {
		const reply = await send('DescribeThing', { Id: 7, Colour: 'red' });
		expect(reply.json.Response.Error?.Code).toBe('UnknownParameter');
		expect(reply.json.Response.Error?.Message).toContain('`Colour`');
	});

	it('rejects a body that is not a JSON object', async () => {
		expect(await errorCode('DescribeThing', '[1]')).toBe('InvalidParameter');
	});
});

describe('rate limits', () => {
	// The windows' clock is the test's: on the real one, calls on a loaded machine can span more
	// than a second, and a call expected to be over the limit then rightly gets through.
	let now = 1_000_000;
	async function onHeldClock(run: () => Promise<void>): Promise<void> {
		const held = await startEmulator({
			actions: ACTIONS,
			accounts: [DEFAULT_ACCOUNT, TOKEN_ACCOUNT, SECOND_KEY],
			rateLimitClock: () => now,
		});
		const previous = emu;
		emu = held;
		try {
			await run();
		} finally {
			emu = previous;
			await held.stop();
		}
	}

	it('answers RequestLimitExceeded above the action limit within one second', async () => {
		await onHeldClock(async () => {
			const codes = [];
			for (let i = 0; i < 3; i++) codes.push(await errorCode('Limited', {}));
			expect(codes).toEqual([undefined, undefined, 'RequestLimitExceeded']);
			// Another account has its own window.
			expect(await errorCode('Limited', {}, { account: TOKEN_ACCOUNT })).toBeUndefined();
			now += 999;
			expect(await errorCode('Limited', {})).toBe('RequestLimitExceeded');
			// One second after the first two: the window has room again.
			now += 1;
			expect(await errorCode('Limited', {})).toBeUndefined();
		});
	});

	it("counts every caller of one account together, whatever key it signs with (Tencent's UinLimitExceeded)", async () => {
		await onHeldClock(async () => {
			// Four callers at once, two with each key of the account, against a limit of 2 per second.
			const callers = [DEFAULT_ACCOUNT, SECOND_KEY, DEFAULT_ACCOUNT, SECOND_KEY];
			const codes = await Promise.all(
				callers.map((account) => errorCode('LimitedShared', {}, { account })),
			);
			expect(codes.filter((code) => code === undefined)).toHaveLength(2);
			expect(codes.filter((code) => code === 'RequestLimitExceeded')).toHaveLength(2);
		});
	});

	it('can be turned off', async () => {
		const other = await startEmulator({ actions: ACTIONS, rateLimits: false });
		const previous = emu;
		emu = other;
		try {
			for (let i = 0; i < 5; i++) expect(await errorCode('Limited', {})).toBeUndefined();
		} finally {
			emu = previous;
			await other.stop();
		}
	});
});

/**
 * The emulator's wait (StartOptions.wait) held by the test: each time the emulator holds an
 * answer back, `next()` gives how long it asked for and lets the test release it. No test
 * measures time (the machine is shared): they check that the answer waits for the release.
 */
function heldWaits() {
	const asked: Array<{ ms: number; release: () => void }> = [];
	const readers: Array<(held: { ms: number; release: () => void }) => void> = [];
	return {
		wait(ms: number): Promise<void> {
			return new Promise<void>((release) => {
				const held = { ms, release };
				const reader = readers.shift();
				if (reader) reader(held);
				else asked.push(held);
			});
		},
		/**
		 * The next wait the emulator starts (already started or still to come); fails if `answer`
		 * comes first, that is, without a wait.
		 */
		next(answer: Promise<unknown>): Promise<{ ms: number; release: () => void }> {
			const held = asked.shift();
			if (held) return Promise.resolve(held);
			return Promise.race([
				new Promise<{ ms: number; release: () => void }>((resolve) => readers.push(resolve)),
				answer.then(() => {
					throw new Error('The emulator answered without holding the answer back');
				}),
			]);
		},
	};
}

/** Whether `promise` is still unsettled once the pending I/O callbacks have run. */
async function stillPending(promise: Promise<unknown>): Promise<boolean> {
	const settled = promise.then(
		() => false,
		() => false,
	);
	return await Promise.race([settled, new Promise<boolean>((r) => setImmediate(() => r(true)))]);
}

/** Runs `test` with `emu` set to an emulator of ACTIONS whose waits the test holds. */
async function withHeldWaits(
	test: (waits: ReturnType<typeof heldWaits>) => Promise<void>,
): Promise<void> {
	const waits = heldWaits();
	const local = await startEmulator({ actions: ACTIONS, wait: (ms) => waits.wait(ms) });
	const previous = emu;
	emu = local;
	try {
		await test(waits);
	} finally {
		emu = previous;
		await local.stop();
	}
}

describe('faults', () => {
	it('delay: holds the answer back for its milliseconds, then answers normally', async () => {
		await withHeldWaits(async (waits) => {
			emu.faults.add({ kind: 'delay', ms: 300 });
			const answer = errorCode('DescribeThing', { Id: 1 });
			const held = await waits.next(answer);
			expect(held.ms).toBe(300);
			// Nothing is answered while the wait lasts.
			expect(await stillPending(answer)).toBe(true);
			held.release();
			expect(await answer).toBeUndefined();
			expect(emu.calls[0].fault).toBe('delay');
		});
	});

	it('dropBefore: closes the connection without running the action', async () => {
		const before = executions;
		emu.faults.add({ kind: 'dropBefore', action: 'CreateThing' });
		await expect(send('CreateThing', { Name: 'a' })).rejects.toThrow();
		expect(executions).toBe(before);
		expect(await errorCode('CreateThing', { Name: 'a' })).toBeUndefined();
		expect(executions).toBe(before + 1);
	});

	it('dropAfter: runs the action, then closes the connection', async () => {
		const before = executions;
		emu.faults.add({ kind: 'dropAfter', action: 'CreateThing' });
		await expect(send('CreateThing', { Name: 'a' })).rejects.toThrow();
		expect(executions).toBe(before + 1);
	});

	it('status: answers an HTML gateway page with that HTTP status', async () => {
		emu.faults.add({ kind: 'status', status: 502 });
		const reply = await send('DescribeThing', { Id: 1 });
		expect(reply.status).toBe(502);
		expect(reply.text).toContain('<html>');
	});

	it('error: answers Response.Error without running the action', async () => {
		const before = executions;
		emu.faults.add({ kind: 'error', code: 'InternalError', message: 'boom', times: 2 });
		expect(await errorCode('CreateThing', { Name: 'a' })).toBe('InternalError');
		expect(await errorCode('CreateThing', { Name: 'a' })).toBe('InternalError');
		expect(await errorCode('CreateThing', { Name: 'a' })).toBeUndefined();
		expect(executions).toBe(before + 1);
	});

	it('latency: every answer is held back, successes and errors alike, and it can be changed', async () => {
		await withHeldWaits(async (waits) => {
			emu.latencyMs = 200;
			for (const [action, params, code] of [
				['CreateThing', { Name: 'a' }, undefined],
				['Refuse', {}, 'ResourceNotFound.Thing'],
			] as const) {
				const before = executions;
				const answer = errorCode(action, params);
				const held = await waits.next(answer);
				expect(held.ms).toBe(200);
				expect(await stillPending(answer)).toBe(true);
				// The action ran on arrival; only its answer waits.
				if (action === 'CreateThing') expect(executions).toBe(before + 1);
				held.release();
				expect(await answer).toBe(code);
			}
			emu.latencyMs = 0;
			expect(await errorCode('DescribeThing', { Id: 1 })).toBeUndefined();
		});
		expect(() => (emu.latencyMs = -1)).toThrow('whole number of milliseconds');
		expect(() => (emu.latencyMs = 1.5)).toThrow('whole number of milliseconds');
	});

	it('applies only to its action, and clear() removes pending faults', async () => {
		emu.faults.add({ kind: 'error', code: 'InternalError', action: 'CreateThing' });
		expect(await errorCode('DescribeThing', { Id: 1 })).toBeUndefined();
		emu.faults.clear();
		expect(await errorCode('CreateThing', { Name: 'a' })).toBeUndefined();
	});
});

describe('admin API', () => {
	const admin = async (
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; json: unknown }> => {
		const response = await fetch(`${emu.url}/__emulator/${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, json: await response.json() };
	};

	it('serves info with the demo account', async () => {
		const { json } = await admin('GET', 'info');
		expect(json).toMatchObject({
			url: emu.url,
			port: emu.port,
			account: DEFAULT_ACCOUNT,
			actions: ['CreateThing', 'DescribeThing', 'Limited', 'LimitedShared', 'Refuse'],
		});
	});

	it('lists and resets calls', async () => {
		await send('DescribeThing', { Id: 3 });
		expect((await admin('GET', 'calls')).json).toEqual([
			expect.objectContaining({ action: 'DescribeThing', params: { Id: 3 } }),
		]);
		await admin('POST', 'reset-calls');
		expect(emu.calls).toEqual([]);
	});

	it('adds and clears faults', async () => {
		expect((await admin('POST', 'faults', { kind: 'error', code: 'InternalError' })).status).toBe(
			200,
		);
		expect(await errorCode('DescribeThing', { Id: 1 })).toBe('InternalError');
		await admin('POST', 'faults', { kind: 'error', code: 'InternalError' });
		await admin('DELETE', 'faults');
		expect(await errorCode('DescribeThing', { Id: 1 })).toBeUndefined();
		expect((await admin('POST', 'faults', { kind: 'explode' })).status).toBe(400);
	});

	it('moves the clock', async () => {
		// The clock goes on with wall time after it is set: the seconds that pass between the set
		// and a reading (read around the calls) are on top of the value set.
		const wallSeconds = () => Math.floor(Date.now() / 1000);
		const setFrom = wallSeconds();
		const { json } = await admin('POST', 'clock', { set: 1_800_000_000 });
		const setBy = wallSeconds();
		const nowAfterSet = (json as { now: number }).now;
		expect(nowAfterSet - 1_800_000_000).toBeGreaterThanOrEqual(0);
		expect(nowAfterSet - 1_800_000_000).toBeLessThanOrEqual(setBy - setFrom);
		const advanced = await admin('POST', 'clock', { advance: 60 });
		const advancedBy = wallSeconds();
		const nowAfterAdvance = (advanced.json as { now: number }).now;
		expect(nowAfterAdvance - 1_800_000_060).toBeGreaterThanOrEqual(0);
		expect(nowAfterAdvance - 1_800_000_060).toBeLessThanOrEqual(advancedBy - setFrom);
		expect(emu.clock.now()).toBeGreaterThanOrEqual(nowAfterAdvance);
	});

	it('sets the latency', async () => {
		expect((await admin('POST', 'latency', { ms: 50 })).json).toEqual({ ms: 50 });
		expect(emu.latencyMs).toBe(50);
		expect((await admin('GET', 'info')).json).toMatchObject({ latencyMs: 50 });
		expect((await admin('POST', 'latency', { ms: 0 })).status).toBe(200);
		expect(emu.latencyMs).toBe(0);
		expect((await admin('POST', 'latency', { ms: -5 })).status).toBe(400);
		expect((await admin('POST', 'latency', {})).status).toBe(400);
	});

	it('answers 404 for unknown admin paths', async () => {
		expect((await admin('GET', 'nothing')).status).toBe(404);
	});
});

describe('stop()', () => {
	it('closes keep-alive connections and stops listening', async () => {
		const local = await startEmulator({ actions: ACTIONS });
		const previous = emu;
		emu = local;
		try {
			expect(await errorCode('DescribeThing', { Id: 1 })).toBeUndefined();
		} finally {
			emu = previous;
		}
		await local.stop();
		await expect(fetch(`${local.url}/__emulator/info`)).rejects.toThrow();
	});
});
