import { sleep } from 'n8n-workflow';

// The client-side rate limit, per key (SecretId + action), kept in module state so that every
// execution in this n8n process shares it.
//
// Pacing: callers queue per key, first come first served, and the next one is let through when
// a send at the key's rate *now* fits: at least one window after the send `rate` places before
// it, which keeps any one-second window at or under `rate` sends (and, once throttled, evenly
// spaced, 1.1 s / rate apart).
// Slots are granted when their time comes, not reserved ahead: a cut (below) slows every caller
// already waiting, not only those who come later.
//
// Adapting: LCIC counts each action's limit on its side, for the account, and in n8n's queue
// mode several worker processes send with one credential, each with its own copy of
// this module (a community node cannot bring a shared store such as Redis). So the rate is not
// fixed at the documented limit: a RequestLimitExceeded answer cuts this key's rate to a share
// of what it was, and the rate climbs back slowly (linearly, with time; faster after a quiet
// spell) while no further rejection comes. N processes doing this converge on sharing LCIC's limit between them, the
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
/**
 * After this long without a rejection, the rate climbs QUIET_SPEEDUP times as fast: the other
 * senders have likely stopped (a worker finished its share), and a process left alone at a cut
 * rate would otherwise crawl back (bench, 2 processes: wall time 1.55 x the floor without, 1.25 x
 * with; the rejections the same).
 */
const QUIET_SECONDS = 2;
const QUIET_SPEEDUP = 3;
/** Never below one request per second: a throttled key still makes progress. */
const MIN_RATE = 1;

interface KeyState {
	/** Send times granted in the last window (and the margin), ascending. */
	times: number[];
	/** Callers waiting for a slot, in order. */
	waiting: Array<(sentAt: number) => void>;
	/** Whether a wait for the next slot is under way (it lets the next caller through). */
	pumping: boolean;
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
		state = { times: [], waiting: [], pumping: false, cutAt: -Infinity };
		keys.set(key, state);
	}
	return state;
}

function rateOf(state: KeyState, ceiling: number, now: number): number {
	if (state.cutRate === undefined) return ceiling;
	const seconds = Math.max(0, now - state.cutAt) / 1000;
	const quiet = Math.max(0, seconds - QUIET_SECONDS);
	const regained =
		state.cutRate + ceiling * INCREASE_SHARE_PER_SECOND * (seconds + (QUIET_SPEEDUP - 1) * quiet);
	if (regained < ceiling) return regained;
	state.cutRate = undefined;
	return ceiling;
}

/** The rate this key may send at now: the documented `ceiling`, or less after rejections. */
export function currentRate(key: string, ceiling: number, now: number = Date.now()): number {
	return rateOf(stateOf(key), ceiling, now);
}

/** The earliest time at or after `now` when this key may send at its current rate. */
function nextSlot(state: KeyState, ceiling: number, now: number): number {
	const rate = Math.max(1, Math.floor(rateOf(state, ceiling, now)));
	const { times } = state;
	// Entries older than one window can no longer constrain a send at or after `now`.
	let stale = 0;
	while (stale < times.length && times[stale] <= now - WINDOW_MS - MARGIN_MS) stale++;
	if (stale > 0) times.splice(0, stale);
	let at = now;
	if (times.length >= rate) at = Math.max(at, times[times.length - rate] + WINDOW_MS + MARGIN_MS);
	// First come, first served (which also keeps `times` ascending). A key that LCIC has
	// throttled shares the limit with other senders: it sends evenly spaced rather than in bursts.
	// Twenty requests sent at once reach LCIC spread out by the machine's load, and the stragglers
	// of one burst share a server-side window with the next (measured with 2 and 4 processes:
	// 66 and 212 rejections in bursts, 14 and 40 evenly spaced, at the same throughput).
	const spacing = state.cutRate === undefined ? 0 : (WINDOW_MS + MARGIN_MS) / rate;
	if (times.length > 0) at = Math.max(at, times[times.length - 1] + spacing);
	return at;
}

/**
 * For tests and planning: the send time the next caller would get if every earlier one was let
 * through at its slot, recorded as granted. `acquire` does the same, one slot at a time.
 */
export function reserveSlot(key: string, ceiling: number, now: number = Date.now()): number {
	const state = stateOf(key);
	const at = nextSlot(state, ceiling, now);
	state.times.push(at);
	return at;
}

/**
 * LCIC answered RequestLimitExceeded to a request sent at `sentAt`: cut the key's rate.
 * Rejections of requests sent before the last cut were paced at the old rate and say nothing
 * new, so one congestion episode cuts once, however many requests were in flight.
 */
export function noteRateLimited(
	key: string,
	ceiling: number,
	sentAt: number,
	now: number = Date.now(),
): void {
	if (!adaptive) return;
	const state = stateOf(key);
	if (sentAt < state.cutAt) return;
	state.cutRate = Math.max(MIN_RATE, rateOf(state, ceiling, now) * DECREASE_FACTOR);
	state.cutAt = now;
}

/** Lets waiting callers through, one slot at a time, at the key's rate when each slot comes. */
async function pump(state: KeyState, ceiling: number): Promise<void> {
	state.pumping = true;
	try {
		while (state.waiting.length > 0) {
			const now = Date.now();
			const at = nextSlot(state, ceiling, now);
			if (at > now) {
				// Whole milliseconds, rounded up: evenly spaced slots fall between them, and a wake-up
				// a fraction early would only come round again.
				await sleep(Math.ceil(at - now));
				continue;
			}
			state.times.push(now);
			state.waiting.shift()!(now);
		}
	} finally {
		state.pumping = false;
	}
}

/**
 * Waits until this key may send; returns when it was let through (for noteRateLimited). A
 * `retry` goes ahead of the callers who came after its first attempt: it was there first.
 */
export async function acquire(key: string, ceiling: number, retry = false): Promise<number> {
	const state = stateOf(key);
	const granted = new Promise<number>((resolve) =>
		retry ? state.waiting.unshift(resolve) : state.waiting.push(resolve),
	);
	if (!state.pumping) void pump(state, ceiling);
	return await granted;
}

/** For tests: forget every send and every cut (callers still waiting are let through). */
export function resetRateLimiter(): void {
	for (const state of keys.values())
		for (const release of state.waiting.splice(0)) release(Date.now());
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
