// Per-room features of Tencent's current model that belong to the App and Group resources of
// the node: the marquee (SetMarquee, DescribeMarquee) and the join codes of group-live rooms
// (CreateGroupLiveCodes, DescribeGroupLiveCodes).
import { createHash } from 'node:crypto';

import type { ActionContext, ActionTable } from '../types';
import { appOf, fail } from './common';
import { ownApp, roomOf } from './roomState';
import type { Room } from './state';

/** CreateGroupLiveCodes Number: "分组数量。注：最大数量限制为30". */
export const MAX_GROUP_LIVE_CODES = 30;
/** RoomType 4: "分组直播". */
const GROUP_LIVE = 4;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** SetMarquee's ranges, from the model's comments. */
const MARQUEE_RANGES: Record<string, [number, number]> = {
	MarqueeType: [1, 6], // "1为固定值 ... 6为用户昵称（originId）"
	DisplayMode: [1, 2], // "1为滚动，2为闪烁"
	FontSize: [10, 24], // "范围：10到24"
	FontWeight: [0, 1], // "1为粗体，0为细体"
	FontOpacity: [0, 1], // "范围 0.0 到 1.0"
	BackgroundOpacity: [0, 1],
	Duration: [1, 10], // "范围：1-10"
	MarqueeCount: [1, 2], // "目前仅支持1或2"
};
const MARQUEE_INTEGERS = [
	'MarqueeType',
	'DisplayMode',
	'FontSize',
	'FontWeight',
	'Duration',
	'MarqueeCount',
];

/** What DescribeMarquee answers for a room whose marquee was never set. */
const NO_MARQUEE = {
	MarqueeType: 0,
	Content: '',
	FontSize: 0,
	FontWeight: 0,
	FontColor: '',
	FontOpacity: 0,
	BackgroundColor: '',
	BackgroundOpacity: 0,
	DisplayMode: 0,
	Duration: 0,
	MarqueeCount: 0,
};

function liveCodes(room: Room): string[] {
	return (room.extra.groupLiveCodes as string[] | undefined) ?? [];
}

/** Codes are 8 characters derived from the room and position, so runs are reproducible. */
function newCode(room: Room, index: number): string {
	return createHash('sha256')
		.update(`group-live ${room.SdkAppId} ${room.RoomId} ${index}`)
		.digest('hex')
		.slice(0, 8)
		.toUpperCase();
}

/** DescribeGroupLiveCodes marks both SdkAppId and RoomId optional; a RoomId is still needed. */
function codesRoom(ctx: ActionContext): Room {
	if (ctx.params.RoomId === undefined)
		fail('MissingParameter', 'The request is missing a required parameter `RoomId`.');
	const app = ctx.params.SdkAppId === undefined ? ownApp(ctx) : appOf(ctx);
	return roomOf(ctx, app);
}

export const roomFeatureActions: ActionTable = {
	CreateGroupLiveCodes: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			Number: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			if (Number(room.settings.RoomType ?? 0) !== GROUP_LIVE) {
				fail(
					'InvalidParameter.RoomTypeInvalid',
					`Room ${room.RoomId} is not a group-live room (RoomType 4).`,
				);
			}
			const count = Number(ctx.params.Number);
			if (count < 1 || count > MAX_GROUP_LIVE_CODES) {
				fail(
					'InvalidParameterValue',
					`Number must be from 1 to ${MAX_GROUP_LIVE_CODES}, got ${count}.`,
				);
			}
			// A new call replaces the room's codes.
			const codes = Array.from({ length: count }, (_, i) => newCode(room, i));
			room.extra.groupLiveCodes = codes;
			return { GroupLiveCodes: [...codes] };
		},
	},

	DescribeGroupLiveCodes: {
		params: {
			SdkAppId: { type: 'Integer' },
			RoomId: { type: 'Integer' },
		},
		handler(ctx) {
			return { GroupLiveCodes: [...liveCodes(codesRoom(ctx))] };
		},
	},

	SetMarquee: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			MarqueeType: { type: 'Integer', required: true },
			DisplayMode: { type: 'Integer', required: true },
			Content: { type: 'String' },
			FontSize: { type: 'Integer' },
			FontWeight: { type: 'Integer' },
			FontColor: { type: 'String' },
			FontOpacity: { type: 'Float' },
			BackgroundColor: { type: 'String' },
			BackgroundOpacity: { type: 'Float' },
			Duration: { type: 'Integer' },
			MarqueeCount: { type: 'Integer' },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			for (const [key, [min, max]] of Object.entries(MARQUEE_RANGES)) {
				const value = ctx.params[key];
				if (value === undefined) continue;
				const n = Number(value);
				if (n < min || n > max || (MARQUEE_INTEGERS.includes(key) && !Number.isInteger(n)))
					fail('InvalidParameterValue', `${key} must be from ${min} to ${max}, got ${n}.`);
			}
			for (const key of ['FontColor', 'BackgroundColor']) {
				const value = ctx.params[key];
				if (value !== undefined && !HEX_COLOR.test(String(value)))
					fail('InvalidParameterValue', `${key} must be a hexadecimal color such as #00FF00.`);
			}
			const { SdkAppId: _app, RoomId: _room, ...settings } = ctx.params;
			room.extra.marquee = { ...NO_MARQUEE, ...settings };
			return {};
		},
	},

	DescribeMarquee: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			return { ...((room.extra.marquee as Record<string, unknown> | undefined) ?? NO_MARQUEE) };
		},
	},
};
