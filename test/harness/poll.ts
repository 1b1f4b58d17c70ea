// Runs the LCIC Trigger's real poll() the way n8n runs it, inside n8n-core's PollContext:
// - trigger mode goes through PollTriggerExecutor, the service n8n's scheduler calls on every
//   tick (the poll runs in the cursor staging scope and a non-null answer goes to __emit);
// - manual mode ("Fetch Test Event") builds the PollContext as WorkflowExecute.executePollNode
//   does and calls poll() directly.
// Static data lives in the Workflow exactly as n8n keeps it ('node:<name>'). Pass the same
// object back in for the next poll; a JSON round trip of it simulates a restart of n8n.
import './environment';

import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IHttpRequestOptions,
	IRequestOptionsSimplified,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import {
	credentialsReference,
	credentialDataOf,
	TestCredentialsHelper,
	type EmulatorEndpoint,
} from './credentials';
import { createNodeTypes, LCIC_TRIGGER_NODE_TYPE } from './nodeTypes';
import { testWorkflow } from './testWorkflow';

export const TRIGGER_NODE_NAME = 'LCIC Trigger';

export interface PollOnceOptions {
	/** Where the trigger sends requests; its account signs them unless `credentials` is given. */
	emulator?: EmulatorEndpoint;
	/** Credential data; merged over emulatorCredentials(emulator) when an emulator is given. */
	credentials?: ICredentialDataDecryptedObject;
	/** The trigger node's parameters (n8n fills in the defaults). */
	parameters: INodeParameters;
	/** The node's static data from the previous poll (default: none, a first activation). */
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	/** How n8n started the poller (trigger mode). */
	activation?: WorkflowActivateMode;
	/** What IPollFunctions.getPollBudgetMs() answers (n8n's default: five minutes). */
	pollBudgetMs?: number;
	/** The workflow's time zone setting (IANA name); unset: n8n's default zone. */
	timezone?: string;
	/**
	 * Runs right before each request is signed and sent (n8n calls the credential's authenticate
	 * there), e.g. to append events between the pages of one poll. May be async.
	 */
	beforeRequest?: (request: { action: string; body: IDataObject }) => unknown;
}

/** Calls a hook before signing: the last moment before a request leaves n8n. */
class HookedCredentialsHelper extends TestCredentialsHelper {
	constructor(
		data: ICredentialDataDecryptedObject,
		private readonly hook?: PollOnceOptions['beforeRequest'],
	) {
		super(data);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		if (this.hook) {
			const headers = (requestOptions.headers ?? {}) as IDataObject;
			const raw = requestOptions.body;
			const text = Buffer.isBuffer(raw)
				? raw.toString('utf8')
				: typeof raw === 'string'
					? raw
					: JSON.stringify(raw ?? {});
			await this.hook({
				action: String(headers['X-TC-Action'] ?? ''),
				body: JSON.parse(text || '{}') as IDataObject,
			});
		}
		return await super.authenticate(credentials, typeName, requestOptions, workflow, node);
	}
}

export interface PollOnceResult {
	/** The emitted items, flattened; null when poll() found nothing new. */
	items: INodeExecutionData[] | null;
	/** The same object that was passed in (or a new one), as the poll left it. */
	staticData: IDataObject;
}

let pollCounter = 0;

function flatten(data: INodeExecutionData[][] | null | undefined): INodeExecutionData[] | null {
	return data ? data.flat() : null;
}

export async function pollOnce(options: PollOnceOptions): Promise<PollOnceResult> {
	const mode = options.mode ?? 'trigger';
	const staticData = options.staticData ?? {};
	const node: INode = {
		id: 'node-lcic-trigger',
		name: TRIGGER_NODE_NAME,
		type: LCIC_TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: credentialsReference(),
	};
	const { workflowData, workflow } = testWorkflow({
		id: 'lcic-trigger-workflow',
		name: 'LCIC trigger workflow',
		nodes: [node],
		connections: {},
		active: mode === 'trigger',
		nodeTypes: createNodeTypes(),
		timezone: options.timezone,
		staticData: { [`node:${TRIGGER_NODE_NAME}`]: staticData },
	});
	// The Workflow holds its own (parameter-resolved) copy of the node.
	const workflowNode = workflow.getNode(TRIGGER_NODE_NAME) as INode;
	const additionalData = createAdditionalData({
		credentialsHelper: new HookedCredentialsHelper(
			credentialDataOf(options, 'pollOnce'),
			options.beforeRequest,
		),
		workflowData,
		mode: mode === 'manual' ? 'manual' : 'trigger',
		executionId: `lcic-poll-${++pollCounter}`,
	});
	const budget = options.pollBudgetMs;

	if (mode === 'manual') {
		const context = new PollContext(workflow, workflowNode, additionalData, 'manual', 'manual');
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (!nodeType.poll) throw new Error('The LCIC Trigger has no poll()');
		const data = await nodeType.poll.call(context);
		return { items: flatten(data), staticData };
	}

	let emitted: INodeExecutionData[][] | undefined;
	let emittedError: Error | undefined;
	const context = new PollContext(
		workflow,
		workflowNode,
		additionalData,
		'trigger',
		options.activation ?? 'activate',
		(data) => {
			emitted = data;
		},
		(error) => {
			emittedError = error;
		},
		undefined,
		undefined,
		undefined,
		budget === undefined ? undefined : () => budget,
	);
	// testingTrigger = true is how n8n runs the first poll of an activation: errors are thrown to
	// the caller (and fail the activation) instead of going to __emitError.
	const executePoll = Container.get(PollTriggerExecutor).create(
		workflow,
		workflowNode,
		context,
		() => true,
	);
	await executePoll(true);
	if (emittedError) throw emittedError;
	return { items: flatten(emitted), staticData };
}

/** A restart of n8n: static data as it comes back from the database. */
export function restart(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}
