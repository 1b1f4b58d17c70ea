// The whole path in one process: the emulator sends its signed callbacks over HTTP to a small
// server that hands each request to the Event Trigger in n8n-core (the rig) and answers what the
// trigger answers, as n8n's webhook server would. The items must be the polling trigger's items
// for the same events, so a workflow can switch triggers.
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { triggerClock } from '../../nodes/Lcic/trigger/clock';
import { resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { forgetProcessMemory } from '../../nodes/Lcic/webhook/duplicates';
import { startEmulator, type RunningEmulator } from '../emulator';
import { pollOnce } from '../harness/poll';
import { EventTriggerRig } from '../harness/webhook';
import { addLiveRoom } from '../trigger/liveRooms';

let emulator: RunningEmulator;
let n8nStandIn: Server;
let trigger: EventTriggerRig;
const emitted: INodeExecutionData[] = [];
const realNow = triggerClock.now;

beforeAll(async () => {
	n8nStandIn = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void trigger
				.deliver({
					query: (req.url ?? '').includes('?') ? `?${(req.url ?? '').split('?')[1]}` : '',
					contentType: req.headers['content-type'] ?? '',
					body: Buffer.concat(chunks).toString('utf8'),
				})
				.then((answer) => {
					emitted.push(...(answer.items ?? []));
					res.writeHead(answer.status, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify(answer.body));
				});
		});
	});
	await new Promise<void>((done) => n8nStandIn.listen(0, '127.0.0.1', done));
	const port = (n8nStandIn.address() as AddressInfo).port;
	emulator = await startEmulator({
		rateLimits: false,
		callbacks: {
			retryDelaysMs: [10],
			// DNS and the reverse proxy: https://n8n.example.test -> the stand-in.
			resolve: { 'n8n.example.test:443': `http://127.0.0.1:${port}` },
		},
	});
	triggerClock.now = () => Math.floor(Date.now() / 1000);
	setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 2 });
	resetRateLimiter();
	forgetProcessMemory();
	trigger = new EventTriggerRig({
		emulator,
		webhookBaseUrl: 'https://n8n.example.test/webhook',
		parameters: { callbackKey: 'emulated-key', register: true },
	});
	await trigger.activate();
});

afterAll(async () => {
	triggerClock.now = realNow;
	setRetryPolicy({});
	await emulator.stop();
	await new Promise<void>((done) => n8nStandIn.close(() => done()));
});

function withoutKeys(json: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(json).filter(([key]) => !keys.includes(key)));
}

describe('emulator callbacks through the Event Trigger', () => {
	it('emits each event once, with the fields of the polling trigger', async () => {
		const sdkAppId = emulator.account.sdkAppId;
		const roomId = addLiveRoom(emulator.state, sdkAppId, emulator.clock.now(), 'Physics');
		const app = emulator.state.apps.get(sdkAppId)!;
		app.users.set('ada', {
			UserId: 'ada',
			SdkAppId: sdkAppId,
			Name: 'Ada',
			OriginId: 'ada',
			Token: 't',
			createdAt: 0,
			extra: {},
		});
		emulator.simulate('memberJoin', { RoomId: roomId, UserId: 'ada', Device: 2 });
		emulator.simulate('cameraOn', { RoomId: roomId, UserId: 'ada' });
		emulator.simulate('recordFinish', { RoomId: roomId, Duration: 90 });
		// LCIC retries: a repeat of the MemberJoin a while later.
		const join = emulator.callbacks.log.find((record) => record.event.EventType === 'MemberJoin')!;
		emulator.callbacks.resend(join.id);
		emulator.callbacks.resend(join.id, 'badSign');
		await emulator.callbacks.idle();

		const types = emitted.map((item) => item.json.eventType);
		expect(types).toEqual(['RoomStart', 'MemberJoin', 'CameraOn', 'RecordFinish']);
		const log = emulator.callbacks.log;
		expect(log.filter((record) => record.delivered)).toHaveLength(log.length - 1);
		expect(log.at(-1)?.attempts[0].status).toBe(401);

		const polled = await pollOnce({
			emulator,
			parameters: {
				watch: 'chosen',
				rooms: { room: [{ roomId: { __rl: true, mode: 'id', value: String(roomId) } }] },
				emitPastEvents: true,
			},
		});
		expect(polled.items?.map((item) => withoutKeys(item.json, ['sequence', 'roomName']))).toEqual(
			emitted.map((item) => withoutKeys(item.json, ['body'])),
		);
	});
});
