import type { OperationSpec } from './types';

// Developer APIs (1 action).

export const developerOperations: OperationSpec[] = [
	{
		resource: 'developer',
		operation: 'get',
		displayName: 'Get',
		action: 'DescribeDeveloper',
		description: 'Get the developer account of the credential (DescribeDeveloper)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [],
		output: { kind: 'response' },
	},
];
