// Example 4 in a real `n8n start`: the Event Trigger active, registering its production URL with
// the emulator (ModifyApp), and the emulator posting signed callbacks to that URL.
// - LCIC calls ports 80 and 443 only. n8n listens on a free high port here, so without
//   WEBHOOK_URL its production URL is http://127.0.0.1:<port>/... and the activation must be
//   refused. With WEBHOOK_URL=https://n8n.lcic.test/ (as behind a reverse proxy) the URL is on
//   port 443 and LCIC takes it; the emulator's callbacks.resolve stands in for DNS and the proxy
//   and sends what is addressed to n8n.lcic.test:443 to n8n's real port.
// - Each callback that passes the signature and is not a repeat starts one execution, which
//   posts the item to a sink server here: the sink counts executions and shows their items.
// - A restart of n8n keeps the registration (checkExists finds LCIC still pointing at n8n) and
//   the memory of delivered events (static data).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import type { RunningEmulator } from '../emulator';
import { addLiveRoom } from '../trigger/liveRooms';
import { ROOT } from './install';
import { waitFor, type RunningN8n } from './n8nServer';
import { EXAMPLE_CALLBACK_KEY, type Sandbox } from './sandbox';

export type Check = (label: string, ok: boolean, detail?: string) => void;

const WEBHOOK_URL = 'https://n8n.lcic.test/';
const PREVIOUS = { Callback: 'https://school.example.com/lcic', CallbackKey: 'school-key' };

interface Sink {
	url: string;
	items: Array<Record<string, unknown>>;
	close(): Promise<void>;
}

