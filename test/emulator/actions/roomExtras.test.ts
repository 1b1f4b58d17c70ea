// Ratings, whiteboard snapshots and the live relay, as Tencent's current model describes them
// (lcic_models.d.ts of tencentcloud-sdk-nodejs 4.1.313):
// - DescribeScoreList Limit: "默认是10条".
// - DescribeWhiteBoardSnapshot WhiteBoardSnapshotMode "0 不生成板书；1 全量模式；2 单页去重模式",
//   Status "0：未开始，1：进行中，2：失败，3：成功，4：已删除".
// - ModifyLiveRelayConfig RelayType "0： 单流 1： 混流", IsTencentCdn "（默认为0）".
import { ACCOUNT, directEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

describe('DescribeScoreList and the rating simulation', () => {
	it('lists the ratings given after the class, ten per page by default', () => {
		const h = directEmulator();
		const roomId = h.room({ IsGradingRequiredPostClass: 1 });
		for (let i = 0; i < 12; i++) h.addUser(`s${i}`);
		expect(() => h.sim('rating', { RoomId: roomId, UserId: 's0', Score: 4 })).toThrow(
			/has not ended/,
		);
		h.call('StartRoom', { RoomId: roomId });
		h.call('EndRoom', { RoomId: roomId });
		for (let i = 0; i < 12; i++)
			h.sim('rating', { RoomId: roomId, UserId: `s${i}`, Score: 1 + (i % 5) });
		const first = h.call('DescribeScoreList', { RoomId: roomId });
		expect(first.Total).toBe(12);
		expect(first.Scores).toHaveLength(10);
		expect((first.Scores as unknown[])[0]).toEqual({
			RoomId: roomId,
			UserId: 's0',
			CreateTime: h.clock.now(),
			Score: 1,
			ScoreMsg: '',
		});
		expect(h.call('DescribeScoreList', { RoomId: roomId, Page: 2 }).Scores).toHaveLength(2);
		expect(h.errorOf('DescribeScoreList', { RoomId: roomId, Limit: 101 })).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('DescribeScoreList', { RoomId: 1 })).toBe('ResourceNotFound.Room');
		expect(() => h.sim('rating', { RoomId: roomId, UserId: 's0', Score: 6 })).toThrow(/1 to 5/);
	});
});

describe('whiteboard snapshots', () => {
	it('follow the class: not started, in progress, ready, deleted', () => {
		const h = directEmulator();
		const roomId = h.room({ WhiteBoardSnapshotMode: 1 });
		const status = () => h.call('DescribeWhiteBoardSnapshot', { RoomId: roomId });
		expect(status()).toEqual({ WhiteBoardSnapshotMode: 1, Status: 0, Result: [], Total: 0 });
		h.call('StartRoom', { RoomId: roomId });
		expect(status()).toMatchObject({ Status: 1, Total: 0 });
		h.call('EndRoom', { RoomId: roomId });
		expect(status()).toMatchObject({ Status: 3, Total: 3 });
		expect((status().Result as string[])[0]).toMatch(/^https:\/\/.+\.png$/);
		h.call('DeleteWhiteBoardSnapshot', { RoomId: roomId });
		expect(status()).toEqual({ WhiteBoardSnapshotMode: 1, Status: 4, Result: [], Total: 0 });
	});

	it('makes none for rooms without snapshots, and needs a known RoomId', () => {
		const h = directEmulator();
		const roomId = h.room();
		h.call('StartRoom', { RoomId: roomId });
		h.call('EndRoom', { RoomId: roomId });
		expect(h.call('DescribeWhiteBoardSnapshot', { RoomId: roomId })).toMatchObject({
			WhiteBoardSnapshotMode: 0,
			Status: 0,
			Total: 0,
		});
		expect(h.errorOf('DescribeWhiteBoardSnapshot', {})).toBe('MissingParameter');
		expect(h.errorOf('DeleteWhiteBoardSnapshot', { RoomId: 3 })).toBe('ResourceNotFound.Room');
	});
});

describe('live relay', () => {
	it('reads the defaults, stores a change and refuses bad values', () => {
		const h = directEmulator();
		const roomId = h.room({ EnableLiveRelay: 1 });
		const read = () => h.call('DescribeLiveRelayConfig', { SdkAppId: SDK, RoomId: roomId });
		expect(read()).toEqual({ RelayType: 0, Urls: [], IsTencentCdn: 0 });
		const modify = (extra: Record<string, unknown>) => ({
			SdkAppId: SDK,
			RoomId: roomId,
			RelayType: 1,
			Urls: ['rtmp://cdn.example.com/live/1'],
			...extra,
		});
		h.call('ModifyLiveRelayConfig', modify({ IsTencentCdn: 1 }));
		expect(read()).toEqual({
			RelayType: 1,
			Urls: ['rtmp://cdn.example.com/live/1'],
			IsTencentCdn: 1,
		});
		expect(h.errorOf('ModifyLiveRelayConfig', modify({ RelayType: 2 }))).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('ModifyLiveRelayConfig', modify({ IsTencentCdn: 3 }))).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('ModifyLiveRelayConfig', modify({ Urls: [] }))).toBe('InvalidParameterValue');
		expect(h.errorOf('ModifyLiveRelayConfig', modify({ RoomId: 2 }))).toBe('ResourceNotFound.Room');
		expect(read().RelayType).toBe(1);
	});
});
