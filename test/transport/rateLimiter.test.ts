import { reserveSlot, resetRateLimiter } from '../../nodes/Lcic/transport/rateLimiter';
import {
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	isRetryable,
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
});
