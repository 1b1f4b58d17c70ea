// The credential's "Test" button the way n8n runs a declarative credential test: n8n's
// CredentialsTester (packages/cli, credentials-tester.service.ts, runRequestTest) puts the test
// request on a temporary node property's `routing.request`, runs n8n-core's RoutingNode on it
// in an ExecuteContext (so `$credentials` expressions resolve and the credential's authenticate()
// signs it), and then reads the rules: on an HTTP error the first `responseCode` rule for that
// status; on success the first `responseSuccessBody` rule whose `key` in the body equals its
// `value`; otherwise "Connection successful!". The RoutingNode part is n8n-core's own code; the
// rules loop is the few lines of the tester, mirrored here. The e2e checks the same through a
// real n8n's POST /rest/credentials/test.
import './environment';

import { ExecuteContext, RoutingNode } from 'n8n-core';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
	IWorkflowBase,
} from 'n8n-workflow';

import { TencentCloudLcicApi } from '../../credentials/TencentCloudLcicApi.credentials';
import { createAdditionalData } from './additionalData';
import { CREDENTIAL_ID, CREDENTIAL_TYPE, TestCredentialsHelper } from './credentials';
import { createNodeTypes, START_NODE_TYPE } from './nodeTypes';

const TEST_NODE_TYPE = 'n8n-nodes-tencent-lcic-test.credentialTest';

/** lodash.get on a dotted path, as the tester reads a rule's `key`. */
function getPath(body: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(node, key) =>
				node !== null && typeof node === 'object' ? (node as IDataObject)[key] : undefined,
			body,
		);
}

export interface CredentialTestRun {
	result: INodeCredentialTestResult;
	/** How many requests the credential signed (0: nothing was sent). */
	signedRequests: number;
}

export async function runCredentialTest(
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestRun> {
	const test = new TencentCloudLcicApi().test as ICredentialTestRequest;
	// The tester copies n8n's No-Op node type, gives it one made-up property that carries the
	// request, and registers the copy under the type's name for the run.
	const base = createNodeTypes().getByName(START_NODE_TYPE) as INodeType;
	const testNodeType: INodeType = {
		description: {
			...base.description,
			name: TEST_NODE_TYPE,
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: 'LCIC (test)' } },
	};
	const workflowData: IWorkflowBase = {
		id: 'credential-test',
		name: 'credential test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes({ [TEST_NODE_TYPE]: testNodeType }),
	});
	const credentialsHelper = new TestCredentialsHelper(data);
	const additionalData = createAdditionalData({
		credentialsHelper,
		workflowData,
		mode: 'internal',
		executionId: 'credential-test',
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = { id: CREDENTIAL_ID, name: 'LCIC (test)', type: CREDENTIAL_TYPE, data };
	const rules = test.rules ?? [];
	const done = (result: INodeCredentialTestResult): CredentialTestRun => ({
		result,
		signedRequests: credentialsHelper.signedRequests,
	});

	let response;
	try {
		response = await new RoutingNode(context, testNodeType, decrypted).runNode();
	} catch (error) {
		const failure = error as Error & {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		const status = failure.cause?.response?.status;
		if (status !== undefined) {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && rule.properties.value === status)
					return done({ status: 'Error', message: rule.properties.message });
			}
			if (status < 199 || status > 299) {
				return done({
					status: 'Error',
					message: failure.cause?.response?.statusText || `Received HTTP status code: ${status}`,
				});
			}
		} else if (failure.cause?.code) {
			return done({ status: 'Error', message: failure.cause.code });
		}
		return done({ status: 'Error', message: failure.message });
	}
	const body = response?.[0]?.[0]?.json;
	for (const rule of rules) {
		if (
			rule.type === 'responseSuccessBody' &&
			getPath(body, rule.properties.key) === rule.properties.value
		)
			return done({ status: 'Error', message: rule.properties.message });
	}
	return done({ status: 'OK', message: 'Connection successful!' });
}
