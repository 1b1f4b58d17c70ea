// Things that in real LCIC come from classroom clients, not from API calls: users joining and
// leaving, cameras and mics, chat, quizzes, recordings finishing. Tests and the demo call these
// to make a room come alive; every one writes to the room's event log through roomState so the
// actions read back a consistent story. A failed simulation throws LcicError (e.g. a kicked
// user trying to rejoin, or a room that is over).
import type { EmulatorClock } from '../types';
import { fail } from './common';
import {
	QUIT_REASON,
	appendEvent,
	assertNotOver,
	bans,
	findRoom,
	memberStats,
	quitMember,
	refreshRoom,
	roleOf,
	type MemberStats,
} from './roomState';
import { afterClassSimulations } from './afterClassSimulations';
import { addRecordFile } from './recordFiles';
import { isMuted } from './roomMessages';
import type { AppState, EmulatorState, Room } from './state';

export type Simulation = (
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
) => Record<string, unknown>;

/** Event types `events` cycles through when none are given. */
const DEFAULT_BULK_TYPES = ['MemberJoin', 'CameraOn', 'MicOn', 'MicOff', 'CameraOff', 'MemberQuit'];

function text(args: Record<string, unknown>, key: string): string {
	const v = args[key];
	if (typeof v !== 'string' || v === '')
		fail('MissingParameter', `The simulation needs ${key} (a non-empty string).`);
	return v;
}

function liveRoom(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): { app: AppState; room: Room } {
	const found = findRoom(state, args.RoomId, args.SdkAppId);
	refreshRoom(found.room, clock.now());
	return found;
}

/** The member must be inside the room for device events. */
function onlineMember(room: Room, userId: string): MemberStats {
	const stats = memberStats(room).get(userId);
	if (!stats || !room.members.get(userId)?.online)
		fail('FailedOperation', `The user ${userId} is not in room ${room.RoomId}.`);
	return stats;
}

function memberJoin(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { app, room } = liveRoom(state, clock, args);
	assertNotOver(room);
	const userId = text(args, 'UserId');
	const now = clock.now();
	if ((bans(room).get(userId) ?? 0) > now)
		fail(
			'FailedOperation',
			`The user ${userId} was removed from room ${room.RoomId} and cannot join yet.`,
		);
	const device = Number(args.Device ?? 5);
	const member = room.members.get(userId);
	if (member?.online) return { joined: false, reason: 'already in the room' };
	room.members.set(userId, { joinTime: member?.joinTime ?? now, online: true });
	const stats = memberStats(room);
	const existing = stats.get(userId);
	if (existing) {
		existing.onlineSince = now;
		existing.device = device;
	} else {
		stats.set(userId, {
			userId,
			device,
			firstJoin: now,
			onlineSince: now,
			presentSeconds: 0,
			camera: false,
			mic: false,
			micCount: 0,
			messageCount: 0,
		});
	}
	const online = [...room.members.values()].filter((m) => m.online).length;
	room.extra.peakMembers = Math.max(Number(room.extra.peakMembers ?? 0), online);
	appendEvent(room, now, 'MemberJoin', {
		UserId: userId,
		Device: device,
		Role: roleOf(app, room, userId),
	});
	return { joined: true };
}

function memberQuit(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { room } = liveRoom(state, clock, args);
	const userId = text(args, 'UserId');
	onlineMember(room, userId);
	quitMember(room, userId, clock.now(), Number(args.Reason ?? QUIT_REASON.left));
	return {};
}

/** A device event: flips the member's flag (if it tracks one) and logs the event. */
function deviceEvent(event: string, flag?: { key: 'camera' | 'mic'; on: boolean }): Simulation {
	return (state, clock, args) => {
		const { room } = liveRoom(state, clock, args);
		const userId = text(args, 'UserId');
		const stats = onlineMember(room, userId);
		if (flag) {
			if (flag.key === 'mic' && flag.on && !stats.mic) stats.micCount++;
			stats[flag.key] = flag.on;
		}
		appendEvent(room, clock.now(), event, { UserId: userId, Device: stats.device });
		return {};
	};
}

function recordFinish(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { app, room } = liveRoom(state, clock, args);
	const file = addRecordFile(state, app, room, clock.now(), {
		duration: args.Duration === undefined ? undefined : Number(args.Duration),
		size: args.RecordSize === undefined ? undefined : Number(args.RecordSize),
		url: typeof args.RecordUrl === 'string' ? args.RecordUrl : undefined,
	});
	return { TaskId: file.TaskId, RecordUrl: file.RecordUrl };
}

