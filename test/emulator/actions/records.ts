// Recording files: RecordFinish (a simulation) adds them; DeleteRecord and BatchDeleteRecord
// mark every file of a room deleted. Deleted files stay in the list so tests can inspect them.
import type { ActionTable } from '../types';
import { appOf, fail } from './common';
import type { AppState } from './state';

/** The room's recordings that have not been deleted, oldest first. */
export function liveRecords(app: AppState, roomId: number) {
	return app.records.filter((r) => r.RoomId === roomId && !r.deleted);
}

/**
 * A room is known for record deletion while it exists or while it still has recordings: its
 * files outlive DeleteRoom.
 */
function assertKnownRoom(app: AppState, roomId: number): void {
	if (!app.rooms.has(roomId) && !app.records.some((r) => r.RoomId === roomId)) {
		fail('ResourceNotFound.Room', `The room ${roomId} does not exist.`);
	}
}

function deleteRoomRecords(app: AppState, roomId: number): void {
	for (const file of app.records) {
		if (file.RoomId === roomId) file.deleted = true;
	}
}

export const recordActions: ActionTable = {
	DeleteRecord: {
		params: {
			RoomId: { type: 'Integer', required: true },
			SdkAppId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const roomId = Number(ctx.params.RoomId);
			assertKnownRoom(app, roomId);
			deleteRoomRecords(app, roomId);
			return {};
		},
	},

	BatchDeleteRecord: {
		params: {
			RoomIds: { type: 'Array of Integer', required: true },
			SdkAppId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const roomIds = [...new Set((ctx.params.RoomIds as number[]).map(Number))];
			if (roomIds.length === 0) fail('InvalidParameterValue', 'RoomIds must not be empty.');
			// Check every room first so that a bad ID deletes nothing.
			for (const roomId of roomIds) assertKnownRoom(app, roomId);
			for (const roomId of roomIds) deleteRoomRecords(app, roomId);
			return { RoomIds: roomIds };
		},
	},
};
