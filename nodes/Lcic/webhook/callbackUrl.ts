// Tencent: a callback URL may use port 80 or 443 only (ModifyApp's Callback, and the console).
// n8n builds the node's production URL from WEBHOOK_URL (or its own host and port), so behind a
// reverse proxy the URL LCIC must call is WEBHOOK_URL's, not the port n8n listens on.

export const CALLBACK_PORTS = ['80', '443'];

/** The port a URL is called on, default ports included; undefined for a URL LCIC cannot call. */
export function callbackPort(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	if (parsed.protocol === 'https:') return parsed.port || '443';
	if (parsed.protocol === 'http:') return parsed.port || '80';
	return undefined;
}

/** Why LCIC would refuse `url` as its callback, or undefined when it takes it. */
export function callbackUrlProblem(url: string | undefined): string | undefined {
	if (!url) return 'n8n gave this node no production webhook URL';
	const port = callbackPort(url);
	if (port === undefined) return `${url} is not an http(s) URL`;
	if (!CALLBACK_PORTS.includes(port)) {
		return `LCIC calls callback URLs on ports 80 and 443 only, and this node's production URL ${url} uses port ${port}`;
	}
	return undefined;
}
