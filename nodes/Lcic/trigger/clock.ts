// Two clocks, kept apart on purpose.
//
// `triggerClock` is n8n's clock (epoch seconds). Tests and benchmarks may point it elsewhere to
// play an n8n machine whose clock is off; the node itself never changes it.
//
// `TencentClock` is Tencent's time as its answers state it: every HTTP answer carries a `Date`
// header (RFC 9110, section 6.6.1: "An origin server with a clock ... MUST generate a Date header
// field in its 2xx, 3xx and 4xx responses"), read by the transport and handed to `observe`.
// Event timestamps, RealEndTime and the activation time are all on Tencent's clock, so the
// trigger compares them only with this clock: n8n running two minutes ahead of Tencent (which
// still accepts its signatures: Tencent allows 300 s) must neither drop a room's first events
// nor emit ones from before the activation.
export const triggerClock = {
	now: (): number => Math.floor(Date.now() / 1000),
};

export class TencentClock {
	private offset: number;
	private seen = false;

	/** @param offset Tencent's time minus n8n's, as last measured (0 when never measured). */
	constructor(offset = 0) {
		this.offset = Number.isFinite(offset) ? Math.round(offset) : 0;
	}

	/**
	 * An answer's Date, in epoch seconds. Each reading comes late by the answer's way back (and
	 * both clocks are read to the second), so it can only under-state Tencent's lead: within a
	 * poll the largest reading is the best.
	 */
	readonly observe = (serverSeconds: number): void => {
		if (!Number.isFinite(serverSeconds)) return;
		const reading = Math.floor(serverSeconds) - triggerClock.now();
		this.offset = this.seen ? Math.max(this.offset, reading) : reading;
		this.seen = true;
	};

	/** Tencent's time now, in epoch seconds. */
	now(): number {
		return triggerClock.now() + this.offset;
	}

	/** Tencent's time at the n8n time `localSeconds`. */
	at(localSeconds: number): number {
		return localSeconds + this.offset;
	}

	/** Tencent's time minus n8n's, in seconds. */
	get offsetSeconds(): number {
		return this.offset;
	}

	/** Whether an answer of this poll told the time (otherwise the last measured offset is used). */
	get measured(): boolean {
		return this.seen;
	}
}
