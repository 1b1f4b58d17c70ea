import { sleep } from 'n8n-workflow';

// The client-side rate limit, per key (SecretId + action), kept in module state so that every
// execution in this n8n process shares it.
//
// Pacing: a sliding one-second window. Each caller reserves a send time synchronously
// (JavaScript runs one callback at a time, so reservations never race) and then waits for it.
// A send is placed at least one window after the send `rate` places before it, which keeps any
// one-second window at or under `rate` sends.
//
// Adapting: LCIC counts each action's limit on its side, for the account, and in n8n's queue
// mode several worker processes send with one credential, each with its own copy of
// this module (a community node cannot bring a shared store such as Redis). So the rate is not
// fixed at the documented limit: a RequestLimitExceeded answer cuts this key's rate to a share
// of what it was, and the rate climbs back slowly (linearly, with time) while no further
// rejection comes. N processes doing this converge on sharing LCIC's limit between them, the
// way TCP senders share a link (additive increase, multiplicative decrease). A process alone
// never sees a rejection and keeps the documented rate.

const WINDOW_MS = 1000;
// A reserved slot is when a request may start, not when it arrives: signing and connecting a
// burst of 20 spreads arrivals over tens of milliseconds (measured: ~35 ms against the
// emulator), so the next burst waits that much longer to stay inside the server's window.
const MARGIN_MS = 100;

/** The share of the current rate kept after a RequestLimitExceeded. */
export const DECREASE_FACTOR = 0.7;
/** Regained per second without a rejection, as a share of the documented rate (20/s: +1/s). */
export const INCREASE_SHARE_PER_SECOND = 0.05;
/** Never below one request per second: a throttled key still makes progress. */
const MIN_RATE = 1;

interface KeyState {
	/** Reserved send times, ascending. */
	times: number[];
	/** The rate set by the last cut, or undefined while the key runs at the documented rate. */
	cutRate?: number;
	/** When the last cut happened. */
	cutAt: number;
}

const keys = new Map<string, KeyState>();
let adaptive = true;

function stateOf(key: string): KeyState {
	let state = keys.get(key);
	if (!state) {
		state = { times: [], cutAt: -Infinity };
		keys.set(key, state);
	}
	return state;
}

function rateOf(state: KeyState, ceiling: number, now: number): number {
	if (state.cutRate === undefined) return ceiling;
	const regained =
		state.cutRate + (ceiling * INCREASE_SHARE_PER_SECOND * Math.max(0, now - state.cutAt)) / 1000;
	if (regained < ceiling) return regained;
	state.cutRate = undefined;
	return ceiling;
}

/** The rate this key may send at now: the documented `ceiling`, or less after rejections. */
export function currentRate(key: string, ceiling: number, now: number = Date.now()): number {
	return rateOf(stateOf(key), ceiling, now);
}

export function reserveSlot(key: string, ceiling: number, now: number = Date.now()): number {
	const state = stateOf(key);
	const rate = Math.max(1, Math.floor(rateOf(state, ceiling, now)));
	const { times } = state;
	// Entries older than one window can no longer constrain a send at or after `now`.
	let stale = 0;
	while (stale < times.length && times[stale] <= now - WINDOW_MS - MARGIN_MS) stale++;
	if (stale > 0) times.splice(0, stale);

	let at = now;
	if (times.length >= rate) at = Math.max(at, times[times.length - rate] + WINDOW_MS + MARGIN_MS);
	// First come, first served: after the rate went up, a newcomer still queues behind the sends
	// already placed (which also keeps `times` ascending).
	if (times.length > 0) at = Math.max(at, times[times.length - 1]);
	times.push(at);
	return at;
}

/**
 * LCIC answered RequestLimitExceeded to a request whose slot was reserved at `reservedAt`: cut
 * the key's rate. Rejections of requests placed before the last cut were paced at the old rate
 * and say nothing new, so one congestion episode cuts once, however many requests were in flight.
 */
export function noteRateLimited(
	key: string,
	ceiling: number,
	reservedAt: number,
	now: number = Date.now(),
): void {
	if (!adaptive) return;
	const state = stateOf(key);
	if (reservedAt < state.cutAt) return;
	state.cutRate = Math.max(MIN_RATE, rateOf(state, ceiling, now) * DECREASE_FACTOR);
	state.cutAt = now;
}

/** Waits until this key may send again; returns when the slot was reserved (for noteRateLimited). */
export async function acquire(key: string, ceiling: number): Promise<number> {
	const now = Date.now();
	const at = reserveSlot(key, ceiling, now);
	if (at > now) await sleep(at - now);
	return now;
}

/** For tests: forget every reservation and every cut. */
export function resetRateLimiter(): void {
	keys.clear();
}

/**
 * For benchmarks: `adaptive: false` keeps every key at its documented rate (the behaviour before
 * the limiter adapted), to measure what adapting changes.
 */
export function configureRateLimiter(options: { adaptive: boolean }): void {
	adaptive = options.adaptive;
	resetRateLimiter();
}
