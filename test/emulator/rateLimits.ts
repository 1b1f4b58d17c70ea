// Tencent limits each action per SecretId to its documented requests per second. The
// emulator keeps, per SecretId+action, the arrival times of the requests it accepted in the
// last second (a sliding window); rejected requests do not count, so a client that backs off
// gets through again as soon as the window has room.

const WINDOW_MS = 1000;

export class RateLimits {
	private readonly accepted = new Map<string, number[]>();

	/** True when the request may run (and counts it); false = RequestLimitExceeded. */
	take(secretId: string, action: string, perSecond: number, nowMs: number = Date.now()): boolean {
		const key = `${secretId}\n${action}`;
		let times = this.accepted.get(key);
		if (!times) {
			times = [];
			this.accepted.set(key, times);
		}
		let stale = 0;
		while (stale < times.length && times[stale] <= nowMs - WINDOW_MS) stale++;
		if (stale > 0) times.splice(0, stale);
		if (times.length >= Math.max(1, Math.floor(perSecond))) return false;
		times.push(nowMs);
		return true;
	}

	clear(): void {
		this.accepted.clear();
	}
}
