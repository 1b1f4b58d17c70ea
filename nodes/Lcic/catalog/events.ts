// LCIC's room events: one list, one label per event, for every node that shows or filters them
// (Room > Get Events' Event Type, the polling trigger's Events, a callback trigger). The types
// and their meanings are the API reference's (EventInfo.EventType: "RoomStart: The class
// started. RoomEnd: The class ended. MemberJoin: A user joined. ..."); the device codes are
// EventDataInfo.Device's ("0: Unknown; 1: Windows; 2: macOS; ...").

export interface RoomEventType {
	/** EventType as LCIC sends it. */
	value: string;
	/** What n8n shows: the class and its members, in the words of a teacher. */
	name: string;
	description: string;
}

/** In the reference's order (class, members, recording, devices). */
export const ROOM_EVENT_TYPES: readonly RoomEventType[] = [
	{
		value: 'RoomStart',
		name: 'Class Started',
		description: 'The class started (LCIC event RoomStart)',
	},
	{
		value: 'RoomEnd',
		name: 'Class Ended',
		description:
			'The class ended (LCIC event RoomEnd); its events stay readable for one hour after',
	},
	{ value: 'MemberJoin', name: 'Member Joined', description: 'A user joined the room' },
	{ value: 'MemberQuit', name: 'Member Left', description: 'A user left the room' },
	{ value: 'RecordFinish', name: 'Recording Finished', description: 'A recording is ready' },
	{ value: 'CameraOn', name: 'Camera On', description: 'A user turned the camera on' },
	{ value: 'CameraOff', name: 'Camera Off', description: 'A user turned the camera off' },
	{ value: 'MicOn', name: 'Mic On', description: 'A user turned the microphone on' },
	{ value: 'MicOff', name: 'Mic Off', description: 'A user turned the microphone off' },
	{
		value: 'ScreenOn',
		name: 'Screen Sharing On',
		description: 'A user started sharing the screen',
	},
	{
		value: 'ScreenOff',
		name: 'Screen Sharing Off',
		description: 'A user stopped sharing the screen',
	},
	{
		value: 'VisibleOn',
		name: 'Page Visible',
		description: "The classroom page became visible on a user's device",
	},
	{
		value: 'VisibleOff',
		name: 'Page Hidden',
		description: "The classroom page was hidden on a user's device",
	},
];

/**
 * The event types that only come as callbacks (the Event Trigger). Tencent's "Service Callbacks"
 * page for LCIC lists, besides the room events: the room expired; document transcoding
 * finished, a document created, a document deleted (and, on the Chinese page, newer families:
 * pseudo-live, custom, transfer, usage, whiteboard snapshots, stream push, page recording). The
 * page names the room events but only describes the document events: their type strings below
 * follow the RoomStart/RecordFinish pattern and are not confirmed by a stored Tencent page. An
 * event of another type still reaches a workflow whose trigger chooses no type, and the Event
 * Trigger's Other Event Types takes any name.
 */
export const CALLBACK_ONLY_EVENT_TYPES: readonly RoomEventType[] = [
	{
		value: 'RoomExpire',
		name: 'Class Expired',
		description: 'The class was never started and its time is over (LCIC callback RoomExpire)',
	},
	{
		value: 'DocumentTranscodeFinish',
		name: 'Document Transcoded',
		description: 'A courseware document finished transcoding (callback only)',
	},
	{
		value: 'DocumentCreate',
		name: 'Document Created',
		description: 'A courseware document was created (callback only)',
	},
	{
		value: 'DocumentDelete',
		name: 'Document Deleted',
		description: 'A courseware document was deleted (callback only)',
	},
];

/** The room events and the callback-only ones as options, sorted by label. */
export function callbackEventOptions(): RoomEventType[] {
	return [...ROOM_EVENT_TYPES, ...CALLBACK_ONLY_EVENT_TYPES]
		.map(({ name, value, description }) => ({ name, value, description }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every event type's value, in the reference's order (a trigger's "all events" default). */
export const ALL_ROOM_EVENT_TYPES: string[] = ROOM_EVENT_TYPES.map((type) => type.value);

/** The event types as options (n8n's and the catalog's), sorted by label as n8n's lint rules want. */
export function roomEventOptions(): RoomEventType[] {
	return ROOM_EVENT_TYPES.map(({ name, value, description }) => ({
		name,
		value,
		description,
	})).sort((a, b) => a.name.localeCompare(b.name));
}

/** A test for event types; an empty or missing selection means every type (new ones included). */
export function eventTypeFilter(selected: string[] | undefined): (type: string) => boolean {
	if (!selected || selected.length === 0) return () => true;
	const wanted = new Set(selected);
	return (type) => wanted.has(type);
}

/** EventDataInfo.Device. */
export const DEVICE_NAMES: Record<number, string> = {
	0: 'Unknown',
	1: 'Windows',
	2: 'macOS',
	3: 'Android',
	4: 'iOS',
	5: 'Web',
	6: 'Mobile Web',
	7: 'WeChat Mini Program',
};

/** GetRoomEvent "only works within one hour after a class ends" (API reference, GetRoomEvent). */
export const EVENT_RETENTION_SECONDS = 3600;
