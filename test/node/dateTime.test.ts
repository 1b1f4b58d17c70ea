// Local wall-clock time -> instant, checked against the ICU time zone data through Intl (not
// through Luxon, which the node uses): every quarter hour around every offset change of 2030 in
// zones with unusual rules, brute force.
import { IANAZone } from 'luxon';

import { isoInZone, toEpochSeconds, wallClockToMillis } from '../../nodes/Lcic/params';

const QUARTER = 15 * 60_000;
const DAY = 24 * 3600_000;

const ZONES = [
	'America/New_York', // DST at 02:00 local
	'Europe/Berlin', // DST at 01:00 UTC
	'Australia/Sydney', // southern hemisphere: clocks go back in April
	'Australia/Lord_Howe', // a 30-minute DST shift
	'Pacific/Chatham', // +12:45 / +13:45
	'America/Santiago', // DST starts at midnight: some days have no 00:00
	'Asia/Shanghai', // no DST
];

/** The wall-clock time of an instant in a zone, per Intl, written as UTC milliseconds. */
function wallOf(instant: number, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
}

/** Instants (every quarter hour) where the zone's offset changes during 2030. */
function changesIn2030(zone: string): number[] {
	const changes: number[] = [];
	const start = Date.UTC(2030, 0, 1);
	let previous = wallOf(start, zone) - start;
	for (let day = start; day < Date.UTC(2031, 0, 1); day += DAY) {
		const offset = wallOf(day + DAY, zone) - (day + DAY);
		if (offset === previous) continue;
		for (let t = day; t <= day + DAY; t += QUARTER) {
			if (wallOf(t, zone) - t !== previous) {
				changes.push(t);
				break;
			}
		}
		previous = offset;
	}
	return changes;
}

describe('wallClockToMillis (RFC 5545 3.3.5)', () => {
	it.each(ZONES)('%s: every quarter hour around each offset change', (zone) => {
		const luxonZone = IANAZone.create(zone);
		const changes = changesIn2030(zone);
		// Each zone with DST changes twice in 2030; Shanghai never.
		expect(changes).toHaveLength(zone === 'Asia/Shanghai' ? 0 : 2);
		const windows = changes.length ? changes : [Date.UTC(2030, 5, 1)];
		for (const change of windows) {
			// Which instants show which wall-clock time, by brute force over two days.
			const instantsOf = new Map<number, number[]>();
			for (let t = change - DAY; t <= change + DAY; t += QUARTER) {
				const wall = wallOf(t, zone);
				instantsOf.set(wall, [...(instantsOf.get(wall) ?? []), t]);
			}
			const offsetBefore = wallOf(change - DAY, zone) - (change - DAY);
			for (let wall = wallOf(change, zone) - 6 * 3600_000; ; wall += QUARTER) {
				if (wall > wallOf(change, zone) + 6 * 3600_000) break;
				const instants = instantsOf.get(wall);
				const expected = instants
					? // Shown once, or twice when clocks go back: the first occurrence.
						Math.min(...instants)
					: // Never shown (clocks go forward): read with the offset before the gap.
						wall - offsetBefore;
				expect({
					zone,
					wall: new Date(wall).toISOString(),
					got: wallClockToMillis(wall, luxonZone),
				}).toEqual({
					zone,
					wall: new Date(wall).toISOString(),
					got: expected,
				});
			}
		}
	});
});

