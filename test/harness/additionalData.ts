// IWorkflowExecuteAdditionalData: what the n8n server hands WorkflowExecute besides the workflow.
// The real one (packages/cli's WorkflowExecuteAdditionalData.getBase) wires databases, the task
// runner and sub-workflow execution; our node uses none of that, so those entries throw loudly
// instead of being silently mocked.
import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialsHelper,
	INodeParameters,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

function unsupported(what: string): never {
	throw new Error(`The LCIC test harness does not support ${what}`);
}

export interface AdditionalDataOptions {
	credentialsHelper: ICredentialsHelper;
	workflowData: IWorkflowBase;
	mode: WorkflowExecuteMode;
	executionId: string;
	/** Defaults to the node's own parameters, as in a real run. */
	currentNodeParameters?: INodeParameters;
}

/** Hooks that only exist so WorkflowExecute can run them; tests read the returned IRun instead. */
export function createHooks(
	options: Pick<AdditionalDataOptions, 'mode' | 'executionId' | 'workflowData'>,
): ExecutionLifecycleHooks {
	return new ExecutionLifecycleHooks(options.mode, options.executionId, options.workflowData);
}

export function createAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	const baseUrl = 'http://localhost:5678';
	return {
		credentialsHelper: options.credentialsHelper,
		hooks: createHooks(options),
		// No external secrets vault: the proxy with no manager answers "no secrets".
		externalSecretsProxy: new ExternalSecretsProxy(),
		executionId: options.executionId,
		currentNodeExecutionIndex: 0,
		currentNodeParameters: options.currentNodeParameters,
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: baseUrl,
		formBaseUrl: `${baseUrl}/form`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		formTestBaseUrl: `${baseUrl}/form-test`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		mcpBaseUrl: `${baseUrl}/mcp`,
		mcpTestBaseUrl: `${baseUrl}/mcp-test`,
		variables: {},
		userId: 'lcic-test-user',
		workflowId: options.workflowData.id,
		executeWorkflow: async () => unsupported('sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => unsupported('task runners (Code node)'),
	};
}
