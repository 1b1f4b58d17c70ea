import type { ResourceSpec } from './types';

export const RESOURCES: ResourceSpec[] = [
	{ value: 'room', name: 'Room', description: 'Classrooms: schedule, start, end and inspect them' },
	{
		value: 'user',
		name: 'User',
		description: 'Teachers and students registered in the application',
	},
	{ value: 'group', name: 'Group', description: 'Groups of users that rooms can be limited to' },
	{
		value: 'document',
		name: 'Document (Courseware)',
		description: 'Courseware files and their binding to rooms',
	},
	{ value: 'record', name: 'Record', description: 'Recordings and replays of rooms' },
	{ value: 'supervisor', name: 'Supervisor', description: 'Spectators who can watch any room' },
	{
		value: 'appConfig',
		name: 'App Configuration',
		description: 'Application settings, custom content and watermarks',
	},
	{ value: 'developer', name: 'Developer', description: 'The developer account of the credential' },
];
