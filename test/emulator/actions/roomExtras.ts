// Room data beyond the class itself (Tencent's current model): students' ratings, whiteboard
// snapshots and the live relay. Ratings come from the `rating` simulation (students rate in the
// classroom client); snapshots are made when a class with WhiteBoardSnapshotMode 1 or 2 ends.
import type { ActionContext, ActionTable } from '../types';
import { appOf, fail, page } from './common';
import { ownApp, roomOf } from './roomState';
import type { Room } from './state';

/** DescribeScoreList: "默认是10条"; the model gives no maximum, the emulator takes 100. */
const SCORE_PAGING = { page: 1, limit: 10, maxLimit: 100 };

export interface Rating {
	RoomId: number;
	UserId: string;
	CreateTime: number;
	Score: number;
	ScoreMsg: string;
}

export function ratings(room: Room): Rating[] {
	let list = room.extra.ratings as Rating[] | undefined;
	if (!list) {
		list = [];
		room.extra.ratings = list;
	}
	return list;
}

/**
 * DescribeWhiteBoardSnapshot Status: "0 未开始, 1 进行中, 2 失败, 3 成功, 4 已删除". Snapshots
 * are taken while the class runs and ready when it has ended; the emulator makes a fixed
 * number of pictures (every change: 3, one per page: 2) at stable URLs.
 */
function whiteboard(room: Room): { mode: number; status: number; result: string[] } {
	const mode = Number(room.settings.WhiteBoardSnapshotMode ?? 0);
	if (room.extra.whiteboardDeleted === true) return { mode, status: 4, result: [] };
	if (mode === 0 || room.status === 0 || room.status === 3) return { mode, status: 0, result: [] };
	if (room.status === 1) return { mode, status: 1, result: [] };
	const count = mode === 1 ? 3 : 2;
	const base = `https://whiteboard.lcic-emulator.local/${room.SdkAppId}/${room.RoomId}`;
	return {
		mode,
		status: 3,
		result: Array.from({ length: count }, (_, i) => `${base}/snapshot-${i + 1}.png`),
	};
}

/** The room named by RoomId, which the model marks optional for the whiteboard actions. */
function whiteboardRoom(ctx: ActionContext): Room {
	if (ctx.params.RoomId === undefined)
		fail('MissingParameter', 'The request is missing a required parameter `RoomId`.');
	return roomOf(ctx, ownApp(ctx));
}

const DEFAULT_RELAY = { RelayType: 0, Urls: [] as string[], IsTencentCdn: 0 };

export const roomExtraActions: ActionTable = {
	DescribeScoreList: {
		params: {
			RoomId: { type: 'Integer', required: true },
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
		},
		handler(ctx) {
			const room = roomOf(ctx, ownApp(ctx));
			const all = ratings(room);
			return {
				Total: all.length,
				Scores: page(all, ctx.params.Page, ctx.params.Limit, SCORE_PAGING).map((r) => ({ ...r })),
			};
		},
	},

	DescribeWhiteBoardSnapshot: {
		params: { RoomId: { type: 'Integer' } },
		handler(ctx) {
			const { mode, status, result } = whiteboard(whiteboardRoom(ctx));
			return { WhiteBoardSnapshotMode: mode, Status: status, Result: result, Total: result.length };
		},
	},

	DeleteWhiteBoardSnapshot: {
		params: { RoomId: { type: 'Integer' } },
		handler(ctx) {
			whiteboardRoom(ctx).extra.whiteboardDeleted = true;
			return {};
		},
	},

	DescribeLiveRelayConfig: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			const relay = (room.extra.liveRelay as typeof DEFAULT_RELAY | undefined) ?? DEFAULT_RELAY;
			return { ...relay, Urls: [...relay.Urls] };
		},
	},

	ModifyLiveRelayConfig: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			RelayType: { type: 'Integer', required: true },
			Urls: { type: 'Array of String', required: true },
			IsTencentCdn: { type: 'Integer' },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			const relayType = Number(ctx.params.RelayType);
			// "转推类型 枚举值： 0： 单流 1： 混流"; "是否是腾讯云CDN（默认为0）".
			if (relayType !== 0 && relayType !== 1)
				fail('InvalidParameterValue', `RelayType must be 0 or 1, got ${relayType}.`);
			const cdn = Number(ctx.params.IsTencentCdn ?? 0);
			if (cdn !== 0 && cdn !== 1)
				fail('InvalidParameterValue', `IsTencentCdn must be 0 or 1, got ${cdn}.`);
			const urls = ctx.params.Urls as string[];
			if (urls.length === 0 || urls.some((url) => url.trim() === ''))
				fail('InvalidParameterValue', 'Urls must list at least one non-empty URL.');
			room.extra.liveRelay = { RelayType: relayType, Urls: [...urls], IsTencentCdn: cdn };
			return {};
		},
	},
};
