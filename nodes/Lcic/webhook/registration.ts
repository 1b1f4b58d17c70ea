import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { findByAction, requestOptionsOf } from '../catalog';
import { lcicApiRequest } from '../transport';
import { callbackUrlProblem } from './callbackUrl';
import { keyDigest, open, seal } from './secretBox';
import { readSettings, requireKey, type EventTriggerSettings } from './settings';

// "Register This URL With LCIC": n8n's webhook methods (checkExists, create, delete), within
// LCIC's one callback URL per application.
// - Activation reads the current Callback/CallbackKey with DescribeAppDetail first, refuses a
//   URL LCIC cannot call (ports 80 and 443 only), then sets this node's URL and key with
//   ModifyApp and remembers what was there before.
// - Deactivation puts the previous values back, but only while LCIC still holds the ones this
//   node set: if someone changed the callback since, theirs stays.
// - n8n re-runs checkExists when it starts: LCIC still holding this node's URL and key means
//   registered, and nothing is changed.
// Without the opt-in nothing is called: the user sets the URL and key in the LCIC console.

const RECORD_KEY = 'registration';

// The three calls, with their catalog entries' facts (read-only, rate).
const DESCRIBE_DEVELOPER = findByAction('DescribeDeveloper');
const DESCRIBE_APP_DETAIL = findByAction('DescribeAppDetail');
const MODIFY_APP = findByAction('ModifyApp');

export interface AppCallback {
	callback: string;
	callbackKey: string;
}

