// Recording a class (Tencent's current model): manual recording of rooms with DisableRecord 2
// ("开启手动录制 ... 需通过startRecord、stopRecord接口控制录制的开始和结束"), the task ID, and what
// was recorded (DescribeRecord's CustomRecordInfo, DescribeRecordStream's SingleStreamInfo).
//
// Errors, from LCIC's code list: StartRecord on a class that has not started is FailedOperation
// (the list has no narrower code), on one that is over FailedOperation.ClassEnded/ClassExpired;
// on a room whose recording is disabled (DisableRecord 1) OperationDenied; on a room recorded
// automatically or by signalling (0, 3) FailedOperation; while a manual recording runs
// ResourceInUse. StopRecord with a task that is not running is ResourceNotFound.
import type { ActionContext, ActionTable } from '../types';
import { appOf, fail, stateOf } from './common';
import { newTaskId, runningRecording, stopRunningRecording } from './recordFiles';
import { liveRecords } from './records';
import { assertNotOver, memberStats, roomOf } from './roomState';
import type { AppState, RecordFile, Room } from './state';

/** DisableRecord: "0 开启自动录制（默认） 1 禁止录制 2 开启手动录制 3 信令录制". */
export const RECORDING = { automatic: 0, disabled: 1, manual: 2, signalling: 3 } as const;

export function recordingMode(room: Room): number {
	return Number(room.settings.DisableRecord ?? RECORDING.automatic);
}

/** The room of SdkAppId + RoomId; a deleted room is still known while it has recordings. */
function recordedRoom(ctx: ActionContext): { app: AppState; room?: Room; roomId: number } {
	const app = appOf(ctx);
	const roomId = Number(ctx.params.RoomId);
	if (app.rooms.has(roomId)) return { app, room: roomOf(ctx, app), roomId };
	if (app.records.some((file) => file.RoomId === roomId)) return { app, roomId };
	return fail('ResourceNotFound.Room', `The room ${roomId} does not exist.`);
}

function videoId(file: RecordFile): string {
	// VOD file IDs are long decimal numbers; this one is stable per task.
	let hash = 0;
	for (const ch of file.TaskId) hash = (hash * 31 + ch.charCodeAt(0)) % 1_000_000_007;
	return `1397${String(hash).padStart(12, '0')}`;
}

function customRecordInfo(file: RecordFile): Record<string, unknown> {
	return {
		StartTime: file.startTime ?? 0,
		StopTime: file.stopTime ?? 0,
		Duration: file.Duration,
		FileFormat: 'mp4',
		RecordUrl: file.RecordUrl,
		RecordSize: file.FileSize,
		VideoId: videoId(file),
		TaskId: file.TaskId,
	};
}

/**
 * Single streams (RecordStream 1: "分别录制老师、台上学生的音视频流"): per file, one stream for the
 * teacher and for each member who went on mic.
 */
function singleStreams(
	room: Room | undefined,
	files: RecordFile[],
): Array<Record<string, unknown>> {
	if (!room || Number(room.settings.RecordStream ?? 0) !== 1) return [];
	const onMic = [...memberStats(room).values()].filter((m) => m.micCount > 0).map((m) => m.userId);
	const users = [...new Set([...(room.TeacherId ? [room.TeacherId] : []), ...onMic])];
	return files.flatMap((file) =>
		users.map((userId, i) => ({
			UserId: userId,
			StartTime: file.startTime ?? 0,
			StopTime: file.stopTime ?? 0,
			Duration: file.Duration,
			FileFormat: 'mp4',
			RecordUrl: file.RecordUrl.replace(/\.mp4$/, `-${i + 1}.mp4`),
			RecordSize: Math.round(file.FileSize / 2),
			VideoId: `${videoId(file)}${i + 1}`,
			Role: 'main',
		})),
	);
}

export const recordingActions: ActionTable = {
	StartRecord: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			assertNotOver(room);
			if (room.status === 0)
				fail(
					'FailedOperation',
					`The class in room ${room.RoomId} has not started; start it first.`,
				);
			const mode = recordingMode(room);
			if (mode === RECORDING.disabled)
				fail('OperationDenied', `Recording is disabled for room ${room.RoomId} (DisableRecord 1).`);
			if (mode !== RECORDING.manual) {
				fail(
					'FailedOperation',
					`Room ${room.RoomId} is recorded ${mode === RECORDING.signalling ? 'by signalling' : 'automatically'}; StartRecord needs manual recording (DisableRecord 2).`,
				);
			}
			const running = runningRecording(room);
			if (running)
				fail(
					'ResourceInUse',
					`Room ${room.RoomId} is already being recorded (task ${running.TaskId}).`,
				);
			const taskId = newTaskId(stateOf(ctx));
			room.extra.recording = { TaskId: taskId, startedAt: ctx.clock.now() };
			return { TaskId: taskId };
		},
	},

	StopRecord: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			TaskId: { type: 'String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const room = roomOf(ctx, app);
			const running = runningRecording(room);
			if (!running || running.TaskId !== ctx.params.TaskId) {
				fail(
					'ResourceNotFound',
					`No recording task ${String(ctx.params.TaskId)} is running in room ${room.RoomId}.`,
				);
			}
			stopRunningRecording(stateOf(ctx), app, room, ctx.clock.now());
			return {};
		},
	},

	DescribeRecordTask: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const { app, room, roomId } = recordedRoom(ctx);
			const running = room ? runningRecording(room) : undefined;
			const files = liveRecords(app, roomId);
			const taskId =
				running?.TaskId ??
				(room?.extra.lastTaskId as string | undefined) ??
				files[files.length - 1]?.TaskId;
			if (!taskId) fail('ResourceNotFound', `Room ${roomId} has no recording task.`);
			return { TaskId: taskId };
		},
	},

	DescribeRecord: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const { app, roomId } = recordedRoom(ctx);
			return {
				SchoolId: app.SdkAppId,
				ClassId: roomId,
				RecordInfo: liveRecords(app, roomId).map(customRecordInfo),
			};
		},
	},

	DescribeRecordStream: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const { app, room, roomId } = recordedRoom(ctx);
			return {
				SchoolId: app.SdkAppId,
				ClassId: roomId,
				ClassType: Number(room?.settings.RoomType ?? 0),
				StreamInfo: singleStreams(room, liveRecords(app, roomId)),
			};
		},
	},
};
