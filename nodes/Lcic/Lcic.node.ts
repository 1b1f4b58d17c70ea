import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { findOperation } from './catalog';
import { buildNodeProperties } from './description';
import { executeOperation } from './execute/router';
import { searchDocuments, searchGroups, searchRooms, searchUsers } from './methods/listSearch';

export class Lcic implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud LCIC',
		name: 'lcic',
		icon: { light: 'file:../../icons/lcic.svg', dark: 'file:../../icons/lcic.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run online classrooms on Tencent Cloud LCIC (Low-code Interactive Classroom): rooms, users, groups, courseware, recordings and app settings',
		defaults: { name: 'Tencent Cloud LCIC' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudLcicApi', required: true }],
		properties: buildNodeProperties(),
	};

	methods = {
		listSearch: { searchRooms, searchGroups, searchDocuments, searchUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		return [await executeOperation.call(this, findOperation(resource, operation))];
	}
}
