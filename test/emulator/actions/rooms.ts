// Every room action, assembled from the files that implement them.
import type { ActionTable } from '../types';
import { roomCrudActions } from './roomCrud';
import { roomEventActions } from './roomEvents';
import { roomExtraActions } from './roomExtras';
import { roomLifecycleActions } from './roomLifecycle';
import { roomMessageActions } from './roomMessages';
import { roomQueryActions } from './roomQueries';

export const roomActions: ActionTable = {
	...roomCrudActions,
	...roomLifecycleActions,
	...roomEventActions,
	...roomQueryActions,
	...roomMessageActions,
	...roomExtraActions,
};
