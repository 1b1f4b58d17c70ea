// The workflow every harness runs a node in: its saved form (IWorkflowBase, what n8n-core's
// additional data and getTimezone() read) and the Workflow built from it, with the settings n8n
// gives a new workflow and, when a test sets one, the workflow's time zone.
import { Workflow } from 'n8n-workflow';
import type { IConnections, IDataObject, INode, INodeTypes, IWorkflowBase } from 'n8n-workflow';

export interface TestWorkflowSpec {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	active: boolean;
	nodeTypes: INodeTypes;
	/** The workflow's time zone setting (IANA name); unset: n8n's default, GENERIC_TIMEZONE. */
	timezone?: string;
	/** The Workflow's static data (n8n keeps a node's under 'node:<name>'). */
	staticData?: IDataObject;
}

export function testWorkflow(spec: TestWorkflowSpec): {
	workflowData: IWorkflowBase;
	workflow: Workflow;
} {
	const workflowData: IWorkflowBase = {
		id: spec.id,
		name: spec.name,
		active: spec.active,
		activeVersionId: null,
		isArchived: false,
		nodes: spec.nodes,
		connections: spec.connections,
		settings: {
			executionOrder: 'v1',
			...(spec.timezone === undefined ? {} : { timezone: spec.timezone }),
		},
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: spec.nodes,
		connections: spec.connections,
		nodeTypes: spec.nodeTypes,
		active: spec.active,
		settings: workflowData.settings,
		...(spec.staticData === undefined ? {} : { staticData: spec.staticData }),
	});
	return { workflowData, workflow };
}
