import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
} from 'n8n-workflow';

import { hintFor } from '../nodes/Lcic/transport/errorHints';
import { LCIC_API_VERSION } from './endpoint';
import { JSON_CONTENT_TYPE } from './tc3Signer';

// The credential's "Test" button. n8n runs this request itself (its HTTP stack, its proxy and
// outbound policy), signed by the credential's authenticate(), the same way every node request
// is signed. It checks the key and the Default SdkAppId in one read: DescribeSdkAppIdUsers for
// one user of the Default SdkAppId. Tencent Cloud checks the signature before the parameters,
// so an AuthFailure code is about the key, and a parameter code (the only parameter that can be
// wrong is SdkAppId) is about the Default SdkAppId: 0 (not set) or no application of this
// account. n8n resolves $credentials in the request (its RoutingNode, as for every declarative
// credential test).
//
// LCIC answers a failure with HTTP 200 and Response.Error.{Code,Message}, so the HTTP status
// says nothing: n8n's rules for a successful response do. n8n fails the test with the message
// of the first rule whose `key` in the body equals its `value` (CredentialsTester in n8n's
// packages/cli), and the message is fixed text: so there is one rule per error code LCIC
// documents, saying Tencent's code, Tencent's description of it and what to do. A function
// test (methods.credentialTest) could print the live message and RequestId, but in n8n 2.x
// it only gets the deprecated helpers.request, which n8n's verification scan rejects.

/**
 * The "Common Error Codes" table of the LCIC API reference (Tencent Cloud's LCIC API
 * documentation, Error Codes > Common Error Codes), codes and descriptions as Tencent writes
 * them, plus the service code AuthFailure from its "Service Error Codes" table. The codes about
 * parameters get SDK_APP_ID_ADVICE instead of the general hint (see SDK_APP_ID_CODES).
 */
export const COMMON_ERROR_CODES: ReadonlyArray<readonly [code: string, description: string]> = [
	['ActionOffline', 'This API has been deprecated.'],
	['AuthFailure.InvalidAuthorization', 'Authorization in the request header is invalid.'],
	['AuthFailure.InvalidSecretId', 'Invalid key (not a TencentCloud API key type).'],
	['AuthFailure.MFAFailure', 'MFA failed.'],
	[
		'AuthFailure.SecretIdNotFound',
		'Key does not exist. Check if the key has been deleted or disabled in the console, and if not, check if the key is correctly entered. Note that whitespaces should not exist before or after the key.',
	],
	[
		'AuthFailure.SignatureExpire',
		'Signature expired. Timestamp and server time cannot differ by more than five minutes. Please ensure your current local time matches the standard time.',
	],
	[
		'AuthFailure.SignatureFailure',
		"Invalid signature. Signature calculation error. Please ensure you've followed the signature calculation process described in the Signature API documentation.",
	],
	['AuthFailure.TokenFailure', 'Token error.'],
	[
		'AuthFailure.UnauthorizedOperation',
		'The request is not authorized. For more information, see the CAM documentation.',
	],
	['AuthFailure', 'CAM signature/authentication error.'],
	['FailedOperation', 'Operation failed.'],
	['InternalServerError', 'Internal error.'],
	['InvalidAction', 'The API does not exist.'],
	['InvalidParameter', 'Incorrect parameter.'],
	['InvalidParameterValue', 'Invalid parameter value.'],
	['InvalidRequest', 'The multipart format of the request body is incorrect.'],
	['IpInBlacklist', 'Your IP is in uin IP blacklist.'],
	['IpNotInWhitelist', 'Your IP is not in uin IP whitelist.'],
	['LimitExceeded', 'Quota limit exceeded.'],
	['MissingParameter', 'A parameter is missing.'],
	['NoSuchProduct', 'The product does not exist.'],
	['NoSuchVersion', 'The API version does not exist.'],
	['RequestLimitExceeded', 'The number of requests exceeds the frequency limit.'],
	['RequestLimitExceeded.GlobalRegionUinLimitExceeded', 'Uin exceeds the frequency limit.'],
	[
		'RequestLimitExceeded.IPLimitExceeded',
		'The number of ip requests exceeds the frequency limit.',
	],
	[
		'RequestLimitExceeded.UinLimitExceeded',
		'The number of uin requests exceeds the frequency limit.',
	],
	['RequestSizeLimitExceeded', 'The request size exceeds the upper limit.'],
	['ResourceInUse', 'Resource is in use.'],
	['ResourceInsufficient', 'Insufficient resource.'],
	['ResourceNotFound', 'The resource does not exist.'],
	['ResourceUnavailable', 'Resource is unavailable.'],
	['ResponseSizeLimitExceeded', 'The response size exceeds the upper limit.'],
	['ServiceUnavailable', 'Service is unavailable now.'],
	['UnauthorizedOperation', 'Unauthorized operation.'],
	['UnknownParameter', 'Unknown parameter.'],
	['UnsupportedOperation', 'Unsupported operation.'],
	[
		'UnsupportedProtocol',
		'HTTP(S) request protocol error; only GET and POST requests are supported.',
	],
	['UnsupportedRegion', 'API does not support the requested region.'],
];