interface RegistrationRecord {
	sdkAppId: number;
	/** The URL this node set. */
	url: string;
	/** keyDigest() of the key this node set. */
	keyDigest: string;
	/** What LCIC held before; the key sealed with the key this node set. */
	previousCallback: string;
	previousKey: string;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function readRecord(staticData: IDataObject): RegistrationRecord | undefined {
	const saved = staticData[RECORD_KEY] as IDataObject | undefined;
	if (typeof saved !== 'object' || saved === null) return undefined;
	const sdkAppId = Number(saved.sdkAppId);
	if (!Number.isSafeInteger(sdkAppId) || typeof saved.url !== 'string') return undefined;
	return {
		sdkAppId,
		url: saved.url,
		keyDigest: text(saved.keyDigest),
		previousCallback: text(saved.previousCallback),
		previousKey: text(saved.previousKey),
	};
}

/** Whether LCIC holds exactly what `record` says this node set. */
function holdsRecord(current: AppCallback, record: RegistrationRecord): boolean {
	return current.callback === record.url && keyDigest(current.callbackKey) === record.keyDigest;
}

/** The application's callback settings: DescribeDeveloper for the DeveloperId, then DescribeAppDetail. */
export async function readAppCallback(
	this: IHookFunctions,
	sdkAppId: number,
): Promise<AppCallback> {
	const developer = await lcicApiRequest.call(
		this,
		DESCRIBE_DEVELOPER.action,
		{},
		requestOptionsOf(DESCRIBE_DEVELOPER),
	);
	const detail = await lcicApiRequest.call(
		this,
		DESCRIBE_APP_DETAIL.action,
		{ ApplicationId: String(sdkAppId), DeveloperId: text(developer.DeveloperId) },
		requestOptionsOf(DESCRIBE_APP_DETAIL),
	);
	const config = (detail.AppConfig ?? {}) as IDataObject;
	return { callback: text(config.Callback), callbackKey: text(config.CallbackKey) };
}

async function setAppCallback(
	this: IHookFunctions,
	sdkAppId: number,
	value: AppCallback,
): Promise<void> {
	await lcicApiRequest.call(
		this,
		MODIFY_APP.action,
		{ SdkAppId: sdkAppId, Callback: value.callback, CallbackKey: value.callbackKey },
		requestOptionsOf(MODIFY_APP),
	);
}

interface Target {
	key: string;
	url: string;
	sdkAppId: number;
}

/** What registration needs, or the error that says what is missing. */
function target(this: IHookFunctions, settings: EventTriggerSettings): Target {
	const key = requireKey.call(this, settings);
	const url = this.getNodeWebhookUrl('default');
	const problem = callbackUrlProblem(url);
	if (problem) {
		throw new NodeOperationError(this.getNode(), 'LCIC cannot call this URL', {
			description: `${problem}. Set n8n's WEBHOOK_URL to the public address in front of n8n (for example https://n8n.example.com/), or turn off Register This URL With LCIC and set the callback in the LCIC console.`,
		});
	}
	if (settings.sdkAppId === undefined) {
		throw new NodeOperationError(this.getNode(), 'No SdkAppId to register the URL for', {
			description:
				"Set Default SdkAppId in the credential, or SdkAppId under the trigger's Options.",
		});
	}
	return { key, url: url as string, sdkAppId: settings.sdkAppId };
}

export async function registrationExists(this: IHookFunctions): Promise<boolean> {
	const settings = await readSettings.call(this);
	// A trigger that could not check any signature must not become active.
	requireKey.call(this, settings);
	if (!settings.register) return true;
	const { key, url, sdkAppId } = target.call(this, settings);
	const current = await readAppCallback.call(this, sdkAppId);
	return current.callback === url && current.callbackKey === key;
}

export async function register(this: IHookFunctions): Promise<boolean> {
	const settings = await readSettings.call(this);
	if (!settings.register) return true;
	const { key, url, sdkAppId } = target.call(this, settings);
	const current = await readAppCallback.call(this, sdkAppId);
	const staticData = this.getWorkflowStaticData('node');

	// "Listen for test event" would take the application's one callback away from whatever
	// receives it now (perhaps this very workflow, active): refuse rather than lose its events.
	if (this.getMode() === 'manual' && current.callback !== '' && current.callback !== url) {
		throw new NodeOperationError(this.getNode(), 'LCIC already sends callbacks elsewhere', {
			description: `The application's callback URL is ${current.callback}; listening for a test event would replace it. Test with the workflow active, or clear the callback in the LCIC console first.`,
		});
	}

	// Already this node's URL and key (set by hand, or between checkExists and now): nothing to
	// change, and nothing of someone else's to put back later.
	if (current.callback === url && current.callbackKey === key) return true;

	// LCIC still holds what an earlier activation of this node set (its URL has changed since,
	// say a new WEBHOOK_URL): the values to put back stay the ones from before that activation.
	const earlier = readRecord(staticData);
	let previous: AppCallback = current;
	if (earlier && earlier.sdkAppId === sdkAppId && holdsRecord(current, earlier)) {
		previous = {
			callback: earlier.previousCallback,
			callbackKey: open(earlier.previousKey, current.callbackKey) ?? '',
		};
	}

	await setAppCallback.call(this, sdkAppId, { callback: url, callbackKey: key });
	staticData[RECORD_KEY] = {
		sdkAppId,
		url,
		keyDigest: keyDigest(key),
		previousCallback: previous.callback,
		previousKey: seal(previous.callbackKey, key),
	};
	return true;
}

export async function unregister(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const record = readRecord(staticData);
	if (!record) return true;
	try {
		const current = await readAppCallback.call(this, record.sdkAppId);
		if (holdsRecord(current, record)) {
			await setAppCallback.call(this, record.sdkAppId, {
				callback: record.previousCallback,
				callbackKey: open(record.previousKey, current.callbackKey) ?? '',
			});
		}
	} catch (error) {
		// The record stays: a later activation finds LCIC still pointing here and keeps it, and
		// the next deactivation tries again.
		this.logger.warn(
			`Tencent Cloud LCIC Event Trigger could not restore the previous callback: ${(error as Error).message}`,
			{ node: this.getNode().name },
		);
		return false;
	}
	delete staticData[RECORD_KEY];
	return true;
}
