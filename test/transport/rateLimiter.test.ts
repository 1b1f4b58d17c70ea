import {
	acquire,
	configureRateLimiter,
	currentRate,
	noteRateLimited,
	reserveSlot,
	resetRateLimiter,
} from '../../nodes/Lcic/transport/rateLimiter';
import {
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	isRetryable,
	retryDelay,
} from '../../nodes/Lcic/transport/retryPolicy';

describe('rate limiter', () => {
	beforeEach(() => resetRateLimiter());

	it('keeps every one-second window at or under the rate', () => {
		const sends: number[] = [];
		for (let i = 0; i < 95; i++) sends.push(reserveSlot('key', 20, 1000));
		for (let i = 0; i < sends.length; i++) {
			const inWindow = sends.filter((t) => t >= sends[i] && t < sends[i] + 1000).length;
			expect(inWindow).toBeLessThanOrEqual(20);
		}
		expect(sends[19]).toBe(1000);
		expect(sends[20]).toBeGreaterThanOrEqual(2000);
	});

	it('keys SecretId and action separately', () => {
		for (let i = 0; i < 20; i++) reserveSlot('a\nGetRooms', 20, 0);
		expect(reserveSlot('b\nGetRooms', 20, 0)).toBe(0);
		expect(reserveSlot('a\nDescribeRoom', 50, 0)).toBe(0);
		expect(reserveSlot('a\nGetRooms', 20, 0)).toBeGreaterThanOrEqual(1000);
	});
});

// Tencent's limit is per action for everybody sending with the account ("Frequency Limit
// (maximum requests per second)", API reference, API Category: 20 for most actions), so several
// n8n processes with one credential share it. The limiter cuts its rate on RequestLimitExceeded
// and regains it slowly.
describe('adaptive rate', () => {
	beforeEach(() => resetRateLimiter());

	it('keeps the documented rate while nothing is rejected', () => {
		for (let i = 0; i < 100; i++) reserveSlot('key', 20, i * 10);
		expect(currentRate('key', 20, 1000)).toBe(20);
	});

	it('cuts the rate on RequestLimitExceeded, then regains it with time, faster once quiet', () => {
		noteRateLimited('key', 20, 0, 1000);
		expect(currentRate('key', 20, 1000)).toBeCloseTo(14);
		// +1 request/s per second (5 % of 20) for two seconds, then three times as fast.
		expect(currentRate('key', 20, 3000)).toBeCloseTo(16);
		expect(currentRate('key', 20, 4000)).toBeCloseTo(19);
		expect(currentRate('key', 20, 7000)).toBe(20);
		expect(currentRate('key', 20, 60_000)).toBe(20);
	});

	it('cuts once per episode: rejections of requests placed before the cut are not news', () => {
		// Four requests placed at t=0 were in flight when the first rejection came back.
		for (const at of [1000, 1010, 1020, 1030]) noteRateLimited('key', 20, 0, at);
		expect(currentRate('key', 20, 1030)).toBeCloseTo(14, 0);
		// A request placed after the cut and still rejected: the limit is lower still.
		noteRateLimited('key', 20, 1500, 2000);
		expect(currentRate('key', 20, 2000)).toBeCloseTo((14 + 1) * 0.7, 1);
	});

	it('paces at the lowered rate and never below one request per second', () => {
		// Ten rejections in a row, each of a request placed after the previous cut.
		for (let i = 0; i < 10; i++) noteRateLimited('key', 20, 0, 0);
		expect(currentRate('key', 20, 0)).toBe(1);
		const sends = Array.from({ length: 5 }, () => reserveSlot('key', 20, 0));
		for (let i = 1; i < sends.length; i++)
			expect(sends[i] - sends[i - 1]).toBeGreaterThanOrEqual(1000);
	});

	it('once throttled, sends evenly spaced instead of in bursts, until the rate is back', () => {
		noteRateLimited('key', 20, 0, 0);
		// 14 requests/s: 1.1 s / 14 = 79 ms apart, so a burst of stragglers cannot form.
		const spaced = Array.from({ length: 5 }, () => reserveSlot('key', 20, 0));
		for (let i = 1; i < spaced.length; i++)
			expect(spaced[i] - spaced[i - 1]).toBeCloseTo(1100 / 14);
		// Six seconds later the documented rate is back, and with it bursts.
		const burst = Array.from({ length: 5 }, () => reserveSlot('key', 20, 20_000));
		expect(burst).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
	});

	it('keys are independent: a cut for one action or SecretId leaves the others alone', () => {
		noteRateLimited('a\nGetRooms', 20, 0, 0);
		expect(currentRate('a\nDescribeRoom', 50, 0)).toBe(50);
		expect(currentRate('b\nGetRooms', 20, 0)).toBe(20);
	});

	it('queues a newcomer behind sends already placed when the rate goes up again', () => {
		noteRateLimited('key', 20, 0, 0);
		const early = Array.from({ length: 30 }, () => reserveSlot('key', 20, 0));
		const later = reserveSlot('key', 20, 4000);
		expect(later).toBeGreaterThanOrEqual(Math.max(...early));
		expect([...early, later]).toEqual([...early, later].sort((x, y) => x - y));
	});

	it('a cut slows the callers already waiting, not only those who come later', async () => {
		// The limiter's clock and waits are the test's (jest's fake timers): on the real clock a
		// machine that stalls for a few seconds after the cut lets the rate climb back meanwhile,
		// and the waiting callers rightly go at once.
		jest.useFakeTimers({ now: 1_000_000 });
		try {
			const granted: number[] = [];
			const callers = Array.from({ length: 40 }, () =>
				acquire('queue', 20).then((at) => granted.push(at)),
			);
			// The first 20 go at once; the other 20 wait for the next window.
			await jest.advanceTimersByTimeAsync(0);
			expect(granted).toEqual(Array.from({ length: 20 }, () => 1_000_000));
			// Three rejections of requests sent after each cut: 20 x 0.7^3 = 6.9 requests/s.
			for (let i = 0; i < 3; i++) noteRateLimited('queue', 20, Date.now());
			await jest.runAllTimersAsync();
			await Promise.all(callers);
			// Granted ahead of time, all 20 waiting callers would have gone in the second window
			// (at 1.1 s); at the cut rate, evenly spaced, they need several more.
			expect(granted[20]).toBe(1_001_100);
			expect(granted[39] - granted[20]).toBeGreaterThanOrEqual(2 * 1100);
		} finally {
			jest.useRealTimers();
		}
	});

	it('lets a retry go ahead of the callers who came after its first attempt', async () => {
		const order: string[] = [];
		const callers = Array.from({ length: 25 }, (_, i) =>
			acquire('first-come', 20).then(() => order.push(`caller ${i}`)),
		);
		while (order.length < 20) await new Promise((done) => setImmediate(done));
		const retry = acquire('first-come', 20, true).then(() => order.push('retry'));
		await Promise.all([...callers, retry]);
		expect(order.slice(19, 22)).toEqual(['caller 19', 'retry', 'caller 20']);
	});

	it('can be switched off for benchmarks (the fixed documented rate)', () => {
		configureRateLimiter({ adaptive: false });
		try {
			noteRateLimited('key', 20, 0, 0);
			expect(currentRate('key', 20, 0)).toBe(20);
		} finally {
			configureRateLimiter({ adaptive: true });
		}
	});
});

