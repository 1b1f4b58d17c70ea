// Chat and moderation (Tencent's current model): messages and notices sent by the application,
// muting users, and lifting a kick. Messages land in the room's history, so GetRoomMessage
// reads them back; muted users cannot chat (the `message` simulation refuses them).
import type { ActionContext, ActionTable, ParamSpec } from '../types';
import { appOf, fail } from './common';
import { checkNested } from './roomParams';
import { assertNotOver, bans, roomOf } from './roomState';
import type { AppState, Room, RoomMessage } from './state';
import { userOf } from './users';

/** ForbidSendMsg: "at most 500 accounts". */
export const MAX_MUTED_PER_CALL = 500;
/** ForbidSendMsg MuteTime: "0 lifts the mute, 4294967295 mutes for good". */
export const MUTE_FOREVER = 4_294_967_295;
/** SendRoomNormalMessage Priority: "High, Normal and Low, case-sensitive". */
const PRIORITIES = ['High', 'Normal', 'Low'];

/** The model's MsgBody and the content object each MsgType needs. */
const MSG_BODY_PARAMS: Record<string, ParamSpec> = {
	MsgType: { type: 'String', required: true },
	TextMsgContent: { type: 'Object' },
	FaceMsgContent: { type: 'Object' },
	ImageMsgContent: { type: 'Object' },
	CustomMsgContent: { type: 'Object' },
};
const CONTENT: Record<string, { key: string; params: Record<string, ParamSpec> }> = {
	TIMTextElem: { key: 'TextMsgContent', params: { Text: { type: 'String', required: true } } },
	TIMFaceElem: {
		key: 'FaceMsgContent',
		params: { Index: { type: 'Integer', required: true }, Data: { type: 'String' } },
	},
	TIMImageElem: {
		key: 'ImageMsgContent',
		params: {
			UUID: { type: 'String', required: true },
			ImageFormat: { type: 'Integer', required: true },
			ImageInfoList: { type: 'Array of Object', required: true },
		},
	},
	TIMCustomElem: {
		key: 'CustomMsgContent',
		params: { Data: { type: 'String' }, Desc: { type: 'String' }, Ext: { type: 'String' } },
	},
};
const IMAGE_INFO_PARAMS: Record<string, ParamSpec> = {
	Type: { type: 'Integer', required: true },
	Size: { type: 'Integer', required: true },
	Width: { type: 'Integer', required: true },
	Height: { type: 'Integer', required: true },
	URL: { type: 'String', required: true },
};

/** UserId -> muted until (epoch seconds; MUTE_FOREVER for good). Kept in room.extra.mutes. */
export function mutes(room: Room): Map<string, number> {
	let map = room.extra.mutes as Map<string, number> | undefined;
	if (!map) {
		map = new Map();
		room.extra.mutes = map;
	}
	return map;
}

export function isMuted(room: Room, userId: string, now: number): boolean {
	return (mutes(room).get(userId) ?? 0) > now;
}

/** Notices sent with SendRoomNotificationMessage, kept in room.extra.notifications. */
export function notifications(room: Room): Array<{ Text: string; Timestamp: number }> {
	let list = room.extra.notifications as Array<{ Text: string; Timestamp: number }> | undefined;
	if (!list) {
		list = [];
		room.extra.notifications = list;
	}
	return list;
}

/**
 * One MsgBody element as a MessageItem of GetRoomMessage (0 text, 1 image, 2 custom). The
 * history model has no emoji type, so emoji parts are not in the history.
 */
function historyItem(part: Record<string, unknown>): Record<string, unknown> | undefined {
	if (part.MsgType === 'TIMTextElem') {
		return { MessageType: 0, TextMessage: (part.TextMsgContent as { Text: string }).Text };
	}
	if (part.MsgType === 'TIMImageElem') {
		const versions = (
			part.ImageMsgContent as { ImageInfoList: Array<{ Type: number; URL: string }> }
		).ImageInfoList;
		const original = versions.find((v) => v.Type === 1) ?? versions[0];
		return { MessageType: 1, ImageMessage: original.URL };
	}
	if (part.MsgType === 'TIMCustomElem')
		return { MessageType: 2, CustomMessage: part.CustomMsgContent };
	return undefined;
}

