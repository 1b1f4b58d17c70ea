// How a stored room is shown: DescribeRoom's response and GetRooms' RoomItem. Settings the
// caller never set are shown with the documented defaults (0, "" or []), as LCIC does.
import type { AppState, Room } from './state';
import { liveRecords } from './records';

function int(room: Room, key: string, fallback = 0): number {
	const v = room.settings[key];
	return typeof v === 'number' ? v : fallback;
}

function str(room: Room, key: string): string {
	const v = room.settings[key];
	return typeof v === 'string' ? v : '';
}

function list(room: Room, key: string): string[] {
	const v = room.settings[key];
	return Array.isArray(v) ? v.map(String) : [];
}

/** The newest recording of the room that was not deleted ("" before any). */
function recordUrl(app: AppState, room: Room): string {
	const files = liveRecords(app, room.RoomId);
	return files.length ? files[files.length - 1].RecordUrl : '';
}

export function describeRoom(
	app: AppState,
	room: Room,
	withRtmp: boolean,
): Record<string, unknown> {
	const out: Record<string, unknown> = {
		Name: room.Name,
		StartTime: room.StartTime,
		EndTime: room.EndTime,
		TeacherId: room.TeacherId ?? '',
		SdkAppId: room.SdkAppId,
		AudienceType: int(room, 'AudienceType', 1),
		Resolution: int(room, 'Resolution', 1),
		MaxMicNumber: int(room, 'MaxMicNumber'),
		AutoMic: int(room, 'AutoMic'),
		AudioQuality: int(room, 'AudioQuality'),
		SubType: str(room, 'SubType'),
		DisableRecord: int(room, 'DisableRecord'),
		Assistants: list(room, 'Assistants'),
		RecordUrl: recordUrl(app, room),
		Status: room.status,
		GroupId: str(room, 'GroupId'),
		EnableDirectControl: int(room, 'EnableDirectControl'),
		InteractionMode: int(room, 'InteractionMode'),
		VideoOrientation: int(room, 'VideoOrientation'),
		IsGradingRequiredPostClass: int(room, 'IsGradingRequiredPostClass'),
		RoomType: int(room, 'RoomType'),
		VideoDuration: liveRecords(app, room.RoomId).reduce((sum, r) => sum + r.Duration, 0),
		EndDelayTime: int(room, 'EndDelayTime'),
		LiveType: int(room, 'LiveType'),
		RecordLiveUrl: str(room, 'RecordLiveUrl'),
		EnableAutoStart: int(room, 'EnableAutoStart'),
		RecordBackground: str(room, 'RecordBackground'),
		RecordScene: str(room, 'RecordScene'),
		RecordLang: str(room, 'RecordLang'),
		RecordStream: int(room, 'RecordStream'),
		RecordLayout: int(room, 'RecordLayout'),
		WhiteBoardSnapshotMode: int(room, 'WhiteBoardSnapshotMode'),
		SubtitlesTranscription: int(room, 'SubtitlesTranscription'),
		Guests: list(room, 'Guests'),
		RecordMerge: int(room, 'RecordMerge'),
		EnableLiveRelay: int(room, 'EnableLiveRelay'),
	};
	// Only asked-for: the stream link is a credential-like value LCIC hands out on request.
	if (withRtmp)
		out.RTMPStreamingURL = `rtmp://live.lcic-emulator.local/live/${room.RoomId}?sdkappid=${room.SdkAppId}`;
	return out;
}

export function roomItem(app: AppState, room: Room): Record<string, unknown> {
	const url = recordUrl(app, room);
	return {
		Name: room.Name,
		RoomId: room.RoomId,
		Status: room.status,
		StartTime: room.StartTime,
		EndTime: room.EndTime,
		RealStartTime: room.realStartTime ?? 0,
		RealEndTime: room.realEndTime ?? 0,
		Resolution: int(room, 'Resolution', 1),
		MaxRTCMember: int(room, 'MaxMicNumber'),
		ReplayUrl: url,
		RecordUrl: url,
		MaxMicNumber: int(room, 'MaxMicNumber'),
		EnableDirectControl: int(room, 'EnableDirectControl'),
		InteractionMode: int(room, 'InteractionMode'),
		VideoOrientation: int(room, 'VideoOrientation'),
		IsGradingRequiredPostClass: int(room, 'IsGradingRequiredPostClass'),
		RoomType: int(room, 'RoomType'),
		EndDelayTime: int(room, 'EndDelayTime'),
		LiveType: int(room, 'LiveType'),
		RecordLiveUrl: str(room, 'RecordLiveUrl'),
		EnableAutoStart: int(room, 'EnableAutoStart'),
		RecordBackground: str(room, 'RecordBackground'),
		RecordScene: str(room, 'RecordScene'),
		RecordLang: str(room, 'RecordLang'),
		WhiteBoardSnapshotMode: int(room, 'WhiteBoardSnapshotMode'),
		SubtitlesTranscription: int(room, 'SubtitlesTranscription'),
	};
}
