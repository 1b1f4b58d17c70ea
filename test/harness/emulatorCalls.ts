// What the emulator saw, read one way in every test: the actions called, in order, with their
// request bodies. Only this file knows the shape of the emulator's call log.
export interface RecordedCall {
	action: string;
	params: Record<string, unknown>;
}

interface CallLog {
	calls: unknown;
}

function normalise(entry: unknown): RecordedCall {
	const record = entry as { action?: string; Action?: string; params?: unknown; body?: unknown };
	const action = record.action ?? record.Action ?? '';
	const params = (record.params ?? record.body ?? {}) as Record<string, unknown>;
	return { action, params };
}

/** Every call the emulator answered (or only those of `action`), oldest first. */
export function callsOf(emulator: CallLog, action?: string): RecordedCall[] {
	const log =
		typeof emulator.calls === 'function' ? (emulator.calls as () => unknown)() : emulator.calls;
	const all = (Array.isArray(log) ? log : []).map(normalise);
	return action ? all.filter((call) => call.action === action) : all;
}
