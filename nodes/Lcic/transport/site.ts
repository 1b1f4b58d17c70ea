import { INTERNATIONAL_ENDPOINT } from '../../../credentials/endpoint';
import { CREDENTIAL_TYPE } from './request';
import type { LcicContext } from './types';

// Which Tencent Cloud site the credential talks to. The international site has its own API
// host (lcic.intl.tencentcloudapi.com) and its own class pages (www.tencentclass.com); the
// nearest-region, regional and custom endpoints count as the mainland China site.

export type TencentSite = 'mainland' | 'international';

export async function siteOf(this: LcicContext): Promise<TencentSite> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return credentials.endpoint === INTERNATIONAL_ENDPOINT ? 'international' : 'mainland';
}
