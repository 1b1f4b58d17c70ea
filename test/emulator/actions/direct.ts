// The direct emulator, for handler-level tests: a state with one account, a settable clock, and
// helpers that call an action's handler directly (no HTTP, no signing, no parameter checks by
// the server). Not to be confused with test/harness/, which runs the node in n8n-core.
import {
	LcicError,
	type ActionContext,
	type ActionTable,
	type EmulatorAccount,
	type EmulatorClock,
} from '../types';
import { createActionTable } from './index';
import { createState } from './seed';
import { createSimulations } from './simulations';
import type { AppState, EmulatorState } from './state';

export const T0 = 1_700_000_000;

export const ACCOUNT: EmulatorAccount = {
	secretId: 'AKIDtest',
	secretKey: 'secret',
	appId: 1250000000,
	sdkAppId: 3520371,
	developerId: 'dev-1',
};

export const OTHER_ACCOUNT: EmulatorAccount = {
	...ACCOUNT,
	secretId: 'AKIDother',
	sdkAppId: 3520372,
	developerId: 'dev-2',
};

export function makeClock(start = T0): EmulatorClock {
	let now = start;
	return {
		now: () => now,
		advance: (seconds) => {
			now += seconds;
		},
		set: (epochSeconds) => {
			now = epochSeconds;
		},
	};
}

const TABLE: ActionTable = createActionTable();

export interface DirectEmulator {
	state: EmulatorState;
	clock: EmulatorClock;
	app: AppState;
	call(
		action: string,
		params?: Record<string, unknown>,
		account?: EmulatorAccount,
	): Record<string, unknown>;
	/** Calls the action and returns the LcicError code it fails with (fails the test if it succeeds). */
	errorOf(action: string, params?: Record<string, unknown>, account?: EmulatorAccount): string;
	sim(name: string, args: Record<string, unknown>): Record<string, unknown>;
	/** Registers a user directly in the state (RegisterUser belongs to another file). */
	addUser(userId: string, name?: string): void;
	/** Creates a room starting in `startIn` seconds and lasting `length` seconds; returns its ID. */
	room(extra?: Record<string, unknown>, startIn?: number, length?: number): number;
}

export function directEmulator(): DirectEmulator {
	const clock = makeClock();
	const state = createState([ACCOUNT, OTHER_ACCOUNT]);
	const simulations = createSimulations();
	const app = state.apps.get(ACCOUNT.sdkAppId) as AppState;
	const call: DirectEmulator['call'] = (action, params = {}, account = ACCOUNT) => {
		const spec = TABLE[action];
		if (!spec) throw new Error(`no action ${action}`);
		const ctx: ActionContext = { params, account, clock, state };
		return spec.handler(ctx) as Record<string, unknown>;
	};
	return {
		state,
		clock,
		app,
		call,
		errorOf(action, params, account) {
			try {
				call(action, params, account);
			} catch (error) {
				if (error instanceof LcicError) return error.code;
				throw error;
			}
			throw new Error(`${action} succeeded but an error was expected`);
		},
		sim(name, args) {
			return simulations[name](state, clock, args);
		},
		addUser(userId, name = userId) {
			app.users.set(userId, {
				UserId: userId,
				SdkAppId: ACCOUNT.sdkAppId,
				Name: name,
				OriginId: userId,
				Token: 't',
				createdAt: T0,
				extra: {},
			});
		},
		room(extra = {}, startIn = 60, length = 3600) {
			const start = clock.now() + startIn;
			const out = call('CreateRoom', {
				SdkAppId: ACCOUNT.sdkAppId,
				Name: 'Room',
				StartTime: start,
				EndTime: start + length,
				Resolution: 1,
				MaxMicNumber: 4,
				SubType: 'videodoc',
				...extra,
			});
			return out.RoomId as number;
		},
	};
}