/** Where the example's "Post to chat" node posts: one request per execution. */
async function startSink(): Promise<Sink> {
	const items: Array<Record<string, unknown>> = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			try {
				items.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
			} catch {
				items.push({ unreadable: Buffer.concat(chunks).toString('utf8') });
			}
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}/chat`,
		items,
		close: () => new Promise<void>((done) => server.close(() => done())),
	};
}

function webhookIdOfExample(): string {
	const workflow = JSON.parse(
		readFileSync(join(ROOT, 'examples', 'class-events.json'), 'utf8'),
	) as {
		nodes: Array<{ type: string; webhookId?: string }>;
	};
	const node = workflow.nodes.find((n) => n.type.endsWith('.lcicEventTrigger'));
	if (!node?.webhookId)
		throw new Error('examples/class-events.json has no Event Trigger webhookId');
	return node.webhookId;
}

const eventOf = (item: Record<string, unknown>) =>
	(item.event ?? {}) as Record<string, unknown> & { body?: Record<string, unknown> };

export async function eventTriggerExample(
	sandbox: Sandbox,
	emulator: RunningEmulator,
	check: Check,
): Promise<void> {
	console.log('\nExample 4: class events as they happen (the Event Trigger, active in n8n start)');
	const sdkAppId = emulator.account.sdkAppId;
	const app = emulator.state.apps.get(sdkAppId)!;
	// Another receiver had the application's one callback before (set in the console).
	Object.assign(app.settings, PREVIOUS);
	const sink = await startSink();
	const expectedUrl = `${WEBHOOK_URL}webhook/${webhookIdOfExample()}/lcic`;
	const count = (action: string) => emulator.calls.filter((c) => c.action === action).length;
	let server: RunningN8n | undefined;
	try {
		const toSink = (text: string) =>
			text.replace('https://chat.example.com/hooks/replace-me', sink.url);

		// 1. n8n on its own high port: LCIC could not call it. A copy of the example (n8n
		// unpublishes a workflow whose activation failed; the example itself is published next).
		const refusedId = await sandbox.importExample('class-events.json', (text) =>
			toSink(text)
				.replace('"lcicClassEvents01"', '"lcicClassEventsRefused"')
				.replace(webhookIdOfExample(), '0d6f2a4b-8c1e-4f3a-9b5d-7e2c1a0f9d8e')
				.replace('"name": "LCIC: class events', '"name": "Refused copy of LCIC: class events'),
		);
		await sandbox.n8n.run(['publish:workflow', `--id=${refusedId}`]);
		server = (await sandbox.startServer()).server;
		// n8n logs the node's error and unpublishes the workflow (n8n 2.x).
		const refused = await waitFor(
			() => sandbox.n8n.lastLog().includes('LCIC cannot call this URL'),
			120_000,
		);
		check(
			'without WEBHOOK_URL the activation is refused (LCIC calls ports 80 and 443 only)',
			refused && count('ModifyApp') === 0 && app.settings.Callback === PREVIOUS.Callback,
			sandbox.n8n.lastLog().slice(-1500),
		);
		await server.stop();
		server = undefined;

		// 2. The example, behind a "reverse proxy" on port 443.
		await sandbox.n8n.run(['unpublish:workflow', `--id=${refusedId}`]);
		const id = await sandbox.importExample('class-events.json', toSink);
		await sandbox.n8n.run(['publish:workflow', `--id=${id}`]);
		// Debug logging: the check on n8n's log below then covers everything n8n can write.
		server = (await sandbox.startServer({ WEBHOOK_URL, N8N_LOG_LEVEL: 'debug' })).server;
		emulator.callbacks.setResolve({ 'n8n.lcic.test:443': server.url });
		check(
			`with WEBHOOK_URL=${WEBHOOK_URL} it registers ${expectedUrl} and the credential's key (ModifyApp)`,
			await waitFor(
				() =>
					app.settings.Callback === expectedUrl &&
					app.settings.CallbackKey === EXAMPLE_CALLBACK_KEY,
				120_000,
			),
			JSON.stringify({ settings: app.settings, log: sandbox.n8n.lastLog().slice(-1000) }),
		);
		const modifyAfterRegistration = count('ModifyApp');

		const roomId = addLiveRoom(emulator.state, sdkAppId, emulator.clock.now(), 'Chemistry');
		app.users.set('grace', {
			UserId: 'grace',
			SdkAppId: sdkAppId,
			Name: 'Grace',
			OriginId: 'grace',
			Token: 't',
			createdAt: 0,
			extra: {},
		});
		emulator.callbacks.scan(); // the room was put into the state directly: RoomStart
		emulator.simulate('memberJoin', { RoomId: roomId, UserId: 'grace' });
		emulator.simulate('recordFinish', { RoomId: roomId, Duration: 120 });
		emulator.callbacks.send({ EventType: 'SomethingNew', EventData: { RoomId: roomId } });
		const join = emulator.callbacks.log.find((r) => r.event.EventType === 'MemberJoin')!;
		const faults = (['badSign', 'expired', 'noSign', 'notJson', 'noEventType'] as const).map(
			(tamper) => emulator.callbacks.resend(join.id, tamper),
		);
		const repeat = emulator.callbacks.resend(join.id);
		await emulator.callbacks.idle();
		// A last event: once its execution has posted, the earlier ones have had their turn.
		emulator.callbacks.send({ EventType: 'Marker', EventData: { RoomId: roomId } });
		await emulator.callbacks.idle();
		const settled = await waitFor(
			() => sink.items.some((item) => eventOf(item).eventType === 'Marker'),
			60_000,
		);
		const types = sink.items.map((item) => String(eventOf(item).eventType));
		check(
			'one execution per event (RoomStart, MemberJoin, RecordFinish, an unknown type), none for the bad ones or the repeat',
			settled &&
				JSON.stringify([...types].sort()) ===
					JSON.stringify(
						['Marker', 'MemberJoin', 'RecordFinish', 'RoomStart', 'SomethingNew'].sort(),
					),
			JSON.stringify(types),
		);
		const statuses = faults.map((record) => record.attempts.at(-1)?.status);
		check(
			'n8n answers 401 for a bad, expired or missing signature and 400 for a body it cannot use',
			JSON.stringify(statuses) === JSON.stringify([401, 401, 401, 401, 400]),
			JSON.stringify(statuses),
		);
		check(
			'and 200 {"error_code":0} for every event, the repeat included',
			emulator.callbacks.log
				.filter((record) => !record.tamper && record.url === expectedUrl)
				.every(
					(record) =>
						record.delivered &&
						record.attempts.at(-1)?.answer === JSON.stringify({ error_code: 0 }),
				) && repeat.delivered,
			JSON.stringify(emulator.callbacks.log.map((r) => [r.event.EventType, r.tamper, r.attempts])),
		);
		const joined = sink.items.map(eventOf).find((event) => event.eventType === 'MemberJoin');
		check(
			"each execution's item has the polling trigger's fields and the body without Sign",
			joined?.roomId === roomId &&
				joined?.userId === 'grace' &&
				typeof joined?.time === 'string' &&
				joined?.body?.EventType === 'MemberJoin' &&
				!('Sign' in (joined?.body ?? {})),
			JSON.stringify(joined),
		);
		// Issue 14: "Never logs the key": neither the trigger's key nor the one it replaced (read
		// with DescribeAppDetail, sent back with ModifyApp on deactivation), after registering,
		// accepting and refusing callbacks.
		const log = sandbox.n8n.lastLog();
		check(
			"n8n's log (debug level) holds neither callback key",
			log.length > 0 && !log.includes(EXAMPLE_CALLBACK_KEY) && !log.includes(PREVIOUS.CallbackKey),
			`${log.length} characters`,
		);
		await server.stop();
		server = undefined;

		// 3. A restart: the registration and the memory of delivered events survive. (n8n 2.x
		// keeps webhooks it has registered and does not ask the node again; n8n 1.x runs
		// checkExists, which finds LCIC still calling this URL: either way nothing changes.)
		server = (await sandbox.startServer({ WEBHOOK_URL })).server;
		emulator.callbacks.setResolve({ 'n8n.lcic.test:443': server.url });
		const before = sink.items.length;
		// Until n8n serves the webhook again the emulator's retries cover the gap.
		const again = emulator.callbacks.resend(join.id);
		emulator.callbacks.send({ EventType: 'AfterRestart', EventData: { RoomId: roomId } });
		await emulator.callbacks.idle();
		await waitFor(
			() => sink.items.some((item) => eventOf(item).eventType === 'AfterRestart'),
			60_000,
		);
		const newTypes = sink.items.slice(before).map((item) => String(eventOf(item).eventType));
		check(
			'after a restart LCIC still calls n8n and nothing is registered again',
			count('ModifyApp') === modifyAfterRegistration && app.settings.Callback === expectedUrl,
		);
		check(
			'a repeat of an event from before the restart starts nothing; a new event does',
			again.delivered && JSON.stringify(newTypes) === JSON.stringify(['AfterRestart']),
			JSON.stringify({ newTypes, again: again.attempts }),
		);
		await server.stop();
		server = undefined;

		// 4. Unpublished: n8n removes the webhook when it starts, and the trigger puts the
		// previous receiver's URL and key back.
		await sandbox.n8n.run(['unpublish:workflow', `--id=${id}`]);
		server = (await sandbox.startServer({ WEBHOOK_URL, N8N_LOG_LEVEL: 'debug' })).server;
		check(
			'once unpublished, the previous callback URL and key are back',
			await waitFor(
				() =>
					app.settings.Callback === PREVIOUS.Callback &&
					app.settings.CallbackKey === PREVIOUS.CallbackKey,
				120_000,
			),
			JSON.stringify({ settings: app.settings, log: sandbox.n8n.lastLog().slice(-1500) }),
		);
		const restoreLog = sandbox.n8n.lastLog();
		check(
			"and n8n's log of the restore (debug level) holds neither key",
			!restoreLog.includes(EXAMPLE_CALLBACK_KEY) && !restoreLog.includes(PREVIOUS.CallbackKey),
		);
	} catch (error) {
		throw new Error(
			`${(error as Error).message}\nn8n's log ends with: ${sandbox.n8n.lastLog().slice(-1500)}`,
		);
	} finally {
		await server?.stop();
		await sink.close();
	}
}
