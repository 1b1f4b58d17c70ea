// GetRoomEvent: reading a room's append-only event log.
//
// Two details follow the reference (and the model's Chinese comments) rather than intuition:
// - Page and Limit apply only when Keyword is empty; with a Keyword every matching event is
//   returned at once.
// - Total is the number of events of the room, whatever the Keyword.
// Events are shown as EventInfo {Timestamp, EventType, EventData}: the wire name is EventType,
// while the stored RoomEvent calls it Event.
import type { ActionTable } from '../types';
import { appOf, fail, page } from './common';
import { EVENT_RETENTION_SECONDS, roomOf } from './roomState';
import type { Room, RoomEvent } from './state';

export const MAX_EVENT_LIMIT = 200;

/** When the class ended for retention purposes: its real end, or the schedule for an expired room. */
function endedAt(room: Room): number | undefined {
	if (room.status === 2) return room.realEndTime ?? room.EndTime;
	if (room.status === 3) return room.EndTime;
	return undefined;
}

export function eventInfo(event: RoomEvent): Record<string, unknown> {
	return {
		Timestamp: event.Timestamp,
		EventType: event.Event,
		EventData: { RoomId: event.RoomId, ...event.EventData },
	};
}

export const roomEventActions: ActionTable = {
	GetRoomEvent: {
		params: {
			RoomId: { type: 'Integer', required: true },
			SdkAppId: { type: 'Integer', required: true },
			Page: { type: 'Integer', required: true },
			Limit: { type: 'Integer', required: true },
			Keyword: { type: 'String' },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			const end = endedAt(room);
			if (end !== undefined && ctx.clock.now() > end + EVENT_RETENTION_SECONDS) {
				fail(
					'ResourceNotFound.Room',
					`The events of room ${room.RoomId} are only kept for one hour after the class ends.`,
				);
			}
			const keyword = typeof ctx.params.Keyword === 'string' ? ctx.params.Keyword : '';
			const events = keyword
				? room.events.filter((e) => e.Event === keyword)
				: page(room.events, ctx.params.Page, ctx.params.Limit, {
						page: 1,
						limit: 10,
						maxLimit: MAX_EVENT_LIMIT,
					});
			return { Total: room.events.length, Events: events.map(eventInfo) };
		},
	},
};
