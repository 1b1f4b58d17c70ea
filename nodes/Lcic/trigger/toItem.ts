import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEVICE_NAMES } from '../catalog/events';
import { isoInZone } from '../params/dateTime';
import type { LogEvent } from './fetchEvents';

// One output item per event. Field names are the trigger's own (camelCase, like the rest of the
// node's output); the event's raw EventData is kept too, so fields LCIC adds later still arrive.
// `time` is the event's time in the workflow's time zone, with its offset.

export function toItem(
	event: LogEvent,
	roomName: string | undefined,
	timeZone: string,
): INodeExecutionData {
	const json: IDataObject = { roomId: event.roomId };
	if (roomName) json.roomName = roomName;
	json.eventType = event.type;
	json.timestamp = event.timestamp;
	json.time = isoInZone(event.timestamp, timeZone);
	// The event's position in the room's log (1-based): a stable key for deduplication downstream.
	json.sequence = event.index + 1;
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
	return { json };
}
