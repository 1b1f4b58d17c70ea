// Tencent limits each action to its documented requests per second ("Frequency Limit (maximum
// requests per second)", API reference, API Category) for the account, whichever key or process
// sends: its error codes say so ("RequestLimitExceeded.UinLimitExceeded: The number of uin
// requests exceeds the frequency limit", API reference, Error Codes). The emulator keeps,
// per account (its AppId) and action, the arrival times of the requests it accepted in the last
// second (a sliding window): two keys of one account, and all of n8n's queue-mode workers, share
// it. Rejected requests do not count, so a client that backs off gets through again as soon as
// the window has room.

const WINDOW_MS = 1000;

export class RateLimits {
	private readonly accepted = new Map<string, number[]>();

	/** True when the request may run (and counts it); false = RequestLimitExceeded. */
	take(account: string, action: string, perSecond: number, nowMs: number = Date.now()): boolean {
		const key = `${account}\n${action}`;
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
