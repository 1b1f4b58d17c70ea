import { choice, flag, userIdField } from './fieldKit';
import type { FieldSpec } from './types';

// The room settings shared by CreateRoom, the RoomInfo entries of BatchCreateRoom and
// ModifyRoom. The reference lists the older subset; Tencent's current model
// (tencentcloud-sdk-nodejs lcic_models.d.ts) adds RoomType 3/4, Guests, RecordStream, etc.

export const RESOLUTION = choice('Resolution', 'Resolution', 'Resolution of the camera video', [
	{
		name: 'SD',
		value: 1,
		description: 'Standard definition (the only choice when more than 6 users can be on mic)',
	},
	{ name: 'HD', value: 2, description: 'High definition' },
	{ name: 'FHD', value: 3, description: 'Full high definition' },
]);

export const SUB_TYPE = choice('SubType', 'Sub Type', 'What the room shows', [
	{ name: 'Document + Video', value: 'videodoc' },
	{ name: 'Video Only', value: 'video' },
	{ name: 'Dual-Teacher (Coteaching)', value: 'coteaching' },
]);

export const MAX_MIC_NUMBER: FieldSpec = {
	param: 'MaxMicNumber',
	displayName: 'Max Mic Number',
	description:
		'Largest number of users (not counting the teacher) who can be on mic at the same time: 0-16 for small classes, 0-1 for lecture halls; 0 means no one',
	type: 'integer',
	default: 1,
	min: 0,
	max: 16,
};

export const NAME: FieldSpec = {
	param: 'Name',
	displayName: 'Name',
	description: 'Room name (at most 256 characters)',
	type: 'string',
	default: '',
	placeholder: 'e.g. Maths 101',
};

export const START_TIME: FieldSpec = {
	param: 'StartTime',
	displayName: 'Start Time',
	description:
		"Scheduled start of the class. A time without a zone (as the date picker gives it) is read in the workflow's time zone. Cannot be changed once the class has started.",
	type: 'dateTime',
	default: '',
};

export const END_TIME: FieldSpec = {
	param: 'EndTime',
	displayName: 'End Time',
	description:
		'Scheduled end of the class (a class lasts at most five hours). Cannot be changed once the class has started.',
	type: 'dateTime',
	default: '',
};

