// The only module that talks HTTP. Nodes call these; the credential signs what they send.
export type { LcicContext, PagingSpec, RequestOptions } from './types';
export {
	lcicApiRequest,
	setRetryPolicy,
	CREDENTIAL_TYPE,
	DEFAULT_RATE_PER_SECOND,
} from './request';
export { lcicApiRequestAllItems, type PageOptions } from './pager';
export { chooseSdkAppId, getDefaultSdkAppId } from './sdkAppId';
export { asNodeError, errorCode } from './errors';
export { resetRateLimiter } from './rateLimiter';
export { siteOf, type TencentSite } from './site';
export { isRejection } from './retryPolicy';
