import { CREDENTIAL_TYPE } from './request';
import type { LcicContext } from './types';

/** The SdkAppId stored in the credential, if any (0 and empty mean none). */
export async function getDefaultSdkAppId(this: LcicContext): Promise<number | undefined> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const value = Number(credentials.sdkAppId);
	return Number.isInteger(value) && value > 0 ? value : undefined;
}