const TEACHER_ID = userIdField(
	'TeacherId',
	'Teacher',
	'User who gets teacher permissions in the room (a user ID returned when registering users)',
);
const ASSISTANTS: FieldSpec = {
	param: 'Assistants',
	displayName: 'Assistant IDs',
	description:
		'User IDs of the teaching assistants, comma-separated. They get assistant permissions in the room.',
	type: 'stringList',
	default: '',
};
const GROUP_ID: FieldSpec = {
	param: 'GroupId',
	displayName: 'Group',
	description: 'Group bound to the room: when set, only its members can enter',
	type: 'group',
};
const AUTO_MIC = flag(
	'AutoMic',
	'Auto Mic',
	'Whether users go on mic automatically when they enter',
	'Off: Users Ask to Go on Mic',
	'On: Users Go on Mic Automatically',
);
const TURN_OFF_MIC = flag(
	'TurnOffMic',
	'Mic After Permission Revoked',
	"What happens to a user's mic link when their audio/video permission is revoked. Note that LCIC's value 0 disconnects and 1 keeps the link.",
	'Disconnect the Mic Link (0)',
	'Keep the Mic Link (1)',
);
const AUDIO_QUALITY = flag(
	'AudioQuality',
	'Audio Quality',
	'Audio mode of the room',
	'Smooth: Less Bandwidth, Better Noise Reduction',
	'High Fidelity: For Music',
);
const DISABLE_RECORD = choice('DisableRecord', 'Recording', 'How the class is recorded', [
	{
		name: 'Automatic',
		value: 0,
		description: 'Recording starts when the class starts and stops when it ends',
	},
	{ name: 'Disabled', value: 1, description: 'No recording' },
	{
		name: 'Manual',
		value: 2,
		description: 'Page recording, started and stopped with Record > Start and Record > Stop',
	},
	{
		name: 'Signaling Only',
		value: 3,
		description: "Signalling recording, replayed in Tencent's replay page (Room > Get Replay Link)",
	},
]);
const RTC_AUDIENCE_NUMBER: FieldSpec = {
	param: 'RTCAudienceNumber',
	displayName: 'RTC Audience Number',
	description: 'Number of RTC users (deprecated by Tencent)',
	type: 'integer',
	default: 0,
	min: 0,
};
const AUDIENCE_TYPE = choice('AudienceType', 'Audience Type', 'How the audience watches', [
	{ name: 'Interactive Viewing', value: 1 },
	{ name: 'Standard Viewing', value: 2 },
]);
const RECORD_LAYOUT: FieldSpec = {
	param: 'RecordLayout',
	displayName: 'Record Layout',
	description:
		"Recording template number (see Tencent's LCIC recording layout list; 9 is the custom scene). Only rooms that have not started can change it.",
	type: 'integer',
	default: 0,
	min: 0,
};
const ENABLE_DIRECT_CONTROL = flag(
	'EnableDirectControl',
	'Direct Control',
	"Whether the teacher and assistants can turn students' cameras and mics on without asking",
	'Ask Students First',
	'Control Directly Without Asking',
);
const INTERACTION_MODE = flag(
	'InteractionMode',
	'Focus Mode',
	'Whose audio and video students see',
	'Everyone',
	'Only Teachers and Assistants',
);
const VIDEO_ORIENTATION = flag(
	'VideoOrientation',
	'Video Orientation',
	'Screen orientation of the broadcast (portrait only for video-only rooms on mobile)',
	'Landscape',
	'Portrait',
);
const GRADING = flag(
	'IsGradingRequiredPostClass',
	'After-Class Rating',
	'Whether students are asked to rate the class after it ends',
	'Off',
	'On',
);
const ROOM_TYPE = choice(
	'RoomType',
	'Room Type',
	'Kind of class (lecture halls only use the three-split layout)',
	[
		{ name: 'Small Class', value: 0 },
		{ name: 'Lecture Hall (Public Class)', value: 1 },
		{ name: 'Round Table', value: 3 },
		{ name: 'Group Live', value: 4 },
	],
);
const GUESTS: FieldSpec = {
	param: 'Guests',
	displayName: 'Guest IDs',
	description: 'User IDs of the guests, comma-separated (round-table rooms only)',
	type: 'stringList',
	default: '',
};
const END_DELAY_TIME: FieldSpec = {
	param: 'EndDelayTime',
	displayName: 'Overtime Minutes',
	description:
		'How long the class may run past its end time, in minutes: 0 = no limit, -1 = no overtime, at most 120',
	type: 'integer',
	default: 0,
	min: -1,
	max: 120,
};
const LIVE_TYPE = choice('LiveType', 'Live Type', 'How the class is broadcast', [
	{ name: 'Regular', value: 0 },
	{ name: 'Simulated Live (Replay a Recording)', value: 1 },
	{ name: 'RTMP Push', value: 2 },
]);
const RECORD_LIVE_URL: FieldSpec = {
	param: 'RecordLiveUrl',
	displayName: 'Simulated Live URL',
	description: 'Video URL played in a simulated live class',
	type: 'string',
	default: '',
};
const ENABLE_AUTO_START = flag(
	'EnableAutoStart',
	'Auto Start',
	'Whether the class starts by itself (simulated live and RTMP push only)',
	'Start Manually',
	'Start Automatically',
);
const RECORD_BACKGROUND: FieldSpec = {
	param: 'RecordBackground',
	displayName: 'Record Background URL',
	description: 'Background image of the recording (PNG, JPG, JPEG or BMP, without transparency)',
	type: 'string',
	default: '',
};
const RECORD_SCENE: FieldSpec = {
	param: 'RecordScene',
	displayName: 'Record Scene',
	description:
		'Custom recording scene as JSON text of string key-value pairs (record layout 9 only)',
	type: 'string',
	default: '',
};
const RECORD_LANG: FieldSpec = {
	param: 'RecordLang',
	displayName: 'Record Language',
	description: 'Custom recording language (record layout 9 only; deprecated by Tencent)',
	type: 'string',
	default: '',
};
const RECORD_STREAM = choice(
	'RecordStream',
	'Record Streams',
	'Which streams are recorded (each stream is billed)',
	[
		{ name: 'Mixed Stream Only', value: 0 },
		{ name: 'Mixed Stream and Single Streams', value: 1 },
	],
);
const WHITEBOARD_SNAPSHOT = choice(
	'WhiteBoardSnapshotMode',
	'Whiteboard Snapshots',
	'Whether whiteboard screenshots are made',
	[
		{ name: 'None', value: 0 },
		{ name: 'Every Change', value: 1 },
		{ name: 'One per Page (Deduplicated)', value: 2 },
	],
);
const SUBTITLES = choice('SubtitlesTranscription', 'Subtitles', 'Live subtitle transcription', [
	{ name: 'Off', value: 0 },
	{ name: 'Automatic (During Class)', value: 1 },
	{ name: 'Manual (Started by Teacher or Assistant)', value: 2 },
]);
const RECORD_MERGE = flag(
	'RecordMerge',
	'Merge Recordings',
	'Whether the files of several manual recordings of one class are merged',
	'Off',
	'On',
);
const LIVE_RELAY = flag(
	'EnableLiveRelay',
	'Live Relay',
	'Whether the class is relayed (pushed) elsewhere',
	'Off',
	'On',
);

