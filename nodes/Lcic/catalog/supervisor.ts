import { byPage } from './paging';
import type { FieldSpec, OperationSpec } from './types';

// Supervisor (spectator) APIs (3 actions). Supervisors are registered users who can watch any
// room of the application.

const users = (description: string): FieldSpec => ({
	param: 'Users',
	displayName: 'User IDs',
	description,
	type: 'stringList',
	required: true,
	default: '',
	placeholder: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe, 2CvDgjRNjylAsBZB4iZc0F6koXf',
});

export const supervisorOperations: OperationSpec[] = [
	{
		resource: 'supervisor',
		operation: 'create',
		displayName: 'Create',
		action: 'CreateSupervisor',
		description: 'Make registered users supervisors (CreateSupervisor)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [users('The users who become supervisors, comma-separated')],
		output: { kind: 'response' },
	},
	{
		resource: 'supervisor',
		operation: 'delete',
		displayName: 'Delete',
		action: 'DeleteSupervisor',
		description: 'Remove the supervisor role from users (DeleteSupervisor)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [users('The users who stop being supervisors, comma-separated; they stay registered')],
		output: { kind: 'response' },
	},
	{
		resource: 'supervisor',
		operation: 'getMany',
		displayName: 'Get Many',
		action: 'DescribeSupervisors',
		description: 'Get the supervisors of the application, one item per user (DescribeSupervisors)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [],
		paging: byPage('UserIds', 100),
		output: { kind: 'list', key: 'UserIds', valueField: 'UserId' },
	},
];
