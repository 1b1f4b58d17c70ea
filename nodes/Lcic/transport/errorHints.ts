// What to do about the errors users meet most. Matched by exact code, then by prefix.
const EXACT: Record<string, string> = {
	'AuthFailure.SignatureExpire':
		"The request's timestamp is more than 5 minutes away from Tencent Cloud's clock. Fix the clock of the machine that runs n8n (enable NTP) and try again.",
	'AuthFailure.SecretIdNotFound':
		'Tencent Cloud does not know this SecretId, or the key is disabled. Copy the SecretId again from Cloud Access Management > API Keys into the credential.',
	'AuthFailure.SignatureFailure':
		'The signature does not match: the SecretKey in the credential is probably wrong (it must belong to the SecretId).',
	'AuthFailure.InvalidSecretId':
		'The SecretId is malformed. Copy it again from Cloud Access Management > API Keys.',
	'AuthFailure.TokenFailure':
		'The session token is invalid or expired. Temporary keys expire: get new ones, or use a permanent key and leave Session Token empty.',
	'AuthFailure.UnauthorizedOperation':
		'The key is valid but may not call this action. Grant its user an LCIC policy (for example QcloudLCICFullAccess) in Cloud Access Management.',
	'AuthFailure.MFAFailure':
		'This key requires MFA, which API calls cannot provide. Use a key without MFA protection.',
	'InvalidParameter.SdkAppId':
		"The SdkAppId does not belong to this Tencent Cloud account. Check Default SdkAppId in the credential, or the operation's Options > SdkAppId (LCIC console > Application Management).",
	'FailedOperation.OriginIdExists':
		'A user with this Origin ID is already registered. Enable "Return Existing User on Duplicate Origin ID" to get that user instead of an error.',
	RequestLimitExceeded:
		'Tencent Cloud rejected the request because too many were sent. The node already waited and retried; lower the number of parallel executions or items.',
	InvalidAction:
		'The endpoint does not offer this action. Check the credential Endpoint (LCIC must be enabled in this region).',
	MissingParameter: 'A required parameter was not sent. Fill in the field named in the message.',
	UnsupportedRegion:
		'LCIC is not available in this region. Set Region to Not Set or choose another region in the credential.',
};

const PREFIX: Array<[string, string]> = [
	[
		'ResourceNotFound',
		'The item does not exist or was deleted. Check the ID (rooms, users, groups and documents each have their own).',
	],
	['InvalidParameter', 'Tencent Cloud rejected a parameter value. The message names it.'],
	[
		'MissingParameter',
		'A required parameter was not sent. Fill in the field named in the message.',
	],
	[
		'RequestLimitExceeded',
		'Tencent Cloud rejected the request because too many were sent. Lower the request rate.',
	],
	[
		'InternalError',
		'A temporary error at Tencent Cloud. Try again later; if it persists, contact Tencent Cloud support with the RequestId.',
	],
	[
		'AuthFailure',
		'Tencent Cloud did not accept the credential. Check SecretId, SecretKey and Session Token.',
	],
];

export function hintFor(code: string): string | undefined {
	if (EXACT[code]) return EXACT[code];
	const match = PREFIX.find(([prefix]) => code === prefix || code.startsWith(`${prefix}.`));
	return match?.[1];
}
