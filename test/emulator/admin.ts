import type { IncomingMessage, ServerResponse } from 'http';

import { TAMPERS, type Tamper } from './callbackBody';
import type { CallbackSender } from './callbacks';
import { toFaultSpec, type Faults } from './faults';
import type { CallRecord } from './server';
import { LcicError, type EmulatorClock } from './types';

// The emulator's admin API for tests, demos and e2e scripts in another process. It is not
// signed: the emulator listens on 127.0.0.1 only and its keys are demo keys.
//   GET    /__emulator/info         url, accounts (with secrets), action names, clock
//   GET    /__emulator/calls        every API call so far
//   POST   /__emulator/reset-calls
//   GET    /__emulator/faults       pending faults
//   POST   /__emulator/faults       add a FaultSpec
//   DELETE /__emulator/faults       clear faults
//   POST   /__emulator/clock        {advance?: seconds, set?: epoch seconds} -> {now}
//   POST   /__emulator/latency      {ms} -> {ms}: hold every API answer back this long
//   POST   /__emulator/simulate     {name, args} -> the simulation's result
//   GET    /__emulator/callbacks    every callback sent (or being sent) so far
//   POST   /__emulator/callbacks    {EventType, EventData?, Timestamp?, SdkAppId?, tamper?} -> record
//   POST   /__emulator/callbacks/resend   {id, tamper?} -> record (a repeat of callback id)
//   POST   /__emulator/callbacks/resolve  {"host:port": "http://127.0.0.1:PORT", ...}

export const ADMIN_PREFIX = '/__emulator/';

export interface AdminTarget {
	info(): Record<string, unknown>;
	calls: CallRecord[];
	resetCalls(): void;
	faults: Faults;
	clock: EmulatorClock;
	simulate(name: string, args?: Record<string, unknown>): Record<string, unknown>;
	setLatency(ms: number): void;
	callbacks: CallbackSender;
}

class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function send(res: ServerResponse, status: number, value: unknown): void {
	const body = Buffer.from(JSON.stringify(value), 'utf8');
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': body.length,
	});
	res.end(body);
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8').trim();
	if (!text) return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new AdminError(400, 'the body is not valid JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new AdminError(400, 'the body must be a JSON object');
	return value as Record<string, unknown>;
}

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw new AdminError(400, `${key} must be a number`);
	return value;
}

function tamperOf(body: Record<string, unknown>): Tamper | undefined {
	if (body.tamper === undefined) return undefined;
	if (!TAMPERS.includes(body.tamper as Tamper))
		throw new AdminError(400, `tamper must be one of ${TAMPERS.join(', ')}`);
	return body.tamper as Tamper;
}

function callbackCall<T>(run: () => T): T {
	try {
		return run();
	} catch (error) {
		throw new AdminError(400, (error as Error).message);
	}
}

async function route(req: IncomingMessage, target: AdminTarget): Promise<unknown> {
	const name = (req.url ?? '').split('?')[0].slice(ADMIN_PREFIX.length);
	const method = req.method ?? 'GET';
	switch (`${method} ${name}`) {
		case 'GET info':
			return target.info();
		case 'GET calls':
			return target.calls;
		case 'POST reset-calls':
			target.resetCalls();
			return { ok: true };
		case 'GET faults':
			return target.faults.list();
		case 'POST faults': {
			const body = await jsonBody(req);
			try {
				target.faults.add(toFaultSpec(body));
			} catch (error) {
				throw new AdminError(400, (error as Error).message);
			}
			return { ok: true };
		}
		case 'DELETE faults':
			target.faults.clear();
			return { ok: true };
		case 'POST clock': {
			const body = await jsonBody(req);
			const set = optionalNumber(body, 'set');
			const advance = optionalNumber(body, 'advance');
			if (set !== undefined) target.clock.set(set);
			if (advance !== undefined) target.clock.advance(advance);
			return { now: target.clock.now() };
		}
		case 'POST latency': {
			const ms = optionalNumber(await jsonBody(req), 'ms');
			if (ms === undefined) throw new AdminError(400, 'ms is required');
			try {
				target.setLatency(ms);
			} catch (error) {
				throw new AdminError(400, (error as Error).message);
			}
			return { ms };
		}
		case 'POST simulate': {
			const body = await jsonBody(req);
			if (typeof body.name !== 'string') throw new AdminError(400, 'name must be a string');
			const args = body.args ?? {};
			if (typeof args !== 'object' || args === null || Array.isArray(args))
				throw new AdminError(400, 'args must be an object');
			return target.simulate(body.name, args as Record<string, unknown>);
		}
		case 'GET callbacks':
			return target.callbacks.log;
		case 'POST callbacks': {
			const body = await jsonBody(req);
			const event = {
				EventType: typeof body.EventType === 'string' ? body.EventType : undefined,
				EventData:
					typeof body.EventData === 'object' && body.EventData !== null
						? (body.EventData as Record<string, unknown>)
						: undefined,
				Timestamp: optionalNumber(body, 'Timestamp'),
				SdkAppId: optionalNumber(body, 'SdkAppId'),
			};
			return callbackCall(() => target.callbacks.send(event, tamperOf(body)));
		}
		case 'POST callbacks/resend': {
			const body = await jsonBody(req);
			const id = optionalNumber(body, 'id');
			if (id === undefined) throw new AdminError(400, 'id must be a number');
			return callbackCall(() => target.callbacks.resend(id, tamperOf(body)));
		}
		case 'POST callbacks/resolve': {
			const body = await jsonBody(req);
			if (!Object.values(body).every((value) => typeof value === 'string'))
				throw new AdminError(400, 'every value must be a base URL such as http://127.0.0.1:5678');
			target.callbacks.setResolve(body as Record<string, string>);
			return { ok: true };
		}
		default:
			throw new AdminError(404, `no admin endpoint ${method} ${ADMIN_PREFIX}${name}`);
	}
}

export async function handleAdmin(
	req: IncomingMessage,
	res: ServerResponse,
	target: AdminTarget,
): Promise<void> {
	try {
		send(res, 200, await route(req, target));
	} catch (error) {
		if (error instanceof AdminError) send(res, error.status, { error: error.message });
		// A simulation that refuses (unknown room, user not in the room) answers like the API does.
		else if (error instanceof LcicError) send(res, 400, { error: error.message, code: error.code });
		else throw error;
	}
}
