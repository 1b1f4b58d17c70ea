// Where recording files come from: a class recorded automatically (the `recordFinish`
// simulation), or a manual recording (StartRecord ... StopRecord, or the class ending while
// it runs). Every file is logged as a RecordFinish event, as LCIC does.
import { appendEvent } from './roomState';
import type { AppState, EmulatorState, RecordFile, Room } from './state';

export interface NewRecording {
	taskId?: string;
	startTime?: number;
	duration?: number;
	size?: number;
	url?: string;
}

/** A manual recording in progress, kept in room.extra.recording. */
export interface RunningRecording {
	TaskId: string;
	startedAt: number;
}

export function runningRecording(room: Room): RunningRecording | undefined {
	return room.extra.recording as RunningRecording | undefined;
}

export function newTaskId(state: EmulatorState): string {
	return `task-${state.nextId('task')}`;
}

/** Stores a finished recording of `room` at `now` and logs RecordFinish. */
export function addRecordFile(
	state: EmulatorState,
	app: AppState,
	room: Room,
	now: number,
	recording: NewRecording = {},
): RecordFile {
	const taskId = recording.taskId ?? newTaskId(state);
	const ran = room.realStartTime !== undefined ? (room.realEndTime ?? now) - room.realStartTime : 0;
	const duration =
		recording.duration ??
		Math.max(recording.startTime !== undefined ? now - recording.startTime : ran, 1);
	const size = recording.size ?? duration * 125_000;
	const url =
		recording.url ??
		`https://record.lcic-emulator.local/${app.SdkAppId}/${room.RoomId}/${taskId}.mp4`;
	const file: RecordFile = {
		RoomId: room.RoomId,
		TaskId: taskId,
		RecordUrl: url,
		Duration: duration,
		FileSize: size,
		deleted: false,
		startTime: recording.startTime ?? now - duration,
		stopTime: now,
	};
	app.records.push(file);
	appendEvent(room, now, 'RecordFinish', { Duration: duration, RecordSize: size, RecordUrl: url });
	return file;
}

/** Ends the manual recording of `room`, if one runs: its file is stored. */
export function stopRunningRecording(
	state: EmulatorState,
	app: AppState,
	room: Room,
	now: number,
): RecordFile | undefined {
	const running = runningRecording(room);
	if (!running) return undefined;
	delete room.extra.recording;
	room.extra.lastTaskId = running.TaskId;
	return addRecordFile(state, app, room, now, {
		taskId: running.TaskId,
		startTime: running.startedAt,
	});
}
