import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eventTriggerProperties } from './webhook/description';
import { receiveCallback } from './webhook/receive';
import { passThroughAndRemember } from './webhook/remembered';
import { register, registrationExists, unregister } from './webhook/registration';

// LCIC's callbacks as a webhook trigger: events the moment they happen, where the polling
// Tencent Cloud LCIC Trigger sees them up to a poll later. See webhook/ for the parts.

export class LcicEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud LCIC Event Trigger',
		name: 'lcicEventTrigger',
		icon: { light: 'file:../../icons/lcic.svg', dark: 'file:../../icons/lcic.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["register"] ? "Registered with LCIC" : "URL set in the console"}}',
		description:
			"Starts the workflow when LCIC calls back: classes starting and ending, members joining and leaving, recordings ready, documents transcoded (the application's callback URL)",
		defaults: { name: 'Tencent Cloud LCIC Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudLcicApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// What n8n answers when the callback starts an execution (Tencent: answer 200 quickly;
				// LCIC expects {"error_code":0}). Without it n8n 2.x answers the text "firstEntryJson".
				responseData: '={{ { "error_code": 0 } }}',
				path: 'lcic',
			},
		],
		properties: eventTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await register.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregister.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback.call(this);
	}

	// Runs inside the execution a callback started, with that callback's item: passes it on and
	// makes its memory of delivered events last (webhook/remembered.ts).
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await passThroughAndRemember.call(this);
	}
}