/**
 * Codes about the request's parameters. The test sends only SdkAppId (and a first page of one
 * user), so each of them means the Default SdkAppId is wrong. InvalidParameter.SdkAppId is in
 * DescribeSdkAppIdUsers' own error table of the reference: "`SdkAppId` is incorrect."
 */
export const SDK_APP_ID_CODES: ReadonlyArray<readonly [code: string, description: string]> = [
	['InvalidParameter.SdkAppId', 'SdkAppId is incorrect.'],
	['InvalidParameter', 'Incorrect parameter.'],
	['InvalidParameterValue', 'Invalid parameter value.'],
	['MissingParameter', 'A parameter is missing.'],
	['ResourceNotFound', 'The resource does not exist.'],
];

/** What the test says after a code of SDK_APP_ID_CODES. */
export const SDK_APP_ID_ADVICE =
	"The key was accepted, but the credential's Default SdkAppId is 0 (not set) or is not an application of this Tencent Cloud account. Enter the SdkAppId shown in the LCIC console under Application Management, such as 1400123456. (Leave it at 0 only if every node sets its own SdkAppId under Options.)";

/** HTTP statuses LCIC itself never sends (it answers 200): something else answered. */
const NOT_LCIC_STATUSES = [400, 401, 403, 404, 405, 500, 502, 503, 504];
/** Redirects: LCIC never redirects, and following one would carry the signed request elsewhere. */
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/** What the test says for one LCIC error code: the code, Tencent's words, our advice. */
export function credentialTestMessage(code: string, description: string): string {
	const advice = SDK_APP_ID_CODES.some(([sdkAppIdCode]) => sdkAppIdCode === code)
		? SDK_APP_ID_ADVICE
		: hintFor(code);
	return `${code}: ${description}${advice ? ` ${advice}` : ''}`;
}

/** The message when the answer carries no Total (every answer of the list has one) and matched no code above. */
export const NOT_CONFIRMED_MESSAGE =
	"The Endpoint did not confirm the key and the Default SdkAppId: its answer to DescribeSdkAppIdUsers has no Total. Either the Endpoint is not the LCIC API (check the credential's Endpoint and Custom Base URL), or LCIC answered with an error code not listed in its reference: run any LCIC operation with this credential to see Tencent's code, message and RequestId.";

/** Every code the test has a rule for: the SdkAppId codes first (InvalidParameter.SdkAppId before the rest). */
const RULE_CODES = [
	...SDK_APP_ID_CODES,
	...COMMON_ERROR_CODES.filter(([code]) => !SDK_APP_ID_CODES.some(([own]) => own === code)),
];

// n8n types the rules as one kind per array, but reads each rule by its own type.
const bodyRules: IAuthenticateRuleResponseSuccessBody[] = [
	...RULE_CODES.map(
		([code, description]): IAuthenticateRuleResponseSuccessBody => ({
			type: 'responseSuccessBody',
			properties: {
				key: 'Response.Error.Code',
				value: code,
				message: credentialTestMessage(code, description),
			},
		}),
	),
	// A success always carries Response.Total: its absence is a failure, whatever it was.
	{
		type: 'responseSuccessBody',
		properties: { key: 'Response.Total', value: undefined, message: NOT_CONFIRMED_MESSAGE },
	},
];

const statusRules: IAuthenticateRuleResponseCode[] = [
	...REDIRECT_STATUSES.map(
		(status): IAuthenticateRuleResponseCode => ({
			type: 'responseCode',
			properties: {
				value: status,
				message: `The Endpoint answered with a redirect (HTTP ${status}), which LCIC never sends; it was not followed, so the signed request went nowhere else. Check the credential's Endpoint and Custom Base URL.`,
			},
		}),
	),
	...NOT_LCIC_STATUSES.map(
		(status): IAuthenticateRuleResponseCode => ({
			type: 'responseCode',
			properties: {
				value: status,
				message: `The Endpoint answered HTTP ${status}, which LCIC never does (it answers 200, with any error in the body): it is not the LCIC API, or a proxy between n8n and Tencent Cloud failed. Check the credential's Endpoint and Custom Base URL.`,
			},
		}),
	),
];

export const lcicCredentialTest: ICredentialTestRequest = {
	request: {
		method: 'POST',
		url: '/',
		headers: {
			'Content-Type': JSON_CONTENT_TYPE,
			'X-TC-Action': 'DescribeSdkAppIdUsers',
			'X-TC-Version': LCIC_API_VERSION,
		},
		// The Default SdkAppId as a number (0 when not set: LCIC then names the parameter).
		body: { SdkAppId: '={{ Number($credentials.sdkAppId) || 0 }}', Page: 1, Limit: 1 },
		// n8n's HTTP client would follow a redirect with the signed request and the token.
		disableFollowRedirect: true,
	},
	rules: [...bodyRules, ...statusRules] as ICredentialTestRequest['rules'],
};
