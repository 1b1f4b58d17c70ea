// The memory of emitted deliveries on its own (receive.test.ts covers it through webhook()).
import type { IDataObject } from 'n8n-workflow';

import {
	admitOnce,
	deliveryKey,
	forgetProcessMemory,
	MAX_REMEMBERED,
	stableJson,
} from '../../nodes/Lcic/webhook/duplicates';

beforeEach(() => forgetProcessMemory());

describe('duplicate memory', () => {
	it('keys on SdkAppId, RoomId, EventType, Timestamp and EventData (in any key order)', () => {
		const base = {
			sdkAppId: 1,
			roomId: 2,
			type: 'MemberJoin',
			timestamp: 3,
			data: { UserId: 'u', Device: 5 },
			body: {},
		};
		const key = deliveryKey(base);
		expect(deliveryKey({ ...base, data: { Device: 5, UserId: 'u' }, body: { Sign: 'x' } })).toBe(
			key,
		);
		for (const other of [
			{ sdkAppId: 9 },
			{ roomId: 9 },
			{ type: 'MemberQuit' },
			{ timestamp: 4 },
			{ data: { UserId: 'v', Device: 5 } },
		])
			expect(deliveryKey({ ...base, ...other })).not.toBe(key);
		expect(stableJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
			'{"a":null,"b":[1,{"c":2,"d":1}]}',
		);
	});

	it('keeps at most MAX_REMEMBERED (2000) deliveries, the newest', () => {
		expect(MAX_REMEMBERED).toBe(2000);
		const staticData: IDataObject = {};
		const max = 50;
		const where = (now: number) => ({
			scope: 's',
			staticData,
			windowSeconds: 86400,
			now,
			maxRemembered: max,
		});
		for (let i = 0; i < max + 5; i++) expect(admitOnce(`k${i}`, where(1000 + i))).toBe(true);
		const kept = Object.keys(staticData.delivered as object);
		expect(kept).toHaveLength(max);
		expect(kept).not.toContain('k4');
		expect(kept).toContain('k5');
		expect(kept).toContain(`k${max + 4}`);
		// Forgotten by the cap: a repeat of the oldest is emitted again.
		expect(admitOnce('k0', where(5000))).toBe(true);
	});

	it('forgets entries from the future (a clock set back) and outside the window', () => {
		const staticData: IDataObject = { delivered: { old: 100, future: 99999, ok: 950 } };
		expect(admitOnce('new', { scope: 's', staticData, windowSeconds: 100, now: 1000 })).toBe(true);
		expect(Object.keys(staticData.delivered as object).sort()).toEqual(['new', 'ok']);
	});
});
