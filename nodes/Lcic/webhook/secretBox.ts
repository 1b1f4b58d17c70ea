import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';

// The callback key that was in place before registration must be put back on deactivation, so
// it is kept in the node's static data; static data is stored in plain JSON and travels with
// workflow exports, so the key is sealed (AES-256-GCM) under a key derived from this trigger's
// own Callback Key. Restoring is only due while LCIC still holds that key, which is exactly when
// it can be opened.

const VERSION = 'v1';

function boxKey(ownKey: string): Buffer {
	return createHash('sha256').update(`lcic-event-trigger/restore\u0000${ownKey}`, 'utf8').digest();
}

export function seal(secret: string, ownKey: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', boxKey(ownKey), iv);
	const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
}

/** The secret, or undefined when `box` was not sealed with `ownKey` (or is damaged). */
export function open(box: string, ownKey: string): string | undefined {
	const [version, payload] = box.split(':');
	if (version !== VERSION || !payload) return undefined;
	const bytes = Buffer.from(payload, 'base64');
	if (bytes.length < 28) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', boxKey(ownKey), bytes.subarray(0, 12));
		decipher.setAuthTag(bytes.subarray(12, 28));
		return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}

/** A digest to recognise a key later without keeping it. */
export function keyDigest(key: string): string {
	return createHash('sha256')
		.update(`lcic-event-trigger/key\u0000${key}`, 'utf8')
		.digest('hex')
		.slice(0, 32);
}
