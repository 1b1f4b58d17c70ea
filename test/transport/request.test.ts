import { NodeApiError } from 'n8n-workflow';

import { lcicApiRequest, resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { currentRate } from '../../nodes/Lcic/transport/rateLimiter';
import { fail, fakeContext, ok } from './fakeContext';

beforeAll(() => setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 5 }));
beforeEach(() => resetRateLimiter());

describe('lcicApiRequest', () => {
	it('returns Response without the envelope', async () => {
		const { context, calls } = fakeContext(() => ok({ DeveloperId: 'dev-1' }));
		const response = await lcicApiRequest.call(context, 'DescribeDeveloper', {});
		expect(response).toEqual({ DeveloperId: 'dev-1', RequestId: 'req-ok' });
		expect(calls).toEqual([{ action: 'DescribeDeveloper', body: {} }]);
	});

	it('turns Response.Error into a NodeApiError with code, message, hint and RequestId', async () => {
		const { context } = fakeContext(() =>
			fail('AuthFailure.SignatureExpire', 'Signature expired.'),
		);
		const error = await lcicApiRequest.call(context, 'DescribeDeveloper', {}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('AuthFailure.SignatureExpire: Signature expired.');
		expect(error.description).toContain('clock');
		expect(error.description).toContain('RequestId: req-err');
		expect(JSON.stringify(error)).not.toContain('fake');
	});

	it('retries a rate-limited write, which Tencent did not execute', async () => {
		const { context, calls } = fakeContext((_a, _b, n) =>
			n < 3 ? fail('RequestLimitExceeded') : ok({ RoomId: 1 }),
		);
		await expect(lcicApiRequest.call(context, 'CreateRoom', { Name: 'x' })).resolves.toMatchObject({
			RoomId: 1,
		});
		expect(calls).toHaveLength(3);
	});

	it('retries InternalError for reads but never for writes', async () => {
		const read = fakeContext((_a, _b, n) => (n < 2 ? fail('InternalError') : ok({ Total: 0 })));
		await expect(
			lcicApiRequest.call(read.context, 'GetRooms', {}, { readOnly: true }),
		).resolves.toMatchObject({ Total: 0 });
		expect(read.calls).toHaveLength(2);

		const write = fakeContext(() => fail('InternalError'));
		await expect(
			lcicApiRequest.call(write.context, 'CreateRoom', {}, { readOnly: false }),
		).rejects.toThrow('InternalError');
		expect(write.calls).toHaveLength(1);
	});

	it('treats a call that does not say it is read-only as a write, whatever the action is called', async () => {
		// Read-only-ness is the catalog entry's (callers pass it); the transport does not guess
		// from the name. Not knowing, it must not re-send something that may have happened.
		const { context, calls } = fakeContext(() => fail('InternalError'));
		await expect(lcicApiRequest.call(context, 'DescribeRoom', {})).rejects.toThrow('InternalError');
		expect(calls).toHaveLength(1);
	});

	it('gives up after the last attempt: 10 while rate-limited, 4 for a server error', async () => {
		const { context, calls } = fakeContext(() => fail('RequestLimitExceeded'));
		await expect(lcicApiRequest.call(context, 'DescribeRoom', {})).rejects.toThrow(
			'RequestLimitExceeded',
		);
		expect(calls).toHaveLength(10);

		const server = fakeContext(() => fail('InternalError'));
		await expect(
			lcicApiRequest.call(server.context, 'DescribeRoom', {}, { readOnly: true }),
		).rejects.toThrow('InternalError');
		expect(server.calls).toHaveLength(4);
	});

	it('lowers the rate of the action that was rate-limited, and only that one', async () => {
		const { context } = fakeContext((action, _b, n) =>
			action === 'DescribeRoom' && n === 1 ? fail('RequestLimitExceeded') : ok({}),
		);
		// The rates as of before the calls (the cut is never dated earlier, so it reads as cut
		// in full): read as of now, a machine stalled for three seconds would see it regained.
		const before = Date.now();
		await lcicApiRequest.call(context, 'DescribeRoom', {});
		await lcicApiRequest.call(context, 'GetRooms', {});
		expect(currentRate('AKIDfake\nDescribeRoom', 50, before)).toBeLessThan(50);
		expect(currentRate('AKIDfake\nGetRooms', 20, before)).toBe(20);
	});

	it('does not retry a write whose connection dropped, and says it may have happened', async () => {
		const { context, calls } = fakeContext(() => {
			throw Object.assign(new Error('socket hang up'), {
				cause: { code: 'ECONNRESET', message: 'socket hang up' },
			});
		});
		const error = await lcicApiRequest.call(context, 'CreateRoom', {}).catch((e) => e);
		expect(calls).toHaveLength(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('ECONNRESET');
		expect(error.description).toContain('may have reached Tencent Cloud');
	});

	it('retries a write when the connection was refused (it never left this machine)', async () => {
		const { context, calls } = fakeContext((_a, _b, n) => {
			if (n === 1) throw Object.assign(new Error('refused'), { cause: { code: 'ECONNREFUSED' } });
			return ok({ RoomId: 7 });
		});
		await expect(lcicApiRequest.call(context, 'CreateRoom', {})).resolves.toMatchObject({
			RoomId: 7,
		});
		expect(calls).toHaveLength(2);
	});

	it('retries a read after a 502 page without an LCIC body', async () => {
		let n = 0;
		const { context } = fakeContext(() =>
			++n === 1 ? '<html>502 Bad Gateway</html>' : ok({ Total: 1 }),
		);
		await expect(
			lcicApiRequest.call(context, 'GetRooms', {}, { readOnly: true }),
		).resolves.toMatchObject({ Total: 1 });
	});
});
