import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { LCIC_API_VERSION } from '../../../credentials/endpoint';
import { signLcicRequest } from '../../../credentials/signRequest';
import { JSON_CONTENT_TYPE } from '../../../credentials/tc3Signer';
import { findByAction } from '../catalog';
import { hintFor } from '../transport/errorHints';
import { readEnvelope } from '../transport/envelope';
import { redactorFor } from '../transport/redact';

// LCIC answers a bad key with HTTP 200 and Response.Error, so a declarative credential test
// would report success. This one calls Developer > Get (DescribeDeveloper: no parameters,
// read-only, every account has it) and shows Tencent's own error code and message.
const TEST_CALL = findByAction('DescribeDeveloper');

export async function tencentCloudLcicApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const redact = redactorFor(data);
	let signed;
	try {
		signed = signLcicRequest(data, {
			method: 'POST',
			url: '/',
			headers: {
				'Content-Type': JSON_CONTENT_TYPE,
				'X-TC-Action': TEST_CALL.action,
				'X-TC-Version': LCIC_API_VERSION,
			},
			body: Buffer.from('{}', 'utf8'),
		});
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}

	let body: unknown;
	try {
		// ICredentialTestFunctions offers only the legacy request helper (no httpRequest), and a
		// declarative credential test could only say "failed", not Tencent's code and message.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		body = await this.helpers.request({
			method: 'POST',
			uri: `${signed.baseURL}${signed.url}`,
			headers: signed.headers,
			body: (signed.body as Buffer).toString('utf8'),
			json: false,
			simple: false,
			// LCIC never redirects; following would carry the signature and token elsewhere.
			followRedirect: false,
			followAllRedirects: false,
			timeout: 15_000,
		});
	} catch (error) {
		const code =
			(error as { cause?: { code?: string }; code?: string }).cause?.code ??
			(error as { code?: string }).code;
		return {
			status: 'Error',
			message: `Could not reach ${signed.baseURL}${code ? ` (${code})` : ''}. Check the Endpoint setting.`,
		};
	}

	const envelope = readEnvelope(body);
	if (!envelope) {
		return {
			status: 'Error',
			message: `${signed.baseURL} did not answer like the LCIC API. Check the Endpoint setting.`,
		};
	}
	if (!envelope.ok) {
		const hint = hintFor(envelope.code);
		return {
			status: 'Error',
			message: redact(
				`${envelope.code}: ${envelope.message}${hint ? ` ${hint}` : ''}${envelope.requestId ? ` (RequestId: ${envelope.requestId})` : ''}`,
			),
		};
	}
	const developerId = envelope.response.DeveloperId;
	return {
		status: 'OK',
		message: `Connection tested successfully${developerId ? ` (developer ${String(developerId)})` : ''}`,
	};
}
