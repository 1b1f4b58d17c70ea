// The emulator's LCIC data model: one AppState per SdkAppId. Every action file reads and writes
// this shape; anything an action needs beyond it goes into the `extra` bag of the record it
// belongs to, so that two action files never disagree about a field.

export type RoomStatus = 0 | 1 | 2 | 3; // not started, in class, ended, expired

export interface RoomEvent {
	RoomId: number;
	Timestamp: number;
	Event: string; // RoomStart, RoomEnd, MemberJoin, MemberQuit, RecordFinish, CameraOn, ...
	EventData?: Record<string, unknown>;
}

export interface RoomMessage {
	MessageType: number; // 0 text, 1 image
	Text?: string;
	ImageUrl?: string;
	Timestamp: number;
	FromUserId: string;
	Seq: number;
	/** Every part as a GetRoomMessage MessageItem, for messages of several parts (SendRoomNormalMessage). */
	body?: Array<Record<string, unknown>>;
}

export interface Room {
	RoomId: number;
	SdkAppId: number;
	Name: string;
	StartTime: number;
	EndTime: number;
	TeacherId?: string;
	/** Every other input parameter of CreateRoom/ModifyRoom, as given (Resolution, SubType, ...). */
	settings: Record<string, unknown>;
	status: RoomStatus;
	realStartTime?: number;
	realEndTime?: number;
	events: RoomEvent[];
	messages: RoomMessage[];
	/** UserId -> membership (joined time, current presence, kicked). */
	members: Map<
		string,
		{ joinTime: number; quitTime?: number; online: boolean; kicked?: boolean; kickType?: number }
	>;
	documentIds: Set<string>;
	supervisorIds: Set<string>;
	questions: Array<Record<string, unknown>>;
	answers: Array<Record<string, unknown>>;
	extra: Record<string, unknown>;
}

export interface User {
	UserId: string;
	SdkAppId: number;
	Name: string;
	OriginId: string;
	Avatar?: string;
	Token: string;
	createdAt: number;
	extra: Record<string, unknown>;
}

export interface Group {
	GroupId: string;
	SdkAppId: number;
	GroupName: string;
	TeacherId?: string;
	/** 0 = plain group (members are users), 1 = group made of sub-groups. */
	GroupType: 0 | 1;
	memberIds: string[];
	subGroupIds: string[];
	extra: Record<string, unknown>;
}

export interface Document {
	DocumentId: string;
	SdkAppId: number;
	DocumentName: string;
	DocumentUrl: string;
	Owner: string;
	Permission: number;
	TranscodeType: number;
	/** Transcoding advances with the emulator clock: 0 waiting, 1 running, 2 finished. */
	transcodeStartedAt: number;
	UpdateTime: number;
	extra: Record<string, unknown>;
}

export interface RecordFile {
	RoomId: number;
	TaskId: string;
	RecordUrl: string;
	Duration: number;
	FileSize: number;
	deleted: boolean;
	/** When the recording started and stopped (epoch seconds; DescribeRecord's CustomRecordInfo). */
	startTime?: number;
	stopTime?: number;
}

/** What DescribeAppDetail reports about the application itself (AppConfig in Tencent's model). */
export interface AppProfile {
	AppName: string;
	/** 1 normal, 2 disabled. */
	State: 1 | 2;
	/** 1 trial, 2 lite, 3 standard, 4 flagship. */
	AppVersion: 1 | 2 | 3 | 4;
	CreatedAt: string;
}

export interface AppState {
	SdkAppId: number;
	profile: AppProfile;
	/** ModifyApp settings (Callback, CallbackKey, TransferId/TransferUrl...). */
	settings: Record<string, unknown>;
	rooms: Map<number, Room>;
	users: Map<string, User>;
	/** OriginId -> UserId (FailedOperation.OriginIdExists). */
	usersByOrigin: Map<string, string>;
	groups: Map<string, Group>;
	documents: Map<string, Document>;
	records: RecordFile[];
	/** App-level supervisors (CreateSupervisor). */
	supervisorIds: Set<string>;
	/** SetAppCustomContent: Scene -> content (JsUrl, CssUrl, LogoUrl, HomeUrl). */
	customContent: Map<string, Record<string, unknown>>;
	/** SetWatermark/GetWatermark. */
	watermark: Record<string, unknown>;
}

export interface EmulatorState {
	apps: Map<number, AppState>;
	/** Developer info for DescribeDeveloper, per SecretId's account (keyed by DeveloperId). */
	developers: Map<string, Record<string, unknown>>;
	/** Monotonic ID source (rooms, users, groups, documents, tasks). */
	nextId(kind: 'room' | 'user' | 'group' | 'document' | 'task'): number;
}

export function emptyApp(sdkAppId: number): AppState {
	return {
		SdkAppId: sdkAppId,
		// The console sets these when the application is created; the emulator has no console.
		profile: {
			AppName: `Application ${sdkAppId}`,
			State: 1,
			AppVersion: 3,
			CreatedAt: '2022-08-17 00:00:00',
		},
		settings: {},
		rooms: new Map(),
		users: new Map(),
		usersByOrigin: new Map(),
		groups: new Map(),
		documents: new Map(),
		records: [],
		supervisorIds: new Set(),
		customContent: new Map(),
		watermark: {},
	};
}

export function createEmptyState(): EmulatorState {
	const counters = { room: 300_000_000, user: 1, group: 1, document: 1, task: 1 };
	return {
		apps: new Map(),
		developers: new Map(),
		nextId(kind) {
			return counters[kind]++;
		},
	};
}
