import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	CUSTOM_ENDPOINT,
	DEFAULT_ENDPOINT,
	INTERNATIONAL_ENDPOINT,
	REGIONAL_ENDPOINT,
} from './endpoint';
import { lcicCredentialTest } from './credentialTest';
import { LCIC_REGIONS } from './regions';
import { signLcicRequest } from './signRequest';

// The "Test" button runs lcicCredentialTest (credentialTest.ts): a DescribeSdkAppIdUsers call
// for the Default SdkAppId that n8n sends and this credential signs, with one rule per LCIC
// error code.
export class TencentCloudLcicApi implements ICredentialType {
	name = 'tencentCloudLcicApi';

	displayName = 'Tencent Cloud LCIC API';

	icon: Icon = {
		light: 'file:../icons/lcic.svg',
		dark: 'file:../icons/lcic.dark.svg',
	};

	documentationUrl = 'https://www.tencentcloud.com/document/product/1168/52797';

	properties: INodeProperties[] = [
		{
			displayName: 'SecretId',
			name: 'secretId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'AKID...',
			description:
				'API key ID from the Tencent Cloud console, Cloud Access Management > API Keys (a sub-account key with LCIC access is recommended)',
		},
		{
			displayName: 'SecretKey',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret that belongs to the SecretId. It signs every request and is never sent.',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for temporary keys (for example from STS AssumeRole): the token that comes with them, sent as X-TC-Token. Leave empty for permanent keys.',
		},
		{
			displayName: 'Default SdkAppId',
			name: 'sdkAppId',
			type: 'number',
			default: 0,
			description:
				'The LCIC application ID (SdkAppId) shown in the LCIC console under Application Management. Operations use it unless they set their own. 0 = none.',
		},
		{
			displayName: 'Callback Key',
			// "secret" in the name: n8n's lint rules (and readers) treat it as the secret it is.
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The application's callback key (LCIC console, Application Management > Settings), used by the Event Trigger to check each callback's Sign when the trigger sets no key of its own. Not used for API requests.",
		},
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'options',
			default: DEFAULT_ENDPOINT,
			options: [
				{
					name: 'Nearest Region (lcic.tencentcloudapi.com)',
					value: DEFAULT_ENDPOINT,
				},
				{
					name: 'International Site (lcic.intl.tencentcloudapi.com)',
					value: INTERNATIONAL_ENDPOINT,
				},
				{
					name: 'Regional Endpoint (lcic.<region>.tencentcloudapi.com)',
					value: REGIONAL_ENDPOINT,
				},
				{
					name: 'Custom Base URL',
					value: CUSTOM_ENDPOINT,
					description: 'A private endpoint, a proxy, or the local LCIC emulator',
				},
			],
		},
		{
			displayName: 'Custom Base URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8787',
			required: true,
			displayOptions: { show: { endpoint: [CUSTOM_ENDPOINT] } },
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: '',
			options: LCIC_REGIONS,
			description:
				'Sent as X-TC-Region. LCIC does not need it; set it to pin requests to one region (and for the regional endpoint).',
		},
		{
			displayName: 'Error Message Language',
			name: 'language',
			type: 'options',
			default: 'en-US',
			options: [
				{ name: 'English', value: 'en-US' },
				{ name: 'Chinese (Simplified)', value: 'zh-CN' },
			],
			description: 'Language of the messages Tencent returns with errors (X-TC-Language)',
		},
	];

	test = lcicCredentialTest;

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signLcicRequest(credentials, requestOptions);
	}
}
