// Logins bound to one class and user details, as Tencent's current model describes them
// (lcic_models.d.ts of tencentcloud-sdk-nodejs 4.1.313): LoginUserWithRoom "登录课堂",
// LoginOriginIdWithRoom "使用源账号登录课堂，源账号为注册时填入的originId", tokens "有效期7天";
// DescribeUserDetail "支持通过 user_id 或 OriginId 查询用户信息，优先使用 user_id".
import { ACCOUNT, directEmulator } from './direct';
import { roomTokens } from './roomLogins';
import { TOKEN_LIFETIME_SECONDS } from './users';

const SDK = ACCOUNT.sdkAppId;

describe('LoginUserWithRoom and LoginOriginIdWithRoom', () => {
	it('issue a seven-day token for the class', () => {
		const h = directEmulator();
		const { UserId } = h.call('RegisterUser', { SdkAppId: SDK, Name: 'Amy', OriginId: 'S1' });
		const roomId = h.room();
		const byId = h.call('LoginUserWithRoom', { UserId, RoomId: roomId });
		expect(byId).toEqual({ UserId, Token: expect.stringMatching(/^[0-9a-z]{35}$/) });
		const user = h.app.users.get(String(UserId))!;
		expect(user.extra.tokenExpiresAt).toBe(h.clock.now() + TOKEN_LIFETIME_SECONDS);
		const byOrigin = h.call('LoginOriginIdWithRoom', {
			SdkAppId: SDK,
			OriginId: 'S1',
			RoomId: roomId,
		});
		expect(byOrigin.UserId).toBe(UserId);
		expect(roomTokens(user).get(roomId)).toBe(byOrigin.Token);
	});

	it("answer Tencent's codes for unknown users and rooms, and for classes that are over", () => {
		const h = directEmulator();
		h.addUser('amy');
		const roomId = h.room();
		expect(h.errorOf('LoginUserWithRoom', { UserId: 'bo', RoomId: roomId })).toBe(
			'ResourceNotFound.User',
		);
		expect(h.errorOf('LoginUserWithRoom', { UserId: 'amy', RoomId: 1 })).toBe(
			'ResourceNotFound.Room',
		);
		expect(
			h.errorOf('LoginOriginIdWithRoom', { SdkAppId: SDK, OriginId: 'nobody', RoomId: roomId }),
		).toBe('ResourceNotFound.User');
		h.call('EndRoom', { RoomId: roomId });
		expect(h.errorOf('LoginUserWithRoom', { UserId: 'amy', RoomId: roomId })).toBe(
			'FailedOperation.ClassEnded',
		);
		const expired = h.room({}, 60, 600);
		h.clock.advance(3600);
		expect(h.errorOf('LoginUserWithRoom', { UserId: 'amy', RoomId: expired })).toBe(
			'FailedOperation.ClassExpired',
		);
	});
});

describe('DescribeUserDetail', () => {
	it('finds by UserId first, else by OriginId, and answers a list', () => {
		const h = directEmulator();
		const amy = h.call('RegisterUser', { SdkAppId: SDK, Name: 'Amy', OriginId: 'S1' }).UserId;
		const bo = h.call('RegisterUser', { SdkAppId: SDK, Name: 'Bo', OriginId: 'S2' }).UserId;
		expect(h.call('DescribeUserDetail', { UserId: amy, OriginId: 'S2' })).toEqual({
			Users: [{ SdkAppId: SDK, UserId: amy, Name: 'Amy', Avatar: '', OriginId: 'S1' }],
		});
		expect(h.call('DescribeUserDetail', { OriginId: 'S2' }).Users).toEqual([
			expect.objectContaining({ UserId: bo }),
		]);
		expect(h.errorOf('DescribeUserDetail', {})).toBe('MissingParameter');
		expect(h.errorOf('DescribeUserDetail', { OriginId: 'S9' })).toBe('ResourceNotFound.User');
	});
});
