// Messages, notices, muting and unblocking, as Tencent's current model describes them
// (lcic_models.d.ts of tencentcloud-sdk-nodejs 4.1.313):
// - ForbidSendMsg: "需要禁言的用户账号，最多支持500个账号"; MuteTime "单位为秒，为0时表示取消禁言，
//   4294967295为永久禁言"; "被禁言用户退出房间之后再进入同一房间，禁言仍然有效".
// - SendRoomNormalMessage Priority: "High、Normal 和 Low，区分大小写"; MsgType TIMTextElem,
//   TIMFaceElem, TIMImageElem, TIMCustomElem, each needing its own content.
// - GetRoomMessage MessageItem: "0表示文本消息，1表示图片消息", CustomMessage "message type为2时有效".
import { ACCOUNT, directEmulator } from './direct';
import { MUTE_FOREVER, mutes, notifications } from './roomMessages';

const SDK = ACCOUNT.sdkAppId;
const text = (Text: string) => ({ MsgType: 'TIMTextElem', TextMsgContent: { Text } });

function setup() {
	const h = directEmulator();
	h.addUser('teacher');
	h.addUser('amy');
	h.addUser('bo');
	const roomId = h.room();
	return { h, roomId };
}

describe('SendRoomNormalMessage', () => {
	it('puts every part into the room history GetRoomMessage reads', () => {
		const { h, roomId } = setup();
		h.call('SendRoomNormalMessage', {
			SdkAppId: SDK,
			RoomId: roomId,
			FromAccount: 'teacher',
			MsgBody: [
				text('Page 3, please'),
				{
					MsgType: 'TIMImageElem',
					ImageMsgContent: {
						UUID: 'img-1',
						ImageFormat: 3,
						ImageInfoList: [
							{ Type: 3, Size: 10, Width: 10, Height: 10, URL: 'https://x/thumb.png' },
							{ Type: 1, Size: 99, Width: 90, Height: 90, URL: 'https://x/original.png' },
						],
					},
				},
				{ MsgType: 'TIMFaceElem', FaceMsgContent: { Index: 4 } },
			],
		});
		const { Messages } = h.call('GetRoomMessage', { SdkAppId: SDK, RoomId: roomId });
		expect(Messages).toEqual([
			{
				Timestamp: h.clock.now(),
				FromAccount: 'teacher',
				Seq: 1,
				// The history model has no emoji type: the emoji part is not in it.
				MessageBody: [
					{ MessageType: 0, TextMessage: 'Page 3, please' },
					{ MessageType: 1, ImageMessage: 'https://x/original.png' },
				],
			},
		]);
	});

	it("answers Tencent's error codes for bad messages, senders and rooms", () => {
		const { h, roomId } = setup();
		const send = (extra: Record<string, unknown>) =>
			h.errorOf('SendRoomNormalMessage', {
				SdkAppId: SDK,
				RoomId: roomId,
				FromAccount: 'teacher',
				MsgBody: [text('hi')],
				...extra,
			});
		expect(send({ FromAccount: 'nobody' })).toBe('ResourceNotFound.User');
		expect(send({ RoomId: 1 })).toBe('ResourceNotFound.Room');
		expect(send({ Priority: 'high' })).toBe('InvalidParameterValue');
		expect(send({ MsgBody: [] })).toBe('InvalidParameterValue');
		expect(send({ MsgBody: [{ MsgType: 'TIMSoundElem' }] })).toBe('InvalidParameterValue');
		expect(send({ MsgBody: [{ MsgType: 'TIMTextElem' }] })).toBe('MissingParameter');
		expect(send({ MsgBody: [{ MsgType: 'TIMTextElem', TextMsgContent: { Txt: 'x' } }] })).toBe(
			'UnknownParameter',
		);
		h.call('EndRoom', { RoomId: roomId });
		expect(send({})).toBe('FailedOperation.ClassEnded');
		expect(h.app.rooms.get(roomId)?.messages).toEqual([]);
	});
});

describe('SendRoomNotificationMessage', () => {
	it('keeps the notice and refuses empty text and ended rooms', () => {
		const { h, roomId } = setup();
		h.call('SendRoomNotificationMessage', {
			SdkAppId: SDK,
			RoomId: roomId,
			MsgContent: 'Quiz at 10',
		});
		expect(notifications(h.app.rooms.get(roomId)!)).toEqual([
			{ Text: 'Quiz at 10', Timestamp: h.clock.now() },
		]);
		expect(
			h.errorOf('SendRoomNotificationMessage', { SdkAppId: SDK, RoomId: roomId, MsgContent: ' ' }),
		).toBe('InvalidParameterValue');
		h.call('EndRoom', { RoomId: roomId });
		expect(
			h.errorOf('SendRoomNotificationMessage', { SdkAppId: SDK, RoomId: roomId, MsgContent: 'x' }),
		).toBe('FailedOperation.ClassEnded');
	});
});

