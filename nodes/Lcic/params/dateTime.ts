// LCIC takes times as integer Unix seconds. Users give them in whatever form they have: the
// editor's date picker (ISO text), an expression ({{ $now }} is a Luxon DateTime, a Code node
// may hand over a JS Date), or a number (seconds, or milliseconds from Date.now()).

// Anything above this is taken as milliseconds: 1e11 seconds is the year 5138, while 1e11
// milliseconds is 1973, long before LCIC existed.
const MILLISECONDS_THRESHOLD = 1e11;

function fromNumber(value: number): number | undefined {
	if (!Number.isFinite(value) || value < 0) return undefined;
	return Math.floor(value > MILLISECONDS_THRESHOLD ? value / 1000 : value);
}

function hasToMillis(value: object): value is { toMillis: () => number } {
	return typeof (value as { toMillis?: unknown }).toMillis === 'function';
}

/** Epoch seconds, or undefined when the value is not a date/time at all. */
export function toEpochSeconds(value: unknown): number | undefined {
	if (typeof value === 'number') return fromNumber(value);
	if (value instanceof Date) return fromNumber(value.getTime());
	if (typeof value === 'object' && value !== null) {
		// Luxon DateTime, without importing Luxon: n8n may hand over its own copy of the class.
		if (hasToMillis(value)) return fromNumber(value.toMillis());
		return undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text));
	const millis = Date.parse(text);
	return Number.isNaN(millis) ? undefined : fromNumber(millis);
}