describe('toEpochSeconds and isoInZone', () => {
	it('reads zone-less text in the given zone and names an offset in the text when there is one', () => {
		// Berlin is UTC+1 in winter.
		expect(toEpochSeconds('2030-12-01T09:00:00', 'Europe/Berlin')).toBe(
			Date.UTC(2030, 11, 1, 8) / 1000,
		);
		expect(toEpochSeconds('2030-12-01', 'Europe/Berlin')).toBe(Date.UTC(2030, 10, 30, 23) / 1000);
		// Unpadded, as spreadsheets write them.
		for (const text of ['2030-12-1 9:00', '2030/12/1 9:00', '2030-12-01 9:00:00'])
			expect(toEpochSeconds(text, 'Europe/Berlin')).toBe(Date.UTC(2030, 11, 1, 8) / 1000);
		expect(toEpochSeconds('2030-12-01T09:00:00+08:00', 'Europe/Berlin')).toBe(
			Date.UTC(2030, 11, 1, 1) / 1000,
		);
		// RFC 2822 and JS Date text carry their offset.
		expect(toEpochSeconds('Sun, 01 Dec 2030 09:00:00 +0800', 'Europe/Berlin')).toBe(
			Date.UTC(2030, 11, 1, 1) / 1000,
		);
		expect(
			toEpochSeconds('Sun Dec 01 2030 09:00:00 GMT+0800 (China Standard Time)', 'Europe/Berlin'),
		).toBe(Date.UTC(2030, 11, 1, 1) / 1000);
		// Text the node cannot read with certainty is refused rather than guessed in the OS zone.
		expect(toEpochSeconds('Dec 1, 2030 9:00', 'Europe/Berlin')).toBeUndefined();
		// JS Date text is read by its layout, not by Date.parse (which rolls Feb 30 into March and
		// gives "Mar 7 GMT+0800" the year 2001); its weekday must be its date's.
		expect(toEpochSeconds('Sun Feb 30 2031 09:00:00 GMT+0800', 'UTC')).toBeUndefined();
		expect(toEpochSeconds('Mar 7 GMT+0800', 'UTC')).toBeUndefined();
		expect(toEpochSeconds('Mon Dec 01 2030 09:00:00 GMT+0800', 'UTC')).toBeUndefined();
		expect(toEpochSeconds(String(new Date(Date.UTC(2030, 5, 1, 12))), 'UTC')).toBe(
			Date.UTC(2030, 5, 1, 12) / 1000,
		);
		// Offsets are real ones: at most 14 hours, minutes under 60.
		for (const text of [
			'2030-12-01T09:00:00+80:00',
			'2030-12-01T09:00:00+08:75',
			'2030-12-01T09:00:00-15:00',
			'Sun, 01 Dec 2030 09:00:00 +9900',
			'Sun Dec 01 2030 09:00:00 GMT+2500 (Nowhere)',
		])
			expect(toEpochSeconds(text, 'UTC')).toBeUndefined();
		expect(toEpochSeconds('2030-12-01T09:00:00+14:00', 'UTC')).toBe(
			Date.UTC(2030, 10, 30, 19) / 1000,
		);
		expect(toEpochSeconds('2030-12-01T09:00:00-09:30', 'UTC')).toBe(
			Date.UTC(2030, 11, 1, 18, 30) / 1000,
		);
		// A time without a date (ISO allows it; Luxon makes it today) is not a date.
		for (const text of ['10:00', 'T10:00', '09:00:00+08:00', '10:00:00Z'])
			expect(toEpochSeconds(text, 'UTC')).toBeUndefined();
		expect(() => toEpochSeconds('2030-12-01T09:00', 'Mars/Olympus')).toThrow(
			'Unknown time zone "Mars/Olympus"',
		);
	});

	it('reads eight digits that make a day as ISO 8601 basic format, and refuses other tiny Unix times', () => {
		// ISO 8601 section 5.2.1.1, complete representation, basic format: YYYYMMDD ("19850412").
		// As Unix seconds 20301201 would be 1970-08-23, years before LCIC (2022).
		expect(toEpochSeconds('20301201', 'Europe/Berlin')).toBe(Date.UTC(2030, 10, 30, 23) / 1000);
		expect(toEpochSeconds(20301201, 'Asia/Shanghai')).toBe(Date.UTC(2030, 10, 30, 16) / 1000);
		for (const value of ['20300230', '20301301', 20300000, '2030', 2030, '0', 0, '99999999', 1.5])
			expect(toEpochSeconds(value, 'UTC')).toBeUndefined();
		// From 1e8 (1973-03-03) on, numbers are Unix seconds; above 1e11, milliseconds.
		expect(toEpochSeconds('100000000', 'UTC')).toBe(1e8);
		expect(toEpochSeconds(1_906_000_000, 'UTC')).toBe(1_906_000_000);
		expect(toEpochSeconds(1_906_000_000_123, 'UTC')).toBe(1_906_000_000);
	});

	it('shows Unix seconds as ISO text with the offset of the zone at that instant', () => {
		expect(isoInZone(Date.UTC(2030, 0, 15, 14) / 1000, 'America/New_York')).toBe(
			'2030-01-15T09:00:00-05:00',
		);
		expect(isoInZone(Date.UTC(2030, 6, 15, 13) / 1000, 'America/New_York')).toBe(
			'2030-07-15T09:00:00-04:00',
		);
		expect(isoInZone(Date.UTC(2030, 6, 15, 13) / 1000, 'UTC')).toBe('2030-07-15T13:00:00+00:00');
	});
});
