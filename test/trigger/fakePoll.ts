// A fast stand-in for n8n's poll context, answered by the emulator's own action handlers (no
// HTTP, no signing). Model tests run thousands of polls through it; test/harness/poll.ts runs the
// same poll() inside n8n-core against the emulator server. A hook runs before every request so a
// test can append events between the pages of one poll or fail that request.
import type {
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';

import { LcicTrigger } from '../../nodes/Lcic/LcicTrigger.node';
import { resetRateLimiter } from '../../nodes/Lcic/transport';
import { ACCOUNT, type DirectEmulator } from '../emulator/actions/direct';
import { LcicError } from '../emulator/types';

export interface RequestInfo {
	action: string;
	body: IDataObject;
	/** 1-based count of requests since the fake was made. */
	n: number;
}

/** Return an error code to fail this request with it. */
export type BeforeRequest = (request: RequestInfo) => string | undefined | void;

const NODE: INode = {
	id: 'trigger-1',
	name: 'LCIC Trigger',
	type: 'n8n-nodes-tencent-lcic.lcicTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const DEFAULTS: IDataObject = {
	watch: 'all',
	rooms: {},
	events: [],
	emitPastEvents: false,
	options: {},
};

export class FakePoller {
	readonly calls: RequestInfo[] = [];
	beforeRequest?: BeforeRequest;
	/** What getPollBudgetMs() answers (n8n's default: five minutes). */
	budgetMs = 5 * 60 * 1000;
	/** What getTimezone() answers: the workflow's time zone. */
	timeZone = 'UTC';
	private readonly trigger = new LcicTrigger();

	constructor(readonly h: DirectEmulator) {}

	private context(
		parameters: IDataObject,
		staticData: IDataObject,
		mode: 'trigger' | 'manual',
	): IPollFunctions {
		const values: IDataObject = { ...DEFAULTS, ...parameters };
		const context = {
			getNode: () => NODE,
			getMode: () => mode,
			getNodeParameter: (name: string, fallback?: unknown) => values[name] ?? fallback,
			getWorkflowStaticData: () => staticData,
			getCredentials: async () => ({
				secretId: ACCOUNT.secretId,
				secretKey: ACCOUNT.secretKey,
				sdkAppId: ACCOUNT.sdkAppId,
			}),
			getPollBudgetMs: () => this.budgetMs,
			getTimezone: () => this.timeZone,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
					// Pacing is the transport's tested business; here it would only slow the model down.
					resetRateLimiter();
					const action = String((request.headers as IDataObject)['X-TC-Action']);
					const body = JSON.parse((request.body as Buffer).toString('utf8')) as IDataObject;
					const info = { action, body, n: this.calls.length + 1 };
					this.calls.push(info);
					const failWith = this.beforeRequest?.(info);
					const now = this.h.clock.now();
					if (failWith)
						return envelope(now, { Error: { Code: failWith, Message: `injected ${failWith}` } });
					try {
						return envelope(now, this.h.call(action, body));
					} catch (error) {
						if (error instanceof LcicError)
							return envelope(now, { Error: { Code: error.code, Message: error.message } });
						throw error;
					}
				},
			},
		};
		return context as unknown as IPollFunctions;
	}

	async poll(
		parameters: IDataObject,
		staticData: IDataObject,
		mode: 'trigger' | 'manual' = 'trigger',
	): Promise<INodeExecutionData[] | null> {
		const data = await this.trigger.poll.call(this.context(parameters, staticData, mode));
		return data ? data.flat() : null;
	}
}

/** An answer as LCIC gives it, dated by the emulator's clock (Tencent's time). */
function envelope(
	nowSeconds: number,
	response: Record<string, unknown>,
): {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
} {
	return {
		statusCode: 200,
		headers: { date: new Date(nowSeconds * 1000).toUTCString() },
		body: { Response: { ...response, RequestId: 'fake' } },
	};
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
