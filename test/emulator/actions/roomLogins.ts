// The user actions of Tencent's current model beyond the reference: logins bound to one class
// (LoginUserWithRoom, LoginOriginIdWithRoom: "登录课堂", a token "有效期7天") and
// DescribeUserDetail (by UserId or OriginId, "优先使用 user_id"; answers a list).
import type { ActionContext, ActionTable } from '../types';
import { appOf, fail } from './common';
import { assertNotOver, ownApp, roomOf } from './roomState';
import type { AppState, User } from './state';
import { given, issueToken, userByOrigin, userInfo, userOf } from './users';

/** RoomId -> the token issued for that class, kept in user.extra.roomTokens. */
export function roomTokens(user: User): Map<number, string> {
	let map = user.extra.roomTokens as Map<number, string> | undefined;
	if (!map) {
		map = new Map();
		user.extra.roomTokens = map;
	}
	return map;
}

/** A login for one class: the room must exist and not be over; the token is the user's new one. */
function logInToRoom(ctx: ActionContext, app: AppState, user: User): Record<string, unknown> {
	const room = roomOf(ctx, app);
	assertNotOver(room);
	const token = issueToken(user, ctx.clock.now());
	roomTokens(user).set(room.RoomId, token);
	return { UserId: user.UserId, Token: token };
}

export const roomLoginActions: ActionTable = {
	LoginUserWithRoom: {
		params: {
			UserId: { type: 'String', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = ownApp(ctx);
			return logInToRoom(ctx, app, userOf(app, String(ctx.params.UserId)));
		},
	},

	LoginOriginIdWithRoom: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			OriginId: { type: 'String', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			return logInToRoom(ctx, app, userByOrigin(app, String(ctx.params.OriginId)));
		},
	},

	DescribeUserDetail: {
		params: {
			UserId: { type: 'String' },
			OriginId: { type: 'String' },
		},
		handler(ctx) {
			const app = ownApp(ctx);
			const userId = given(ctx.params.UserId);
			const originId = given(ctx.params.OriginId);
			if (userId !== undefined) return { Users: [userInfo(userOf(app, userId))] };
			if (originId !== undefined) return { Users: [userInfo(userByOrigin(app, originId))] };
			return fail(
				'MissingParameter',
				'The request is missing a required parameter `UserId` (or `OriginId`).',
			);
		},
	},
};
