// The Event Trigger's webhook() in n8n-core's WebhookContext (test/harness/webhook.ts): what it
// answers, what it emits, and what it drops. Callbacks are built by the emulator's own builder
// (test/emulator/callbackBody.ts), written from Tencent's page, not from the node.
import type { INodeParameters } from 'n8n-workflow';

import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { forgetProcessMemory } from '../../nodes/Lcic/webhook/duplicates';
import { buildCallback, type CallbackEvent, type Tamper } from '../emulator/callbackBody';
import { EventTriggerRig } from '../harness/webhook';

const KEY = 'NjFGoDEy';
const SDK_APP_ID = 3520371;
const T = 1_760_000_000;

const realNow = triggerClock.now;
let now = T;
beforeEach(() => {
	now = T;
	triggerClock.now = () => now;
	forgetProcessMemory();
});
afterAll(() => {
	triggerClock.now = realNow;
});

function rig(parameters: INodeParameters = {}, credentials = {}): EventTriggerRig {
	return new EventTriggerRig({
		credentials: { secretId: 'AKIDx', secretKey: 'secret', sdkAppId: SDK_APP_ID, ...credentials },
		parameters: { callbackKey: KEY, ...parameters },
		// A school in Shanghai: `time` is in the workflow's zone, like the polling trigger's.
		timeZone: 'Asia/Shanghai',
	});
}

function event(extra: Partial<CallbackEvent> = {}): CallbackEvent {
	return {
		SdkAppId: SDK_APP_ID,
		EventType: 'MemberJoin',
		Timestamp: T - 5,
		EventData: { RoomId: 300000001, UserId: 'student-1', Device: 5 },
		...extra,
	};
}

function signed(e: CallbackEvent = event(), tamper?: Tamper, key = KEY) {
	return buildCallback(e, key, { tamper, nowSeconds: now });
}

describe('Event Trigger: answers', () => {
	it('emits one item per callback and answers 200 {"error_code":0}', async () => {
		const answer = await rig().deliver(signed());
		// Tencent: answer HTTP 200 quickly; the body LCIC expects is {"error_code":0}.
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ error_code: 0 });
		expect(answer.items).toHaveLength(1);
		const json = answer.items![0].json;
		expect(json).toMatchObject({
			roomId: 300000001,
			eventType: 'MemberJoin',
			timestamp: T - 5,
			// T - 5 = 1759999995 = 2025-10-09T08:53:15Z, 16:53:15 in Shanghai (UTC+8, no DST).
			time: '2025-10-09T16:53:15+08:00',
			userId: 'student-1',
			device: 'Web',
			deviceCode: 5,
			eventData: { RoomId: 300000001, UserId: 'student-1', Device: 5 },
		});
		// The raw body, without the signature.
		expect(json.body).toMatchObject({
			SdkAppId: SDK_APP_ID,
			EventType: 'MemberJoin',
			Timestamp: T - 5,
			ExpireTime: now + 300,
		});
		expect(json.body).not.toHaveProperty('Sign');
	});

	it('takes Sign and ExpireTime from the query string too', async () => {
		const answer = await rig().deliver(signed(event(), 'signInQuery'));
		expect(answer.status).toBe(200);
		expect(answer.items).toHaveLength(1);
	});

	it.each<[Tamper, number]>([
		['badSign', 401],
		['expired', 401],
		['noSign', 401],
		['noEventType', 400],
	])('answers %s with %i and starts no execution', async (tamper, status) => {
		const answer = await rig().deliver(signed(event(), tamper));
		expect(answer.status).toBe(status);
		expect(answer.items).toBeUndefined();
		expect(JSON.stringify(answer.body)).not.toContain(KEY);
	});

	it('answers 400 for a signed body that is not a JSON object; n8n itself answers 422 for broken JSON', async () => {
		const good = signed();
		const query = `?${new URLSearchParams({
			Sign: (JSON.parse(good.body) as { Sign: string }).Sign,
			ExpireTime: String((JSON.parse(good.body) as { ExpireTime: number }).ExpireTime),
		}).toString()}`;
		const trigger = rig();
		for (const body of ['not json', '[1,2]', '"text"', '']) {
			const answer = await trigger.deliver({ query, contentType: 'text/plain', body });
			expect({ body, status: answer.status, items: answer.items }).toEqual({
				body,
				status: 400,
				items: undefined,
			});
		}
		// Another content type: n8n leaves the body unparsed, the trigger reads the bytes.
		const octets = await trigger.deliver({
			query: '',
			contentType: 'application/octet-stream',
			body: good.body,
		});
		expect(octets.items).toHaveLength(1);
		expect(
			(await trigger.deliver({ query, contentType: 'application/json', body: '{oops' })).status,
		).toBe(422);
		// Without any signature a body that is not JSON is an unsigned request first.
		expect(
			(await trigger.deliver({ query: '', contentType: 'text/plain', body: 'x' })).status,
		).toBe(401);
	});

	it("uses the credential's Callback Key when the node has none, and refuses all without a key", async () => {
		const fromCredential = rig({ callbackKey: '' }, { callbackSecret: KEY });
		expect((await fromCredential.deliver(signed())).items).toHaveLength(1);
		// The node's key wins over the credential's.
		const both = rig({ callbackKey: 'node-key' }, { callbackSecret: KEY });
		expect((await both.deliver(signed())).status).toBe(401);
		expect((await both.deliver(signed(event(), undefined, 'node-key'))).status).toBe(200);

		const none = rig({ callbackKey: '' });
		const answer = await none.deliver(signed());
		expect(answer.status).toBe(401);
		expect(JSON.stringify(answer.body)).toContain('Callback Key');
		await expect(none.activate()).rejects.toThrow('No Callback Key');
	});

	it('never puts the key or the Sign in an answer or an item', async () => {
		const trigger = rig();
		const answers = [
			await trigger.deliver(signed()),
			await trigger.deliver(signed(event(), 'badSign')),
			await trigger.deliver(signed(event(), 'expired')),
		];
		const sign = (JSON.parse(signed().body) as { Sign: string }).Sign;
		const text = JSON.stringify(answers);
		expect(text).not.toContain(KEY);
		expect(text).not.toContain(sign);
	});
});

