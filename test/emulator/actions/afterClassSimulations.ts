// Simulations of what students and teachers do in Tencent's pages after a class, which the
// current model's actions then report: rating the class (DescribeScoreList).
//
//   rating {SdkAppId?, RoomId, UserId, Score (1-5), ScoreMsg?}  -> {CreateTime}
//          the class must have ended (FailedOperation.RoomNotEnd otherwise)
import type { EmulatorClock } from '../types';
import { fail } from './common';
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

export const afterClassSimulations = { rating };
