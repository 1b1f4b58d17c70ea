import { ACCOUNT, OTHER_ACCOUNT, T0, directEmulator } from './direct';
import { roomActions } from './rooms';

const SDK = ACCOUNT.sdkAppId;

describe('room creation', () => {
	it('creates a room and describes it with defaults for unset settings', () => {
		const h = directEmulator();
		h.addUser('teacher');
		const roomId = h.room({ TeacherId: 'teacher', RecordScene: 'x', EnableLiveRelay: 1 });
		const room = h.call('DescribeRoom', { RoomId: roomId });
		expect(room).toMatchObject({
			Name: 'Room',
			StartTime: T0 + 60,
			EndTime: T0 + 3660,
			TeacherId: 'teacher',
			SdkAppId: SDK,
			Resolution: 1,
			MaxMicNumber: 4,
			SubType: 'videodoc',
			Status: 0,
			AutoMic: 0,
			Assistants: [],
			RecordUrl: '',
			RecordScene: 'x',
			EnableLiveRelay: 1,
		});
		expect(room.RTMPStreamingURL).toBeUndefined();
		expect(
			h.call('DescribeRoom', { RoomId: roomId, RTMPStreamingURL: 1 }).RTMPStreamingURL,
		).toMatch(/^rtmp:\/\//);
	});

	it('declares every model parameter and DescribeRoom rate limit 50', () => {
		expect(Object.keys(roomActions.CreateRoom.params)).toEqual(
			expect.arrayContaining([
				'Guests',
				'RecordStream',
				'WhiteBoardSnapshotMode',
				'SubtitlesTranscription',
				'RecordMerge',
				'EnableLiveRelay',
				'RecordLang',
			]),
		);
		expect(Object.keys(roomActions.ModifyRoom.params)).toEqual(
			expect.arrayContaining(['RecordLayout', 'Guests', 'EnableLiveRelay']),
		);
		expect(roomActions.DescribeRoom.rateLimit).toBe(50);
		expect(Object.keys(roomActions)).toHaveLength(25);
	});

	it('rejects bad times and values with the reference codes', () => {
		const h = directEmulator();
		expect(
			h.errorOf('CreateRoom', base(h.clock.now(), { EndTime: h.clock.now() + 5 * 3600 + 61 })),
		).toBe('FailedOperation.ClassTooLong');
		expect(
			h.errorOf(
				'CreateRoom',
				base(h.clock.now(), { StartTime: h.clock.now() + 100, EndTime: h.clock.now() + 50 }),
			),
		).toBe('InvalidParameterValue');
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { StartTime: h.clock.now() - 3600 }))).toBe(
			'InvalidParameter.StartTime',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { MaxMicNumber: 17 }))).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { RoomType: 1, MaxMicNumber: 2 }))).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { EndDelayTime: 121 }))).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { RoomType: 7 }))).toBe(
			'InvalidParameter.RoomTypeInvalid',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { SubType: 'other' }))).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { TeacherId: 'ghost' }))).toBe(
			'ResourceNotFound.User',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { GroupId: 'nogroup' }))).toBe(
			'ResourceNotFound.GroupNotExist',
		);
		expect(h.errorOf('CreateRoom', base(h.clock.now(), { SdkAppId: OTHER_ACCOUNT.sdkAppId }))).toBe(
			'InvalidParameter.SdkAppId',
		);
		// Exactly five hours is allowed.
		expect(
			h.call('CreateRoom', base(h.clock.now(), { EndTime: h.clock.now() + 60 + 5 * 3600 })).RoomId,
		).toEqual(expect.any(Number));
	});

	it('creates rooms in a batch, all or nothing', () => {
		const h = directEmulator();
		const now = h.clock.now();
		const info = {
			Name: 'a',
			StartTime: now + 10,
			EndTime: now + 100,
			Resolution: 2,
			MaxMicNumber: 1,
			SubType: 'video',
		};
		const out = h.call('BatchCreateRoom', {
			SdkAppId: SDK,
			RoomInfos: [info, { ...info, Name: 'b' }],
		});
		expect(out.RoomIds).toHaveLength(2);
		expect(h.app.rooms.size).toBe(2);
		expect(
			h.errorOf('BatchCreateRoom', {
				SdkAppId: SDK,
				RoomInfos: [info, { ...info, MaxMicNumber: 99 }],
			}),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('BatchCreateRoom', { SdkAppId: SDK, RoomInfos: [{ ...info, Bogus: 1 }] }),
		).toBe('UnknownParameter');
		expect(h.errorOf('BatchCreateRoom', { SdkAppId: SDK, RoomInfos: [{ Name: 'x' }] })).toBe(
			'MissingParameter',
		);
		expect(
			h.errorOf('BatchCreateRoom', { SdkAppId: SDK, RoomInfos: [{ ...info, Resolution: 'HD' }] }),
		).toBe('InvalidParameter');
		expect(h.app.rooms.size).toBe(2);
	});
});

