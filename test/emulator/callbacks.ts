import { request as httpRequest } from 'http';
import { request as httpsRequest } from 'https';

import type { AppState, EmulatorState, Room } from './actions/state';
import { buildCallback, type CallbackEvent, type Tamper } from './callbackBody';
import type { EmulatorClock } from './types';

// LCIC's callbacks: for every application with a Callback (ModifyApp, or the admin API standing
// in for the console), the emulator posts each event it generates, signed with the
// application's CallbackKey, to that URL:
// - the room events of its log (the ones GetRoomEvent reports), RoomExpire when a room that never
//   started runs past its end, and documents created, deleted and done transcoding;
// - in the order they happened, one at a time per application;
// - retried after a failure (no answer, or not HTTP 2xx) after each of `retryDelaysMs`. Tencent
//   documents no retries; the emulator retries so that receivers are tested for repeats.
// On request (send/resend) it also posts events it did not generate, repeats and deliberate
// faults (see Tamper).
// `resolve` plays DNS and the reverse proxy in front of a local n8n: LCIC only calls ports 80 and
// 443, so a test registers https://n8n.example.test/... and maps that host to 127.0.0.1:PORT.
// Only loopback hosts and mapped ones are called: an emulator in a test never reaches out to a
// real host someone's example URL names (unless `allowNetwork` says so).

export interface CallbackOptions {
	/** Waits before each retry, in ms (default 1 s, 2 s, 4 s: three retries). */
	retryDelaysMs?: number[];
	/** ExpireTime is the send time plus this (default 300 s). */
	expiresInSeconds?: number;
	/** Per attempt (default 5 s). */
	timeoutMs?: number;
	/** "host:port" of a callback URL -> base URL that receives its requests. */
	resolve?: Record<string, string>;
	/** Also call hosts that are neither loopback nor in `resolve` (default false). */
	allowNetwork?: boolean;
}

export interface CallbackAttempt {
	at: number;
	status?: number;
	/** The answer's body (first 500 characters) or the network error. */
	answer?: string;
	error?: string;
}

export interface CallbackRecord {
	id: number;
	/** The URL as registered (before `resolve`). */
	url: string;
	event: CallbackEvent;
	tamper?: Tamper;
	/** The record this one repeats (resend). */
	repeatOf?: number;
	attempts: CallbackAttempt[];
	/** An attempt was answered 2xx. */
	delivered: boolean;
	/** No attempt is pending. */
	done: boolean;
}

interface RoomMark {
	sent: number;
	expired: boolean;
}

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000];

function callbackOf(app: AppState): { url: string; key: string } | undefined {
	const url = app.settings.Callback;
	if (typeof url !== 'string' || url === '') return undefined;
	const key = app.settings.CallbackKey;
	return { url, key: typeof key === 'string' ? key : '' };
}

