// Scenarios for the operations of their own that build links (keyed "resource/operation"):
// Room > Get Join Links and Room > Get Replay Link. test/node/joinLinks.test.ts checks the links
// against Tencent's templates in detail.
import { roomTokens } from '../../emulator/actions/roomLogins';
import type { Scenario } from './types';

/** n8n's clock (this process's), in Unix seconds: link expiry times are reckoned on it. */
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** n8n's clock before the replay link was asked for. */
let askedFrom = 0;

export const LINK_SCENARIOS: Record<string, Scenario> = {
	'room/getJoinLinks': {
		prepare: async (s) => {
			const [teacher, student] = await s.users(2);
			const RoomId = await s.room({ TeacherId: teacher });
			return { values: { RoomId, Users: [teacher, student] } };
		},
		check: (output, s, v) => {
			const [teacher, student] = v.Users as string[];
			expect(output.map((o) => [o.Role, o.UserId])).toEqual([
				['teacher', teacher],
				['student', student],
			]);
			for (const item of output) {
				const url = new URL(String(item.Url));
				const token = roomTokens(s.app.users.get(String(item.UserId))!).get(Number(v.RoomId));
				expect(url.searchParams.get('token')).toBe(token);
			}
		},
	},
	'room/getReplayLink': {
		prepare: async (s) => {
			const RoomId = await s.liveRoom();
			await s.simulate('recordFinish', { RoomId, Duration: 60 });
			await s.ok('EndRoom', { RoomId });
			askedFrom = nowSeconds();
			return { values: { RoomId, Title: 'Maths 7B', ExpireSeconds: 3600 } };
		},
		check: ([out], s, v) => {
			// The link expires an hour after it was asked for, on n8n's clock: read around the run.
			expect(out.TokenExpiresAt).toBeGreaterThanOrEqual(askedFrom + 3600);
			expect(out.TokenExpiresAt).toBeLessThanOrEqual(nowSeconds() + 3600);
			const file = s.app.records.find((f) => f.RoomId === v.RoomId)!;
			const url = new URL(String(out.Url));
			expect(url.origin + url.pathname).toBe('https://class.qcloudclass.com/playback/index.html');
			expect(url.searchParams.get('classid')).toBe(String(v.RoomId));
			expect(url.searchParams.get('title')).toBe('Maths 7B');
			expect(out.RecordUrl).toBe(file.RecordUrl);
			expect(out.RecordUrls).toEqual([file.RecordUrl]);
		},
	},
};
