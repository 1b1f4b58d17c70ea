// Time zones, through n8n-core: the workflow's time zone setting (what this.getTimezone()
// answers) decides how date-time text without a zone is read, how output times are shown and
// how error messages print times. The process runs in another zone (TZ is set below), so a node
// that fell back to the OS zone, as Date.parse does, would fail every test here.
import { getGlobalState, setGlobalState } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { addLiveRoom } from '../trigger/liveRooms';
import { parametersFor, runWorkflow, useEmulator } from '../harness';
import { pollOnce } from '../harness/poll';
import { resetRateLimiter } from '../../nodes/Lcic/transport';

// The server's zone (set in jest.config.js): neither workflow zone below, and without DST, so
// that an OS-zone reading is off from the right answer by a fixed number of hours.
const OS_ZONE = 'Asia/Kolkata';
// China Standard Time is UTC+8 all year (China has not used DST since 1991).
const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

const utc = (y: number, m: number, d: number, h: number, min = 0) =>
	Date.UTC(y, m - 1, d, h, min) / 1000;

const ROOM = { Resolution: 1, MaxMicNumber: 1, SubType: 'videodoc' };

beforeAll(() => {
	// jest.config.js sets TZ for the workers (a test cannot: jest gives it a copy of process.env).
	expect({
		TZ: process.env.TZ,
		hourAtMidnightUtc: new Date(Date.UTC(2030, 11, 1)).getHours(),
	}).toEqual({ TZ: OS_ZONE, hourAtMidnightUtc: 5 });
});

