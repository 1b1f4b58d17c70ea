import type { IPollFunctions } from 'n8n-workflow';

import { findByAction, requestOptionsOf } from '../catalog';
import { mapInOrder } from '../execute/pool';
import { lcicApiRequest } from '../transport';

// Room names for items of rooms that GetRooms did not name (chosen rooms): one DescribeRoom per
// room, once (poll.ts keeps the name in the room's cursor), so that an item has the same fields
// whichever rooms the trigger watches. The name is for people: a room that does not answer
// (a failure the event reading has already reported, or not) keeps an empty name.

const DESCRIBE_ROOM = findByAction('DescribeRoom');
const CONCURRENCY = 4;

export async function roomNamesOf(
	this: IPollFunctions,
	roomIds: number[],
): Promise<Map<number, string>> {
	const names = new Map<number, string>();
	await mapInOrder(roomIds.length, CONCURRENCY, async (index) => {
		const roomId = roomIds[index];
		try {
			const room = await lcicApiRequest.call(
				this,
				DESCRIBE_ROOM.action,
				{ RoomId: roomId },
				requestOptionsOf(DESCRIBE_ROOM),
			);
			if (typeof room.Name === 'string' && room.Name !== '') names.set(roomId, room.Name);
		} catch {
			// See above: the name stays empty, the events still go out.
		}
	});
	return names;
}
