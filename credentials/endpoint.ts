import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// Where the credential points: shared by the credential, its test and the transport so
// that all three agree on the base URL and therefore on the signed host.

export const LCIC_SERVICE = 'lcic';
export const LCIC_API_VERSION = '2022-08-17';
export const DEFAULT_ENDPOINT = 'lcic.tencentcloudapi.com';
export const INTERNATIONAL_ENDPOINT = 'lcic.intl.tencentcloudapi.com';
export const REGIONAL_ENDPOINT = 'regional';
export const CUSTOM_ENDPOINT = 'custom';

/** Base URL without a trailing slash, e.g. `https://lcic.tencentcloudapi.com`. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const endpoint = String(credentials.endpoint || DEFAULT_ENDPOINT);
	if (endpoint === REGIONAL_ENDPOINT) {
		const region = String(credentials.region ?? '').trim();
		if (!region) {
			throw new Error('The credential uses the regional endpoint but no Region is selected');
		}
		return `https://lcic.${region}.tencentcloudapi.com`;
	}
	if (endpoint !== CUSTOM_ENDPOINT) return `https://${endpoint}`;
	const custom = String(credentials.customUrl ?? '').trim();
	if (!custom) {
		throw new Error('The credential uses a custom endpoint but its Custom Base URL is empty');
	}
	const withScheme = /^https?:\/\//i.test(custom) ? custom : `https://${custom}`;
	return withScheme.replace(/\/+$/, '');
}
