// Faults that tests inject to exercise the client's retry rules. Each one applies to the next
// matching call(s) and is used up after `times` calls.

export interface FaultSpec {
	/** Only calls of this action; any action when unset. */
	action?: string;
	/** How many calls it applies to (default 1). */
	times?: number;
	/** Matching calls to let through first (default 0): "the second call fails" is skip 1. */
	skip?: number;
	/**
	 * delay: wait `ms`, then go on; dropBefore: close the socket without running the action;
	 * dropAfter: run the action (state changes), then close the socket; status: answer HTTP
	 * `status` with an HTML page (a gateway error); error: answer Response.Error `code` without
	 * running the action; redirect: answer HTTP `status` (default 307) with Location `location`,
	 * as a misconfigured proxy would; echoHeaders: answer Response.Error `code` whose message
	 * repeats the request's headers, as some servers and proxies do in their error messages.
	 */
	kind: 'delay' | 'dropBefore' | 'dropAfter' | 'status' | 'error' | 'redirect' | 'echoHeaders';
	ms?: number;
	status?: number;
	code?: string;
	message?: string;
	location?: string;
}

const KINDS = new Set<FaultSpec['kind']>([
	'delay',
	'dropBefore',
	'dropAfter',
	'status',
	'error',
	'redirect',
	'echoHeaders',
]);

/** Validates a fault that arrived as JSON (admin API); throws with a readable reason. */
export function toFaultSpec(value: unknown): FaultSpec {
	if (typeof value !== 'object' || value === null) throw new Error('a fault must be a JSON object');
	const fault = value as Record<string, unknown>;
	if (!KINDS.has(fault.kind as FaultSpec['kind'])) {
		throw new Error(`kind must be one of ${[...KINDS].join(', ')}`);
	}
	for (const key of ['times', 'ms', 'status', 'skip'] as const) {
		if (fault[key] !== undefined && typeof fault[key] !== 'number')
			throw new Error(`${key} must be a number`);
	}
	for (const key of ['action', 'code', 'message', 'location'] as const) {
		if (fault[key] !== undefined && typeof fault[key] !== 'string')
			throw new Error(`${key} must be a string`);
	}
	return fault as unknown as FaultSpec;
}

export class Faults {
	private pending: Array<{ spec: FaultSpec; left: number; skip: number }> = [];

	add(spec: FaultSpec): void {
		this.pending.push({ spec: { ...spec }, left: spec.times ?? 1, skip: spec.skip ?? 0 });
	}

	clear(): void {
		this.pending = [];
	}

	/**
	 * Takes the first fault matching this action (oldest first) and uses up one of its calls.
	 * `afterDelay`: a delay was already applied to this call, so only a non-delay fault may follow.
	 */
	take(action: string, afterDelay = false): FaultSpec | undefined {
		const index = this.pending.findIndex(
			(f) =>
				f.left > 0 &&
				(f.spec.action === undefined || f.spec.action === action) &&
				!(afterDelay && f.spec.kind === 'delay'),
		);
		if (index < 0) return undefined;
		// Still letting calls through: this one goes on normally.
		if (this.pending[index].skip > 0) {
			this.pending[index].skip -= 1;
			return undefined;
		}
		const entry = this.pending[index];
		entry.left -= 1;
		if (entry.left <= 0) this.pending.splice(index, 1);
		return entry.spec;
	}

	list(): FaultSpec[] {
		return this.pending.map((f) => ({ ...f.spec, times: f.left }));
	}
}