function hostKey(url: URL): string {
	return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export class CallbackSender {
	readonly log: CallbackRecord[] = [];
	private readonly rooms = new WeakMap<Room, RoomMark>();
	private readonly documents = new Map<number, Map<string, { finished: boolean }>>();
	private readonly queues = new Map<number, Promise<void>>();
	private resolveMap: Record<string, string>;
	private stopped = false;
	/** Waits between retries, cut short by stop(). */
	private readonly waits = new Set<{ timer: NodeJS.Timeout; done: () => void }>();

	constructor(
		private readonly state: EmulatorState,
		private readonly clock: EmulatorClock,
		private readonly options: CallbackOptions = {},
	) {
		this.resolveMap = { ...(options.resolve ?? {}) };
	}

	/** Where requests for `host:port` really go (DNS and proxy of the test). */
	setResolve(map: Record<string, string>): void {
		this.resolveMap = { ...map };
	}

	/**
	 * Finds what happened since the last scan and queues its callbacks. The server calls it after
	 * every API call and simulation; call it yourself after changing the state directly.
	 */
	scan(): void {
		if (!(this.state?.apps instanceof Map)) return;
		for (const app of this.state.apps.values()) {
			const target = callbackOf(app);
			for (const room of app.rooms.values()) this.scanRoom(app, room, target !== undefined);
			this.scanDocuments(app, target !== undefined);
		}
	}

	/** Posts an event the emulator did not generate (a new type, a hostile delivery). */
	send(event: Partial<CallbackEvent> & { EventType?: string }, tamper?: Tamper): CallbackRecord {
		const sdkAppId = event.SdkAppId ?? [...this.state.apps.keys()][0];
		const app = this.state.apps.get(Number(sdkAppId));
		if (!app || !callbackOf(app)) {
			throw new Error(`Application ${String(sdkAppId)} has no callback URL to send to`);
		}
		return this.enqueue(
			app,
			{
				SdkAppId: app.SdkAppId,
				EventType: event.EventType ?? 'RoomStart',
				Timestamp: event.Timestamp ?? this.clock.now(),
				EventData: event.EventData ?? {},
			},
			tamper,
		);
	}

	/** Posts record `id`'s event again, signed anew, as a retry long after the first would be. */
	resend(id: number, tamper?: Tamper): CallbackRecord {
		const original = this.log.find((record) => record.id === id);
		if (!original) throw new Error(`No callback ${id} to send again`);
		const app = this.state.apps.get(original.event.SdkAppId);
		if (!app || !callbackOf(app)) throw new Error('The application no longer has a callback URL');
		const record = this.enqueue(app, original.event, tamper);
		record.repeatOf = id;
		return record;
	}

	/** Resolves when every queued callback (retries included) is done. */
	async idle(): Promise<void> {
		while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
	}

	/** Drops pending retries (the emulator is stopping). */
	stop(): void {
		this.stopped = true;
		for (const wait of this.waits) {
			clearTimeout(wait.timer);
			wait.done();
		}
		this.waits.clear();
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((done) => {
			const wait = {
				timer: setTimeout(() => {
					this.waits.delete(wait);
					done();
				}, ms),
				done,
			};
			this.waits.add(wait);
		});
	}

	private scanRoom(app: AppState, room: Room, live: boolean): void {
		let mark = this.rooms.get(room);
		if (!mark) {
			// A room first seen while callbacks are on is new: all of its events are news.
			mark = { sent: 0, expired: false };
			this.rooms.set(room, mark);
		}
		if (!live) {
			mark.sent = room.events.length;
			mark.expired = mark.expired || room.status === 3;
			return;
		}
		for (const event of room.events.slice(mark.sent)) {
			this.enqueue(app, {
				SdkAppId: app.SdkAppId,
				EventType: event.Event,
				Timestamp: event.Timestamp,
				EventData: { RoomId: room.RoomId, ...event.EventData },
			});
		}
		mark.sent = room.events.length;
		if (room.status === 3 && !mark.expired) {
			mark.expired = true;
			this.enqueue(app, {
				SdkAppId: app.SdkAppId,
				EventType: 'RoomExpire',
				Timestamp: room.EndTime,
				EventData: { RoomId: room.RoomId },
			});
		}
	}

	private scanDocuments(app: AppState, live: boolean): void {
		let known = this.documents.get(app.SdkAppId);
		if (!known) {
			known = new Map();
			this.documents.set(app.SdkAppId, known);
		}
		if (app.documents.size === 0 && known.size === 0) return;
		// Loaded on use: transport tests run the HTTP layer without the LCIC actions.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { documentInfo, TRANSCODE_STATE } = require('./actions/documents') as {
			documentInfo: (doc: unknown, now: number) => Record<string, unknown>;
			TRANSCODE_STATE: { failed: number; succeeded: number };
		};
		const now = this.clock.now();
		for (const doc of app.documents.values()) {
			const info = documentInfo(doc, now);
			const state = Number(info.TranscodeState);
			const finished =
				doc.TranscodeType !== 0 &&
				(state === TRANSCODE_STATE.succeeded || state === TRANSCODE_STATE.failed);
			const base = { DocumentId: doc.DocumentId, DocumentName: doc.DocumentName };
			let mark = known.get(doc.DocumentId);
			if (!mark) {
				mark = { finished: false };
				known.set(doc.DocumentId, mark);
				if (live) {
					this.enqueue(app, {
						SdkAppId: app.SdkAppId,
						EventType: 'DocumentCreate',
						Timestamp: now,
						EventData: { ...base, DocumentUrl: doc.DocumentUrl },
					});
				}
			}
			if (finished && !mark.finished) {
				mark.finished = true;
				if (live) {
					this.enqueue(app, {
						SdkAppId: app.SdkAppId,
						EventType: 'DocumentTranscodeFinish',
						Timestamp: now,
						EventData: {
							...base,
							TranscodeState: state,
							TranscodeResult: info.TranscodeResult,
							Pages: info.Pages,
						},
					});
				}
			}
		}
		for (const documentId of [...known.keys()]) {
			if (app.documents.has(documentId)) continue;
			known.delete(documentId);
			if (live) {
				this.enqueue(app, {
					SdkAppId: app.SdkAppId,
					EventType: 'DocumentDelete',
					Timestamp: now,
					EventData: { DocumentId: documentId },
				});
			}
		}
	}

	private enqueue(app: AppState, event: CallbackEvent, tamper?: Tamper): CallbackRecord {
		const target = callbackOf(app)!;
		const record: CallbackRecord = {
			id: this.log.length + 1,
			url: target.url,
			event,
			tamper,
			attempts: [],
			delivered: false,
			done: false,
		};
		this.log.push(record);
		const previous = this.queues.get(app.SdkAppId) ?? Promise.resolve();
		const next = previous.then(() => this.deliver(record, target.key));
		this.queues.set(app.SdkAppId, next);
		void next.then(() => {
			if (this.queues.get(app.SdkAppId) === next) this.queues.delete(app.SdkAppId);
		});
		return record;
	}

	private async deliver(record: CallbackRecord, key: string): Promise<void> {
		// A deliberate fault is sent once: retrying it would only repeat the same refusal.
		const delays = record.tamper ? [] : (this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
		for (let attempt = 0; attempt <= delays.length && !this.stopped; attempt++) {
			if (attempt > 0) await this.sleep(delays[attempt - 1]);
			if (this.stopped) break;
			const built = buildCallback(record.event, key, {
				tamper: record.tamper,
				expiresInSeconds: this.options.expiresInSeconds,
			});
			const result = await this.post(record.url + built.query, built.contentType, built.body);
			const { unroutable, ...attemptResult } = result;
			record.attempts.push({ at: Date.now(), ...attemptResult });
			if (result.status !== undefined && result.status >= 200 && result.status < 300) {
				record.delivered = true;
				break;
			}
			// Nowhere to send it: retrying would not change that.
			if (unroutable) break;
		}
		record.done = true;
	}

	private post(
		url: string,
		contentType: string,
		body: string,
	): Promise<{ status?: number; answer?: string; error?: string; unroutable?: boolean }> {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			return Promise.resolve({ error: `not a URL: ${url}` });
		}
		const host = target.host;
		const mapped = this.resolveMap[hostKey(target)];
		if (mapped) target = new URL(`${target.pathname}${target.search}`, mapped);
		else if (!LOOPBACK.has(target.hostname) && !this.options.allowNetwork) {
			return Promise.resolve({
				error: `not sent: ${hostKey(target)} is not in the emulator's callbacks.resolve (and allowNetwork is off)`,
				unroutable: true,
			});
		}
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const payload = Buffer.from(body, 'utf8');
		return new Promise((done) => {
			const req = send(
				target,
				{
					method: 'POST',
					headers: { Host: host, 'Content-Type': contentType, 'Content-Length': payload.length },
					timeout: this.options.timeoutMs ?? 5000,
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () =>
						done({
							status: res.statusCode,
							answer: Buffer.concat(chunks).toString('utf8').slice(0, 500),
						}),
					);
					res.on('error', (error) => done({ status: res.statusCode, error: error.message }));
				},
			);
			req.on('timeout', () => req.destroy(new Error('timed out')));
			req.on('error', (error) => done({ error: error.message }));
			req.end(payload);
		});
	}
}
