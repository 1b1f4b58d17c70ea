import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEVICE_NAMES } from '../catalog/events';
import { isoInZone } from '../params/dateTime';
import type { LogEvent } from './fetchEvents';

// One output item per event. Field names are the trigger's own (camelCase, like the rest of the
// node's output); the event's raw EventData is kept too, so fields LCIC adds later still arrive.
// `time` is the event's time in the workflow's time zone, with its offset.
// Both triggers (polling and webhook) build their items here, so a workflow can switch triggers.

/** An LCIC event as both triggers see it. Callbacks about documents carry no room. */
export interface RoomEventFields {
	roomId?: number;
	type: string;
	timestamp: number;
	data: IDataObject;
}

export interface EventJsonExtras {
	roomName?: string;
	/** The event's position in the room's log (1-based), when it is known (polling). */
	sequence?: number;
}

export function eventJson(
	event: RoomEventFields,
	timeZone: string,
	extras: EventJsonExtras = {},
): IDataObject {
	const json: IDataObject = {};
	if (event.roomId !== undefined) json.roomId = event.roomId;
	if (extras.roomName !== undefined) json.roomName = extras.roomName;
	json.eventType = event.type;
	json.timestamp = event.timestamp;
	json.time = isoInZone(event.timestamp, timeZone);
	// A stable key for deduplication downstream.
	if (extras.sequence !== undefined) json.sequence = extras.sequence;
	const { UserId, Device, Duration, RecordSize, RecordUrl } = event.data;
	if (UserId !== undefined && UserId !== null && UserId !== '') json.userId = String(UserId);
	if (typeof Device === 'number') {
		json.device = DEVICE_NAMES[Device] ?? `Device ${Device}`;
		json.deviceCode = Device;
	}
	if (event.type === 'RecordFinish') {
		if (Duration !== undefined) json.duration = Number(Duration);
		if (RecordSize !== undefined) json.recordSize = Number(RecordSize);
		if (RecordUrl !== undefined) json.recordUrl = String(RecordUrl);
	}
	json.eventData = event.data;
	return json;
}

export function toItem(
	event: LogEvent,
	roomName: string | undefined,
	timeZone: string,
): INodeExecutionData {
	// roomName is always there, in both watch modes ('' only when LCIC did not name the room).
	return {
		json: eventJson(event, timeZone, { roomName: roomName ?? '', sequence: event.index + 1 }),
	};
}
