// "Register This URL With LCIC": the webhook methods in n8n-core's HookContext against the
// emulator over HTTP (DescribeDeveloper, DescribeAppDetail, ModifyApp as LCIC answers them).
// Tencent: one callback URL per application, "only port 80 and port 443 are supported".
import type { INodeParameters } from 'n8n-workflow';

import { resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { forgetProcessMemory } from '../../nodes/Lcic/webhook/duplicates';
import { startEmulator, type RunningEmulator } from '../emulator';
import type { AppState } from '../emulator/actions/state';
import { buildCallback } from '../emulator/callbackBody';
import { EventTriggerRig } from '../harness/webhook';

const KEY = 'trigger-key-1';
const PUBLIC = 'https://n8n.example.test/webhook';
const OLD = { Callback: 'https://school.example.com/lcic', CallbackKey: 'school-key' };

let emulator: RunningEmulator;
let app: AppState;

beforeEach(async () => {
	emulator = await startEmulator({ rateLimits: false });
	app = emulator.state.apps.get(emulator.account.sdkAppId)!;
	resetRateLimiter();
	forgetProcessMemory();
	setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 2 });
});
afterEach(async () => {
	setRetryPolicy({});
	await emulator.stop();
});

function rig(parameters: INodeParameters = {}, webhookBaseUrl: string | undefined = PUBLIC) {
	return new EventTriggerRig({
		emulator,
		webhookBaseUrl,
		parameters: { callbackKey: KEY, register: true, ...parameters },
	});
}

const actions = () => emulator.calls.map((call) => call.action);
const settings = () => ({ Callback: app.settings.Callback, CallbackKey: app.settings.CallbackKey });

describe('registration off', () => {
	it('calls nothing: the URL and key are set in the console', async () => {
		const trigger = rig({ register: false });
		await expect(trigger.activate()).resolves.toEqual({ created: false });
		await trigger.deactivate();
		expect(actions()).toEqual([]);
	});

	it('still refuses to activate without a key to check callbacks with', async () => {
		await expect(rig({ register: false, callbackKey: '' }).activate()).rejects.toThrow(
			'No Callback Key',
		);
	});
});

