// Runs a workflow through n8n-core's real WorkflowExecute: parameters are resolved by n8n's
// expression engine, credentials come through the credentials helper, HTTP goes through
// OutboundHttp, errors are wrapped and continue-on-fail is applied by n8n itself.
import './environment';

import { WorkflowExecute } from 'n8n-core';
import { createRunExecutionData } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { LATEST_VERSION } from '../../nodes/Lcic/description/layout';
import { createAdditionalData } from './additionalData';
import {
	credentialsReference,
	credentialDataOf,
	TestCredentialsHelper,
	type EmulatorEndpoint,
} from './credentials';
import { createNodeTypes, LCIC_NODE_TYPE, START_NODE_TYPE } from './nodeTypes';
import { testWorkflow } from './testWorkflow';

export const START_NODE_NAME = 'Start';
export const LCIC_NODE_NAME = 'LCIC';

export interface RunWorkflowOptions {
	/** Where the node sends requests; its account signs them unless `credentials` is given. */
	emulator?: EmulatorEndpoint;
	/** Credential data; merged over emulatorCredentials(emulator) when an emulator is given. */
	credentials?: ICredentialDataDecryptedObject;
	/** Parameters of the single LCIC node in a Start → LCIC workflow. */
	nodeParameters?: INodeParameters;
	/** Or a whole workflow: its nodes (Start is added when no node is named "Start")... */
	nodes?: INode[];
	/** ...and their connections (default: a chain Start → nodes[0] → nodes[1] → ...). */
	connections?: IConnections;
	/** What the start node emits: items or plain JSON rows (default: one empty item). */
	inputItems?: Array<INodeExecutionData | IDataObject>;
	/** n8n's "On Error: Continue (using regular output)" on the LCIC node(s). */
	continueOnFail?: boolean;
	/** The node whose output is `items` (default: the last node of the chain). */
	outputNode?: string;
	extraNodeTypes?: Record<string, INodeType>;
	mode?: WorkflowExecuteMode;
	/** The workflow's time zone setting (IANA name), what getTimezone() answers; unset: n8n's default. */
	timezone?: string;
	/** typeVersion of the LCIC node made from nodeParameters (default: the latest). */
	typeVersion?: number;
}

export interface RunWorkflowResult {
	/** The output node's first main output, in order. */
	items: INodeExecutionData[];
	/** The error that stopped the run, as n8n recorded it (NodeApiError, NodeOperationError...). */
	error?: ExecutionBaseError;
	runData: IRunData;
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
}

let executionCounter = 0;

function isItem(value: INodeExecutionData | IDataObject): value is INodeExecutionData {
	return typeof value.json === 'object' && value.json !== null && !Array.isArray(value.json);
}

/** A node of our LCIC type, ready to put in `nodes`. */
export function lcicNode(
	parameters: INodeParameters,
	name = LCIC_NODE_NAME,
	extra: Partial<INode> = {},
): INode {
	return {
		id: `node-${name}`,
		name,
		type: LCIC_NODE_TYPE,
		typeVersion: LATEST_VERSION,
		position: [200, 0],
		parameters,
		credentials: credentialsReference(),
		...extra,
	};
}

function chain(names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
	const mode = options.mode ?? 'manual';
	const inputItems = (options.inputItems ?? [{ json: {} }]).map((row) =>
		isItem(row) ? row : { json: row },
	);

	let userNodes = options.nodes;
	if (!userNodes) {
		if (!options.nodeParameters) throw new Error('runWorkflow needs nodes or nodeParameters');
		userNodes = [
			lcicNode(options.nodeParameters, undefined, {
				typeVersion: options.typeVersion ?? LATEST_VERSION,
			}),
		];
	}
	if (options.continueOnFail) {
		userNodes = userNodes.map((node) =>
			node.type === LCIC_NODE_TYPE ? { ...node, onError: 'continueRegularOutput' } : node,
		);
	}
	const hasStart = userNodes.some((node) => node.name === START_NODE_NAME);
	const start: INode = {
		id: 'node-start',
		name: START_NODE_NAME,
		type: START_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = hasStart ? userNodes : [start, ...userNodes];
	const connections = options.connections ?? chain(nodes.map((node) => node.name));

	const credentialsHelper = new TestCredentialsHelper(credentialDataOf(options, 'runWorkflow'));
	const nodeTypes = createNodeTypes(options.extraNodeTypes, { inputItems });
	const executionId = `lcic-test-${++executionCounter}`;
	const { workflowData, workflow } = testWorkflow({
		id: 'lcic-test-workflow',
		name: 'LCIC test workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		timezone: options.timezone,
	});

	const additionalData = createAdditionalData({
		credentialsHelper,
		workflowData,
		mode,
		executionId,
	});
	// The execution starts at the start node with one empty item, as a Manual Trigger run does.
	const startNode = nodes.find((node) => node.name === START_NODE_NAME) ?? nodes[0];
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const runData = run.data.resultData.runData;
	const outputName = options.outputNode ?? nodes[nodes.length - 1].name;
	const tasks = runData[outputName] ?? [];
	const items = tasks.flatMap((task) => task.data?.main?.[0] ?? []);
	const error = run.data.resultData.error ?? tasks.find((task) => task.error)?.error;
	return { items, error, runData, run, credentialsHelper };
}
