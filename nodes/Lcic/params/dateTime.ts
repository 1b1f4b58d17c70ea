import { DateTime, IANAZone } from 'luxon';

// LCIC takes times as integer Unix seconds. Users give them in whatever form they have: the
// editor's date picker and most forms and spreadsheets give text without a zone
// ("2026-12-01T09:00:00", "2026-12-01 09:00"), an expression may give a Luxon DateTime
// ({{ $now }}), a Code node a JS Date, and other systems Unix seconds or milliseconds.
//
// Text without a zone is read in the workflow's time zone (this.getTimezone(): the workflow
// setting, else the instance's GENERIC_TIMEZONE), as n8n's own nodes do; never in the server's
// OS zone, which in Docker is UTC. Text with a zone or offset, DateTimes, Dates and numbers are
// instants already and keep their meaning. Luxon is provided by n8n at run time (n8n-workflow
// depends on it; community nodes may import it).

// Anything above this is taken as milliseconds: 1e11 seconds is the year 5138, while 1e11
// milliseconds is 1973, long before LCIC existed.
const MILLISECONDS_THRESHOLD = 1e11;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The zone when a caller has none (pure helpers, tests): UTC, never the OS zone. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** 9999-12-31T23:59:59Z: beyond it a date has no ISO text (and no meaning for a class). */
const LATEST_SECONDS = 253_402_300_799;

function fromNumber(value: number): number | undefined {
	if (!Number.isFinite(value) || value < 0) return undefined;
	const seconds = Math.floor(value > MILLISECONDS_THRESHOLD ? value / 1000 : value);
	return seconds <= LATEST_SECONDS ? seconds : undefined;
}

/**
 * Unix seconds below 1e8 are before 1973-03-03, long before LCIC (2022): no class, recording or
 * event has such a time, so a number that small is not a Unix time someone meant. Eight digits
 * that make a calendar date are ISO 8601's basic format ("20251201", how spreadsheets and
 * exports often write a day: section 5.2.1.1 of ISO 8601), read as that day's start in `zone`;
 * anything else that small ("2025", "0") is refused rather than sent as 1970.
 */
const EARLIEST_UNIX_SECONDS = 1e8;

function fromDigits(value: number, zone: string): number | undefined {
	if (!(value >= 0 && value < EARLIEST_UNIX_SECONDS)) return fromNumber(value);
	if (!Number.isInteger(value) || value < 1e7) return undefined;
	const day = DateTime.fromFormat(String(value), 'yyyyMMdd', { zone: 'UTC' });
	return day.isValid ? fromNumber(wallClockToMillis(day.toMillis(), zoneOf(zone))) : undefined;
}

function hasToMillis(value: object): value is { toMillis: () => number } {
	return typeof (value as { toMillis?: unknown }).toMillis === 'function';
}

function zoneOf(timeZone: string): IANAZone {
	const zone = IANAZone.create(timeZone);
	if (!zone.isValid) throw new Error(`Unknown time zone "${timeZone}"`);
	return zone;
}

/**
 * The instant a local wall-clock time names in `zone`, following RFC 5545 (iCalendar) section
 * 3.3.5, as calendars do:
 * - a time that occurs twice (clocks go back) is the first occurrence;
 * - a time that does not occur (clocks go forward) is read with the offset before the gap, so
 *   02:30 on a night that skips from 02:00 to 03:00 is 03:30 of the new offset.
 * `wall` is the wall-clock time written as if it were UTC milliseconds. Offsets are taken one
 * day either side: no zone changes its offset twice within two days.
 */
export function wallClockToMillis(wall: number, zone: IANAZone): number {
	const before = zone.offset(wall - DAY);
	const after = zone.offset(wall + DAY);
	const candidates = [...new Set([before, after])]
		.map((offset) => wall - offset * MINUTE)
		.filter((instant) => wall - zone.offset(instant) * MINUTE === instant);
	if (candidates.length > 0) return Math.min(...candidates);
	return wall - before * MINUTE;
}

const PARSERS = [
	(text: string, zone: string) => DateTime.fromISO(text, { zone }),
	(text: string, zone: string) => DateTime.fromSQL(text, { zone }),
	(text: string, zone: string) => DateTime.fromRFC2822(text, { zone }),
	(text: string, zone: string) => DateTime.fromHTTP(text, { zone }),
	// Spreadsheets and forms often write 2026/12/01 09:00, 2026-12-1 9:00.
	...['/', '-'].flatMap((separator) =>
		['yyyy/M/d H:mm:ss', 'yyyy/M/d H:mm', 'yyyy/M/d'].map(
			(format) => (text: string, zone: string) =>
				DateTime.fromFormat(text, format.replaceAll('/', separator), { zone }),
		),
	),
];

