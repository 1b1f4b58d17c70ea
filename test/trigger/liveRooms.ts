// Puts running rooms straight into an emulator's state: benchmarks and long tests need dozens of
// rooms with thousands of events, and making them through CreateRoom/StartRoom requests would
// cost more than what is being measured. The room record is the emulator's own (storeRoom).
import { storeRoom } from '../emulator/actions/roomCrud';
import { appendEvent } from '../emulator/actions/roomState';
import type { EmulatorState } from '../emulator/actions/state';

export function addLiveRoom(
	state: EmulatorState,
	sdkAppId: number,
	now: number,
	name: string,
): number {
	const app = state.apps.get(sdkAppId);
	if (!app) throw new Error(`The emulator has no application ${sdkAppId}`);
	const room = storeRoom(state, app, { Name: name, StartTime: now - 60, EndTime: now + 4 * 3600 });
	room.status = 1;
	room.realStartTime = now - 60;
	appendEvent(room, now - 60, 'RoomStart');
	return room.RoomId;
}
