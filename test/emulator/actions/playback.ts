// Replays of ended classes (Tencent's current model): the replay list, playback tokens for
// Tencent's replay page, replay views and edited versions.
//
// A room has a replay once its class has ended and it was recorded: a recording file that was
// not deleted, or a class that ran with signalling recording (DisableRecord 3). Errors: a room
// whose class has not ended is FailedOperation.RoomNotEnd ("房间暂未结束"); an ended room with
// nothing recorded is ResourceNotFound (there is nothing to replay).
//
// Tokens have the shape of Tencent's example (a JWT whose payload is
// {"class_id":374377112,"exp":4923860443} for ExpireSeconds 0, "如果传0则表示不过期": an expiry a
// century ahead), signed with a per-application emulator key.
import { createHmac } from 'node:crypto';

import type { ActionContext, ActionTable } from '../types';
import { appOf, fail, page } from './common';
import { RECORDING, recordingMode } from './recording';
import { liveRecords } from './records';
import { roomOf } from './roomState';
import type { AppState, Room } from './state';
import { userOf } from './users';

/** "No expiry": Tencent's example token expires about a hundred years after it was issued. */
const NEVER_SECONDS = 100 * 365 * 24 * 3600;
/** DescribePlaybackList Limit: "默认10条，最大上限为100条". */
const PLAYBACK_PAGING = { page: 1, limit: 10, maxLimit: 100 };
/** DescribePlayRecords PageSize: "取值范围：[1, 200] 默认值：20". */
const VIEW_PAGING = { page: 1, limit: 20, maxLimit: 200 };

export interface PlayRecord {
	RoomId: number;
	UserId: string;
	SessionId: string;
	PlayBeginTime: number;
	PlayEndTime: number;
	/** "播放时长（毫秒）". */
	Duration: number;
}

export interface EditVersion {
	Version: number;
	Status: 'READY' | 'FAILED' | 'PROCESSING';
	IsSource: boolean;
	KeepDurationSec: number;
	CreatedAtMs: number;
	CreatorUserId: string;
	FailReason: string;
	UpdatedAtMs: number;
	VersionName: string;
}

function list<T>(room: Room, key: string): T[] {
	let value = room.extra[key] as T[] | undefined;
	if (!value) {
		value = [];
		room.extra[key] = value;
	}
	return value;
}

export const playViews = (room: Room) => list<PlayRecord>(room, 'playViews');

export function hasReplay(app: AppState, room: Room): boolean {
	if (room.status !== 2) return false;
	if (liveRecords(app, room.RoomId).length > 0) return true;
	return recordingMode(room) === RECORDING.signalling && room.realStartTime !== undefined;
}

/** The ended, recorded room a replay action needs (RoomNotEnd / ResourceNotFound otherwise). */
export function replayRoom(app: AppState, room: Room): Room {
	if (room.status !== 2)
		fail('FailedOperation.RoomNotEnd', `The class in room ${room.RoomId} has not ended.`);
	if (!hasReplay(app, room))
		fail('ResourceNotFound', `Room ${room.RoomId} has no recording to replay.`);
	return room;
}

/** The edit versions of a replay; the source version (0) is there from the start. */
export function editVersions(room: Room): EditVersion[] {
	const versions = list<EditVersion>(room, 'editVersions');
	if (versions.length === 0) {
		const at = (room.realEndTime ?? 0) * 1000;
		versions.push({
			Version: 0,
			Status: 'READY',
			IsSource: true,
			KeepDurationSec: Math.max((room.realEndTime ?? 0) - (room.realStartTime ?? 0), 0),
			CreatedAtMs: at,
			CreatorUserId: '',
			FailReason: '',
			UpdatedAtMs: at,
			VersionName: 'source',
		});
	}
	return versions;
}

export function mainVersion(room: Room): number {
	return Number(room.extra.mainEditVersion ?? 0);
}

function base64url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

function token(app: AppState, payload: Record<string, unknown>): string {
	const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const body = base64url(JSON.stringify(payload));
	const signature = createHmac('sha256', `lcic-emulator-playback-${app.SdkAppId}`)
		.update(`${head}.${body}`)
		.digest();
	return `${head}.${body}.${base64url(signature)}`;
}

/** The expiry of a token valid for `seconds` from `now` (0: no expiry). */
function expiry(now: number, seconds: unknown): number {
	const value = Number(seconds ?? 0);
	if (!Number.isInteger(value) || value < 0)
		fail('InvalidParameterValue', `ExpireSeconds must be 0 or more, got ${String(seconds)}.`);
	return now + (value === 0 ? NEVER_SECONDS : value);
}

function viewer(app: AppState, userId: unknown): string | undefined {
	return typeof userId === 'string' && userId !== '' ? userOf(app, userId).UserId : undefined;
}

function playbackToken(
	app: AppState,
	room: Room,
	now: number,
	expireSeconds: unknown,
	userId?: string,
): string {
	replayRoom(app, room);
	const payload: Record<string, unknown> = {
		class_id: room.RoomId,
		exp: expiry(now, expireSeconds),
	};
	if (userId) payload.user_id = userId;
	return token(app, payload);
}

function appRoom(ctx: ActionContext): { app: AppState; room: Room } {
	const app = appOf(ctx);
	return { app, room: roomOf(ctx, app) };
}

