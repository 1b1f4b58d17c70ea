// Simulations of what students and teachers do in Tencent's pages after a class, which the
// current model's actions then report:
//
//   rating      {SdkAppId?, RoomId, UserId, Score (1-5), ScoreMsg?}       -> {CreateTime}
//               the class must have ended (FailedOperation.RoomNotEnd otherwise)
//   replayView  {SdkAppId?, RoomId, UserId, Seconds?}  a viewing of the replay page that
//               starts now and lasts Seconds (default 60)                 -> {SessionId}
//               (DescribePlayRecords); the room needs a replay
//   editVersion {SdkAppId?, RoomId, UserId?, VersionName?, Status?}  a version saved in
//               Tencent's replay editor (DescribeEditVersions)            -> {Version}
import type { EmulatorClock } from '../types';
import { fail } from './common';
import { editVersions, playViews, replayRoom } from './playback';
import { ratings } from './roomExtras';
import { findRoom, refreshRoom } from './roomState';
import type { EmulatorState } from './state';
import { userOf } from './users';

function rating(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { app, room } = findRoom(state, args.RoomId, args.SdkAppId);
	refreshRoom(room, clock.now());
	if (room.status !== 2)
		fail('FailedOperation.RoomNotEnd', `The class in room ${room.RoomId} has not ended.`);
	const userId = userOf(app, String(args.UserId ?? '')).UserId;
	const score = Number(args.Score);
	if (!Number.isInteger(score) || score < 1 || score > 5)
		fail(
			'InvalidParameterValue',
			`Score must be a whole number from 1 to 5, got ${String(args.Score)}.`,
		);
	const createTime = clock.now();
	ratings(room).push({
		RoomId: room.RoomId,
		UserId: userId,
		CreateTime: createTime,
		Score: score,
		ScoreMsg: String(args.ScoreMsg ?? ''),
	});
	return { CreateTime: createTime };
}

function replayView(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { app, room } = findRoom(state, args.RoomId, args.SdkAppId);
	replayRoom(app, refreshRoom(room, clock.now()));
	const userId = userOf(app, String(args.UserId ?? '')).UserId;
	const seconds = Number(args.Seconds ?? 60);
	const views = playViews(room);
	const sessionId = `play-${room.RoomId}-${views.length + 1}`;
	const begin = clock.now();
	views.push({
		RoomId: room.RoomId,
		UserId: userId,
		SessionId: sessionId,
		PlayBeginTime: begin,
		PlayEndTime: begin + seconds,
		Duration: seconds * 1000,
	});
	return { SessionId: sessionId };
}

function editVersion(
	state: EmulatorState,
	clock: EmulatorClock,
	args: Record<string, unknown>,
): Record<string, unknown> {
	const { app, room } = findRoom(state, args.RoomId, args.SdkAppId);
	replayRoom(app, refreshRoom(room, clock.now()));
	const versions = editVersions(room);
	const version = versions[versions.length - 1].Version + 1;
	const at = clock.now() * 1000;
	const status = String(args.Status ?? 'READY');
	if (!['READY', 'FAILED', 'PROCESSING'].includes(status))
		fail('InvalidParameterValue', `Status must be READY, FAILED or PROCESSING, got ${status}.`);
	versions.push({
		Version: version,
		Status: status as 'READY' | 'FAILED' | 'PROCESSING',
		IsSource: false,
		KeepDurationSec: versions[0].KeepDurationSec,
		CreatedAtMs: at,
		CreatorUserId: typeof args.UserId === 'string' ? userOf(app, args.UserId).UserId : '',
		FailReason: status === 'FAILED' ? 'emulated failure' : '',
		UpdatedAtMs: at,
		VersionName: String(args.VersionName ?? `version ${version}`),
	});
	return { Version: version };
}

export const afterClassSimulations = { rating, replayView, editVersion };
