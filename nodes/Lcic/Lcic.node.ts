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
		// Version 2: the fields that say what an operation is about on top, SdkAppId under
		// Options (description/layout.ts). Version 1 nodes keep their layout and behaviour.
		version: [1, 2],
		defaultVersion: 2,
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
