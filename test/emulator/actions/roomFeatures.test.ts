// Group-live join codes and the marquee, as Tencent's current model describes them
// (lcic_models.d.ts of tencentcloud-sdk-nodejs 4.1.313): CreateGroupLiveCodes Number
// "最大数量限制为30"; RoomType "4： 分组直播"; SetMarquee FontSize "10到24", opacity "0.0 到 1.0",
// Duration "1-10", MarqueeCount "仅支持1或2", colours "十六进制颜色值，例如：#00FF00".
import { ACCOUNT, directEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

describe('group-live codes', () => {
	it('creates up to 30 codes for group-live rooms and reads them back', () => {
		const h = directEmulator();
		const roomId = h.room({ RoomType: 4 });
		const codes = h.call('CreateGroupLiveCodes', { SdkAppId: SDK, RoomId: roomId, Number: 30 })
			.GroupLiveCodes as string[];
		expect(codes).toHaveLength(30);
		expect(new Set(codes).size).toBe(30);
		expect(h.call('DescribeGroupLiveCodes', { RoomId: roomId })).toEqual({ GroupLiveCodes: codes });
		expect(
			h.call('DescribeGroupLiveCodes', { SdkAppId: SDK, RoomId: roomId }).GroupLiveCodes,
		).toEqual(codes);
		const create = (extra: Record<string, unknown>) =>
			h.errorOf('CreateGroupLiveCodes', { SdkAppId: SDK, RoomId: roomId, Number: 2, ...extra });
		expect(create({ Number: 31 })).toBe('InvalidParameterValue');
		expect(create({ Number: 0 })).toBe('InvalidParameterValue');
		expect(create({ RoomId: h.room() })).toBe('InvalidParameter.RoomTypeInvalid');
		expect(h.errorOf('DescribeGroupLiveCodes', {})).toBe('MissingParameter');
		expect(h.errorOf('DescribeGroupLiveCodes', { RoomId: 77 })).toBe('ResourceNotFound.Room');
	});
});

describe('marquee', () => {
	it('stores the settings and checks the documented ranges', () => {
		const h = directEmulator();
		const roomId = h.room();
		const base = { SdkAppId: SDK, RoomId: roomId, MarqueeType: 1, DisplayMode: 1 };
		expect(h.call('DescribeMarquee', { SdkAppId: SDK, RoomId: roomId }).MarqueeType).toBe(0);
		h.call('SetMarquee', { ...base, Content: 'Class 7B', FontColor: '#00ff00', FontOpacity: 0.5 });
		expect(h.call('DescribeMarquee', { SdkAppId: SDK, RoomId: roomId })).toMatchObject({
			MarqueeType: 1,
			DisplayMode: 1,
			Content: 'Class 7B',
			FontColor: '#00ff00',
			FontOpacity: 0.5,
			FontSize: 0,
		});
		for (const bad of [
			{ MarqueeType: 7 },
			{ DisplayMode: 3 },
			{ FontSize: 9 },
			{ FontSize: 25 },
			{ FontOpacity: 1.5 },
			{ Duration: 11 },
			{ MarqueeCount: 3 },
			{ FontColor: 'green' },
			{ BackgroundColor: '#0f0' },
		]) {
			expect({ bad, code: h.errorOf('SetMarquee', { ...base, ...bad }) }).toEqual({
				bad,
				code: 'InvalidParameterValue',
			});
		}
		expect(h.errorOf('SetMarquee', { ...base, RoomId: 4 })).toBe('ResourceNotFound.Room');
	});
});
