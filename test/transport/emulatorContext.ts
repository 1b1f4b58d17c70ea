import { request as httpRequest, type IncomingHttpHeaders } from 'http';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { TencentCloudLcicApi } from '../../credentials/TencentCloudLcicApi.credentials';
import type { LcicContext } from '../../nodes/Lcic/transport';
import type { RunningEmulator } from '../emulator';
import { TEST_NODE } from './fakeContext';

// An n8n-like execution context whose HTTP helpers really send to the emulator. Unlike
// fakeContext, every request goes through the real credential's authenticate() (the signer
// the product ships) and over a real socket, so signatures, dropped connections and HTTP
// statuses are what the transport would meet in n8n.
//
// Failures mirror n8n-core's httpRequestWithAuthentication: it wraps the HTTP client's error
// (an axios error whose `code` is ECONNRESET, ECONNREFUSED...) in a NodeApiError whose
// `cause` is that error, which is where nodes/Lcic/transport/request.ts reads the code.

export interface RawResponse {
	statusCode: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

interface SendOptions {
	method: string;
	headers: Record<string, string>;
	body?: Buffer;
	timeoutMs?: number;
}

/** One HTTP request with Node's own client (what axios uses underneath in n8n). */
export function send(url: string, options: SendOptions): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			url,
			{ method: options.method, headers: options.headers, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						statusCode: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks),
					}),
				);
				res.on('error', reject);
			},
		);
		if (options.timeoutMs) {
			req.setTimeout(options.timeoutMs, () =>
				req.destroy(Object.assign(new Error('timeout exceeded'), { code: 'ECONNABORTED' })),
			);
		}
		req.on('error', reject);
		req.end(options.body);
	});
}

/** Like axios in n8n: a JSON content type is parsed, and a body that does not parse stays text. */
function decode(raw: RawResponse): unknown {
	const text = raw.body.toString('utf8');
	if (!/\bjson\b/i.test(String(raw.headers['content-type'] ?? ''))) return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** n8n-core's wrapper around a failed request: the HTTP client's error becomes `cause`. */
function wrapped(error: unknown): Error {
	const cause = error as Error & { code?: string };
	return new Error(cause.message, { cause: { code: cause.code, message: cause.message } });
}

function stringHeaders(headers: IHttpRequestOptions['headers']): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value !== undefined && value !== null) out[name] = String(value);
	}
	return out;
}

export function emulatorCredentials(
	emu: RunningEmulator,
	overrides: IDataObject = {},
): ICredentialDataDecryptedObject {
	return {
		endpoint: 'custom',
		customUrl: emu.url,
		secretId: emu.account.secretId,
		secretKey: emu.account.secretKey,
		sessionToken: emu.account.token ?? '',
		sdkAppId: emu.account.sdkAppId,
		region: '',
		language: 'en-US',
		...overrides,
	};
}

export interface EmulatorContext {
	context: LcicContext;
	/** HTTP requests actually sent (attempts, not actions). */
	sent: number;
}

export function emulatorContext(
	emu: RunningEmulator,
	overrides: IDataObject = {},
): EmulatorContext {
	const credentials = emulatorCredentials(emu, overrides);
	const credentialType = new TencentCloudLcicApi();
	const state: EmulatorContext = { context: undefined as unknown as LcicContext, sent: 0 };
	const context = {
		getNode: () => TEST_NODE,
		getCredentials: async () => ({ ...credentials }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const signed = await credentialType.authenticate({ ...credentials }, options);
				state.sent += 1;
				let raw: RawResponse;
				try {
					raw = await send(`${signed.baseURL ?? ''}${signed.url}`, {
						method: signed.method ?? 'GET',
						headers: stringHeaders(signed.headers),
						body: signed.body as Buffer,
						timeoutMs: signed.timeout,
					});
				} catch (error) {
					throw wrapped(error);
				}
				if (raw.statusCode >= 400 && !signed.ignoreHttpStatusErrors) {
					throw wrapped(
						Object.assign(new Error(`Request failed with status code ${raw.statusCode}`), {
							code: 'ERR_BAD_RESPONSE',
						}),
					);
				}
				const body = decode(raw);
				return signed.returnFullResponse
					? { statusCode: raw.statusCode, headers: raw.headers, body }
					: body;
			},
		},
	};
	state.context = context as unknown as LcicContext;
	return state;
}
