import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';

import type { LcicContext } from '../../nodes/Lcic/transport';

// A stand-in for n8n's execution context in transport unit tests: the HTTP call is answered by
// `respond`, everything else the transport touches is a plain value. Tests that need the real
// engine use test/harness instead.
export type Responder = (
	action: string,
	body: IDataObject,
	call: number,
) => unknown | Promise<unknown>;

export interface FakeContext {
	context: LcicContext;
	calls: Array<{ action: string; body: IDataObject }>;
}

export const TEST_NODE: INode = {
	id: 'node-1',
	name: 'LCIC',
	type: 'n8n-nodes-tencent-lcic.lcic',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function fakeContext(respond: Responder, credentials: IDataObject = {}): FakeContext {
	const calls: FakeContext['calls'] = [];
	const context = {
		getNode: () => TEST_NODE,
		// The workflow's time zone; UTC here, other zones in test/node/timeZones.test.ts.
		getTimezone: () => 'UTC',
		getCredentials: async () => ({
			secretId: 'AKIDfake',
			secretKey: 'fake',
			sdkAppId: 1400000001,
			...credentials,
		}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				const action = String((request.headers as IDataObject)['X-TC-Action']);
				const body = JSON.parse((request.body as Buffer).toString('utf8')) as IDataObject;
				calls.push({ action, body });
				const result = await respond(action, body, calls.length);
				return { statusCode: 200, headers: {}, body: result };
			},
		},
	};
	return { context: context as unknown as LcicContext, calls };
}

export function ok(fields: IDataObject): IDataObject {
	return { Response: { ...fields, RequestId: 'req-ok' } };
}

export function fail(code: string, message = 'failed'): IDataObject {
	return { Response: { Error: { Code: code, Message: message }, RequestId: 'req-err' } };
}
