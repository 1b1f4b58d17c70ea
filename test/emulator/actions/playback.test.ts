// Replays, as Tencent's current model describes them (lcic_models.d.ts of
// tencentcloud-sdk-nodejs 4.1.313): GetPlaybackToken "获取信令录制回放token，用于回放指定课堂时鉴权",
// ExpireSeconds "如果传0则表示不过期"; DescribePlaybackList Limit "默认10条，最大上限为100条", FileSize
// "单位：MB"; DescribePlayRecords PageSize "[1, 200]", Duration "播放时长（毫秒）";
// GetEditVersionToken ExpireSeconds "单位毫秒". The token has the shape of Tencent's example on its
// GetPlaybackToken page: a JWT whose payload reads {"class_id":374377112,"exp":4923860443}.
import { ACCOUNT, directEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

function claims(token: unknown): Record<string, unknown> {
	return JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8'));
}

function ended(
	h: ReturnType<typeof directEmulator>,
	extra: Record<string, unknown> = {},
	record = true,
) {
	const roomId = h.room(extra);
	h.call('StartRoom', { RoomId: roomId });
	h.clock.advance(600);
	if (record) h.sim('recordFinish', { RoomId: roomId, RecordSize: 52_428_800 });
	h.call('EndRoom', { RoomId: roomId });
	return roomId;
}

describe('GetPlaybackToken and BatchGetPlaybackToken', () => {
	it('issue tokens for ended, recorded rooms, with a century as "no expiry"', () => {
		const h = directEmulator();
		h.addUser('amy');
		const roomId = ended(h);
		const token = h.call('GetPlaybackToken', { SdkAppId: SDK, RoomId: roomId, UserId: 'amy' });
		expect(token).toEqual({
			Token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
			RoomId: roomId,
			UserId: 'amy',
		});
		const { exp } = claims(token.Token);
		expect(Number(exp) - h.clock.now()).toBe(100 * 365 * 24 * 3600);
		const short = h.call('GetPlaybackToken', { SdkAppId: SDK, RoomId: roomId, ExpireSeconds: 60 });
		expect(claims(short.Token)).toEqual({ class_id: roomId, exp: h.clock.now() + 60 });
		const signalling = ended(h, { DisableRecord: 3 }, false);
		const batch = h.call('BatchGetPlaybackToken', { SdkAppId: SDK, RoomIds: [roomId, signalling] });
		expect(batch).toMatchObject({ Total: 2, UserId: '' });
		expect((batch.Results as Array<{ RoomId: number }>).map((r) => r.RoomId)).toEqual([
			roomId,
			signalling,
		]);
	});

	it('refuses rooms not ended or without a recording, unknown rooms and users', () => {
		const h = directEmulator();
		const live = h.room();
		h.call('StartRoom', { RoomId: live });
		const ask = (RoomId: number, extra: Record<string, unknown> = {}) =>
			h.errorOf('GetPlaybackToken', { SdkAppId: SDK, RoomId, ...extra });
		expect(ask(live)).toBe('FailedOperation.RoomNotEnd');
		expect(ask(h.room())).toBe('FailedOperation.RoomNotEnd');
		expect(ask(ended(h, {}, false))).toBe('ResourceNotFound');
		expect(ask(ended(h, { DisableRecord: 1 }, false))).toBe('ResourceNotFound');
		expect(ask(4)).toBe('ResourceNotFound.Room');
		expect(ask(ended(h), { UserId: 'ghost' })).toBe('ResourceNotFound.User');
		expect(ask(ended(h), { ExpireSeconds: -1 })).toBe('InvalidParameterValue');
		expect(h.errorOf('BatchGetPlaybackToken', { SdkAppId: SDK, RoomIds: [ended(h), live] })).toBe(
			'FailedOperation.RoomNotEnd',
		);
		expect(h.errorOf('BatchGetPlaybackToken', { SdkAppId: SDK, RoomIds: [] })).toBe(
			'InvalidParameterValue',
		);
	});
});

describe('DescribePlaybackList and DeletePlaybackItem', () => {
	it("list the replays in MB, ten per page by default, and delete one room's", () => {
		const h = directEmulator();
		const rooms = Array.from({ length: 11 }, () => ended(h));
		const first = h.call('DescribePlaybackList', { SdkAppId: SDK });
		expect(first.Total).toBe(11);
		expect(first.Items).toHaveLength(10);
		expect((first.Items as unknown[])[0]).toEqual({
			RoomId: rooms[0],
			PlaybackUrl: expect.stringMatching(/\.mp4$/),
			Duration: 600,
			CreateTime: expect.any(Number),
			FileSize: 50,
		});
		expect(h.call('DescribePlaybackList', { SdkAppId: SDK, RoomId: rooms[3] }).Total).toBe(1);
		expect(h.errorOf('DescribePlaybackList', { SdkAppId: SDK, Limit: 101 })).toBe(
			'InvalidParameterValue',
		);
		h.call('DeletePlaybackItem', { SdkAppId: SDK, RoomId: rooms[3] });
		expect(h.call('DescribePlaybackList', { SdkAppId: SDK, RoomId: rooms[3] }).Total).toBe(0);
		expect(h.errorOf('GetPlaybackToken', { SdkAppId: SDK, RoomId: rooms[3] })).toBe(
			'ResourceNotFound',
		);
		expect(h.errorOf('DeletePlaybackItem', { SdkAppId: SDK, RoomId: 8 })).toBe(
			'ResourceNotFound.Room',
		);
	});
});

describe('DescribePlayRecords and the replayView simulation', () => {
	it('lists the viewings that began in the window, per user if asked', () => {
		const h = directEmulator();
		h.addUser('amy');
		h.addUser('bo');
		const roomId = ended(h, { DisableRecord: 3 }, false);
		const t0 = h.clock.now();
		h.sim('replayView', { RoomId: roomId, UserId: 'amy', Seconds: 90 });
		h.clock.advance(3600);
		h.sim('replayView', { RoomId: roomId, UserId: 'bo' });
		const views = (extra: Record<string, unknown>) =>
			h.call('DescribePlayRecords', {
				SdkAppId: SDK,
				RoomId: roomId,
				StartTime: t0,
				EndTime: t0 + 7200,
				Page: 1,
				PageSize: 20,
				...extra,
			});
		expect(views({}).Total).toBe(2);
		expect(views({ EndTime: t0 + 60 }).Records).toEqual([
			{
				RoomId: roomId,
				UserId: 'amy',
				SessionId: expect.any(String),
				PlayBeginTime: t0,
				PlayEndTime: t0 + 90,
				Duration: 90_000,
			},
		]);
		expect(views({ UserId: 'bo' }).Total).toBe(1);
		expect(h.errorOf('DescribePlayRecords', { ...baseOf(roomId, t0), PageSize: 201 })).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('DescribePlayRecords', { ...baseOf(roomId, t0), EndTime: t0 })).toBe(
			'InvalidParameterValue',
		);
		expect(() => h.sim('replayView', { RoomId: h.room(), UserId: 'amy' })).toThrow(/not ended/);
	});
});

