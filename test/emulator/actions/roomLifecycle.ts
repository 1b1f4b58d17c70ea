// Starting and ending classes, and removing users from them.
import type { ActionTable } from '../types';
import { appOf, fail, stateOf } from './common';
import { stopRunningRecording } from './recordFiles';
import {
	QUIT_REASON,
	appendEvent,
	assertNotOver,
	bans,
	finishRoom,
	ownApp,
	quitMember,
	roomOf,
} from './roomState';

export const roomLifecycleActions: ActionTable = {
	StartRoom: {
		params: { RoomId: { type: 'Integer', required: true } },
		handler(ctx) {
			const room = roomOf(ctx, ownApp(ctx));
			assertNotOver(room);
			if (room.status === 1)
				fail(
					'FailedOperation.ClassStarted',
					`The class in room ${room.RoomId} has already started.`,
				);
			const now = ctx.clock.now();
			room.status = 1;
			room.realStartTime = now;
			appendEvent(room, now, 'RoomStart');
			return {};
		},
	},

	EndRoom: {
		params: { RoomId: { type: 'Integer', required: true } },
		handler(ctx) {
			const app = ownApp(ctx);
			const room = roomOf(ctx, app);
			assertNotOver(room);
			// A class that never started can be ended too (cancelled): it goes straight to "ended".
			const now = ctx.clock.now();
			// A manual recording still running stops with the class.
			stopRunningRecording(stateOf(ctx), app, room, now);
			finishRoom(room, now);
			return {};
		},
	},

	KickUserFromRoom: {
		params: {
			RoomId: { type: 'Integer', required: true },
			SdkAppId: { type: 'Integer', required: true },
			UserId: { type: 'String', required: true },
			KickType: { type: 'Integer', required: true },
			Duration: { type: 'Integer', required: true },
		},
		handler(ctx) {
			// Its error table lists only ResourceNotFound.Room (and InternalServerError).
			const room = roomOf(ctx, appOf(ctx, ctx.params.SdkAppId, 'ResourceNotFound.Room'));
			const kickType = Number(ctx.params.KickType);
			if (kickType !== 1 && kickType !== 2)
				fail('InvalidParameterValue', `KickType must be 1 or 2, got ${kickType}.`);
			const duration = Number(ctx.params.Duration);
			if (duration < 0) fail('InvalidParameterValue', 'Duration must not be negative.');
			const userId = String(ctx.params.UserId);
			const now = ctx.clock.now();
			quitMember(
				room,
				userId,
				now,
				kickType === 2 ? QUIT_REASON.kickedForever : QUIT_REASON.kicked,
			);
			const member = room.members.get(userId);
			if (member) {
				member.kicked = true;
				member.kickType = kickType;
			}
			// The ban applies even to a user who has not joined yet.
			bans(room).set(userId, kickType === 2 ? Number.POSITIVE_INFINITY : now + duration);
			return {};
		},
	},
};