/**
 * JS Date's own text (String(new Date())): "Sun Dec 01 2030 09:00:00 GMT+0800 (China Standard
 * Time)". Read by its exact layout, not with Date.parse, which rolls "Feb 30" over into March
 * and takes "Mar 7 GMT+0800" for 7 March 2001.
 */
const JS_DATE_TEXT =
	/^([A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4})(?: \([^()]*\))?$/;

function fromJsDateText(text: string): number | undefined {
	const match = JS_DATE_TEXT.exec(text);
	if (!match) return undefined;
	// Luxon refuses a day the month does not have and a weekday that is not the date's.
	const time = DateTime.fromFormat(match[1], "EEE MMM dd yyyy HH:mm:ss 'GMT'ZZZ", {
		locale: 'en-US',
		setZone: true,
	});
	return time.isValid ? time.toMillis() : undefined;
}

/**
 * Text without four digits in a row names no year (nor a Unix time): it is a guess, not a date.
 * Luxon reads ISO's time-only "10:00" as today at 10:00, whenever the workflow runs. (RFC 2822's
 * obsolete two-digit years still pass with their offset's digits; RFC 2822 section 4.3 says
 * which century they are.)
 */
const NAMES_A_YEAR = /\d{4}/;

/**
 * A UTC offset written at the end of the text (ISO "+08:00", RFC 2822 "+0800", JS Date
 * "GMT+0800 (...)"). Luxon takes any two digits, so "+80:00" and "+08:75" would move the time by
 * days or by an hour and a quarter: an offset is at most 14 hours (UTC+14, the widest in use)
 * and its minutes are under 60.
 */
const WRITTEN_OFFSET = /[+-](\d{2}):?(\d{2})(?: \([^()]*\))?$/;

function offsetIsReal(text: string): boolean {
	const match = WRITTEN_OFFSET.exec(text);
	return !match || (Number(match[1]) <= 14 && Number(match[2]) < 60);
}

function fromText(text: string, zone: IANAZone): number | undefined {
	if (!NAMES_A_YEAR.test(text) || !offsetIsReal(text)) return undefined;
	for (const parse of PARSERS) {
		const asUtc = parse(text, 'UTC');
		if (!asUtc.isValid) continue;
		// Read once as UTC and once as UTC+1: text that names its own zone or offset gives the
		// same instant both times; text without one gives wall-clock times an hour apart.
		const shifted = parse(text, 'UTC+1');
		if (shifted.toMillis() === asUtc.toMillis()) return asUtc.toMillis();
		return wallClockToMillis(asUtc.toMillis(), zone);
	}
	return fromJsDateText(text);
}

/**
 * Epoch seconds, or undefined when the value is not a date/time at all. Text without a zone is
 * read in `timeZone` (an IANA name such as Asia/Shanghai).
 */
export function toEpochSeconds(
	value: unknown,
	timeZone: string = DEFAULT_TIME_ZONE,
): number | undefined {
	if (typeof value === 'number') return fromDigits(value, timeZone);
	if (value instanceof Date) return fromNumber(value.getTime());
	if (typeof value === 'object' && value !== null) {
		// Luxon DateTime, without instanceof: n8n may hand over its own copy of the class.
		if (hasToMillis(value)) return fromNumber(value.toMillis());
		return undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return fromDigits(Number(text), timeZone);
	const millis = fromText(text, zoneOf(timeZone));
	return millis === undefined ? undefined : fromNumber(millis);
}

/** Unix seconds as ISO 8601 text in `timeZone`, with its offset: 2026-12-01T09:00:00+08:00. */
export function isoInZone(seconds: number, timeZone: string = DEFAULT_TIME_ZONE): string {
	const text = DateTime.fromSeconds(seconds, { zone: zoneOf(timeZone) }).toISO({
		suppressMilliseconds: true,
	});
	// Only an out-of-range instant has no ISO text; show the number rather than "null".
	return text ?? String(seconds);
}

/** Unix seconds as short wall-clock text in `timeZone` (2026-12-01 09:00), for labels. */
export function localTimeText(seconds: number, timeZone: string = DEFAULT_TIME_ZONE): string {
	const time = DateTime.fromSeconds(seconds, { zone: zoneOf(timeZone) });
	return time.isValid ? time.toFormat('yyyy-MM-dd HH:mm') : String(seconds);
}