function baseOf(RoomId: number, t0: number) {
	return { SdkAppId: SDK, RoomId, StartTime: t0, EndTime: t0 + 60, Page: 1, PageSize: 20 };
}

describe('edit versions', () => {
	it('start with the source version, add edited ones, and switch the main one', () => {
		const h = directEmulator();
		h.addUser('editor');
		const roomId = ended(h, { DisableRecord: 3 }, false);
		const at = { SdkAppId: SDK, RoomId: roomId };
		expect(h.call('DescribeEditVersions', at)).toMatchObject({
			ClassId: roomId,
			LatestVersionNo: 0,
			MainVersion: 0,
			Versions: [
				{ Version: 0, Status: 'READY', IsSource: true, IsMain: true, KeepDurationSec: 600 },
			],
		});
		const token = h.call('GetEditVersionToken', {
			...at,
			UserId: 'editor',
			ExpireSeconds: 120_000,
		});
		expect(claims(token.Token)).toMatchObject({
			class_id: roomId,
			user_id: 'editor',
			exp: h.clock.now() + 120,
		});
		expect(h.sim('editVersion', { RoomId: roomId, UserId: 'editor' })).toEqual({ Version: 1 });
		expect(h.sim('editVersion', { RoomId: roomId, Status: 'PROCESSING' })).toEqual({ Version: 2 });
		expect(h.call('SetMainEditVersion', { ...at, VersionNo: 1, Operator: 'editor' })).toEqual({
			ClassId: roomId,
			PreviousMainVersion: 0,
			MainVersion: 1,
		});
		expect(h.call('DescribeEditVersions', at)).toMatchObject({
			LatestVersionNo: 2,
			MainVersion: 1,
		});
		expect(h.errorOf('SetMainEditVersion', { ...at, VersionNo: 2 })).toBe('FailedOperation');
		expect(h.errorOf('SetMainEditVersion', { ...at, VersionNo: 9 })).toBe('ResourceNotFound');
		expect(h.errorOf('SetMainEditVersion', { ...at, VersionNo: 0, Operator: 'x' })).toBe(
			'ResourceNotFound.User',
		);
		expect(h.errorOf('GetEditVersionToken', { ...at, UserId: 'nobody' })).toBe(
			'ResourceNotFound.User',
		);
		expect(h.errorOf('DescribeEditVersions', { SdkAppId: SDK, RoomId: ended(h, {}, false) })).toBe(
			'ResourceNotFound',
		);
	});
});
