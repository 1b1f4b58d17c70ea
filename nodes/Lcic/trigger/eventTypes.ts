// The event types GetRoomEvent reports (EventInfo.EventType) and the device codes of
// EventDataInfo.Device, as the API reference lists them.

export const EVENT_TYPES = [
	{ value: 'RoomStart', name: 'Room Start', description: 'The class started' },
	{ value: 'RoomEnd', name: 'Room End', description: 'The class ended' },
	{ value: 'MemberJoin', name: 'Member Join', description: 'A user joined the room' },
	{ value: 'MemberQuit', name: 'Member Quit', description: 'A user left the room' },
	{ value: 'RecordFinish', name: 'Record Finish', description: 'A recording is ready' },
	{ value: 'CameraOn', name: 'Camera On', description: 'A user turned the camera on' },
	{ value: 'CameraOff', name: 'Camera Off', description: 'A user turned the camera off' },
	{ value: 'MicOn', name: 'Mic On', description: 'A user turned the microphone on' },
	{ value: 'MicOff', name: 'Mic Off', description: 'A user turned the microphone off' },
	{ value: 'ScreenOn', name: 'Screen On', description: 'A user started sharing the screen' },
	{ value: 'ScreenOff', name: 'Screen Off', description: 'A user stopped sharing the screen' },
	{
		value: 'VisibleOn',
		name: 'Visible On',
		description: "The classroom page became visible on a user's device",
	},
	{
		value: 'VisibleOff',
		name: 'Visible Off',
		description: "The classroom page was hidden on a user's device",
	},
] as const;

export type EventType = (typeof EVENT_TYPES)[number]['value'];

export const ALL_EVENT_TYPES: string[] = EVENT_TYPES.map((type) => type.value);

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

/** A set to test types against; empty or missing means every type (new ones included). */
export function eventTypeFilter(selected: string[] | undefined): (type: string) => boolean {
	if (!selected || selected.length === 0) return () => true;
	const wanted = new Set(selected);
	return (type) => wanted.has(type);
}