describe('room lifecycle', () => {
	it('goes from not started to in class to ended, logging RoomStart and RoomEnd', () => {
		const h = directEmulator();
		const roomId = h.room();
		h.call('StartRoom', { RoomId: roomId });
		expect(h.call('DescribeRoom', { RoomId: roomId }).Status).toBe(1);
		expect(h.errorOf('StartRoom', { RoomId: roomId })).toBe('FailedOperation.ClassStarted');
		expect(h.errorOf('DeleteRoom', { RoomId: roomId })).toBe('FailedOperation.ClassStarted');
		h.clock.advance(120);
		h.call('EndRoom', { RoomId: roomId });
		expect(h.call('DescribeRoom', { RoomId: roomId }).Status).toBe(2);
		expect(h.errorOf('EndRoom', { RoomId: roomId })).toBe('FailedOperation.ClassEnded');
		expect(h.errorOf('StartRoom', { RoomId: roomId })).toBe('FailedOperation.ClassEnded');
		expect(h.errorOf('ModifyRoom', { RoomId: roomId, SdkAppId: SDK, Name: 'x' })).toBe(
			'FailedOperation.ClassEnded',
		);
		const room = h.app.rooms.get(roomId);
		expect(room?.events.map((e) => e.Event)).toEqual(['RoomStart', 'RoomEnd']);
		expect(room?.realStartTime).toBe(T0);
		expect(room?.realEndTime).toBe(T0 + 120);
		h.call('DeleteRoom', { RoomId: roomId });
		expect(h.errorOf('DescribeRoom', { RoomId: roomId })).toBe('ResourceNotFound.Room');
	});

	it('expires a room that never started once its EndTime passes', () => {
		const h = directEmulator();
		const roomId = h.room({}, 60, 600);
		h.clock.advance(661);
		expect(h.call('DescribeRoom', { RoomId: roomId }).Status).toBe(3);
		expect(h.errorOf('StartRoom', { RoomId: roomId })).toBe('FailedOperation.ClassExpired');
		expect(h.errorOf('ModifyRoom', { RoomId: roomId, SdkAppId: SDK, Name: 'x' })).toBe(
			'FailedOperation.ClassExpired',
		);
	});

	it('ends a running class by itself per EndDelayTime', () => {
		const h = directEmulator();
		const noOverrun = h.room({ EndDelayTime: -1 }, 0, 600);
		const tenMinutes = h.room({ EndDelayTime: 10 }, 0, 600);
		const unlimited = h.room({}, 0, 600);
		for (const id of [noOverrun, tenMinutes, unlimited]) h.call('StartRoom', { RoomId: id });
		h.clock.advance(601);
		expect(h.call('DescribeRoom', { RoomId: noOverrun }).Status).toBe(2);
		expect(h.app.rooms.get(noOverrun)?.realEndTime).toBe(T0 + 600);
		expect(h.call('DescribeRoom', { RoomId: tenMinutes }).Status).toBe(1);
		h.clock.advance(600);
		expect(h.call('DescribeRoom', { RoomId: tenMinutes }).Status).toBe(2);
		expect(h.call('DescribeRoom', { RoomId: unlimited }).Status).toBe(1);
	});

	it('limits what ModifyRoom may change once the class started', () => {
		const h = directEmulator();
		const roomId = h.room();
		h.call('ModifyRoom', {
			RoomId: roomId,
			SdkAppId: SDK,
			Name: 'Renamed',
			MaxMicNumber: 8,
			EndTime: T0 + 7200,
		});
		expect(h.call('DescribeRoom', { RoomId: roomId })).toMatchObject({
			Name: 'Renamed',
			MaxMicNumber: 8,
			EndTime: T0 + 7200,
		});
		expect(
			h.errorOf('ModifyRoom', { RoomId: roomId, SdkAppId: SDK, EndTime: T0 + 60 + 5 * 3600 + 1 }),
		).toBe('FailedOperation.ClassTooLong');
		expect(h.errorOf('ModifyRoom', { RoomId: roomId, SdkAppId: SDK, StartTime: T0 + 8000 })).toBe(
			'InvalidParameterValue',
		);
		h.call('StartRoom', { RoomId: roomId });
		expect(h.errorOf('ModifyRoom', { RoomId: roomId, SdkAppId: SDK, EndTime: T0 + 8000 })).toBe(
			'FailedOperation.ClassStarted',
		);
		expect(h.errorOf('ModifyRoom', { RoomId: roomId, SdkAppId: SDK, Resolution: 2 })).toBe(
			'FailedOperation.ClassStarted',
		);
		h.call('ModifyRoom', { RoomId: roomId, SdkAppId: SDK, Name: 'Live name', InteractionMode: 1 });
		expect(h.call('DescribeRoom', { RoomId: roomId })).toMatchObject({
			Name: 'Live name',
			InteractionMode: 1,
		});
		expect(h.errorOf('ModifyRoom', { RoomId: 1, SdkAppId: SDK, Name: 'x' })).toBe(
			'ResourceNotFound.Room',
		);
	});

	it("does not show another account's rooms", () => {
		const h = directEmulator();
		const roomId = h.room();
		expect(h.errorOf('DescribeRoom', { RoomId: roomId }, OTHER_ACCOUNT)).toBe(
			'ResourceNotFound.Room',
		);
	});
});