function message(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { room } = liveRoom(state, clock, args);
	const userId = text(args, 'UserId');
	if (isMuted(room, userId, clock.now()))
		fail('FailedOperation', `The user ${userId} is muted in room ${room.RoomId}.`);
	const last = room.messages[room.messages.length - 1];
	const seq = (last?.Seq ?? 0) + 1;
	const isImage = typeof args.ImageUrl === 'string';
	room.messages.push({
		MessageType: isImage ? 1 : 0,
		Text: isImage ? undefined : String(args.Text ?? ''),
		ImageUrl: isImage ? String(args.ImageUrl) : undefined,
		Timestamp: clock.now(),
		FromUserId: userId,
		Seq: seq,
	});
	const stats = memberStats(room).get(userId);
	if (stats) stats.messageCount++;
	return { Seq: seq };
}

function question(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { room } = liveRoom(state, clock, args);
	const questionId =
		typeof args.QuestionId === 'string'
			? args.QuestionId
			: `q-${room.RoomId}-${room.questions.length + 1}`;
	room.questions.push({
		QuestionId: questionId,
		QuestionContent: String(args.QuestionContent ?? 'Question'),
		Duration: Number(args.Duration ?? 0),
		CorrectAnswer: Number(args.CorrectAnswer ?? 1),
		OptionCount: Number(args.OptionCount ?? 4),
		Timestamp: clock.now(),
	});
	return { QuestionId: questionId };
}

function answer(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const questionId = text(args, 'QuestionId');
	const userId = text(args, 'UserId');
	let found: { app: AppState; room: Room } | undefined;
	if (args.RoomId !== undefined) {
		found = liveRoom(state, clock, args);
	} else {
		for (const app of state.apps.values()) {
			for (const room of app.rooms.values()) {
				if (room.questions.some((q) => q.QuestionId === questionId)) found = { app, room };
			}
		}
	}
	const q = found?.room.questions.find((item) => item.QuestionId === questionId);
	if (!found || !q) return fail('ResourceNotFound', `The question ${questionId} does not exist.`);
	const value = Number(args.Answer ?? 0);
	const isCorrect = value === Number(q.CorrectAnswer) ? 1 : 0;
	found.room.answers.push({
		QuestionId: questionId,
		UserId: userId,
		Name: found.app.users.get(userId)?.Name ?? userId,
		Answer: value,
		CostTime: Number(args.CostTime ?? 5),
		IsCorrect: isCorrect,
		Timestamp: clock.now(),
	});
	return { IsCorrect: isCorrect };
}

/**
 * Appends `count` events fast, for trigger tests and benchmarks. Unlike the other simulations it
 * does not keep member bookkeeping: it only writes the log. With sameSecond every event gets the
 * current time; otherwise each event is one second after the previous, and the clock moves along.
 */
function events(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { room } = liveRoom(state, clock, args);
	const count = Number(args.count ?? 0);
	if (!Number.isInteger(count) || count < 0)
		fail('InvalidParameterValue', 'count must be a non-negative integer.');
	const types =
		Array.isArray(args.types) && args.types.length ? args.types.map(String) : DEFAULT_BULK_TYPES;
	const sameSecond = args.sameSecond === true;
	const firstTimestamp = clock.now() + (sameSecond || count === 0 ? 0 : 1);
	for (let i = 0; i < count; i++) {
		if (!sameSecond) clock.advance(1);
		const type = types[i % types.length];
		const data: Record<string, unknown> = type.startsWith('Room')
			? {}
			: { UserId: `sim_user_${Math.floor(i / types.length)}`, Device: 5 };
		appendEvent(room, clock.now(), type, data);
	}
	return { appended: count, total: room.events.length, firstTimestamp, lastTimestamp: clock.now() };
}

function advanceClock(
	_state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const seconds = Number(args.seconds ?? 0);
	if (!Number.isFinite(seconds)) fail('InvalidParameterValue', 'seconds must be a number.');
	clock.advance(seconds);
	return { now: clock.now() };
}

export function createSimulations(): Record<string, Simulation> {
	return {
		memberJoin,
		memberQuit,
		cameraOn: deviceEvent('CameraOn', { key: 'camera', on: true }),
		cameraOff: deviceEvent('CameraOff', { key: 'camera', on: false }),
		micOn: deviceEvent('MicOn', { key: 'mic', on: true }),
		micOff: deviceEvent('MicOff', { key: 'mic', on: false }),
		screenOn: deviceEvent('ScreenOn'),
		screenOff: deviceEvent('ScreenOff'),
		visibleOn: deviceEvent('VisibleOn'),
		visibleOff: deviceEvent('VisibleOff'),
		recordFinish,
		message,
		question,
		answer,
		events,
		advanceClock,
		...afterClassSimulations,
	};
}
