import type { EmulatorClock } from './types';

// The emulator's domain clock: it follows wall time (so rooms start and end while a demo runs)
// plus an offset that tests move with advance()/set(). Signatures never use it: the
// SignatureExpire check compares against real wall time, as Tencent does.

export function createClock(startEpochSeconds?: number): EmulatorClock {
	const wall = (): number => Math.floor(Date.now() / 1000);
	let offset = startEpochSeconds === undefined ? 0 : startEpochSeconds - wall();
	return {
		now: () => wall() + offset,
		advance(seconds: number) {
			offset += seconds;
		},
		set(epochSeconds: number) {
			offset = epochSeconds - wall();
		},
	};
}