describe('ForbidSendMsg and DescribeRoomForbiddenUser', () => {
	it('mutes for a time, for good, and lifts the mute with 0', () => {
		const { h, roomId } = setup();
		const forbid = (MembersAccount: string[], MuteTime: number) =>
			h.call('ForbidSendMsg', { SdkAppId: SDK, RoomId: roomId, MembersAccount, MuteTime });
		const listed = () =>
			h.call('DescribeRoomForbiddenUser', { SdkAppId: SDK, RoomId: roomId }).MutedAccountList;
		forbid(['amy'], 60);
		forbid(['bo'], MUTE_FOREVER);
		expect(listed()).toEqual([
			{ MemberAccount: 'amy', MutedUntil: h.clock.now() + 60 },
			{ MemberAccount: 'bo', MutedUntil: MUTE_FOREVER },
		]);
		h.clock.advance(61);
		expect(listed()).toEqual([{ MemberAccount: 'bo', MutedUntil: MUTE_FOREVER }]);
		forbid(['bo'], 0);
		expect(listed()).toEqual([]);
		expect(mutes(h.app.rooms.get(roomId)!).has('bo')).toBe(false);
	});

	it('keeps a muted user from chatting, also after leaving and entering again', () => {
		const { h, roomId } = setup();
		h.call('StartRoom', { RoomId: roomId });
		h.sim('memberJoin', { RoomId: roomId, UserId: 'amy' });
		h.call('ForbidSendMsg', {
			SdkAppId: SDK,
			RoomId: roomId,
			MembersAccount: ['amy'],
			MuteTime: 300,
		});
		h.sim('memberQuit', { RoomId: roomId, UserId: 'amy' });
		h.sim('memberJoin', { RoomId: roomId, UserId: 'amy' });
		expect(() => h.sim('message', { RoomId: roomId, UserId: 'amy', Text: 'hi' })).toThrow(/muted/);
		h.clock.advance(301);
		expect(h.sim('message', { RoomId: roomId, UserId: 'amy', Text: 'hi' })).toEqual({ Seq: 1 });
	});

	it('refuses more than 500 accounts, unknown users, bad times and unknown rooms', () => {
		const { h, roomId } = setup();
		const forbid = (extra: Record<string, unknown>) =>
			h.errorOf('ForbidSendMsg', {
				SdkAppId: SDK,
				RoomId: roomId,
				MembersAccount: ['amy'],
				MuteTime: 60,
				...extra,
			});
		const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
		expect(forbid({ MembersAccount: many })).toBe('InvalidParameterValue');
		expect(forbid({ MembersAccount: [] })).toBe('InvalidParameterValue');
		expect(forbid({ MembersAccount: ['amy', 'ghost'] })).toBe('ResourceNotFound.User');
		expect(forbid({ MuteTime: -1 })).toBe('InvalidParameterValue');
		expect(forbid({ MuteTime: MUTE_FOREVER + 1 })).toBe('InvalidParameterValue');
		expect(forbid({ RoomId: 5 })).toBe('ResourceNotFound.Room');
		// Nothing half-done: the valid "amy" of the refused call is not muted.
		expect(mutes(h.app.rooms.get(roomId)!).size).toBe(0);
	});
});

describe('UnblockKickedUser', () => {
	it('lets a user kicked for good enter again', () => {
		const { h, roomId } = setup();
		h.call('StartRoom', { RoomId: roomId });
		h.sim('memberJoin', { RoomId: roomId, UserId: 'amy' });
		h.call('KickUserFromRoom', {
			SdkAppId: SDK,
			RoomId: roomId,
			UserId: 'amy',
			KickType: 2,
			Duration: 0,
		});
		expect(() => h.sim('memberJoin', { RoomId: roomId, UserId: 'amy' })).toThrow(/removed/);
		h.call('UnblockKickedUser', { SdkAppId: SDK, RoomId: roomId, UserId: 'amy' });
		expect(h.sim('memberJoin', { RoomId: roomId, UserId: 'amy' })).toEqual({ joined: true });
		// Unblocking someone never kicked is not an error.
		h.call('UnblockKickedUser', { SdkAppId: SDK, RoomId: roomId, UserId: 'bo' });
		expect(h.errorOf('UnblockKickedUser', { SdkAppId: SDK, RoomId: roomId, UserId: 'x' })).toBe(
			'ResourceNotFound.User',
		);
		expect(h.errorOf('UnblockKickedUser', { SdkAppId: SDK, RoomId: 9, UserId: 'amy' })).toBe(
			'ResourceNotFound.Room',
		);
	});
});
