// The INodeTypes registry n8n-core resolves workflow nodes through. The real server builds it from
// installed packages; here it holds our nodes plus a tiny start node, since n8n-nodes-base (which
// has the Manual Trigger) is not a dependency of this package.
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

export const LCIC_NODE_TYPE = 'n8n-nodes-tencent-lcic.lcic';
export const LCIC_TRIGGER_NODE_TYPE = 'n8n-nodes-tencent-lcic.lcicTrigger';
export const LCIC_EVENT_TRIGGER_NODE_TYPE = 'n8n-nodes-tencent-lcic.lcicEventTrigger';
export const START_NODE_TYPE = 'n8n-nodes-tencent-lcic-test.start';

/**
 * Plays the Manual Trigger: no inputs, and it emits the items it was built with. Items are held
 * by the instance rather than passed as a node parameter, so 1,000-item rosters do not go through
 * parameter resolution before they even reach the node under test.
 */
export class StartNode implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Test Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the input items of a harness run',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	constructor(items: INodeExecutionData[] = [{ json: {} }]) {
		// n8n calls execute() with its execution context as `this`, so the items travel in a closure.
		// Copies, so a node that mutates its input cannot change the caller's fixtures.
		this.execute = async () => [items.map((item) => ({ ...item, json: { ...item.json } }))];
	}
}

/** Builds the start node's items from plain objects. */
export function toItems(rows: IDataObject[]): INodeExecutionData[] {
	return rows.map((json) => ({ json }));
}

type Loader = () => INodeType;

// Our nodes are loaded on first use: while one of them does not build yet, workflows that do
// not use it (say, trigger polling tests) keep working.
function lazy(load: () => Record<string, unknown>, className: string): Loader {
	let instance: INodeType | undefined;
	return () => {
		if (!instance) {
			const NodeClass = load()[className] as new () => INodeType;
			instance = new NodeClass();
		}
		return instance;
	};
}

const builtIn: Record<string, Loader> = {
	// require() keeps a missing or broken file from breaking the harness's own type check.
	// The .ts extension is explicit: beside Lcic.node.ts lies the codex file Lcic.node.json, which
	// Node's own resolution (tsx, scripts) would pick before the TypeScript source.
	[LCIC_NODE_TYPE]: lazy(() => require('../../nodes/Lcic/Lcic.node.ts'), 'Lcic'),
	[LCIC_TRIGGER_NODE_TYPE]: lazy(
		() => require('../../nodes/Lcic/LcicTrigger.node.ts'),
		'LcicTrigger',
	),
	[LCIC_EVENT_TRIGGER_NODE_TYPE]: lazy(
		() => require('../../nodes/Lcic/LcicEventTrigger.node.ts'),
		'LcicEventTrigger',
	),
};

export interface CreateNodeTypesOptions {
	/** What the start node emits (default: one empty item, like the Manual Trigger). */
	inputItems?: INodeExecutionData[];
}

export class TestNodeTypes implements INodeTypes {
	private readonly loaders: Record<string, Loader>;

	constructor(extra: Record<string, INodeType> = {}, options: CreateNodeTypesOptions = {}) {
		const start = new StartNode(options.inputItems);
		this.loaders = { ...builtIn, [START_NODE_TYPE]: () => start };
		for (const [name, type] of Object.entries(extra)) this.loaders[name] = () => type;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.get(nodeType);
	}

	getByNameAndVersion(nodeType: string, _version?: number): INodeType {
		// Every node here has a single version.
		return this.get(nodeType);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.loaders).map((name) => [name, { className: name }]));
	}

	private get(nodeType: string): INodeType {
		const load = this.loaders[nodeType];
		if (!load) throw new Error(`Unknown node type in test harness: ${nodeType}`);
		return load();
	}
}

/** Our Lcic node, the LcicTrigger (when it loads), a start node, and any `extra` node types. */
export function createNodeTypes(
	extra: Record<string, INodeType> = {},
	options: CreateNodeTypesOptions = {},
): TestNodeTypes {
	return new TestNodeTypes(extra, options);
}
