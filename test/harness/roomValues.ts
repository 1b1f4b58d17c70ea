// Room values (LCIC names) that CreateRoom and BatchCreateRoom accept: a one-hour class from
// `start`, the smallest settings the reference requires.
import type { IDataObject } from 'n8n-workflow';

export function roomInfo(start: number, extra: IDataObject = {}): IDataObject {
	return {
		Name: 'Room',
		StartTime: start,
		EndTime: start + 3600,
		Resolution: 1,
		MaxMicNumber: 1,
		SubType: 'videodoc',
		...extra,
	};
}

/** `count` rooms named "Room 1", "Room 2", ... */
export function roomInfos(count: number, start: number, extra: IDataObject = {}): IDataObject[] {
	return Array.from({ length: count }, (_, i) =>
		roomInfo(start, { Name: `Room ${i + 1}`, ...extra }),
	);
}
