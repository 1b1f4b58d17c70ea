import type { IDataObject } from 'n8n-workflow';

import type { RoomEventFields } from '../trigger/toItem';

// One callback as it arrived: the JSON body LCIC posts ({Timestamp, SdkAppId, ExpireTime, Sign,
// EventType, EventData}, the shape of Tencent's whiteboard callbacks, which sign the same way)
// and where its Sign and ExpireTime came from. Tencent's page does not say whether those two may
// travel in the query string, so both places are read; the body wins when both have them.
// Pure: the n8n request is read in receive.ts.

export interface IncomingCallback {
	/** What n8n parsed (an object for application/json, a string for text/plain). */
	body: unknown;
	/** The bytes n8n read, for bodies it did not parse (another content type). */
	rawBody?: Buffer;
	query: IDataObject;
}

export interface Credentials {
	sign: unknown;
	expireTime: unknown;
}

export interface Delivery extends RoomEventFields {
	sdkAppId?: number;
	/** The body as LCIC sent it, without Sign (a signature is never output). */
	body: IDataObject;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
	} catch {
		return undefined;
	}
}

/** The body as a JSON object, or undefined when it is not one (not JSON, an array, empty). */
export function bodyObject(incoming: IncomingCallback): IDataObject | undefined {
	const { body, rawBody } = incoming;
	if (isObject(body) && Object.keys(body).length > 0) return body;
	if (typeof body === 'string') {
		const parsed = parseJson(body);
		return isObject(parsed) ? parsed : undefined;
	}
	if (rawBody && rawBody.length > 0) {
		const parsed = parseJson(rawBody.toString('utf8'));
		return isObject(parsed) ? parsed : undefined;
	}
	return undefined;
}

function first(value: unknown): unknown {
	return Array.isArray(value) ? (value[0] as unknown) : value;
}

/** Sign and ExpireTime from the body, else from the query string. */
export function signatureOf(body: IDataObject | undefined, query: IDataObject): Credentials {
	const pick = (name: string): unknown => {
		const fromBody = body?.[name];
		return fromBody !== undefined && fromBody !== null && fromBody !== ''
			? fromBody
			: first(query[name]);
	};
	return { sign: pick('Sign'), expireTime: pick('ExpireTime') };
}

function positiveInteger(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
		? number
		: undefined;
}

/** The event a signed body describes, or undefined when it has no EventType. */
export function readDelivery(body: IDataObject): Delivery | undefined {
	const type = typeof body.EventType === 'string' ? body.EventType.trim() : '';
	if (type === '') return undefined;
	const data = isObject(body.EventData) ? body.EventData : {};
	const roomId = positiveInteger(data.RoomId) ?? positiveInteger(body.RoomId);
	const { Sign: _sign, ...withoutSign } = body;
	return {
		roomId,
		type,
		timestamp: positiveInteger(body.Timestamp) ?? 0,
		data,
		sdkAppId: positiveInteger(body.SdkAppId),
		body: withoutSign,
	};
}
