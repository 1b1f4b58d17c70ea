// Runs the Event Trigger the way n8n's server does, inside n8n-core's contexts:
// - webhook methods (checkExists, then create when it answers false; delete) in a HookContext,
//   as ActiveWorkflowManager/WebhookService run them on activation and deactivation (mode
//   'trigger'), or as test webhooks do ('manual');
// - a callback request in a WebhookContext, with n8n's body parsing and answer rules
//   (webhook-helpers.ts: a JSON body n8n cannot parse is answered 422 before the node runs;
//   noWebhookResponse means the node answered itself; webhookResponse without workflowData is
//   a 200 with no execution).
// Static data lives in a "database" like n8n's: each request and hook call works on its own
// copy loaded from it, saved back when changed (ActiveWorkflowManager / the publication service
// after adding or removing webhooks, LiveWebhooks after a request's response). A request that
// starts an execution goes on the way n8n 2.x runs it: WorkflowRunner first builds another
// Workflow on the request's static data (establishContextForPersistence), which clears its
// "changed" flag, so LiveWebhooks then saves nothing; the execution loads the static data from
// the database, runs the trigger node's execute() on the items (WorkflowExecute), and its
// changed static data is saved when it ends (execution lifecycle hook). restart() starts from
// the database with a fresh process memory. Test webhooks ('manual') keep their static data with
// the test registration and never save to the database.
import './environment';

import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { forgetProcessMemory } from '../../nodes/Lcic/webhook/duplicates';
import type { BuiltCallback } from '../emulator/callbackBody';
import { createAdditionalData } from './additionalData';
import {
	credentialsReference,
	credentialDataOf,
	TestCredentialsHelper,
	type EmulatorEndpoint,
} from './credentials';
import { createNodeTypes, LCIC_EVENT_TRIGGER_NODE_TYPE } from './nodeTypes';
import { testWorkflow } from './testWorkflow';

export const EVENT_TRIGGER_NODE_NAME = 'LCIC Event Trigger';
export const EVENT_TRIGGER_WEBHOOK_ID = '5b0c3a8e-lcic-hook';

export interface EventTriggerOptions {
	emulator?: EmulatorEndpoint;
	/** Credential data (merged over the emulator's when there is one). */
	credentials?: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
	/** n8n's webhook base: WEBHOOK_URL + "webhook" (default: n8n on localhost:5678). */
	webhookBaseUrl?: string;
	workflowId?: string;
	/** The workflow's time zone setting (default: n8n's, GENERIC_TIMEZONE). */
	timeZone?: string;
}

export interface WebhookAnswer {
	status: number;
	body: unknown;
	/** The items of the execution this request started, if it started one. */
	items?: INodeExecutionData[];
	/** What the trigger node put out inside that execution. */
	executionItems?: INodeExecutionData[];
}

interface FakeResponse {
	statusCode: number;
	body: unknown;
	sent: boolean;
	status(code: number): FakeResponse;
	json(body: unknown): FakeResponse;
	send(body?: unknown): FakeResponse;
	end(): FakeResponse;
}

function fakeResponse(): FakeResponse {
	const res: FakeResponse = {
		statusCode: 200,
		body: undefined,
		sent: false,
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(body) {
			res.body = body;
			res.sent = true;
			return res;
		},
		send(body) {
			res.body = body;
			res.sent = true;
			return res;
		},
		end() {
			res.sent = true;
			return res;
		},
	};
	return res;
}

/** req.body as n8n's body parser leaves it (middlewares/body-parser.ts, parseBody). */
function parsedBody(contentType: string, raw: string): { body?: unknown; unparsable?: boolean } {
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (raw === '') return {};
	if (type === 'application/json') {
		try {
			return { body: JSON.parse(raw) as unknown };
		} catch {
			return { unparsable: true };
		}
	}
	if (type === 'text/plain') return { body: raw };
	return {};
}

