import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// Where the credential points: the one check of the Endpoint, Region and Custom Base URL,
// shared by the credential (it signs for this host), its test and the transport (which says a
// bad setting is a configuration error before anything is sent), so that all three agree.

export const LCIC_SERVICE = 'lcic';
export const LCIC_API_VERSION = '2022-08-17';
export const DEFAULT_ENDPOINT = 'lcic.tencentcloudapi.com';
export const INTERNATIONAL_ENDPOINT = 'lcic.intl.tencentcloudapi.com';
export const REGIONAL_ENDPOINT = 'regional';
export const CUSTOM_ENDPOINT = 'custom';

const FIXED_ENDPOINTS = new Set([DEFAULT_ENDPOINT, INTERNATIONAL_ENDPOINT]);

/**
 * A Tencent Cloud region name: lowercase words joined by hyphens, such as `ap-singapore`,
 * `na-siliconvalley` or `ap-shanghai-fsi`. Nothing else may reach the regional host name or
 * the X-TC-Region header: a value like `x@127.0.0.1:8080/#` would move a signed request to
 * another host.
 */
const REGION_NAME = /^[a-z]{2,4}(-[a-z0-9]+){1,3}$/;

/** A credential setting that cannot work; nothing was sent. */
export class EndpointConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EndpointConfigError';
	}
}

/** The Region setting ('' when not set); throws EndpointConfigError for anything but a region name. */
export function regionOf(credentials: ICredentialDataDecryptedObject): string {
	const raw = credentials.region ?? '';
	const region = typeof raw === 'string' ? raw.trim() : '';
	if (typeof raw !== 'string' || (region !== '' && !REGION_NAME.test(region))) {
		throw new EndpointConfigError(
			'The credential\'s Region is not a Tencent Cloud region name (such as "ap-singapore"). Pick one from the list, or leave it unset.',
		);
	}
	return region;
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

function customBaseUrl(value: unknown): string {
	const custom = typeof value === 'string' ? value.trim() : '';
	if (!custom) {
		throw new EndpointConfigError(
			"The credential's Endpoint is Custom Base URL, but the Custom Base URL is empty. Enter the URL, such as http://127.0.0.1:8787.",
		);
	}
	if (/[\s\u0000-\u001f\u007f]/.test(custom)) {
		throw new EndpointConfigError(
			"The credential's Custom Base URL contains spaces or control characters. Enter a URL such as https://lcic-proxy.example.com.",
		);
	}
	// Without a scheme the URL is ambiguous (the emulator and most proxies on a LAN speak plain
	// HTTP; guessing https gives an EPROTO that says nothing about the cause): ask for it.
	// "http:/host" or "https:host": a scheme whose slashes went missing, not a missing scheme.
	if (/^https?:(?!\/\/)/i.test(custom)) {
		throw new EndpointConfigError(
			`The credential's Custom Base URL "${custom}" is not a valid URL: after http: or https: comes //, such as http://127.0.0.1:8787.`,
		);
	}
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(custom)) {
		throw new EndpointConfigError(
			`The credential's Custom Base URL "${custom}" has no scheme. Add http:// or https:// in front, such as http://${custom} for the local emulator or https://${custom} for an HTTPS proxy.`,
		);
	}
	const url = parseUrl(custom);
	if (!url) {
		throw new EndpointConfigError(
			`The credential's Custom Base URL "${custom}" is not a valid URL. Enter a URL such as https://lcic-proxy.example.com.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new EndpointConfigError(
			`The credential's Custom Base URL must start with https:// or http://, not ${url.protocol}//.`,
		);
	}
	if (url.username || url.password) {
		throw new EndpointConfigError(
			"The credential's Custom Base URL contains a user name or password (user@host). Remove it: requests are signed with the SecretId and SecretKey.",
		);
	}
	if (url.search || url.hash || custom.includes('#') || custom.includes('?')) {
		throw new EndpointConfigError(
			"The credential's Custom Base URL contains a query (?) or fragment (#). Enter only the scheme, host, port and path.",
		);
	}
	if (!url.hostname) {
		throw new EndpointConfigError("The credential's Custom Base URL has no host name.");
	}
	return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Base URL without a trailing slash, e.g. `https://lcic.tencentcloudapi.com`. Throws
 * EndpointConfigError, saying what to fix, for a setting that cannot work.
 */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const endpoint = credentials.endpoint === undefined ? DEFAULT_ENDPOINT : credentials.endpoint;
	if (endpoint === REGIONAL_ENDPOINT) {
		const region = regionOf(credentials);
		if (!region) {
			throw new EndpointConfigError(
				"The credential's Endpoint is Regional Endpoint, but no Region is selected. Select the Region, or use the Nearest Region endpoint.",
			);
		}
		return `https://lcic.${region}.tencentcloudapi.com`;
	}
	if (endpoint === CUSTOM_ENDPOINT) return customBaseUrl(credentials.customUrl);
	if (typeof endpoint === 'string' && FIXED_ENDPOINTS.has(endpoint)) return `https://${endpoint}`;
	if (endpoint === '' || endpoint === null) return `https://${DEFAULT_ENDPOINT}`;
	throw new EndpointConfigError(
		"The credential's Endpoint is not one of its options (Nearest Region, International Site, Regional Endpoint, Custom Base URL). For another host, choose Custom Base URL.",
	);
}