describe('GetRooms', () => {
	it('lists rooms overlapping the window, filtered by status and paged', () => {
		const h = directEmulator();
		const a = h.room({}, 0, 600); // T0 .. T0+600
		const b = h.room({}, 1000, 600); // T0+1000 .. T0+1600
		const c = h.room({}, 5000, 600); // outside the default window
		h.call('StartRoom', { RoomId: a });
		let out = h.call('GetRooms', { SdkAppId: SDK });
		expect(out.Total).toBe(2);
		expect((out.Rooms as Array<Record<string, unknown>>).map((r) => r.RoomId)).toEqual([a, b]);
		out = h.call('GetRooms', { SdkAppId: SDK, StartTime: T0, EndTime: T0 + 10_000, Status: [0] });
		expect((out.Rooms as Array<Record<string, unknown>>).map((r) => r.RoomId)).toEqual([b, c]);
		out = h.call('GetRooms', {
			SdkAppId: SDK,
			StartTime: T0,
			EndTime: T0 + 10_000,
			Page: 2,
			Limit: 2,
		});
		expect(out.Total).toBe(3);
		expect((out.Rooms as Array<Record<string, unknown>>).map((r) => r.RoomId)).toEqual([c]);
		const item = (
			h.call('GetRooms', { SdkAppId: SDK, Status: [1] }).Rooms as Array<Record<string, unknown>>
		)[0];
		expect(item).toMatchObject({
			RoomId: a,
			Status: 1,
			RealStartTime: T0,
			RealEndTime: 0,
			Resolution: 1,
			MaxMicNumber: 4,
		});
		expect(h.errorOf('GetRooms', { SdkAppId: SDK, Limit: 101 })).toBe('InvalidParameterValue');
		expect(h.errorOf('GetRooms', { SdkAppId: SDK, Status: [9] })).toBe('InvalidParameterValue');
	});
});

function base(now: number, extra: Record<string, unknown>): Record<string, unknown> {
	return {
		SdkAppId: SDK,
		Name: 'R',
		StartTime: now + 60,
		EndTime: now + 3660,
		Resolution: 1,
		MaxMicNumber: 1,
		SubType: 'video',
		...extra,
	};
}
