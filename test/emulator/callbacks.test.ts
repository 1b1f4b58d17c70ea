// The emulator's LCIC callbacks, received by a plain HTTP server: what is sent, when, how it is
// signed, the retries and the deliberate faults.
import { createHash } from 'crypto';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject } from 'n8n-workflow';

import { lcicApiRequest, resetRateLimiter } from '../../nodes/Lcic/transport';
import { TAMPERS } from './callbackBody';
import { emulatorContext } from '../transport/emulatorContext';
import { startEmulator, type RunningEmulator } from './index';

interface Received {
	path: string;
	host?: string;
	contentType?: string;
	body: string;
	json?: Record<string, unknown>;
}

const KEY = 'NjFGoDEy';
const URL_LCIC_CALLS = 'https://hooks.example.test/lcic/events';

let receiver: Server;
let receiverUrl: string;
let received: Received[];
/** Statuses to answer, in turn; then 200. */
let answers: number[];
let emulator: RunningEmulator;

beforeEach(async () => {
	received = [];
	answers = [];
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			let json: Record<string, unknown> | undefined;
			try {
				json = JSON.parse(body) as Record<string, unknown>;
			} catch {
				json = undefined;
			}
			received.push({
				path: req.url ?? '',
				host: req.headers.host,
				contentType: req.headers['content-type'],
				body,
				json,
			});
			const status = answers.shift() ?? 200;
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(status === 200 ? { error_code: 0 } : { error_code: 1 }));
		});
	});
	await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
	emulator = await startEmulator({
		rateLimits: false,
		callbacks: {
			retryDelaysMs: [10, 10],
			resolve: { 'hooks.example.test:443': receiverUrl },
		},
	});
	resetRateLimiter();
});

afterEach(async () => {
	await emulator.stop();
	await new Promise<void>((done) => receiver.close(() => done()));
});

async function call(action: string, body: IDataObject) {
	const { context } = emulatorContext(emulator);
	return await lcicApiRequest.call(context, action, body);
}

async function register(): Promise<void> {
	await call('ModifyApp', {
		SdkAppId: emulator.account.sdkAppId,
		Callback: URL_LCIC_CALLS,
		CallbackKey: KEY,
	});
}