function queryOf(query: string): IDataObject {
	return Object.fromEntries(new URLSearchParams(query.replace(/^\?/, '')));
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

export class EventTriggerRig {
	/** The workflow's static data as the database holds it. */
	database: IDataObject = {};
	/** The static data of the current test registration ("Listen for test event"). */
	private testStaticData: IDataObject = {};
	readonly credentialsHelper: TestCredentialsHelper;
	private parameters: INodeParameters;

	constructor(private readonly options: EventTriggerOptions) {
		this.credentialsHelper = new TestCredentialsHelper(
			credentialDataOf(options, 'EventTriggerRig'),
		);
		this.parameters = options.parameters;
	}

	/** The node's part of the saved static data. */
	get nodeStaticData(): IDataObject {
		return (this.database[`node:${EVENT_TRIGGER_NODE_NAME}`] ?? {}) as IDataObject;
	}

	setParameters(parameters: INodeParameters): void {
		this.parameters = parameters;
	}

	/** n8n restarted: the database stays, this process's memory is gone. */
	restart(): void {
		forgetProcessMemory();
		this.database = clone(this.database);
	}

	private build(mode: 'trigger' | 'manual' | 'webhook', staticData?: IDataObject) {
		const node: INode = {
			id: 'node-lcic-event-trigger',
			name: EVENT_TRIGGER_NODE_NAME,
			type: LCIC_EVENT_TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: this.parameters,
			credentials: credentialsReference(),
			webhookId: EVENT_TRIGGER_WEBHOOK_ID,
		};
		const { workflowData, workflow } = testWorkflow({
			id: this.options.workflowId ?? 'lcic-event-workflow',
			name: 'LCIC event workflow',
			nodes: [node],
			connections: {},
			active: mode !== 'manual',
			nodeTypes: createNodeTypes(),
			timezone: this.options.timeZone || undefined,
			staticData: staticData ?? clone(mode === 'manual' ? this.testStaticData : this.database),
		});
		const additionalData = createAdditionalData({
			credentialsHelper: this.credentialsHelper,
			workflowData,
			mode: mode === 'manual' ? 'manual' : mode === 'webhook' ? 'webhook' : 'trigger',
			executionId: `lcic-webhook-${Date.now()}`,
		});
		if (this.options.webhookBaseUrl) {
			additionalData.webhookBaseUrl = this.options.webhookBaseUrl;
			additionalData.webhookTestBaseUrl = this.options.webhookBaseUrl.replace(
				/webhook$/,
				'webhook-test',
			);
		}
		const workflowNode = workflow.getNode(EVENT_TRIGGER_NODE_NAME) as INode;
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, 1);
		const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: EVENT_TRIGGER_NODE_NAME,
			path: `${EVENT_TRIGGER_WEBHOOK_ID}/lcic`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: EVENT_TRIGGER_WEBHOOK_ID,
			isTest: mode === 'manual',
		};
		return { workflow, workflowNode, nodeType, additionalData, webhookData };
	}

	private save(workflow: Workflow, mode: 'trigger' | 'manual' | 'webhook'): void {
		if (!(workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged) return;
		if (mode === 'manual') this.testStaticData = clone(workflow.staticData);
		else this.database = clone(workflow.staticData);
	}

	/** The URL n8n gives the node (getNodeWebhookUrl('default')). */
	webhookUrl(mode: 'trigger' | 'manual' = 'trigger'): string {
		const base =
			mode === 'manual'
				? (this.options.webhookBaseUrl ?? 'http://localhost:5678/webhook').replace(
						/webhook$/,
						'webhook-test',
					)
				: (this.options.webhookBaseUrl ?? 'http://localhost:5678/webhook');
		return `${base}/${EVENT_TRIGGER_WEBHOOK_ID}/lcic`;
	}

	/** Activation: checkExists, and create when it answers false. Throws what n8n would show. */
	async activate(
		activation: WorkflowActivateMode = 'activate',
		mode: 'trigger' | 'manual' = 'trigger',
	): Promise<{ created: boolean }> {
		if (mode === 'manual') this.testStaticData = clone(this.database);
		const { workflow, workflowNode, nodeType, additionalData, webhookData } = this.build(mode);
		const hooks = nodeType.webhookMethods?.default;
		if (!hooks?.checkExists || !hooks.create) throw new Error('The trigger has no webhook methods');
		const context = new HookContext(
			workflow,
			workflowNode,
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : activation,
			webhookData,
		);
		try {
			const exists = await hooks.checkExists.call(context);
			if (!exists) await hooks.create.call(context);
			return { created: !exists };
		} finally {
			this.save(workflow, mode);
		}
	}

	/** Deactivation: delete. */
	async deactivate(mode: 'trigger' | 'manual' = 'trigger'): Promise<boolean> {
		const { workflow, workflowNode, nodeType, additionalData, webhookData } = this.build(mode);
		const context = new HookContext(
			workflow,
			workflowNode,
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : 'update',
			webhookData,
		);
		try {
			return (await nodeType.webhookMethods?.default?.delete?.call(context)) ?? true;
		} finally {
			this.save(workflow, mode);
		}
	}

	/** One callback request to the production URL (or the test URL in 'manual' mode). */
	async deliver(
		request: BuiltCallback,
		mode: 'webhook' | 'manual' = 'webhook',
	): Promise<WebhookAnswer> {
		const { body, unparsable } = parsedBody(request.contentType, request.body);
		if (unparsable) return { status: 422, body: { message: 'Failed to parse request body' } };
		const { workflow, workflowNode, nodeType, additionalData, webhookData } = this.build(mode);
		const description = webhookData.webhookDescription;
		const res = fakeResponse();
		additionalData.httpRequest = {
			body: body ?? {},
			rawBody: Buffer.from(request.body, 'utf8'),
			headers: { 'content-type': request.contentType },
			query: queryOf(request.query),
			params: {},
			method: 'POST',
			contentType: request.contentType.split(';')[0].trim(),
		} as unknown as typeof additionalData.httpRequest;
		additionalData.httpResponse = res as unknown as typeof additionalData.httpResponse;
		const context = new WebhookContext(
			workflow,
			workflowNode,
			additionalData,
			mode,
			webhookData,
			[],
			null,
		);
		if (!nodeType.webhook) throw new Error('The trigger has no webhook()');
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook.call(context);
		} catch (error) {
			if (mode === 'webhook') this.save(workflow, mode);
			throw error;
		}
		let executionItems: INodeExecutionData[] | undefined;
		if (result.workflowData) {
			// WorkflowRunner.establishContextForPersistence: a Workflow on the same static data.
			new Workflow({
				id: workflow.id,
				nodes: Object.values(workflow.nodes),
				connections: {},
				active: true,
				nodeTypes: workflow.nodeTypes,
				staticData: workflow.staticData,
			});
		}
		// Test webhooks do not save static data (TestWebhooks.executeWebhook).
		if (mode === 'webhook') this.save(workflow, mode);
		if (result.workflowData) executionItems = await this.execute(result.workflowData[0], mode);
		if (result.noWebhookResponse) return { status: res.statusCode, body: res.body };
		if (!result.workflowData) {
			return { status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' } };
		}
		// An execution starts: n8n answers the webhook description's responseData, evaluated
		// (webhook-helpers.ts, extractWebhookOnReceivedResponse), or else webhookResponse.
		const responseData = workflow.expression.getComplexParameterValue(
			workflowNode,
			description.responseData,
			mode,
			{},
			undefined,
			'firstEntryJson',
		);
		return {
			status: 200,
			body:
				responseData === 'noData'
					? undefined
					: (responseData ?? result.webhookResponse ?? { message: 'Workflow was started' }),
			items: result.workflowData[0],
			executionItems,
		};
	}

	/** The execution a callback started: the trigger node first, with the callback's items. */
	private async execute(
		items: INodeExecutionData[],
		mode: 'webhook' | 'manual',
	): Promise<INodeExecutionData[]> {
		// runMainProcess loads the static data from the database (loadStaticData).
		const { workflow, workflowNode, additionalData } = this.build(
			mode,
			clone(mode === 'manual' ? this.testStaticData : this.database),
		);
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: workflowNode, data: { main: [items] }, source: null }],
			},
		});
		const run = await new WorkflowExecute(
			additionalData,
			mode,
			runExecutionData,
		).processRunExecutionData(workflow);
		const error = run.data.resultData.error;
		if (error) throw error;
		// hookFunctionsSave: saved when changed, never in manual mode.
		if (mode === 'webhook') this.save(workflow, mode);
		const tasks = run.data.resultData.runData[EVENT_TRIGGER_NODE_NAME] ?? [];
		return tasks.flatMap((task) => task.data?.main?.[0] ?? []);
	}
}