/**
 * Optional settings of CreateRoom and of each BatchCreateRoom entry, by use: who teaches and who
 * may enter first, then the kind of class, recording and classroom behaviour, live and recording
 * details last, deprecated ones at the end. The editor lists Additional Fields in this order
 * (from node version 2; version 1 listed them alphabetically).
 */
export const CREATE_OPTIONAL: FieldSpec[] = [
	TEACHER_ID,
	ASSISTANTS,
	GROUP_ID,
	ROOM_TYPE,
	DISABLE_RECORD,
	AUTO_MIC,
	END_DELAY_TIME,
	AUDIO_QUALITY,
	ENABLE_DIRECT_CONTROL,
	INTERACTION_MODE,
	GRADING,
	TURN_OFF_MIC,
	VIDEO_ORIENTATION,
	AUDIENCE_TYPE,
	GUESTS,
	LIVE_TYPE,
	RECORD_LIVE_URL,
	ENABLE_AUTO_START,
	RECORD_LAYOUT,
	RECORD_STREAM,
	RECORD_MERGE,
	RECORD_BACKGROUND,
	RECORD_SCENE,
	RECORD_LANG,
	WHITEBOARD_SNAPSHOT,
	SUBTITLES,
	LIVE_RELAY,
	RTC_AUDIENCE_NUMBER,
];

/** The required settings of a new room. */
export const CREATE_REQUIRED: FieldSpec[] = [
	NAME,
	START_TIME,
	END_TIME,
	RESOLUTION,
	MAX_MIC_NUMBER,
	SUB_TYPE,
].map((field) => ({ ...field, required: true }));

const optional = (field: FieldSpec): FieldSpec => ({ ...field, required: false });

/** What ModifyRoom can change (all optional), by use as CREATE_OPTIONAL: times and name first. */
export const MODIFY_OPTIONAL: FieldSpec[] = [
	...[START_TIME, END_TIME, NAME].map(optional),
	TEACHER_ID,
	ASSISTANTS,
	GROUP_ID,
	...[RESOLUTION, MAX_MIC_NUMBER, SUB_TYPE].map(optional),
	ROOM_TYPE,
	DISABLE_RECORD,
	AUTO_MIC,
	END_DELAY_TIME,
	AUDIO_QUALITY,
	ENABLE_DIRECT_CONTROL,
	INTERACTION_MODE,
	GRADING,
	VIDEO_ORIENTATION,
	GUESTS,
	LIVE_TYPE,
	RECORD_LIVE_URL,
	ENABLE_AUTO_START,
	RECORD_LAYOUT,
	RECORD_MERGE,
	RECORD_SCENE,
	RECORD_LANG,
	WHITEBOARD_SNAPSHOT,
	SUBTITLES,
	LIVE_RELAY,
];
