import { randomUUID } from 'crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

import { accountIndex, DEFAULT_ACCOUNT } from './accounts';
import type { EmulatorState } from './actions/state';
import { createState } from './actions/seed';
import { handleAdmin, ADMIN_PREFIX } from './admin';
import { CallbackSender, type CallbackOptions } from './callbacks';
import { createClock } from './clock';
import { Faults, type FaultSpec } from './faults';
import { checkParams, parseBody } from './paramCheck';
import { RateLimits } from './rateLimits';
import { claimedSecretId, verifyTc3 } from './tc3Verifier';
import { LcicError, type ActionTable, type EmulatorAccount, type EmulatorClock } from './types';

// The emulator's HTTP layer: Tencent Cloud API 3.0 semantics (POST / with a JSON body, TC3
// signature, HTTP 200 envelopes for successes and errors alike) in front of an ActionTable.
// It knows nothing about LCIC itself; actions/ does.

export const API_VERSION = '2022-08-17';
const DEFAULT_RATE_LIMIT = 20;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface CallRecord {
	action: string;
	params: Record<string, unknown>;
	secretId?: string;
	errorCode?: string;
	/** The fault that was applied to this call, if any. */
	fault?: FaultSpec['kind'];
	/** Wall-clock arrival time, ms. */
	at: number;
}

export interface StartOptions {
	/** 0 or unset = a free port. */
	port?: number;
	/** Default: [DEFAULT_ACCOUNT]. */
	accounts?: EmulatorAccount[];
	clock?: EmulatorClock;
	/** Default: every LCIC action (actions/index.ts). Transport tests pass their own. */
	actions?: ActionTable;
	/** Default: createState(accounts), one empty application per account. */
	state?: unknown;
	/** Default true. */
	rateLimits?: boolean;
	/**
	 * The wall clock (milliseconds) the rate limits count their one-second windows by; default
	 * Date.now. A test holds it to check a window's edges without racing the real clock.
	 */
	rateLimitClock?: () => number;
	/** Largest accepted |wall clock - X-TC-Timestamp|; default 300. */
	maxSkewSeconds?: number;
	/**
	 * Milliseconds every API answer is held back, like the round trip to Tencent's servers
	 * (benchmarks use 50). The action runs and counts against the rate limit on arrival. Default 0.
	 */
	latencyMs?: number;
	/** How LCIC's callbacks are sent (retries, ExpireTime, where hosts resolve to). */
	callbacks?: CallbackOptions;
	/**
	 * How an answer is held back (delay faults, latency): a timer by default. Tests pass a wait
	 * they release themselves, so that they check the holding back without measuring time.
	 */
	wait?: (ms: number) => Promise<void>;
}

export interface RunningEmulator {
	/** http://127.0.0.1:PORT */
	url: string;
	port: number;
	/** The first account. */
	account: EmulatorAccount;
	accounts: EmulatorAccount[];
	state: EmulatorState;
	clock: EmulatorClock;
	faults: { add(f: FaultSpec): void; clear(): void };
	calls: CallRecord[];
	resetCalls(): void;
	/** The delay added to every API answer (see StartOptions.latencyMs); settable while running. */
	latencyMs: number;
	simulate(name: string, args?: Record<string, unknown>): Record<string, unknown>;
	/** The callbacks sent to applications' Callback URLs (see callbacks.ts). */
	callbacks: CallbackSender;
	stop(): Promise<void>;
}

type ActionsModule = typeof import('./actions/index');

// Loaded on first use rather than imported: a transport test with its own small ActionTable
// then does not depend on (or wait for) the whole LCIC behaviour compiling.
function actionsModule(): ActionsModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require('./actions/index') as ActionsModule;
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value.join(',') : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function sendJson(res: ServerResponse, status: number, value: unknown, nowSeconds?: number): void {
	const body = Buffer.from(JSON.stringify(value), 'utf8');
	const headers: Record<string, string | number> = {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': body.length,
	};
	// API answers carry the emulated Tencent's time (its domain clock, which tests move), as an
	// HTTP server's Date header does (RFC 9110, 6.6.1); Node would otherwise send wall time.
	if (nowSeconds !== undefined) headers.Date = new Date(nowSeconds * 1000).toUTCString();
	res.writeHead(status, headers);
	res.end(body);
}

function sendHtml(res: ServerResponse, status: number): void {
	const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
	const body = Buffer.from(
		`<html><head><title>${title}</title></head><body><h1>${title}</h1><hr>emulated gateway</body></html>`,
	);
	res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': body.length });
	res.end(body);
}

