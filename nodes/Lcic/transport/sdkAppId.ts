import { CREDENTIAL_TYPE } from './request';
import type { LcicContext } from './types';

// Which LCIC application a call is for: the node's own SdkAppId setting when it names one,
// otherwise the credential's Default SdkAppId. One rule for the action node, the trigger and
// the pickers.

/** The SdkAppId stored in the credential, if any (0 and empty mean none). */
export async function getDefaultSdkAppId(this: LcicContext): Promise<number | undefined> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const value = Number(credentials.sdkAppId);
	return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * `override` (a node's SdkAppId setting: 0, empty or unset = none) or else `fallback` (the
 * credential's). Throws an Error whose message names the setting when the override is not a
 * whole number.
 */
export function chooseSdkAppId(
	override: unknown,
	fallback: number | undefined,
): number | undefined {
	const value =
		typeof override === 'string' && override.trim() !== '' ? Number(override) : override;
	if (value === undefined || value === null || value === '' || value === 0) return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		throw new Error(
			`"SdkAppId" must be a whole number, or 0 to use the credential's default (got ${String(override)})`,
		);
	}
	return value;
}
