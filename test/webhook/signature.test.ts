// LCIC's callback signature, checked against vectors from outside the project.
import { timingSafeEqual } from 'crypto';

import { callbackSign, checkSignature, expireTimeText } from '../../nodes/Lcic/webhook/signature';

// The real timingSafeEqual, watched: the test below checks that the comparison goes through it.
jest.mock('crypto', () => {
	const actual = jest.requireActual<typeof import('crypto')>('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

describe('callback signature', () => {
	it("matches Tencent's example", () => {
		// Tencent's "Service Callbacks" page for LCIC: "Sign = md5(CallbackKey+ExpireTime)",
		// "CallbackKey = NjFGoDEy, ExpireTime = 1614151508,
		//  Sign = md5(NjFGoDEy1614151508) = b9454ab5a85f9b7ad36071f5688ed34d".
		expect(callbackSign('NjFGoDEy', 1614151508)).toBe('b9454ab5a85f9b7ad36071f5688ed34d');
		expect(callbackSign('NjFGoDEy', '1614151508')).toBe('b9454ab5a85f9b7ad36071f5688ed34d');
		expect(
			checkSignature(
				{ sign: 'b9454ab5a85f9b7ad36071f5688ed34d', expireTime: 1614151508 },
				'NjFGoDEy',
				1614151508,
			),
		).toBeUndefined();
	});

	it('is md5 of the key followed by the decimal ExpireTime (RFC 1321 test suite)', () => {
		// RFC 1321 A.5: MD5("1234567890" x 8) = 57edf4a22be3c955ac49da2e2107b67a; split as a
		// 70-character key and the ExpireTime 1234567890.
		const key = '1234567890'.repeat(7);
		expect(callbackSign(key, 1234567890)).toBe('57edf4a22be3c955ac49da2e2107b67a');
		// RFC 1321 A.5: MD5("message digest") = f96b697d7cb7938d525a2f31aaf161d0 has no digits
		// at the end, so it cannot be a key + ExpireTime; MD5("") does not apply either.
	});

	it('accepts a Sign in capitals and ExpireTime as text, as LCIC may send them', () => {
		const sign = callbackSign('k', 2000000000).toUpperCase();
		expect(checkSignature({ sign, expireTime: '2000000000' }, 'k', 1)).toBeUndefined();
		expect(
			checkSignature({ sign: ` ${sign} `, expireTime: ' 2000000000 ' }, 'k', 1),
		).toBeUndefined();
	});

	it('rejects a wrong, missing, malformed or expired signature', () => {
		const good = { sign: callbackSign('key', 2000000000), expireTime: 2000000000 };
		expect(checkSignature(good, 'other-key', 1)).toBe('mismatch');
		expect(checkSignature({ ...good, expireTime: 2000000001 }, 'key', 1)).toBe('mismatch');
		expect(checkSignature({ sign: undefined, expireTime: 2000000000 }, 'key', 1)).toBe('missing');
		expect(checkSignature({ sign: good.sign, expireTime: '' }, 'key', 1)).toBe('missing');
		expect(checkSignature({ sign: 'abc', expireTime: 2000000000 }, 'key', 1)).toBe('malformed');
		expect(checkSignature({ sign: good.sign, expireTime: '2e9' }, 'key', 1)).toBe('malformed');
		expect(checkSignature({ sign: good.sign, expireTime: -5 }, 'key', 1)).toBe('malformed');
		expect(checkSignature({ sign: { $ne: '' }, expireTime: 2000000000 }, 'key', 1)).toBe(
			'malformed',
		);
		// "If the time specified by ExpireTime in a message notification has elapsed, the
		// notification can be considered invalid."
		expect(checkSignature(good, 'key', 2000000000)).toBeUndefined();
		expect(checkSignature(good, 'key', 2000000001)).toBe('expired');
	});

	it('reports expiry only to a caller who knows the key', () => {
		const old = { sign: callbackSign('key', 100), expireTime: 100 };
		expect(checkSignature(old, 'key', 200)).toBe('expired');
		expect(checkSignature(old, 'wrong', 200)).toBe('mismatch');
	});

	it('compares the signatures with crypto.timingSafeEqual', () => {
		const spy = timingSafeEqual as jest.MockedFunction<typeof timingSafeEqual>;
		spy.mockClear();
		checkSignature({ sign: '0'.repeat(32), expireTime: 2000000000 }, 'key', 1);
		expect(spy).toHaveBeenCalledTimes(1);
		const [a, b] = spy.mock.calls[0];
		expect([a.byteLength, b.byteLength]).toEqual([32, 32]);
	});

	it('reads ExpireTime only as decimal seconds', () => {
		expect(expireTimeText(1614151508)).toBe('1614151508');
		expect(expireTimeText('1614151508')).toBe('1614151508');
		for (const bad of [1.5, '0x10', '', null, undefined, {}, [], 'NaN', Number.MAX_VALUE])
			expect(expireTimeText(bad)).toBeUndefined();
	});
});
