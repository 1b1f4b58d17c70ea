// Puts running rooms straight into an emulator's state: benchmarks and long tests need dozens of
// rooms with thousands of events, and making them through CreateRoom/StartRoom requests would
// cost more than what is being measured. The shape is the emulator's own (actions/state.ts).
import { appendEvent } from '../emulator/actions/roomState';
import type { EmulatorState, Room } from '../emulator/actions/state';

export function addLiveRoom(state: EmulatorState, sdkAppId: number, now: number, name: string): number {
  const app = state.apps.get(sdkAppId);
  if (!app) throw new Error(`The emulator has no application ${sdkAppId}`);
  const roomId = state.nextId('room');
  const room: Room = {
    RoomId: roomId,
    SdkAppId: sdkAppId,
    Name: name,
    StartTime: now - 60,
    EndTime: now + 4 * 3600,
    settings: {},
    status: 1,
    realStartTime: now - 60,
    events: [],
    messages: [],
    members: new Map(),
    documentIds: new Set(),
    supervisorIds: new Set(),
    questions: [],
    answers: [],
    extra: {},
  };
  app.rooms.set(roomId, room);
  appendEvent(room, now - 60, 'RoomStart');
  return roomId;
}
