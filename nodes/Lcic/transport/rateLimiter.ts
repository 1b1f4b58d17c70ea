import { sleep } from 'n8n-workflow';

// A sliding one-second window per key (SecretId + action), kept in module state so that every
// execution in this n8n process shares it. Each caller reserves a send time synchronously
// (JavaScript runs one callback at a time, so reservations never race) and then waits for it.
// A send is placed at least one window after the send `rate` places before it, which keeps
// any one-second window at or under `rate` sends.

const WINDOW_MS = 1000;
// A reserved slot is when a request may start, not when it arrives: signing and connecting a
// burst of 20 spreads arrivals over tens of milliseconds (measured: ~35 ms against the
// emulator), so the next burst waits that much longer to stay inside the server's window.
const MARGIN_MS = 100;

const reservations = new Map<string, number[]>();

export function reserveSlot(key: string, ratePerSecond: number, now: number = Date.now()): number {
	const rate = Math.max(1, Math.floor(ratePerSecond));
	let times = reservations.get(key);
	if (!times) {
		times = [];
		reservations.set(key, times);
	}
	// Entries older than one window can no longer constrain a send at or after `now`.
	let stale = 0;
	while (stale < times.length && times[stale] <= now - WINDOW_MS - MARGIN_MS) stale++;
	if (stale > 0) times.splice(0, stale);

	let at = now;
	if (times.length >= rate) {
		at = Math.max(now, times[times.length - rate] + WINDOW_MS + MARGIN_MS);
	}
	times.push(at);
	return at;
}

/** Waits until this key may send again at `ratePerSecond`. */
export async function acquire(key: string, ratePerSecond: number): Promise<void> {
	const now = Date.now();
	const at = reserveSlot(key, ratePerSecond, now);
	if (at > now) await sleep(at - now);
}

/** For tests: forget every reservation. */
export function resetRateLimiter(): void {
	reservations.clear();
}
