import type { EmulatorAccount } from './types';

// Demo credentials of the local emulator. They are deliberately public (printed by the CLI,
// served by the admin API): they work against the emulator only, never against Tencent Cloud.
export const DEFAULT_ACCOUNT: EmulatorAccount = Object.freeze({
	secretId: 'AKIDLcicEmulatorDemoKey0000000000000',
	secretKey: 'lcic-emulator-demo-secret-key-0000',
	appId: 1250000000,
	sdkAppId: 3520371,
	developerId: 'dev-3520371',
});

/** SecretId -> account; the first account wins when two share a SecretId. */
export function accountIndex(accounts: EmulatorAccount[]): Map<string, EmulatorAccount> {
	const index = new Map<string, EmulatorAccount>();
	for (const account of accounts) {
		if (!index.has(account.secretId)) index.set(account.secretId, account);
	}
	return index;
}