/** Checks every part before anything is stored; returns the history items. */
function checkParts(parts: unknown[]): Array<Record<string, unknown>> {
	if (parts.length === 0) fail('InvalidParameterValue', 'MsgBody must not be empty.');
	const items: Array<Record<string, unknown>> = [];
	parts.forEach((raw, i) => {
		const part = checkNested(raw, MSG_BODY_PARAMS, `MsgBody.${i}`);
		const content = CONTENT[String(part.MsgType)];
		if (!content) {
			fail(
				'InvalidParameterValue',
				`MsgBody.${i}.MsgType must be one of ${Object.keys(CONTENT).join(', ')}, got ${String(part.MsgType)}.`,
			);
		}
		if (part[content.key] === undefined)
			fail(
				'MissingParameter',
				`MsgBody.${i}.${content.key} is required for ${String(part.MsgType)}.`,
			);
		const body = checkNested(part[content.key], content.params, `MsgBody.${i}.${content.key}`);
		if (content.key === 'ImageMsgContent') {
			const versions = body.ImageInfoList as unknown[];
			if (versions.length === 0)
				fail(
					'InvalidParameterValue',
					`MsgBody.${i}.ImageMsgContent.ImageInfoList must not be empty.`,
				);
			versions.forEach((v, j) =>
				checkNested(v, IMAGE_INFO_PARAMS, `MsgBody.${i}.ImageMsgContent.ImageInfoList.${j}`),
			);
		}
		const item = historyItem(part);
		if (item) items.push(item);
	});
	return items;
}

function nextSeq(room: Room): number {
	return (room.messages[room.messages.length - 1]?.Seq ?? 0) + 1;
}

function roomOfApp(ctx: ActionContext): { app: AppState; room: Room } {
	const app = appOf(ctx);
	return { app, room: roomOf(ctx, app) };
}

export const roomMessageActions: ActionTable = {
	SendRoomNormalMessage: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			FromAccount: { type: 'String', required: true },
			MsgBody: { type: 'Array of Object', required: true },
			CloudCustomData: { type: 'String' },
			NickName: { type: 'String' },
			Priority: { type: 'String' },
		},
		handler(ctx) {
			const { app, room } = roomOfApp(ctx);
			assertNotOver(room);
			const from = userOf(app, String(ctx.params.FromAccount)).UserId;
			if (ctx.params.Priority !== undefined && !PRIORITIES.includes(String(ctx.params.Priority))) {
				fail(
					'InvalidParameterValue',
					`Priority must be High, Normal or Low (case-sensitive), got ${String(ctx.params.Priority)}.`,
				);
			}
			const items = checkParts(ctx.params.MsgBody as unknown[]);
			const first = items[0];
			const message: RoomMessage = {
				MessageType: first?.MessageType === 1 ? 1 : 0,
				Text: typeof first?.TextMessage === 'string' ? first.TextMessage : undefined,
				ImageUrl: typeof first?.ImageMessage === 'string' ? first.ImageMessage : undefined,
				Timestamp: ctx.clock.now(),
				FromUserId: from,
				Seq: nextSeq(room),
				body: items,
			};
			room.messages.push(message);
			return {};
		},
	},

	SendRoomNotificationMessage: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			MsgContent: { type: 'String', required: true },
		},
		handler(ctx) {
			const { room } = roomOfApp(ctx);
			assertNotOver(room);
			const text = String(ctx.params.MsgContent);
			if (text.trim() === '') fail('InvalidParameterValue', 'MsgContent must not be empty.');
			notifications(room).push({ Text: text, Timestamp: ctx.clock.now() });
			return {};
		},
	},

	ForbidSendMsg: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			MembersAccount: { type: 'Array of String', required: true },
			MuteTime: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const { app, room } = roomOfApp(ctx);
			const users = ctx.params.MembersAccount as string[];
			if (users.length === 0) fail('InvalidParameterValue', 'MembersAccount must not be empty.');
			if (users.length > MAX_MUTED_PER_CALL) {
				fail(
					'InvalidParameterValue',
					`MembersAccount takes at most ${MAX_MUTED_PER_CALL} accounts, got ${users.length}.`,
				);
			}
			const muteTime = Number(ctx.params.MuteTime);
			if (muteTime < 0 || muteTime > MUTE_FOREVER) {
				fail(
					'InvalidParameterValue',
					`MuteTime must be from 0 to ${MUTE_FOREVER}, got ${muteTime}.`,
				);
			}
			for (const userId of users) userOf(app, userId);
			const until = muteTime === MUTE_FOREVER ? MUTE_FOREVER : ctx.clock.now() + muteTime;
			for (const userId of users) {
				if (muteTime === 0) mutes(room).delete(userId);
				else mutes(room).set(userId, until);
			}
			return {};
		},
	},

	DescribeRoomForbiddenUser: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const { room } = roomOfApp(ctx);
			const now = ctx.clock.now();
			const list = [...mutes(room)]
				.filter(([, until]) => until > now)
				.map(([userId, until]) => ({ MemberAccount: userId, MutedUntil: until }));
			return { MutedAccountList: list };
		},
	},

	UnblockKickedUser: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			UserId: { type: 'String', required: true },
		},
		handler(ctx) {
			const { app, room } = roomOfApp(ctx);
			const userId = userOf(app, String(ctx.params.UserId)).UserId;
			// A user who was never kicked is simply allowed in: nothing to lift, no error.
			bans(room).delete(userId);
			const member = room.members.get(userId);
			if (member) {
				member.kicked = false;
				member.kickType = undefined;
			}
			return {};
		},
	},
};
