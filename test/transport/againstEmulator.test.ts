import { NodeApiError } from 'n8n-workflow';

import {
	lcicApiRequest,
	lcicApiRequestAllItems,
	resetRateLimiter,
	setRetryPolicy,
	type PagingSpec,
} from '../../nodes/Lcic/transport';
import * as limiter from '../../nodes/Lcic/transport/rateLimiter';
import { startEmulator, type ActionTable, type RunningEmulator } from '../emulator';
import { emulatorContext } from './emulatorContext';

// The transport (retries, limiter, pager, errors) and the real credential against the
// emulator over real sockets. The emulator runs a small action table of its own so these tests
// exercise the transport's rules, not the LCIC behaviour.

const THINGS = Array.from({ length: 45 }, (_, i) => ({ ThingId: i + 1 }));
let roomsCreated = 0;

function slice(from: number, limit: number): Array<{ ThingId: number }> {
	return THINGS.slice(Math.max(0, from), Math.max(0, from) + Math.max(0, limit));
}

const ACTIONS: ActionTable = {
	DescribeDeveloper: {
		params: {},
		handler: ({ account }) => ({ DeveloperId: account.developerId }),
	},
	CreateRoom: {
		params: { Name: { type: 'String', required: true } },
		handler: () => ({ RoomId: 300_000_000 + ++roomsCreated }),
	},
	// Page/Limit with Total; `Total` can be overridden to test stopping on it.
	GetThings: {
		params: {
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
			ReportTotal: { type: 'Integer' },
		},
		handler: ({ params }) => {
			const limit = Number(params.Limit ?? 20);
			const page = Number(params.Page ?? 1);
			return {
				Things: slice((page - 1) * limit, limit),
				Total: params.ReportTotal ?? THINGS.length,
			};
		},
	},
	// Offset/Limit without a total.
	DescribeThingsByOffset: {
		params: { Offset: { type: 'Integer' }, Limit: { type: 'Integer' } },
		handler: ({ params }) => ({
			Things: slice(Number(params.Offset ?? 0), Number(params.Limit ?? 20)),
		}),
	},
};

const PAGES: PagingSpec = {
	style: 'page',
	pageParam: 'Page',
	sizeParam: 'Limit',
	firstPage: 1,
	maxPageSize: 20,
	itemsKey: 'Things',
	totalKey: 'Total',
};
const OFFSETS: PagingSpec = {
	style: 'offset',
	pageParam: 'Offset',
	sizeParam: 'Limit',
	firstPage: 0,
	maxPageSize: 20,
	itemsKey: 'Things',
};

let emu: RunningEmulator;

beforeAll(async () => {
	setRetryPolicy({ baseDelayMs: 5, maxDelayMs: 20 });
	emu = await startEmulator({ actions: ACTIONS });
});
afterAll(() => emu.stop());
beforeEach(() => {
	resetRateLimiter();
	emu.faults.clear();
	emu.resetCalls();
});

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

function everything(error: NodeApiError): string {
	return [
		error.message,
		error.description,
		error.stack,
		JSON.stringify(error),
		JSON.stringify(error.cause),
	].join('\n');
}

