import type { IDataObject } from 'n8n-workflow';

// LCIC answers HTTP 200 for successes and failures alike; the body's Response decides.

export type Envelope =
	| { ok: true; response: IDataObject }
	| { ok: false; code: string; message: string; requestId?: string };

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Undefined when the body is not an LCIC envelope at all (a proxy's HTML page, say). */
export function readEnvelope(body: unknown): Envelope | undefined {
	let parsed = body;
	if (Buffer.isBuffer(parsed)) parsed = parsed.toString('utf8');
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed);
		} catch {
			return undefined;
		}
	}
	if (!isObject(parsed) || !isObject(parsed.Response)) return undefined;
	const response = parsed.Response;
	const requestId = typeof response.RequestId === 'string' ? response.RequestId : undefined;
	if (isObject(response.Error)) {
		return {
			ok: false,
			code: String(response.Error.Code ?? 'UnknownError'),
			message: String(response.Error.Message ?? ''),
			requestId,
		};
	}
	return { ok: true, response };
}
