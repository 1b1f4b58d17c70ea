import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { searchRooms } from './methods/listSearch';
import { triggerProperties } from './trigger/description';
import { latestEvent } from './trigger/manual';
import { pollEvents } from './trigger/poll';

export class LcicTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud LCIC Trigger',
		name: 'lcicTrigger',
		icon: { light: 'file:../../icons/lcic.svg', dark: 'file:../../icons/lcic.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["watch"] === "chosen" ? "Chosen rooms" : "Every room"}}',
		description:
			'Starts the workflow on Tencent Cloud LCIC room events (class start and end, members joining and leaving, cameras, mics, screen sharing, finished recordings)',
		defaults: { name: 'Tencent Cloud LCIC Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudLcicApi', required: true }],
		properties: triggerProperties,
	};

	methods = {
		listSearch: { searchRooms },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// "Fetch Test Event" shows the latest event and must not move the cursors of the active trigger.
		if (this.getMode() === 'manual') return await latestEvent.call(this);
		return await pollEvents.call(this);
	}
}
