import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { baseUrlOf, LCIC_SERVICE, regionOf } from './endpoint';
import { authorization, JSON_CONTENT_TYPE } from './tc3Signer';

// Turns an LCIC request into a signed one. The body is serialised here once and sent as a
// Buffer, because n8n's HTTP layer would otherwise re-serialise a JSON body and the bytes on
// the wire would no longer be the bytes that were signed.

function headerValue(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : String(headers[key]);
}

function setHeader(headers: IDataObject, name: string, value: string): void {
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
	}
	headers[name] = value;
}

export function bodyBytes(body: IHttpRequestOptions['body']): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body ?? {}), 'utf8');
}

export function signLcicRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	now: () => number = Date.now,
): IHttpRequestOptions {
	const baseURL = baseUrlOf(credentials);
	const url = new URL(requestOptions.url || '/', `${baseURL}/`);
	const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
	const payload = bodyBytes(requestOptions.body);

	const contentType = headerValue(headers, 'content-type') ?? JSON_CONTENT_TYPE;
	const timestamp = Number(headerValue(headers, 'x-tc-timestamp') ?? Math.floor(now() / 1000));
	setHeader(headers, 'Content-Type', contentType);
	setHeader(headers, 'X-TC-Timestamp', String(timestamp));

	const token = String(credentials.sessionToken ?? '').trim();
	if (token) setHeader(headers, 'X-TC-Token', token);
	const region = regionOf(credentials);
	if (region) setHeader(headers, 'X-TC-Region', region);
	const language = String(credentials.language ?? '').trim();
	if (language) setHeader(headers, 'X-TC-Language', language);

	setHeader(
		headers,
		'Authorization',
		authorization({
			secretId: String(credentials.secretId ?? '').trim(),
			secretKey: String(credentials.secretKey ?? '').trim(),
			service: LCIC_SERVICE,
			// What Node's HTTP client sends as Host: the port is included unless it is the default.
			host: url.host,
			timestamp,
			payload,
			contentType,
		}),
	);

	return {
		...requestOptions,
		baseURL,
		url: url.pathname + url.search,
		headers,
		body: payload,
	};
}