describe('retry policy', () => {
	it('retries writes only when Tencent certainly did not execute them', () => {
		expect(isRetryable({ kind: 'api', code: 'RequestLimitExceeded' }, false)).toBe(true);
		expect(isRetryable({ kind: 'api', code: 'RequestLimitExceeded.UinLimitExceeded' }, false)).toBe(
			true,
		);
		expect(isRetryable({ kind: 'api', code: 'InternalError' }, false)).toBe(false);
		expect(isRetryable({ kind: 'api', code: 'InternalError' }, true)).toBe(true);
		expect(isRetryable({ kind: 'network', code: 'ECONNRESET', connected: true }, false)).toBe(
			false,
		);
		expect(isRetryable({ kind: 'network', code: 'ETIMEDOUT', connected: true }, true)).toBe(true);
		expect(isRetryable({ kind: 'http', status: 503 }, false)).toBe(false);
		expect(isRetryable({ kind: 'api', code: 'InvalidParameter' }, true)).toBe(false);
	});

	it('backs off exponentially with jitter up to the cap', () => {
		const min = (n: number) => backoffDelay(n, DEFAULT_RETRY_POLICY, () => 0);
		const max = (n: number) => backoffDelay(n, DEFAULT_RETRY_POLICY, () => 1);
		expect([min(1), max(1)]).toEqual([125, 250]);
		expect([min(2), max(2)]).toEqual([250, 500]);
		expect(max(10)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
	});

	it('outlasts a throttled second: RequestLimitExceeded gets 10 attempts, at least 11.9 s of waiting', () => {
		const limited = { kind: 'api', code: 'RequestLimitExceeded' } as const;
		const waits = (random: () => number) =>
			Array.from({ length: 12 }, (_, i) =>
				retryDelay(limited, false, i + 1, DEFAULT_RETRY_POLICY, random),
			);
		const shortest = waits(() => 0);
		expect(shortest.filter((w) => w !== undefined)).toHaveLength(9);
		expect(shortest.slice(9)).toEqual([undefined, undefined, undefined]);
		expect(shortest.reduce((sum: number, w) => sum + (w ?? 0), 0)).toBe(11_875);
		expect(waits(() => 1).reduce((sum: number, w) => sum + (w ?? 0), 0)).toBe(23_750);
	});

	it('keeps four attempts for server and network failures, none for final ones', () => {
		const server = { kind: 'api', code: 'InternalError' } as const;
		const attempts = (readOnly: boolean) =>
			[1, 2, 3, 4].map((n) => retryDelay(server, readOnly, n, DEFAULT_RETRY_POLICY) !== undefined);
		expect(attempts(true)).toEqual([true, true, true, false]);
		expect(attempts(false)).toEqual([false, false, false, false]);
		expect(
			retryDelay({ kind: 'api', code: 'InvalidParameter' }, true, 1, DEFAULT_RETRY_POLICY),
		).toBeUndefined();
	});
});
