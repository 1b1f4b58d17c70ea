// The LCIC emulator: a local stand-in for Tencent Cloud LCIC (API 2022-08-17) for tests,
// demos and end-to-end runs. See server.ts for the HTTP layer and actions/ for the behaviour.
export {
	startEmulator,
	API_VERSION,
	type CallRecord,
	type RunningEmulator,
	type StartOptions,
} from './server';
export { createClock } from './clock';
export { DEFAULT_ACCOUNT } from './accounts';
export type { FaultSpec } from './faults';
export {
	LcicError,
	type ActionSpec,
	type ActionTable,
	type EmulatorAccount,
	type EmulatorClock,
	type ParamSpec,
} from './types';
export type { EmulatorState } from './actions/state';