describe('Event Trigger: items like the polling trigger', () => {
	it('reads a recording, a room event and a document event', async () => {
		const trigger = rig();
		const record = await trigger.deliver(
			signed(
				event({
					EventType: 'RecordFinish',
					EventData: {
						RoomId: 300000002,
						Duration: 600,
						RecordSize: 1024,
						RecordUrl: 'https://r.example/1.mp4',
					},
				}),
			),
		);
		expect(record.items![0].json).toMatchObject({
			roomId: 300000002,
			eventType: 'RecordFinish',
			duration: 600,
			recordSize: 1024,
			recordUrl: 'https://r.example/1.mp4',
		});
		const start = await trigger.deliver(
			signed(event({ EventType: 'RoomStart', EventData: { RoomId: '300000003' } })),
		);
		expect(start.items![0].json).toMatchObject({ roomId: 300000003, eventType: 'RoomStart' });
		const document = await trigger.deliver(
			signed(event({ EventType: 'DocumentCreate', EventData: { DocumentId: 'doc-1' } })),
		);
		expect(document.items![0].json).not.toHaveProperty('roomId');
		expect(document.items![0].json).toMatchObject({
			eventType: 'DocumentCreate',
			eventData: { DocumentId: 'doc-1' },
		});
	});

	it('reads careless and hostile bodies without failing', async () => {
		const trigger = rig({}, {});
		const odd = await trigger.deliver(
			signed(
				event({
					Timestamp: 'soon' as unknown as number,
					EventData: 'not an object' as unknown as Record<string, unknown>,
				}),
			),
		);
		expect(odd.status).toBe(200);
		expect(odd.items![0].json).toMatchObject({
			eventType: 'MemberJoin',
			timestamp: 0,
			eventData: {},
		});
		const notText = await trigger.deliver(signed(event({ EventType: 42 as unknown as string })));
		expect(notText.status).toBe(400);
		const proto = await trigger.deliver(
			signed(event({ EventData: JSON.parse('{"__proto__":{"polluted":1},"RoomId":7}') })),
		);
		expect(proto.status).toBe(200);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('Event Trigger: filters', () => {
	it('emits only the chosen event types, and unknown types when none is chosen', async () => {
		const all = rig();
		expect((await all.deliver(signed(event({ EventType: 'SomethingNew' })))).items).toHaveLength(1);

		const chosen = rig({
			events: ['RoomStart', 'RoomEnd'],
			options: { otherEventTypes: 'CustomEvent' },
		});
		const answers = await Promise.all(
			['RoomStart', 'MemberJoin', 'SomethingNew', 'CustomEvent'].map(async (type, i) =>
				chosen.deliver(signed(event({ EventType: type, Timestamp: T - i }))),
			),
		);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		expect(answers.map((a) => a.items?.length ?? 0)).toEqual([1, 0, 0, 1]);
	});

	it('emits only the chosen rooms (document events have none)', async () => {
		const trigger = rig({ options: { roomIds: '300000001, 300000009' } });
		const inRoom = await trigger.deliver(signed());
		const otherRoom = await trigger.deliver(signed(event({ EventData: { RoomId: 300000002 } })));
		const noRoom = await trigger.deliver(
			signed(event({ EventType: 'DocumentCreate', EventData: { DocumentId: 'd' } })),
		);
		expect([inRoom, otherRoom, noRoom].map((a) => a.items?.length ?? 0)).toEqual([1, 0, 0]);
	});

	it("emits only the application's callbacks (the credential's SdkAppId, or the node's)", async () => {
		const byCredential = rig();
		expect((await byCredential.deliver(signed(event({ SdkAppId: 999 })))).items).toBeUndefined();
		const byNode = rig({ options: { sdkAppId: 999 } });
		expect((await byNode.deliver(signed(event({ SdkAppId: 999 })))).items).toHaveLength(1);
		expect((await byNode.deliver(signed(event({ Timestamp: T - 1 })))).items).toBeUndefined();
		// A body without SdkAppId is not dropped for that: the signature vouches for it.
		const noApp = buildCallback(event(), KEY, { nowSeconds: now });
		const body = JSON.parse(noApp.body) as Record<string, unknown>;
		delete body.SdkAppId;
		expect(
			(await byCredential.deliver({ ...noApp, body: JSON.stringify(body) })).items,
		).toHaveLength(1);
	});

	it('reads Options > SdkAppId by the rule of the action node and the polling trigger', async () => {
		// 0 means the credential's (as in the other nodes); a value that is no application ID is an
		// error naming the setting, not a silent fall-back to the credential's application.
		const zero = rig({ options: { sdkAppId: 0 } });
		expect((await zero.deliver(signed(event({ SdkAppId: 999 })))).items).toBeUndefined();
		expect((await zero.deliver(signed())).items).toHaveLength(1);
		await expect(rig({ options: { sdkAppId: 1.5 } }).deliver(signed())).rejects.toThrow(
			/"SdkAppId" must be a whole number/,
		);
	});
});

describe('Event Trigger: repeats (at-least-once delivery)', () => {
	it('drops a repeat of an emitted event, signed anew, within the window', async () => {
		const trigger = rig();
		expect((await trigger.deliver(signed())).items).toHaveLength(1);
		now += 30;
		const again = await trigger.deliver(signed());
		expect(again).toEqual({ status: 200, body: { error_code: 0 }, items: undefined });
		// Another Timestamp, or other data, is another event.
		expect((await trigger.deliver(signed(event({ Timestamp: T - 4 })))).items).toHaveLength(1);
		expect(
			(
				await trigger.deliver(
					signed(event({ EventData: { RoomId: 300000001, UserId: 'student-2' } })),
				)
			).items,
		).toHaveLength(1);
		// Key order inside EventData does not make another event.
		expect(
			(
				await trigger.deliver(
					signed(event({ EventData: { Device: 5, UserId: 'student-1', RoomId: 300000001 } })),
				)
			).items,
		).toBeUndefined();
	});

	it('emits it again once the window has passed; window 0 emits every delivery', async () => {
		const trigger = rig({ options: { duplicateWindow: 10 } });
		await trigger.deliver(signed());
		now += 9 * 60;
		expect((await trigger.deliver(signed())).items).toBeUndefined();
		now += 10 * 60 + 1;
		expect((await trigger.deliver(signed())).items).toHaveLength(1);

		const everything = rig({ options: { duplicateWindow: 0 } });
		expect((await everything.deliver(signed())).items).toHaveLength(1);
		expect((await everything.deliver(signed())).items).toHaveLength(1);
	});

	it('drops repeats across a restart of n8n (the execution saves what was emitted)', async () => {
		const trigger = rig();
		const first = await trigger.deliver(signed());
		// Inside the execution the trigger passes its item on unchanged.
		expect(first.executionItems?.map((item) => item.json)).toEqual(
			first.items?.map((item) => item.json),
		);
		trigger.restart();
		expect((await trigger.deliver(signed())).items).toBeUndefined();
		expect(Object.keys(trigger.nodeStaticData.delivered as object)).toHaveLength(1);
	});

	it('emits one of two copies arriving together, and both survive in static data', async () => {
		const trigger = rig();
		const [a, b, c] = await Promise.all([
			trigger.deliver(signed()),
			trigger.deliver(signed()),
			trigger.deliver(signed(event({ Timestamp: T - 1 }))),
		]);
		expect([a, b].map((answer) => answer.items?.length ?? 0).sort()).toEqual([0, 1]);
		expect(c.items).toHaveLength(1);
		// Each request saved its own copy of the static data; the last save holds both events.
		trigger.restart();
		expect((await trigger.deliver(signed())).items).toBeUndefined();
		expect((await trigger.deliver(signed(event({ Timestamp: T - 1 })))).items).toBeUndefined();
	});

	it('does not count refused or filtered deliveries as emitted', async () => {
		const trigger = rig({ events: ['RoomStart'] });
		await trigger.deliver(signed(event({ EventType: 'RoomStart' }), 'badSign'));
		await trigger.deliver(signed(event({ EventType: 'MemberJoin' })));
		expect(trigger.nodeStaticData.delivered).toBeUndefined();
		expect((await trigger.deliver(signed(event({ EventType: 'RoomStart' })))).items).toHaveLength(
			1,
		);
	});

	it('keeps test listening and the active workflow apart', async () => {
		const trigger = rig();
		expect((await trigger.deliver(signed(), 'manual')).items).toHaveLength(1);
		expect((await trigger.deliver(signed(), 'webhook')).items).toHaveLength(1);
	});
});
