// Shared room mechanics: finding a room, moving its status with the emulator clock, appending
// to its event log and keeping per-member statistics. Both the actions and the simulations go
// through these functions so that the event log and the member data never disagree.
import type { ActionContext } from '../types';
import { fail, stateOf } from './common';
import type { AppState, EmulatorState, Room, RoomEvent } from './state';

/** Per-member statistics beyond Room.members, kept in room.extra.memberStats. */
export interface MemberStats {
	userId: string;
	device: number;
	firstJoin: number;
	lastQuit?: number;
	/** Start of the current presence, when online. */
	onlineSince?: number;
	/** Seconds of presence in sessions that already ended. */
	presentSeconds: number;
	camera: boolean;
	mic: boolean;
	micCount: number;
	messageCount: number;
}

/** MemberQuit reasons, from EventDataInfo.Reason in the model. */
export const QUIT_REASON = {
	left: 0,
	kicked: 1,
	kickedForever: 2,
	heartbeatLost: 4,
	roomEnded: 5,
} as const;

/** After this long past the end of a class, GetRoomEvent no longer answers (reference). */
export const EVENT_RETENTION_SECONDS = 3600;

export function memberStats(room: Room): Map<string, MemberStats> {
	let stats = room.extra.memberStats as Map<string, MemberStats> | undefined;
	if (!stats) {
		stats = new Map();
		room.extra.memberStats = stats;
	}
	return stats;
}

/**
 * UserId -> the time until which the user may not join again (KickUserFromRoom); a permanent
 * kick bans until Infinity. Kept in room.extra.bans.
 */
export function bans(room: Room): Map<string, number> {
	let map = room.extra.bans as Map<string, number> | undefined;
	if (!map) {
		map = new Map();
		room.extra.bans = map;
	}
	return map;
}

export function appendEvent(
	room: Room,
	timestamp: number,
	event: string,
	data: Record<string, unknown> = {},
): RoomEvent {
	const entry: RoomEvent = {
		RoomId: room.RoomId,
		Timestamp: timestamp,
		Event: event,
		EventData: { RoomId: room.RoomId, ...data },
	};
	room.events.push(entry);
	return entry;
}

/** Role as MemberRecord/EventDataInfo number it: 0 student, 1 teacher, 2 assistant, 3 supervisor. */
export function roleOf(app: AppState, room: Room, userId: string): number {
	if (room.TeacherId === userId) return 1;
	const assistants = room.settings.Assistants;
	if (Array.isArray(assistants) && assistants.includes(userId)) return 2;
	if (app.supervisorIds.has(userId) || room.supervisorIds.has(userId)) return 3;
	return 0;
}

/** Takes a member offline, logging MemberQuit with the model's Reason code. */
export function quitMember(room: Room, userId: string, at: number, reason: number): void {
	const member = room.members.get(userId);
	const stats = memberStats(room).get(userId);
	if (!member || !member.online) return;
	member.online = false;
	member.quitTime = at;
	if (stats) {
		stats.presentSeconds += at - (stats.onlineSince ?? at);
		stats.onlineSince = undefined;
		stats.lastQuit = at;
		stats.camera = false;
		stats.mic = false;
	}
	appendEvent(room, at, 'MemberQuit', {
		UserId: userId,
		Device: stats?.device ?? 0,
		Reason: reason,
	});
}

/** Ends a class at `at`: everyone still inside leaves (Reason 5), then RoomEnd is logged. */
export function finishRoom(room: Room, at: number): void {
	for (const [userId, member] of room.members) {
		if (member.online) quitMember(room, userId, at, QUIT_REASON.roomEnded);
	}
	room.status = 2;
	room.realEndTime = at;
	appendEvent(room, at, 'RoomEnd');
}

/**
 * When a class that runs over its EndTime is ended automatically: EndDelayTime -1 forbids
 * running over, N > 0 allows N minutes, 0 (the default) sets no limit.
 */
function autoEndTime(room: Room): number | undefined {
	const delay = Number(room.settings.EndDelayTime ?? 0);
	if (delay === -1) return room.EndTime;
	if (delay > 0) return room.EndTime + delay * 60;
	return undefined;
}

/**
 * Brings a room's status up to the emulator clock: a room never started expires at its EndTime,
 * and a running class past its allowed overrun ends by itself. Called lazily before every read.
 */
export function refreshRoom(room: Room, now: number): Room {
	if (room.status === 0 && now > room.EndTime) {
		room.status = 3;
	} else if (room.status === 1) {
		const endAt = autoEndTime(room);
		if (endAt !== undefined && now > endAt) finishRoom(room, endAt);
	}
	return room;
}

/**
 * The caller's own application (for actions that take only a RoomId, a UserId...). These
 * actions take no SdkAppId, so none of their answers is about one: an account without its
 * application is a broken emulator set-up, not an LCIC answer.
 */
export function ownApp(ctx: ActionContext): AppState {
	const app = stateOf(ctx).apps.get(ctx.account.sdkAppId);
	if (!app) throw new Error(`The emulator has no application for account ${ctx.account.secretId}`);
	return app;
}

/**
 * Room `RoomId` of the application, refreshed to the clock; otherwise `missing`, the code the
 * action's error table names for it (ResourceNotFound.Room for most).
 */
export function roomOf(
	ctx: ActionContext,
	app: AppState = ownApp(ctx),
	roomId: unknown = ctx.params.RoomId,
	missing = 'ResourceNotFound.Room',
): Room {
	const room = app.rooms.get(Number(roomId));
	if (!room) fail(missing, `The room ${String(roomId)} does not exist.`);
	return refreshRoom(room, ctx.clock.now());
}

/** Fails with the reference's status codes when the room is over (ended or expired). */
export function assertNotOver(room: Room): void {
	if (room.status === 2) fail('FailedOperation.ClassEnded', `The room ${room.RoomId} has ended.`);
	if (room.status === 3)
		fail('FailedOperation.ClassExpired', `The room ${room.RoomId} has expired.`);
}

/** Finds a room in any application (simulations may omit SdkAppId). */
export function findRoom(
	state: EmulatorState,
	roomId: unknown,
	sdkAppId?: unknown,
): { app: AppState; room: Room } {
	const id = Number(roomId);
	for (const app of state.apps.values()) {
		if (sdkAppId !== undefined && app.SdkAppId !== Number(sdkAppId)) continue;
		const room = app.rooms.get(id);
		if (room) return { app, room };
	}
	return fail('ResourceNotFound.Room', `The room ${String(roomId)} does not exist.`);
}
