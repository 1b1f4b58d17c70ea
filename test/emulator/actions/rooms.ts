// Every room action (15), assembled from the files that implement them.
import type { ActionTable } from '../types';
import { roomCrudActions } from './roomCrud';
import { roomEventActions } from './roomEvents';
import { roomLifecycleActions } from './roomLifecycle';
import { roomQueryActions } from './roomQueries';

export const roomActions: ActionTable = {
	...roomCrudActions,
	...roomLifecycleActions,
	...roomEventActions,
	...roomQueryActions,
};
