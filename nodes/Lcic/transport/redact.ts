import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// Every text that leaves the transport (an error's message and description, a credential test's
// message) passes through here, because some of it is written by the other side: a proxy or a
// server that echoes the request's headers would otherwise hand the session token and the
// signature to an error item, a log line or the credential dialog.

export const REDACTED = '[redacted]';

/** A TC3 Authorization value: `TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=<hex>`. */
const TC3_AUTHORIZATION =
	/TC3-HMAC-SHA256\s+Credential=[^,\s"']*,\s*SignedHeaders=[^,\s"']*,\s*Signature=[0-9a-fA-F]*/g;
/** A signature on its own (the hex digest of the request). */
const SIGNATURE = /(Signature\s*[=:]\s*)[0-9a-fA-F]{16,}/gi;
/**
 * A header echoed as text: `Authorization: ...`, `"X-TC-Token": "..."`, `authorization=...`:
 * the value up to the end of the line or of the quoted string.
 */
const HEADER_ECHO =
	/((?:authorization|x-tc-token|proxy-authorization)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\r\n"']*)/gi;

export type Redact = (text: string) => string;

/** The secrets of this credential (session token, SecretKey) and any Authorization value. */
export function redactorFor(credentials: ICredentialDataDecryptedObject): Redact {
	const secrets = [credentials.sessionToken, credentials.secretKey]
		.map((value) => (typeof value === 'string' ? value.trim() : ''))
		// Too short to be a real secret, and replacing it would mangle ordinary words.
		.filter((value) => value.length >= 6);
	return (text: string): string => {
		let out = text;
		for (const secret of secrets) out = out.split(secret).join(REDACTED);
		return out
			.replace(TC3_AUTHORIZATION, `TC3-HMAC-SHA256 ${REDACTED}`)
			.replace(SIGNATURE, `$1${REDACTED}`)
			.replace(HEADER_ECHO, (_, name: string, value: string) =>
				value.startsWith('"') || value.startsWith("'")
					? `${name}${value[0]}${REDACTED}${value[0]}`
					: `${name}${REDACTED}`,
			);
	};
}