async function createRunningRoom(): Promise<number> {
	const now = emulator.clock.now();
	const { RoomId } = await call('CreateRoom', {
		SdkAppId: emulator.account.sdkAppId,
		Name: 'Callback class',
		StartTime: now + 60,
		EndTime: now + 3600,
		Resolution: 1,
		MaxMicNumber: 1,
		SubType: 'videodoc',
	});
	return Number(RoomId);
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('emulator callbacks', () => {
	it('sends nothing while the application has no callback URL, and nothing from before it had one', async () => {
		const roomId = await createRunningRoom();
		await call('StartRoom', { RoomId: roomId });
		await register();
		await emulator.callbacks.idle();
		expect(received).toEqual([]);
	});

	it("posts each new event, signed md5(CallbackKey + ExpireTime), in order, to the registered URL's host", async () => {
		await register();
		const roomId = await createRunningRoom();
		// The event's own time, read around it: the test may cross a second boundary.
		const startedFrom = emulator.clock.now();
		await call('StartRoom', { RoomId: roomId });
		const startedBy = emulator.clock.now();
		emulator.simulate('memberJoin', { RoomId: roomId, UserId: 'ada' });
		emulator.simulate('recordFinish', { RoomId: roomId, Duration: 60 });
		await emulator.callbacks.idle();
		expect(received.map((r) => r.json?.EventType)).toEqual([
			'RoomStart',
			'MemberJoin',
			'RecordFinish',
		]);
		const [first] = received;
		expect(first.path).toBe('/lcic/events');
		expect(first.host).toBe('hooks.example.test');
		expect(first.contentType).toMatch(/^application\/json/);
		const body = first.json!;
		expect(Object.keys(body).sort()).toEqual(
			['EventData', 'EventType', 'ExpireTime', 'SdkAppId', 'Sign', 'Timestamp'].sort(),
		);
		// Tencent: "Sign = md5(CallbackKey+ExpireTime)".
		expect(body.Sign).toBe(md5(`${KEY}${String(body.ExpireTime)}`));
		expect(Number(body.ExpireTime)).toBeGreaterThan(Date.now() / 1000);
		expect(body).toMatchObject({
			SdkAppId: emulator.account.sdkAppId,
			EventData: { RoomId: roomId },
		});
		expect(body.Timestamp).toBeGreaterThanOrEqual(startedFrom);
		expect(body.Timestamp).toBeLessThanOrEqual(startedBy);
		expect(received[1].json?.EventData).toMatchObject({ RoomId: roomId, UserId: 'ada' });
		expect(emulator.callbacks.log.every((record) => record.delivered)).toBe(true);
	});

	it('retries a failed delivery after each delay, and gives up after the last', async () => {
		await register();
		answers = [500, 502];
		emulator.callbacks.send({ EventType: 'RoomStart', EventData: { RoomId: 1 } });
		await emulator.callbacks.idle();
		expect(received).toHaveLength(3);
		expect(emulator.callbacks.log[0]).toMatchObject({ delivered: true, done: true });
		expect(emulator.callbacks.log[0].attempts.map((a) => a.status)).toEqual([500, 502, 200]);

		answers = [500, 500, 500];
		emulator.callbacks.send({ EventType: 'RoomEnd', EventData: { RoomId: 1 } });
		await emulator.callbacks.idle();
		expect(emulator.callbacks.log[1]).toMatchObject({ delivered: false, done: true });
		expect(emulator.callbacks.log[1].attempts).toHaveLength(3);
	});

	it('retries when nobody answers', async () => {
		await register();
		emulator.callbacks.setResolve({ 'hooks.example.test:443': 'http://127.0.0.1:1' });
		emulator.callbacks.send({ EventType: 'RoomStart' });
		await emulator.callbacks.idle();
		const [record] = emulator.callbacks.log;
		expect(record.delivered).toBe(false);
		expect(record.attempts).toHaveLength(3);
		expect(record.attempts[0].error).toEqual(expect.any(String));
	});

	it('sends RoomExpire for a room that never started, and document events', async () => {
		await register();
		const roomId = await createRunningRoom();
		emulator.clock.advance(4000);
		await call('DescribeRoom', { RoomId: roomId }); // the room's status follows the clock when read
		const { DocumentId } = await call('CreateDocument', {
			SdkAppId: emulator.account.sdkAppId,
			DocumentUrl: 'https://files.example.com/lesson.pdf',
			DocumentName: 'lesson.pdf',
			Owner: 'teacher',
			TranscodeType: 1,
		});
		emulator.clock.advance(60);
		await call('DescribeDocument', { DocumentId });
		await call('DeleteDocument', { DocumentId });
		await emulator.callbacks.idle();
		expect(received.map((r) => r.json?.EventType)).toEqual([
			'RoomExpire',
			'DocumentCreate',
			'DocumentTranscodeFinish',
			'DocumentDelete',
		]);
		expect(received[0].json?.EventData).toEqual({ RoomId: roomId });
		expect(received[2].json?.EventData).toMatchObject({ DocumentId, TranscodeState: 3 });
	});

	it('sends repeats, new event types and deliberate faults on request, each once', async () => {
		await register();
		// The original and its repeat are accepted; every fault is refused.
		answers = [200, 200, 401, 401, 401, 401, 401, 401];
		const original = emulator.callbacks.send({
			EventType: 'SomethingNew',
			EventData: { RoomId: 5, Detail: 'x' },
		});
		emulator.callbacks.resend(original.id);
		// In TAMPERS' order: badSign, expired, noSign, signInQuery, notJson, noEventType.
		for (const tamper of TAMPERS) emulator.callbacks.resend(original.id, tamper);
		await emulator.callbacks.idle();
		expect(received).toHaveLength(8);
		const [first, repeat, badSign, expired, noSign, inQuery, notJson, noType] = received;
		expect(repeat.json).toMatchObject({
			EventType: 'SomethingNew',
			Timestamp: first.json?.Timestamp,
			EventData: first.json?.EventData,
		});
		expect(emulator.callbacks.log[1].repeatOf).toBe(original.id);
		expect(badSign.json?.Sign).not.toBe(md5(`${KEY}${String(badSign.json?.ExpireTime)}`));
		expect(Number(expired.json?.ExpireTime)).toBeLessThan(Date.now() / 1000);
		expect(expired.json?.Sign).toBe(md5(`${KEY}${String(expired.json?.ExpireTime)}`));
		expect(noSign.json).not.toHaveProperty('Sign');
		expect(noSign.path).toBe('/lcic/events');
		const query = new URLSearchParams(inQuery.path.split('?')[1]);
		expect(query.get('Sign')).toBe(md5(`${KEY}${query.get('ExpireTime')}`));
		expect(inQuery.json).not.toHaveProperty('Sign');
		expect(notJson.json).toBeUndefined();
		expect(notJson.contentType).toMatch(/^text\/plain/);
		expect(noType.json).not.toHaveProperty('EventType');
		// A refused fault is not retried.
		expect(emulator.callbacks.log.slice(2).every((record) => record.attempts.length === 1)).toBe(
			true,
		);
	});

	it('is driven through the admin API as well', async () => {
		await register();
		const post = (path: string, body: unknown) =>
			fetch(`${emulator.url}/__emulator/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		const sent = (await (await post('callbacks', { EventType: 'RoomStart' })).json()) as {
			id: number;
		};
		expect((await post('callbacks/resend', { id: sent.id, tamper: 'expired' })).status).toBe(200);
		expect((await post('callbacks/resend', { id: sent.id, tamper: 'nope' })).status).toBe(400);
		expect((await post('callbacks/resend', { id: 999 })).status).toBe(400);
		await emulator.callbacks.idle();
		const log = (await (await fetch(`${emulator.url}/__emulator/callbacks`)).json()) as unknown[];
		expect(log).toHaveLength(2);
	});

	it('refuses a callback URL on another port, as LCIC does', async () => {
		await expect(
			call('ModifyApp', {
				SdkAppId: emulator.account.sdkAppId,
				Callback: `${receiverUrl}/lcic`,
				CallbackKey: KEY,
			}),
		).rejects.toThrow(/port/);
	});
});

describe('emulator callbacks to hosts it may not call', () => {
	it('records them as not sent, without a network request or retries', async () => {
		const emulator = await startEmulator({ rateLimits: false });
		try {
			emulator.state.apps.get(emulator.account.sdkAppId)!.settings.Callback =
				'https://example.com/lcic';
			emulator.callbacks.send({ EventType: 'RoomStart' });
			await emulator.callbacks.idle();
			const [record] = emulator.callbacks.log;
			expect(record.delivered).toBe(false);
			expect(record.attempts).toHaveLength(1);
			expect(record.attempts[0].error).toMatch(/not sent: example\.com:443 is not in/);
		} finally {
			await emulator.stop();
		}
	});
});