export const playbackActions: ActionTable = {
	DescribePlaybackList: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer' },
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const roomId = ctx.params.RoomId === undefined ? undefined : Number(ctx.params.RoomId);
			const files = app.records.filter(
				(file) => !file.deleted && (roomId === undefined || file.RoomId === roomId),
			);
			return {
				Total: files.length,
				Items: page(files, ctx.params.Page, ctx.params.Limit, PLAYBACK_PAGING).map((file) => ({
					RoomId: file.RoomId,
					PlaybackUrl: file.RecordUrl,
					Duration: file.Duration,
					CreateTime: file.startTime ?? 0,
					// "文件大小。 单位：MB"
					FileSize: Math.round((file.FileSize / 1_048_576) * 100) / 100,
				})),
			};
		},
	},

	DeletePlaybackItem: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const roomId = Number(ctx.params.RoomId);
			if (!app.rooms.has(roomId) && !app.records.some((file) => file.RoomId === roomId))
				fail('ResourceNotFound.Room', `The room ${roomId} does not exist.`);
			for (const file of liveRecords(app, roomId)) file.deleted = true;
			return {};
		},
	},

	GetPlaybackToken: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			UserId: { type: 'String' },
			ExpireSeconds: { type: 'Integer' },
		},
		handler(ctx) {
			const { app, room } = appRoom(ctx);
			const userId = viewer(app, ctx.params.UserId);
			const value = playbackToken(app, room, ctx.clock.now(), ctx.params.ExpireSeconds, userId);
			return { Token: value, RoomId: room.RoomId, UserId: userId ?? '' };
		},
	},

	BatchGetPlaybackToken: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomIds: { type: 'Array of Integer', required: true },
			ExpireSeconds: { type: 'Integer' },
			UserId: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const roomIds = ctx.params.RoomIds as number[];
			if (roomIds.length === 0) fail('InvalidParameterValue', 'RoomIds must not be empty.');
			const userId = viewer(app, ctx.params.UserId);
			const now = ctx.clock.now();
			const results = roomIds.map((roomId) => {
				const room = roomOf(ctx, app, roomId);
				return {
					RoomId: room.RoomId,
					Token: playbackToken(app, room, now, ctx.params.ExpireSeconds, userId),
				};
			});
			return { Results: results, Total: results.length, UserId: userId ?? '' };
		},
	},

	DescribePlayRecords: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			StartTime: { type: 'Integer', required: true },
			EndTime: { type: 'Integer', required: true },
			Page: { type: 'Integer', required: true },
			PageSize: { type: 'Integer', required: true },
			UserId: { type: 'String' },
		},
		handler(ctx) {
			const { room } = appRoom(ctx);
			const start = Number(ctx.params.StartTime);
			const end = Number(ctx.params.EndTime);
			if (end <= start)
				fail('InvalidParameterValue', `EndTime (${end}) must be later than StartTime (${start}).`);
			const userId = ctx.params.UserId;
			const views = playViews(room).filter(
				(view) =>
					view.PlayBeginTime >= start &&
					view.PlayBeginTime <= end &&
					(userId === undefined || userId === '' || view.UserId === userId),
			);
			return {
				Total: views.length,
				Records: page(views, ctx.params.Page, ctx.params.PageSize, VIEW_PAGING).map((v) => ({
					...v,
				})),
			};
		},
	},

	DescribeEditVersions: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const { app, room } = appRoom(ctx);
			replayRoom(app, room);
			const versions = editVersions(room);
			const main = mainVersion(room);
			return {
				ClassId: room.RoomId,
				LatestVersionNo: versions[versions.length - 1].Version,
				MainVersion: main,
				Versions: versions.map((v) => ({ ...v, IsMain: v.Version === main })),
			};
		},
	},

	GetEditVersionToken: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			UserId: { type: 'String', required: true },
			ExpireSeconds: { type: 'Integer' },
		},
		handler(ctx) {
			const { app, room } = appRoom(ctx);
			replayRoom(app, room);
			const userId = userOf(app, String(ctx.params.UserId)).UserId;
			// "token过期时间，0代表无过期时间，单位毫秒": milliseconds, whatever the name says.
			const ms = Number(ctx.params.ExpireSeconds ?? 0);
			if (ms < 0) fail('InvalidParameterValue', `ExpireSeconds must be 0 or more, got ${ms}.`);
			const now = ctx.clock.now();
			const exp = ms === 0 ? now + NEVER_SECONDS : now + Math.ceil(ms / 1000);
			const value = token(app, { class_id: room.RoomId, user_id: userId, edit: true, exp });
			return { Token: value, RoomId: room.RoomId, UserId: userId, VersionNo: 0 };
		},
	},

	SetMainEditVersion: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			VersionNo: { type: 'Integer', required: true },
			Operator: { type: 'String' },
		},
		handler(ctx) {
			const { app, room } = appRoom(ctx);
			replayRoom(app, room);
			const wanted = Number(ctx.params.VersionNo);
			const version = editVersions(room).find((v) => v.Version === wanted);
			if (!version) fail('ResourceNotFound', `Room ${room.RoomId} has no edit version ${wanted}.`);
			if (version.Status !== 'READY')
				fail(
					'FailedOperation',
					`Edit version ${wanted} of room ${room.RoomId} is ${version.Status}.`,
				);
			if (ctx.params.Operator !== undefined && ctx.params.Operator !== '')
				userOf(app, String(ctx.params.Operator));
			const previous = mainVersion(room);
			room.extra.mainEditVersion = wanted;
			return { ClassId: room.RoomId, PreviousMainVersion: previous, MainVersion: wanted };
		},
	},
};
