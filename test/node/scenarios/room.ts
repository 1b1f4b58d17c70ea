// Scenarios for the room actions of Tencent's current model: messages and moderation,
// ratings, whiteboard snapshots and the live relay.
import { mutes, notifications } from '../../emulator/actions/roomMessages';
import { returnAll, type Scenario } from './types';

/** The emulator time before and after the mute was sent (its clock follows wall time). */
let mutedAfter = 0;
let mutedBy = 0;
/** Get Muted Users: the users muted for good and for ten minutes. */
let muted: string[] = [];

export const ROOM_SCENARIOS: Record<string, Scenario> = {
	SendRoomNormalMessage: {
		prepare: async (s) => ({
			values: {
				RoomId: await s.room(),
				FromAccount: await s.user(),
				MsgBody: [
					{ MsgType: 'TIMTextElem', TextMsgContent: { Text: 'Welcome & good luck, 同学们' } },
					{ MsgType: 'TIMCustomElem', CustomMsgContent: { Data: '{"quiz":1}', Desc: 'quiz' } },
				],
				Priority: 'High',
			},
		}),
		check: async (_o, s, v) => {
			// What was sent is what the room's history (GetRoomMessage) gives back.
			const history = await s.ok('GetRoomMessage', { RoomId: v.RoomId }, returnAll);
			expect(history).toHaveLength(1);
			expect(history[0]).toMatchObject({
				FromAccount: v.FromAccount,
				MessageBody: [
					{ MessageType: 0, TextMessage: 'Welcome & good luck, 同学们' },
					{ MessageType: 2, CustomMessage: { Data: '{"quiz":1}', Desc: 'quiz' } },
				],
			});
		},
	},
	SendRoomNotificationMessage: {
		prepare: async (s) => ({ values: { RoomId: await s.room(), MsgContent: 'Break: 10 minutes' } }),
		check: (_o, s, v) => {
			const room = s.app.rooms.get(Number(v.RoomId))!;
			expect(notifications(room).map((n) => n.Text)).toEqual(['Break: 10 minutes']);
		},
	},
	ForbidSendMsg: {
		prepare: async (s) => {
			const values = {
				RoomId: await s.liveRoom(),
				MembersAccount: await s.users(2),
				MuteTime: 600,
			};
			mutedAfter = await s.now();
			return { values };
		},
		check: async (_o, s, v) => {
			const room = s.app.rooms.get(Number(v.RoomId))!;
			// Muted between prepare and check; the emulator clock follows wall time.
			const latest = (await s.now()) + 600;
			for (const userId of v.MembersAccount as string[]) {
				expect(mutes(room).get(userId)).toBeGreaterThanOrEqual(mutedAfter + 600);
				expect(mutes(room).get(userId)).toBeLessThanOrEqual(latest);
			}
		},
	},
	DescribeRoomForbiddenUser: {
		prepare: async (s) => {
			const RoomId = await s.liveRoom();
			const [forGood, forTenMinutes] = await s.users(2);
			await s.ok('ForbidSendMsg', { RoomId, MembersAccount: [forGood], MuteTime: 4294967295 });
			mutedAfter = await s.now();
			await s.ok('ForbidSendMsg', { RoomId, MembersAccount: [forTenMinutes], MuteTime: 600 });
			mutedBy = await s.now();
			muted = [forGood, forTenMinutes];
			return { values: { RoomId } };
		},
		check: (output) => {
			const [forGood, forTenMinutes] = muted;
			// MutedUntil is a Unix time (4294967295, the largest, for good), shown as ISO text too.
			expect(output).toEqual([
				{
					MemberAccount: forGood,
					MutedUntil: 4294967295,
					MutedUntilIso: expect.stringMatching(/^2106-02-07T/),
				},
				{
					MemberAccount: forTenMinutes,
					MutedUntil: expect.any(Number),
					MutedUntilIso: expect.any(String),
				},
			]);
			expect(output[1].MutedUntil).toBeGreaterThanOrEqual(mutedAfter + 600);
			expect(output[1].MutedUntil).toBeLessThanOrEqual(mutedBy + 600);
		},
	},
	UnblockKickedUser: {
		prepare: async (s) => {
			const UserId = await s.user();
			const RoomId = await s.liveRoom([UserId]);
			await s.ok('KickUserFromRoom', { RoomId, UserId, KickType: 2 });
			await expect(s.simulate('memberJoin', { RoomId, UserId })).rejects.toThrow(/removed/);
			return { values: { RoomId, UserId } };
		},
		check: async (_o, s, v) => {
			await expect(
				s.simulate('memberJoin', { RoomId: v.RoomId, UserId: v.UserId }),
			).resolves.toEqual({ joined: true });
		},
	},
	DescribeScoreList: {
		prepare: async (s) => {
			const [a, b] = await s.users(2);
			const RoomId = await s.liveRoom([a, b]);
			await s.ok('EndRoom', { RoomId });
			await s.simulate('rating', { RoomId, UserId: a, Score: 5, ScoreMsg: 'clear' });
			await s.simulate('rating', { RoomId, UserId: b, Score: 3 });
			return { values: { RoomId }, node: returnAll };
		},
		check: (output) => expect(output.map((o) => o.Score)).toEqual([5, 3]),
	},
	DescribeWhiteBoardSnapshot: {
		prepare: async (s) => {
			const RoomId = await s.room({ WhiteBoardSnapshotMode: 2 });
			await s.ok('StartRoom', { RoomId });
			await s.ok('EndRoom', { RoomId });
			return { values: { RoomId } };
		},
		check: ([out]) => {
			expect(out).toMatchObject({ WhiteBoardSnapshotMode: 2, Status: 3, Total: 2 });
			expect(out.Result).toHaveLength(2);
		},
	},
	DeleteWhiteBoardSnapshot: {
		prepare: async (s) => {
			const RoomId = await s.room({ WhiteBoardSnapshotMode: 1 });
			await s.ok('StartRoom', { RoomId });
			await s.ok('EndRoom', { RoomId });
			return { values: { RoomId } };
		},
		check: async (_o, s, v) => {
			const [after] = await s.ok('DescribeWhiteBoardSnapshot', { RoomId: v.RoomId });
			expect(after).toMatchObject({ Status: 4, Result: [] });
		},
	},
	DescribeLiveRelayConfig: {
		prepare: async (s) => {
			const RoomId = await s.room({ EnableLiveRelay: 1 });
			await s.ok('ModifyLiveRelayConfig', {
				RoomId,
				RelayType: 1,
				Urls: ['rtmp://push.example.com/live/a'],
				IsTencentCdn: 1,
			});
			return { values: { RoomId } };
		},
		check: ([out]) =>
			expect(out).toMatchObject({
				RelayType: 1,
				Urls: ['rtmp://push.example.com/live/a'],
				IsTencentCdn: 1,
			}),
	},
	ModifyLiveRelayConfig: {
		prepare: async (s) => ({
			values: {
				RoomId: await s.room(),
				RelayType: 0,
				// Comma-separated text, as a user types it.
				Urls: 'rtmp://a.example.com/live/x, rtmp://b.example.com/live/x',
			},
		}),
		check: (_o, s, v) =>
			expect(s.app.rooms.get(Number(v.RoomId))?.extra.liveRelay).toEqual({
				RelayType: 0,
				Urls: ['rtmp://a.example.com/live/x', 'rtmp://b.example.com/live/x'],
				IsTencentCdn: 0,
			}),
	},
};
