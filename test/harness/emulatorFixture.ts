// The jest set-up every scenario file shares: an emulator and a session on it, started before
// the tests of a describe block (or before each test) and stopped after.
import { startEmulator, type RunningEmulator } from '../emulator';
import { LcicSession } from './session';

export interface EmulatorFixture {
	readonly emulator: RunningEmulator;
	readonly session: LcicSession;
}

/** Call inside a describe block; read `.emulator` and `.session` inside the tests. */
export function useEmulator(scope: 'all' | 'each' = 'all'): EmulatorFixture {
	const fixture = {} as { emulator: RunningEmulator; session: LcicSession };
	const start = async (): Promise<void> => {
		fixture.emulator = await startEmulator();
		fixture.session = new LcicSession(fixture.emulator);
	};
	const stop = async (): Promise<void> => {
		await fixture.emulator.stop();
	};
	if (scope === 'each') {
		beforeEach(start);
		afterEach(stop);
	} else {
		beforeAll(start);
		afterAll(stop);
	}
	return fixture;
}