describe('registration on', () => {
	it("reads the current callback, sets this node's URL and key, and keeps the previous ones sealed", async () => {
		Object.assign(app.settings, OLD);
		const trigger = rig();
		await expect(trigger.activate()).resolves.toEqual({ created: true });
		expect(actions()).toEqual([
			'DescribeDeveloper',
			'DescribeAppDetail', // checkExists
			'DescribeDeveloper',
			'DescribeAppDetail', // create reads it again before changing it
			'ModifyApp',
		]);
		expect(settings()).toEqual({ Callback: trigger.webhookUrl(), CallbackKey: KEY });
		expect(trigger.webhookUrl()).toBe('https://n8n.example.test/webhook/5b0c3a8e-lcic-hook/lcic');
		// Static data travels with workflow exports: no key in clear.
		const saved = JSON.stringify(trigger.database);
		expect(saved).toContain(OLD.Callback);
		expect(saved).not.toContain(OLD.CallbackKey);
		expect(saved).not.toContain(KEY);

		// A callback LCIC now sends is accepted with that key.
		const answer = await trigger.deliver(
			buildCallback(
				{
					SdkAppId: app.SdkAppId,
					EventType: 'RoomStart',
					Timestamp: 1,
					EventData: { RoomId: 1 },
				},
				String(app.settings.CallbackKey),
			),
		);
		expect(answer.items).toHaveLength(1);

		await trigger.deactivate();
		expect(settings()).toEqual(OLD);
		expect(trigger.nodeStaticData.registration).toBeUndefined();
	});

	it('puts back an empty callback when there was none', async () => {
		const trigger = rig();
		await trigger.activate();
		await trigger.deactivate();
		expect(settings()).toEqual({ Callback: '', CallbackKey: '' });
	});

	it('leaves a callback someone changed since alone on deactivation', async () => {
		Object.assign(app.settings, OLD);
		const trigger = rig();
		await trigger.activate();
		app.settings.Callback = 'https://other.example.com/hook';
		emulator.resetCalls();
		await trigger.deactivate();
		expect(actions()).not.toContain('ModifyApp');
		expect(settings()).toEqual({
			Callback: 'https://other.example.com/hook',
			CallbackKey: KEY,
		});
		// Same URL, another key: changed too.
		const again = rig();
		await again.activate();
		app.settings.CallbackKey = 'rotated-in-console';
		await again.deactivate();
		expect(app.settings.CallbackKey).toBe('rotated-in-console');
	});

	it('changes nothing when n8n restarts and LCIC still holds its URL and key', async () => {
		Object.assign(app.settings, OLD);
		const trigger = rig();
		await trigger.activate();
		trigger.restart();
		emulator.resetCalls();
		await expect(trigger.activate('init')).resolves.toEqual({ created: false });
		expect(actions()).toEqual(['DescribeDeveloper', 'DescribeAppDetail']);
		await trigger.deactivate();
		expect(settings()).toEqual(OLD);
	});

	it('re-registers after a change of WEBHOOK_URL and still restores the values from before', async () => {
		Object.assign(app.settings, OLD);
		const first = rig();
		await first.activate();
		const moved = new EventTriggerRig({
			emulator,
			webhookBaseUrl: 'https://automation.example.test/webhook',
			parameters: { callbackKey: KEY, register: true },
		});
		moved.database = first.database;
		await expect(moved.activate()).resolves.toEqual({ created: true });
		expect(app.settings.Callback).toBe(moved.webhookUrl());
		await moved.deactivate();
		expect(settings()).toEqual(OLD);
	});

	it('re-registers with a new key and restores the values from before', async () => {
		Object.assign(app.settings, OLD);
		const first = rig();
		await first.activate();
		first.setParameters({ callbackKey: 'trigger-key-2', register: true });
		await expect(first.activate('update')).resolves.toEqual({ created: true });
		expect(settings()).toEqual({ Callback: first.webhookUrl(), CallbackKey: 'trigger-key-2' });
		await first.deactivate();
		expect(settings()).toEqual(OLD);
	});

	it('refuses a URL on a port LCIC does not call, before calling LCIC', async () => {
		Object.assign(app.settings, OLD);
		for (const base of [
			'http://localhost:5678/webhook', // n8n without WEBHOOK_URL
			'https://n8n.example.test:8443/webhook',
			'http://n8n.example.test:8080/webhook',
		]) {
			const error = await rig({}, base)
				.activate()
				.catch((e: unknown) => e as Error & { description?: string });
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe('LCIC cannot call this URL');
			expect((error as { description?: string }).description).toMatch(
				/ports 80 and 443 only.*WEBHOOK_URL/s,
			);
		}
		expect(actions()).toEqual([]);
		expect(settings()).toEqual(OLD);
	});

	it('takes ports 80 and 443, written out or implied', async () => {
		for (const base of [
			'http://n8n.example.test/webhook',
			'http://n8n.example.test:80/webhook',
			'https://n8n.example.test:443/webhook',
			'http://n8n.example.test:443/webhook',
		]) {
			const trigger = rig({}, base);
			await trigger.activate();
			expect(app.settings.Callback).toBe(trigger.webhookUrl());
			await trigger.deactivate();
		}
	});

	it('needs an SdkAppId to register for', async () => {
		const trigger = new EventTriggerRig({
			emulator,
			webhookBaseUrl: PUBLIC,
			credentials: { sdkAppId: 0 },
			parameters: { callbackKey: KEY, register: true },
		});
		await expect(trigger.activate()).rejects.toThrow('No SdkAppId to register the URL for');
		expect(actions()).toEqual([]);
	});

	// Careless values (issue: "an object as SdkAppId reads [object Object]"): the same rule as the
	// action node's, so "0x1F" is not application 31 and an object does not quietly become the
	// credential's application.
	it.each([['={{ "0x1F" }}'], ['={{ "1e3" }}'], ['={{ { id: 1 } }}'], ['={{ -3 }}']])(
		'refuses SdkAppId %s naming it, before calling LCIC',
		async (sdkAppId) => {
			const trigger = rig({ options: { sdkAppId } });
			await expect(trigger.activate()).rejects.toThrow(/"SdkAppId" must be a whole number/);
			expect(actions()).toEqual([]);
		},
	);

	it('leaves LCIC and its own memory unchanged when ModifyApp fails half-way', async () => {
		Object.assign(app.settings, OLD);
		emulator.faults.add({ action: 'ModifyApp', kind: 'error', code: 'InternalError' });
		const trigger = rig();
		await expect(trigger.activate()).rejects.toThrow();
		expect(settings()).toEqual(OLD);
		expect(trigger.nodeStaticData.registration).toBeUndefined();
		// Deactivating a workflow whose activation failed changes nothing either.
		await trigger.deactivate();
		expect(settings()).toEqual(OLD);
	});

	it('keeps what to restore when LCIC cannot be reached on deactivation, and restores next time', async () => {
		Object.assign(app.settings, OLD);
		const trigger = rig();
		await trigger.activate();
		emulator.faults.add({ action: 'DescribeDeveloper', kind: 'error', code: 'AuthFailure' });
		await expect(trigger.deactivate()).resolves.toBe(false);
		expect(trigger.nodeStaticData.registration).toBeDefined();
		expect(app.settings.Callback).toBe(trigger.webhookUrl());
		await expect(trigger.deactivate()).resolves.toBe(true);
		expect(settings()).toEqual(OLD);
	});
});

describe('listening for a test event with registration on', () => {
	it('registers the test URL when the application has no callback, and clears it afterwards', async () => {
		const trigger = rig();
		await trigger.activate('manual', 'manual');
		expect(app.settings.Callback).toBe(trigger.webhookUrl('manual'));
		expect(trigger.webhookUrl('manual')).toContain('/webhook-test/');
		await trigger.deactivate('manual');
		expect(settings()).toEqual({ Callback: '', CallbackKey: '' });
		// The active workflow's static data never saw the test registration.
		expect(trigger.nodeStaticData.registration).toBeUndefined();
	});

	it("refuses to take the callback away from another receiver, this workflow's active one included", async () => {
		const trigger = rig();
		await trigger.activate();
		emulator.resetCalls();
		await expect(trigger.activate('manual', 'manual')).rejects.toThrow(
			'LCIC already sends callbacks elsewhere',
		);
		expect(actions()).not.toContain('ModifyApp');
		expect(app.settings.Callback).toBe(trigger.webhookUrl());
	});
});
