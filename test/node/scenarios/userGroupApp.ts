// Scenarios for the user, group and app actions of Tencent's current model: user details,
// logins bound to one class, the join codes of group-live rooms and a room's marquee.
import { roomTokens } from '../../emulator/actions/roomLogins';
import type { Scenario } from './types';

export const USER_GROUP_APP_SCENARIOS: Record<string, Scenario> = {
	DescribeUserDetail: {
		prepare: async (s) => {
			const OriginId = s.unique('detail');
			await s.user({ Name: 'Zoë Ng', OriginId });
			return { values: { OriginId } };
		},
		check: (output, _s, v) =>
			expect(output).toEqual([expect.objectContaining({ Name: 'Zoë Ng', OriginId: v.OriginId })]),
	},
	LoginUserWithRoom: {
		prepare: async (s) => ({ values: { UserId: await s.user(), RoomId: await s.room() } }),
		check: ([out], s, v) => {
			expect(out.UserId).toBe(v.UserId);
			const user = s.app.users.get(String(v.UserId))!;
			expect(roomTokens(user).get(Number(v.RoomId))).toBe(out.Token);
		},
	},
	LoginOriginIdWithRoom: {
		prepare: async (s) => {
			const OriginId = s.unique('student');
			await s.user({ OriginId });
			return { values: { OriginId, RoomId: await s.room() } };
		},
		check: ([out], s, v) => {
			expect(s.app.usersByOrigin.get(String(v.OriginId))).toBe(out.UserId);
			const user = s.app.users.get(String(out.UserId))!;
			expect(roomTokens(user).get(Number(v.RoomId))).toBe(out.Token);
		},
	},
	CreateGroupLiveCodes: {
		prepare: async (s) => ({ values: { RoomId: await s.room({ RoomType: 4 }), Number: 3 } }),
		check: ([out], s, v) => {
			expect(out.GroupLiveCodes).toHaveLength(3);
			expect(s.app.rooms.get(Number(v.RoomId))?.extra.groupLiveCodes).toEqual(out.GroupLiveCodes);
		},
	},
	DescribeGroupLiveCodes: {
		prepare: async (s) => {
			const RoomId = await s.room({ RoomType: 4 });
			await s.ok('CreateGroupLiveCodes', { RoomId, Number: 2 });
			return { values: { RoomId } };
		},
		check: ([out], s, v) =>
			expect(out.GroupLiveCodes).toEqual(s.app.rooms.get(Number(v.RoomId))?.extra.groupLiveCodes),
	},
	SetMarquee: {
		prepare: async (s) => ({
			values: {
				RoomId: await s.room(),
				MarqueeType: 'Fixed Text + Nickname',
				DisplayMode: 1,
				Content: 'Recorded for Class 7B',
				FontSize: 18,
				FontColor: '#00FF00',
				FontOpacity: 0.6,
			},
		}),
		check: (_o, s, v) =>
			expect(s.app.rooms.get(Number(v.RoomId))?.extra.marquee).toMatchObject({
				MarqueeType: 3,
				DisplayMode: 1,
				Content: 'Recorded for Class 7B',
				FontSize: 18,
				FontColor: '#00FF00',
				FontOpacity: 0.6,
			}),
	},
	DescribeMarquee: {
		prepare: async (s) => {
			const RoomId = await s.room();
			await s.ok('SetMarquee', { RoomId, MarqueeType: 4, DisplayMode: 2, MarqueeCount: 2 });
			return { values: { RoomId } };
		},
		check: ([out]) =>
			expect(out).toMatchObject({ MarqueeType: 4, DisplayMode: 2, MarqueeCount: 2 }),
	},
};
