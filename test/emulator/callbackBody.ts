import { createHash } from 'crypto';

// The bytes of one LCIC callback, as the emulator sends them and as tests hand them to the Event
// Trigger. Tencent's "Service Callbacks" page for LCIC:
//   "Sign = md5(CallbackKey+ExpireTime)" (lowercase hex), ExpireTime a decimal Unix time in
//   seconds after which "the notification can be considered invalid".
// The body follows Tencent's whiteboard callbacks, which sign the same way:
//   {"EventType", "ExpireTime", "SdkAppId", "Sign", "Timestamp", "EventData"}.
// Written here from those pages, not from the node's code, so the two check each other.

export interface CallbackEvent {
	SdkAppId: number;
	EventType: string;
	/** When the event happened (emulator clock, epoch seconds). */
	Timestamp: number;
	EventData: Record<string, unknown>;
}

/**
 * Deliberate faults, for tests of the receiving side:
 * - badSign: signed with another key;  expired: ExpireTime already passed (signed correctly);
 * - noSign: neither Sign nor ExpireTime;  signInQuery: both in the query string, not the body;
 * - notJson: a text/plain body that is not JSON;  noEventType: a signed body without EventType.
 */
export type Tamper = 'badSign' | 'expired' | 'noSign' | 'signInQuery' | 'notJson' | 'noEventType';

export const TAMPERS: readonly Tamper[] = [
	'badSign',
	'expired',
	'noSign',
	'signInQuery',
	'notJson',
	'noEventType',
];

export interface BuiltCallback {
	/** Query string to append to the callback URL ('' or '?Sign=...&ExpireTime=...'). */
	query: string;
	contentType: string;
	body: string;
}

export function md5Sign(callbackKey: string, expireTime: number): string {
	return createHash('md5').update(`${callbackKey}${expireTime}`, 'utf8').digest('hex');
}

export interface BuildOptions {
	tamper?: Tamper;
	/** Wall-clock seconds (signatures use real time, like the TC3 ones). */
	nowSeconds?: number;
	/** ExpireTime = now + this. */
	expiresInSeconds?: number;
}

export function buildCallback(
	event: CallbackEvent,
	callbackKey: string,
	options: BuildOptions = {},
): BuiltCallback {
	const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
	const tamper = options.tamper;
	const expireTime = tamper === 'expired' ? now - 60 : now + (options.expiresInSeconds ?? 300);
	const sign = md5Sign(tamper === 'badSign' ? `${callbackKey}-wrong` : callbackKey, expireTime);
	if (tamper === 'notJson') {
		return { query: '', contentType: 'text/plain; charset=utf-8', body: 'EventType=RoomStart' };
	}
	const body: Record<string, unknown> = {
		Timestamp: event.Timestamp,
		SdkAppId: event.SdkAppId,
		ExpireTime: expireTime,
		Sign: sign,
		EventType: event.EventType,
		EventData: event.EventData,
	};
	let query = '';
	if (tamper === 'noSign' || tamper === 'signInQuery') {
		delete body.Sign;
		delete body.ExpireTime;
	}
	if (tamper === 'signInQuery') query = `?Sign=${sign}&ExpireTime=${expireTime}`;
	if (tamper === 'noEventType') delete body.EventType;
	return { query, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
}
