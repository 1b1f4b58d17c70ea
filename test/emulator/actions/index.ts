// The emulator's LCIC behaviour: all 53 actions of the API 2022-08-17 reference and the newer
// ones of Tencent's current model (lcic_models.d.ts), the starting state, and the simulations.
//
// Simulations (createSimulations(); each is (state, clock, args) => result, throws LcicError):
//   memberJoin   {SdkAppId?, RoomId, UserId, Device? (default 5 = Web)}   -> {joined}
//   memberQuit   {SdkAppId?, RoomId, UserId, Reason? (0 left, 4 heartbeat lost)}
//   cameraOn / cameraOff / micOn / micOff / screenOn / screenOff / visibleOn / visibleOff
//                {SdkAppId?, RoomId, UserId}  (the user must be in the room)
//   recordFinish {SdkAppId?, RoomId, Duration?, RecordSize?, RecordUrl?}  -> {TaskId, RecordUrl}
//   message      {SdkAppId?, RoomId, UserId, Text? | ImageUrl?}            -> {Seq}
//                (a muted user cannot send: FailedOperation)
//   question     {SdkAppId?, RoomId, QuestionContent?, CorrectAnswer? (bits), Duration?,
//                 OptionCount?, QuestionId?}                                -> {QuestionId}
//   answer       {RoomId?, QuestionId, UserId, Answer (bits), CostTime?}    -> {IsCorrect}
//   events       {SdkAppId?, RoomId, count, types?, sameSecond?}  bulk log entries only; without
//                sameSecond each event is 1 s after the previous and the clock moves along
//                -> {appended, total, firstTimestamp, lastTimestamp}
//   advanceClock {seconds}                                                  -> {now}
//   rating / replayView / editVersion  what students and teachers do after a class (ratings,
//                replay viewings, edited replay versions): see afterClassSimulations.ts
//   recordFinish also stands for the automatic recording; manual recordings come from
//   StartRecord/StopRecord (a running one stops when the class ends).
// Event timestamps are the emulator clock's now(). Room status follows the clock lazily: a room
// never started expires after EndTime; a running class with EndDelayTime -1 / N ends by itself
// at EndTime / EndTime + N minutes (0, the default, never ends by itself).
import type { ActionTable } from '../types';
import { appConfigActions } from './appConfig';
import { developerActions } from './developer';
import { documentActions } from './documents';
import { groupActions } from './groups';
import { playbackActions } from './playback';
import { recordActions } from './records';
import { recordingActions } from './recording';
import { roomFeatureActions } from './roomFeatures';
import { roomLoginActions } from './roomLogins';
import { roomActions } from './rooms';
import { supervisorActions } from './supervisors';
import { userActions } from './users';

export { createState } from './seed';
export { createSimulations, type Simulation } from './simulations';

export function createActionTable(): ActionTable {
	return {
		...userActions,
		...roomLoginActions,
		...roomFeatureActions,
		...roomActions,
		...groupActions,
		...appConfigActions,
		...supervisorActions,
		...recordActions,
		...recordingActions,
		...playbackActions,
		...documentActions,
		...developerActions,
	};
}
