// The trigger's idea of "now", in epoch seconds. It decides which rooms are still inside
// Tencent's one-hour event window and which GetRooms window to ask for. It is an object, not a
// bare function, so that tests and benchmarks running against an emulator with its own clock can
// point it there; the node itself never changes it.
export const triggerClock = {
	now: (): number => Math.floor(Date.now() / 1000),
};
