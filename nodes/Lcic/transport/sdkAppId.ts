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
	const text = typeof override === 'string' ? override.trim() : undefined;
	if (override === undefined || override === null || text === '' || override === 0) return fallback;
	// Decimal digits only: "0x10" and "1e3" are not application IDs.
	const value = text !== undefined ? (/^\d+$/.test(text) ? Number(text) : NaN) : override;
	if (value === 0) return fallback;
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
		const got =
			typeof override === 'object'
				? Array.isArray(override)
					? 'a list'
					: 'an object'
				: JSON.stringify(String(override)).slice(0, 40);
		throw new Error(
			`"SdkAppId" must be a whole number in decimal digits, or 0 to use the credential's default (got ${got})`,
		);
	}
	return value;
}