function tryParse(raw: Buffer): Record<string, unknown> {
	try {
		return parseBody(raw);
	} catch {
		return {};
	}
}

const timer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Latency is a whole number of milliseconds, at most a minute (a typo must not hang a run). */
export function checkLatency(ms: number): number {
	if (!Number.isInteger(ms) || ms < 0 || ms > 60_000)
		throw new Error(`latency must be a whole number of milliseconds from 0 to 60000, got ${ms}`);
	return ms;
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
	const accounts = options.accounts?.length ? options.accounts : [DEFAULT_ACCOUNT];
	const byId = accountIndex(accounts);
	const clock = options.clock ?? createClock();
	const actions = options.actions ?? actionsModule().createActionTable();
	const state = (options.state as EmulatorState | undefined) ?? createState(accounts);
	const limits = options.rateLimits === false ? undefined : new RateLimits();
	const rateLimitClock = options.rateLimitClock ?? Date.now;
	const maxSkewSeconds = options.maxSkewSeconds ?? 300;
	const faults = new Faults();
	const calls: CallRecord[] = [];
	const latency = { ms: checkLatency(options.latencyMs ?? 0) };
	const sleep = options.wait ?? timer;
	const callbacks = new CallbackSender(state, clock, options.callbacks);
	// What exists before the first call is old news: no callbacks for it.
	callbacks.scan();
	let simulations: ReturnType<ActionsModule['createSimulations']> | undefined;

	const simulate = (name: string, args: Record<string, unknown> = {}): Record<string, unknown> => {
		simulations ??= actionsModule().createSimulations();
		const run = simulations[name];
		if (!run)
			throw new LcicError(
				'InvalidParameterValue',
				`Unknown simulation "${name}"; known: ${Object.keys(simulations).join(', ')}`,
			);
		try {
			return run(state, clock, args);
		} finally {
			callbacks.scan();
		}
	};

	/**
	 * Runs one API call; returns the Response fields, or 'done' when a fault already answered or
	 * dropped it. A dropAfter fault sets `after.drop`: the call runs to its end, then the caller
	 * closes the socket instead of answering, whether the action succeeded or failed.
	 */
	async function call(
		req: IncomingMessage,
		res: ServerResponse,
		raw: Buffer,
		record: CallRecord,
		after: { drop: boolean },
	): Promise<Record<string, unknown> | 'done'> {
		if (req.method !== 'POST')
			throw new LcicError('UnsupportedProtocol', 'The emulator accepts POST requests only.');
		const contentType = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
		if (contentType !== 'application/json') {
			throw new LcicError(
				'InvalidParameter',
				`Content-Type must be application/json, got "${contentType}".`,
			);
		}
		const url = new URL(req.url ?? '/', 'http://emulator');
		const account = verifyTc3(
			{
				method: req.method,
				path: url.pathname,
				query: url.search.replace(/^\?/, ''),
				headers: req.headers,
				body: raw,
			},
			{
				findAccount: (id) => byId.get(id),
				nowSeconds: Math.floor(Date.now() / 1000),
				maxSkewSeconds,
			},
		);
		const action = record.action;

		for (let fault = faults.take(action); fault; fault = faults.take(action, true)) {
			record.fault = fault.kind;
			if (fault.kind === 'delay') {
				await sleep(fault.ms ?? 1000);
			} else if (fault.kind === 'dropBefore') {
				req.socket.destroy();
				return 'done';
			} else if (fault.kind === 'status') {
				sendHtml(res, fault.status ?? 502);
				return 'done';
			} else if (fault.kind === 'error') {
				throw new LcicError(
					fault.code ?? 'InternalError',
					fault.message ?? 'An internal error occurred (injected by the emulator).',
				);
			} else if (fault.kind === 'redirect') {
				res.writeHead(fault.status ?? 307, {
					Location: fault.location ?? '/',
					'Content-Length': 0,
				});
				res.end();
				return 'done';
			} else if (fault.kind === 'echoHeaders') {
				throw new LcicError(
					fault.code ?? 'InvalidParameter',
					`${fault.message ?? 'Bad request.'} Request headers: ${JSON.stringify(req.headers)}; raw: ${req.rawHeaders.join(': ')}`,
				);
			} else {
				after.drop = true;
				break;
			}
		}

		const version = header(req, 'x-tc-version');
		if (version !== API_VERSION) {
			throw new LcicError(
				'NoSuchVersion',
				`The API version \`${version ?? ''}\` does not exist for lcic; use ${API_VERSION}.`,
			);
		}
		if (!action)
			throw new LcicError(
				'MissingParameter',
				'The request is missing a required parameter `Action` (X-TC-Action).',
			);
		const spec = Object.prototype.hasOwnProperty.call(actions, action)
			? actions[action]
			: undefined;
		if (!spec)
			throw new LcicError(
				'InvalidAction',
				`The action \`${action}\` does not exist in version ${API_VERSION}.`,
			);
		if (
			limits &&
			!limits.take(
				String(account.appId),
				action,
				spec.rateLimit ?? DEFAULT_RATE_LIMIT,
				rateLimitClock(),
			)
		) {
			throw new LcicError(
				'RequestLimitExceeded',
				`Your current request count for ${action} exceeded the limit of ${spec.rateLimit ?? DEFAULT_RATE_LIMIT} per second.`,
			);
		}
		const params = parseBody(raw);
		checkParams(params, spec.params);
		try {
			return await spec.handler({ params, account, clock, state });
		} finally {
			// Whatever the call made happen (events, a new callback URL) is sent from here on.
			callbacks.scan();
		}
	}

	async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const at = Date.now();
		const raw = await readBody(req);
		const record: CallRecord = {
			action: header(req, 'x-tc-action')?.trim() ?? '',
			params: tryParse(raw),
			secretId: claimedSecretId(req.headers),
			at,
		};
		calls.push(record);
		const requestId = randomUUID();
		const after = { drop: false };
		try {
			if (raw.length > MAX_BODY_BYTES)
				throw new LcicError('InvalidParameter', 'The request body is larger than 10 MB.');
			const fields = await call(req, res, raw, record, after);
			if (latency.ms > 0 && fields !== 'done') await sleep(latency.ms);
			if (after.drop) req.socket.destroy();
			else if (fields !== 'done')
				sendJson(res, 200, { Response: { ...fields, RequestId: requestId } }, clock.now());
		} catch (error) {
			const known = error instanceof LcicError;
			const code = known ? error.code : 'InternalError';
			const message = known
				? error.message
				: `The emulator failed: ${(error as Error)?.message ?? String(error)}`;
			if (!known)
				process.stderr.write(
					`[lcic-emulator] ${record.action}: ${(error as Error)?.stack ?? String(error)}\n`,
				);
			record.errorCode = code;
			if (latency.ms > 0) await sleep(latency.ms);
			if (after.drop) req.socket.destroy();
			else
				sendJson(
					res,
					200,
					{ Response: { Error: { Code: code, Message: message }, RequestId: requestId } },
					clock.now(),
				);
		}
	}

	const sockets = new Set<Socket>();
	const server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		const work = path.startsWith(ADMIN_PREFIX)
			? handleAdmin(req, res, admin)
			: path === '/'
				? handleApi(req, res)
				: Promise.resolve(
						sendJson(res, 404, {
							error: `Nothing at ${path}: the API is POST / and the admin API is under ${ADMIN_PREFIX}`,
						}),
					);
		work.catch((error: unknown) => {
			if (!res.headersSent)
				sendJson(res, 500, { error: String((error as Error)?.message ?? error) });
			else res.destroy();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;

	const admin = {
		info: () => ({
			url,
			port,
			apiVersion: API_VERSION,
			account: accounts[0],
			accounts,
			actions: Object.keys(actions).sort(),
			now: clock.now(),
			latencyMs: latency.ms,
		}),
		calls,
		resetCalls: () => {
			calls.length = 0;
		},
		faults,
		clock,
		simulate,
		setLatency: (ms: number) => {
			latency.ms = checkLatency(ms);
		},
		callbacks,
	};

	let stopped: Promise<void> | undefined;
	return {
		url,
		port,
		account: accounts[0],
		accounts,
		state,
		clock,
		faults: { add: (f) => faults.add(f), clear: () => faults.clear() },
		calls,
		resetCalls: admin.resetCalls,
		get latencyMs() {
			return latency.ms;
		},
		set latencyMs(ms: number) {
			latency.ms = checkLatency(ms);
		},
		simulate,
		callbacks,
		stop() {
			callbacks.stop();
			// Keep-alive sockets would hold the server (and jest) open: close them all.
			stopped ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy();
			});
			return stopped;
		},
	};
}