describe('signed calls and errors', () => {
	it('calls an action with the real credential', async () => {
		const { context } = emulatorContext(emu);
		const response = await lcicApiRequest.call(context, 'DescribeDeveloper', {});
		expect(response).toEqual({
			DeveloperId: emu.account.developerId,
			RequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		expect(emu.calls).toEqual([
			expect.objectContaining({ action: 'DescribeDeveloper', secretId: emu.account.secretId }),
		]);
	});

	it('reports an unknown SecretId with code, message and RequestId, and never the SecretKey', async () => {
		const secretKey = 'secret-that-must-not-leak-1234';
		const { context } = emulatorContext(emu, { secretId: 'AKIDunknownKey', secretKey });
		const error = await failure(lcicApiRequest.call(context, 'DescribeDeveloper', {}));
		expect(error.message).toMatch(/^AuthFailure\.SecretIdNotFound: .+/);
		expect(error.description).toMatch(/RequestId: [0-9a-f-]{36}/);
		expect(everything(error)).not.toContain(secretKey);
	});

	it('reports a wrong SecretKey as SignatureFailure without the key', async () => {
		const secretKey = 'wrong-secret-that-must-not-leak';
		const { context } = emulatorContext(emu, { secretKey });
		const error = await failure(lcicApiRequest.call(context, 'DescribeDeveloper', {}));
		expect(error.message).toMatch(/^AuthFailure\.SignatureFailure: /);
		expect(everything(error)).not.toContain(secretKey);
		expect(everything(error)).not.toContain(emu.account.secretKey);
	});

	it('passes parameter errors through with the emulator message', async () => {
		const { context } = emulatorContext(emu);
		const error = await failure(
			lcicApiRequest.call(context, 'CreateRoom', { Name: 'x', Colour: 'red' }),
		);
		expect(error.message).toContain('UnknownParameter');
		expect(error.message).toContain('Colour');
	});
});

describe('retries', () => {
	it.each([
		['InternalError', { kind: 'error', code: 'InternalError' }],
		['dropBefore', { kind: 'dropBefore' }],
		['dropAfter', { kind: 'dropAfter' }],
		['HTTP 502', { kind: 'status', status: 502 }],
	] as const)('retries a read-only action after %s', async (_name, fault) => {
		emu.faults.add({ ...fault, action: 'DescribeDeveloper', times: 2 });
		const { context } = emulatorContext(emu);
		await expect(
			lcicApiRequest.call(context, 'DescribeDeveloper', {}, { readOnly: true }),
		).resolves.toMatchObject({
			DeveloperId: emu.account.developerId,
		});
		expect(emu.calls).toHaveLength(3);
	});

	it('does not resend a write whose connection dropped after it ran, and says it may have taken effect', async () => {
		const before = roomsCreated;
		emu.faults.add({ kind: 'dropAfter', action: 'CreateRoom', times: 3 });
		const { context } = emulatorContext(emu);
		const error = await failure(lcicApiRequest.call(context, 'CreateRoom', { Name: 'Physics' }));
		expect(roomsCreated).toBe(before + 1);
		expect(emu.calls).toHaveLength(1);
		expect(error.message).toContain('ECONNRESET');
		expect(error.description).toContain('may have reached Tencent Cloud and taken effect');
	});

	it('does not retry a write after InternalError', async () => {
		emu.faults.add({ kind: 'error', code: 'InternalError', action: 'CreateRoom' });
		const { context } = emulatorContext(emu);
		await failure(lcicApiRequest.call(context, 'CreateRoom', { Name: 'Physics' }));
		expect(emu.calls).toHaveLength(1);
	});

	it('retries a rate-limited write, which ran exactly once', async () => {
		const before = roomsCreated;
		emu.faults.add({ kind: 'error', code: 'RequestLimitExceeded', action: 'CreateRoom' });
		const { context } = emulatorContext(emu);
		await expect(
			lcicApiRequest.call(context, 'CreateRoom', { Name: 'Physics' }),
		).resolves.toMatchObject({ RoomId: expect.any(Number) });
		expect(roomsCreated).toBe(before + 1);
		expect(emu.calls.map((c) => c.errorCode)).toEqual(['RequestLimitExceeded', undefined]);
	});
});

describe('client-side rate limiter', () => {
	afterEach(() => jest.restoreAllMocks());

	it("paces a burst of 60 calls to the emulator's 20/s: every call goes through the limiter, all succeed", async () => {
		// A fresh emulator: the earlier tests' calls still count in the shared one's window.
		const fresh = await startEmulator({ actions: ACTIONS });
		// When the limiter let each attempt go (watched, not replaced).
		const granted: number[] = [];
		const acquire = limiter.acquire;
		jest.spyOn(limiter, 'acquire').mockImplementation(async (...args) => {
			const at = await acquire(...args);
			granted.push(at);
			return at;
		});
		try {
			const { context } = emulatorContext(fresh);
			const results = await Promise.all(
				Array.from({ length: 60 }, () => lcicApiRequest.call(context, 'DescribeDeveloper', {})),
			);
			expect(results).toHaveLength(60);
			// Each call ran exactly once at the emulator; every attempt was let go by the limiter.
			const rejected = fresh.calls.filter((c) => c.errorCode);
			expect(fresh.calls.length - rejected.length).toBe(60);
			expect(granted).toHaveLength(fresh.calls.length);
			// Tencent: 20 requests per second for the action. The limiter lets at most 20 go in any
			// one-second window, so any 21 consecutive sends span more than a second.
			const sends = [...granted].sort((a, b) => a - b);
			for (let i = 20; i < sends.length; i++)
				expect(sends[i] - sends[i - 20]).toBeGreaterThanOrEqual(1000);
			// 60 calls at 20/s need at least two full windows after the first 20.
			expect(sends[sends.length - 1] - sends[0]).toBeGreaterThanOrEqual(2000);
			// Not asserted: how many the emulator rejected. The limiter times when a request may
			// start; the emulator counts arrivals. On a loaded machine one burst's arrivals lag its
			// sends by more than the limiter's 100 ms margin (measured: the whole first burst
			// ~150-250 ms late, from cold connections, with four test runs at once), the next
			// burst's do not, and up to a burst is rejected and retried. A quiet machine sees none
			// or a few stragglers; `npm run bench` measures rejections.
		} finally {
			await fresh.stop();
		}
	});
});

describe('pager', () => {
	const params = (): Array<Record<string, unknown>> => emu.calls.map((c) => c.params);

	it('walks Page/Limit to a short last page', async () => {
		const { context } = emulatorContext(emu);
		const records = await lcicApiRequestAllItems.call(context, 'GetThings', {}, PAGES);
		expect(records).toEqual(THINGS);
		expect(params()).toEqual([
			{ Page: 1, Limit: 20 },
			{ Page: 2, Limit: 20 },
			{ Page: 3, Limit: 20 },
		]);
	});

	it('stops when Total is reached, without asking for an empty page', async () => {
		const { context } = emulatorContext(emu);
		const records = await lcicApiRequestAllItems.call(
			context,
			'GetThings',
			{ ReportTotal: 40 },
			PAGES,
		);
		expect(records).toHaveLength(40);
		expect(emu.calls).toHaveLength(2);
	});

	it('walks Offset/Limit by records', async () => {
		const { context } = emulatorContext(emu);
		const records = await lcicApiRequestAllItems.call(
			context,
			'DescribeThingsByOffset',
			{},
			OFFSETS,
		);
		expect(records).toEqual(THINGS);
		expect(params()).toEqual([
			{ Offset: 0, Limit: 20 },
			{ Offset: 20, Limit: 20 },
			{ Offset: 40, Limit: 20 },
		]);
	});

	it('respects a limit', async () => {
		const { context } = emulatorContext(emu);
		const records = await lcicApiRequestAllItems.call(
			context,
			'DescribeThingsByOffset',
			{},
			OFFSETS,
			{ limit: 25 },
		);
		expect(records).toEqual(THINGS.slice(0, 25));
		expect(emu.calls).toHaveLength(2);
		const small = await lcicApiRequestAllItems.call(context, 'GetThings', {}, PAGES, { limit: 5 });
		expect(small).toEqual(THINGS.slice(0, 5));
		expect(emu.calls.at(-1)?.params).toEqual({ Page: 1, Limit: 5 });
	});
});
