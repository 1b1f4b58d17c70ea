// Checks the harness itself with a stand-in node, so harness problems show up apart from the
// LCIC node's: n8n-core DI, expressions, the credentials helper and loopback HTTP.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { credentialsReference, runWorkflow } from './index';

const ECHO_TYPE = 'test.echo';

// Sends one request per item through httpRequestWithAuthentication, like the LCIC transport.
class EchoNode implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'Posts each item to the test server',
		defaults: { name: 'Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudLcicApi', required: true }],
		properties: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const name = this.getNodeParameter('name', i) as string;
			const response = await this.helpers.httpRequestWithAuthentication.call(
				this,
				'tencentCloudLcicApi',
				{
					method: 'POST',
					url: '/',
					headers: {
						'Content-Type': 'application/json',
						'X-TC-Action': 'Echo',
						'X-TC-Version': '2022-08-17',
					},
					body: Buffer.from(JSON.stringify({ name })),
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				},
			);
			if (response.statusCode !== 200)
				throw new NodeApiError(this.getNode(), { message: 'not 200' });
			out.push({ json: response.body, pairedItem: { item: i } });
		}
		return [out];
	}
}

describe('test harness (stand-in node)', () => {
	let server: Server;
	let url: string;
	const seen: IncomingHttpHeaders[] = [];

	beforeAll(async () => {
		server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				seen.push(req.headers);
				res.setHeader('Content-Type', 'application/json');
				res.end(JSON.stringify({ received: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	it('runs a node in WorkflowExecute with expressions and signed loopback requests', async () => {
		const result = await runWorkflow({
			credentials: {
				secretId: 'AKIDtest',
				secretKey: 'secret',
				sdkAppId: 1400000001,
				endpoint: 'custom',
				customUrl: url,
				language: 'en-US',
			},
			nodes: [
				{
					id: 'echo',
					name: 'Echo',
					type: ECHO_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters: { name: '={{ $json.name.toUpperCase() }}' },
					credentials: credentialsReference(),
				},
			],
			extraNodeTypes: { [ECHO_TYPE]: new EchoNode() },
			inputItems: [{ name: 'ada' }, { name: 'bob' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ received: { name: 'ADA' } },
			{ received: { name: 'BOB' } },
		]);
		expect(result.credentialsHelper.signedRequests).toBe(2);
		expect(seen.at(-1)?.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\//);
	});
});