describe('date-time fields in the workflow time zone', () => {
	const fx = useEmulator();
	beforeEach(() => resetRateLimiter());

	/** Creates one room per start text (end: an hour later, same form) and returns their StartTimes. */
	async function startTimesOf(
		timezone: string | undefined,
		times: Array<{ start: string | number; end: string | number }>,
	): Promise<number[]> {
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			timezone,
			nodeParameters: parametersFor('CreateRoom', {
				...ROOM,
				Name: '={{ $json.name }}',
				StartTime: '={{ $json.start }}',
				EndTime: '={{ $json.end }}',
			}),
			inputItems: times.map((time, index) => ({ ...time, name: `tz-${index}` })),
		});
		expect(error).toBeUndefined();
		return items.map((item) => fx.session.app.rooms.get(Number(item.json.RoomId))!.StartTime);
	}

	it('reads text without a zone (date picker, forms, spreadsheets) in the workflow zone', async () => {
		const forms = [
			['2030-12-01T09:00:00', '2030-12-01T10:00:00'],
			['2030-12-01T09:00', '2030-12-01T10:00'],
			['2030-12-01 09:00', '2030-12-01 10:00'],
			['2030-12-01 09:00:00.000', '2030-12-01 10:00:00.000'],
			['2030/12/01 09:00', '2030/12/01 10:00'],
		];
		const starts = await startTimesOf(
			SHANGHAI,
			forms.map(([start, end]) => ({ start, end })),
		);
		// 09:00 in Shanghai (UTC+8) is 01:00 UTC; the OS zone (+05:30) would give 03:30 UTC.
		expect(starts).toEqual(forms.map(() => utc(2030, 12, 1, 1)));
	});

	it('keeps the meaning of text with a zone or offset, DateTimes, Dates and Unix seconds', async () => {
		const instant = utc(2030, 12, 1, 1);
		const starts = await startTimesOf(SHANGHAI, [
			{ start: '2030-12-01T01:00:00Z', end: '2030-12-01T02:00:00Z' },
			{ start: '2030-11-30T20:00:00-05:00', end: '2030-11-30T21:00:00-05:00' },
			{ start: '2030-12-01 02:00:00+01:00', end: '2030-12-01 03:00:00+01:00' },
			{ start: instant, end: instant + 3600 },
			{ start: String(instant * 1000), end: String((instant + 3600) * 1000) },
		]);
		expect(starts).toEqual(starts.map(() => instant));

		// A Luxon DateTime made in an expression (Tokyo, UTC+9) is an instant: kept as it is.
		const { items } = await runWorkflow({
			emulator: fx.emulator,
			timezone: SHANGHAI,
			nodeParameters: parametersFor('CreateRoom', {
				...ROOM,
				Name: 'luxon',
				StartTime: "={{ DateTime.fromISO('2030-12-01T10:00', { zone: 'Asia/Tokyo' }) }}",
				EndTime: "={{ DateTime.fromISO('2030-12-01T11:00', { zone: 'Asia/Tokyo' }) }}",
			}),
		});
		expect(fx.session.app.rooms.get(Number(items[0].json.RoomId))!.StartTime).toBe(instant);
	});

	it('follows RFC 5545 at DST changes: a skipped time moves past the gap, a repeated one is the first', async () => {
		// RFC 5545 (iCalendar) 3.3.5: "If, based on the definition of the referenced time zone, the
		// local time described occurs more than once (when changing from daylight to standard
		// time), the DATE-TIME value refers to the first occurrence of the referenced time. Thus,
		// TZID=America/New_York:20071104T013000 indicates November 4, 2007 at 1:30 A.M. EDT
		// (UTC-04:00). If the local time described does not occur (when changing from standard to
		// daylight time), the DATE-TIME value is interpreted using the UTC offset before the gap in
		// local times. Thus, TZID=America/New_York:20070311T023000 indicates March 11, 2007 at
		// 3:30 A.M. EDT (UTC-04:00), one hour after 1:30 A.M. EST (UTC-05:00)."
		// US DST in 2030: from Sunday 10 March 02:00 to Sunday 3 November 02:00.
		const starts = await startTimesOf(NEW_YORK, [
			// 02:30 does not exist on 10 March: read with EST (-05:00), that is 03:30 EDT.
			{ start: '2030-03-10T02:30:00', end: '2030-03-10T04:30:00' },
			// 01:30 happens twice on 3 November: the first time, EDT (-04:00).
			{ start: '2030-11-03T01:30:00', end: '2030-11-03T03:30:00' },
			// An ordinary winter and summer day either side.
			{ start: '2030-01-15T09:00:00', end: '2030-01-15T10:00:00' },
			{ start: '2030-07-15T09:00:00', end: '2030-07-15T10:00:00' },
		]);
		expect(starts).toEqual([
			utc(2030, 3, 10, 7, 30),
			utc(2030, 11, 3, 5, 30),
			utc(2030, 1, 15, 14),
			utc(2030, 7, 15, 13),
		]);
	});

	it("uses n8n's default zone (GENERIC_TIMEZONE) when the workflow sets none", async () => {
		const before = getGlobalState();
		// What n8n does at start-up with GENERIC_TIMEZONE.
		setGlobalState({ ...before, defaultTimezone: 'Europe/Berlin' });
		try {
			const starts = await startTimesOf(undefined, [
				{ start: '2030-12-01T09:00:00', end: '2030-12-01T10:00:00' },
			]);
			// Berlin is UTC+1 in winter.
			expect(starts).toEqual([utc(2030, 12, 1, 8)]);
		} finally {
			setGlobalState(before);
		}
	});

	it('prints the times of an error in the workflow zone', async () => {
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			timezone: SHANGHAI,
			nodeParameters: parametersFor('CreateRoom', {
				...ROOM,
				Name: 'backwards',
				StartTime: '2030-12-01T10:00:00',
				EndTime: '2030-12-01 09:00',
			}),
		});
		expect(error?.message).toBe(
			'"Start Time" (StartTime) must be before "End Time" (EndTime) (got 2030-12-01T10:00:00+08:00 and 2030-12-01T09:00:00+08:00, time zone Asia/Shanghai)',
		);
	});

	it('says which zone it reads text in when the text is no date', async () => {
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			timezone: SHANGHAI,
			nodeParameters: parametersFor('CreateRoom', {
				...ROOM,
				Name: 'not a date',
				StartTime: 'next tuesday',
				EndTime: '2030-12-01 09:00',
			}),
		});
		expect(error?.message).toContain("read in the workflow's time zone, Asia/Shanghai");
		expect(error?.message).toContain('(got "next tuesday")');
	});

	it('shows output times as Unix seconds and as ISO text with the workflow offset', async () => {
		const roomId = await fx.session.room({
			StartTime: utc(2030, 12, 1, 1),
			EndTime: utc(2030, 12, 1, 2),
		});
		const run = async (action: string, values: IDataObject, node: IDataObject = {}) => {
			const { items, error } = await runWorkflow({
				emulator: fx.emulator,
				timezone: SHANGHAI,
				nodeParameters: parametersFor(action, values, { node: node as never }),
			});
			expect(error).toBeUndefined();
			return items.map((item) => item.json);
		};
		const [room] = await run('DescribeRoom', { RoomId: roomId });
		expect(room).toMatchObject({
			StartTime: utc(2030, 12, 1, 1),
			StartTimeIso: '2030-12-01T09:00:00+08:00',
			EndTime: utc(2030, 12, 1, 2),
			EndTimeIso: '2030-12-01T10:00:00+08:00',
		});
		// Not started: RealStartTime 0 means "not yet", so no text for it.
		expect(room).not.toHaveProperty('RealStartTimeIso');
		// Date.parse of the text gives the same instant: the offset is right.
		expect(Date.parse(String(room.StartTimeIso)) / 1000).toBe(room.StartTime);

		// Get Many's window typed without a zone is the Shanghai day.
		const listed = await run(
			'GetRooms',
			{ StartTime: '2030-12-01 08:30', EndTime: '2030-12-01 09:30' },
			{ returnAll: true },
		);
		expect(listed.map((r) => r.RoomId)).toContain(roomId);
		expect(listed.find((r) => r.RoomId === roomId)).toMatchObject({
			StartTimeIso: '2030-12-01T09:00:00+08:00',
		});
	});
});

describe('trigger items in the workflow time zone', () => {
	const fx = useEmulator();

	it('gives the event time as Unix seconds and as ISO text with the workflow offset', async () => {
		const now = fx.emulator.clock.now();
		const roomId = addLiveRoom(fx.emulator.state, fx.session.sdkAppId, now, 'Morning class');
		const { items } = await pollOnce({
			emulator: fx.emulator,
			mode: 'manual',
			timezone: SHANGHAI,
			parameters: {
				watch: 'chosen',
				rooms: { room: [{ roomId: { __rl: true, mode: 'id', value: String(roomId) } }] },
			},
		});
		const [item] = items ?? [];
		expect(item.json.timestamp).toBe(now - 60);
		expect(item.json.time).toMatch(/\+08:00$/);
		expect(Date.parse(String(item.json.time)) / 1000).toBe(now - 60);
	});
});
