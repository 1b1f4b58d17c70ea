// The emulator's starting state: one empty application per account, and each account's
// developer registered for DescribeDeveloper.
import type { EmulatorAccount } from '../types';
import { createEmptyState, emptyApp, type EmulatorState } from './state';

export function createState(accounts: EmulatorAccount[]): EmulatorState {
	const state = createEmptyState();
	for (const account of accounts) {
		if (!state.apps.has(account.sdkAppId))
			state.apps.set(account.sdkAppId, emptyApp(account.sdkAppId));
		state.developers.set(account.developerId, {
			DeveloperId: account.developerId,
			AppId: account.appId,
			SdkAppId: account.sdkAppId,
		});
	}
	return state;
}
