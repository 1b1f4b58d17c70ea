// Supervisors (spectators): an application-wide set of registered users.
import type { ActionTable } from '../types';
import { appOf, fail, page } from './common';
import type { AppState } from './state';

function checkUsers(app: AppState, users: string[]): void {
	if (users.length === 0) fail('InvalidParameterValue', 'Users must not be empty.');
	for (const userId of users) {
		if (!app.users.has(userId)) fail('ResourceNotFound.User', `The user ${userId} does not exist.`);
	}
}

export const supervisorActions: ActionTable = {
	CreateSupervisor: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			Users: { type: 'Array of String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const users = ctx.params.Users as string[];
			checkUsers(app, users);
			for (const userId of users) app.supervisorIds.add(userId);
			return {};
		},
	},

	DeleteSupervisor: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			Users: { type: 'Array of String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const users = ctx.params.Users as string[];
			checkUsers(app, users);
			// Removing a registered user who is not a supervisor is a no-op, not an error.
			for (const userId of users) app.supervisorIds.delete(userId);
			return {};
		},
	},

	DescribeSupervisors: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			Limit: { type: 'Integer' },
			Page: { type: 'Integer' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const defaults = { page: 1, limit: 20, maxLimit: 100 };
			const all = [...app.supervisorIds];
			const shown = page(all, ctx.params.Page, ctx.params.Limit, defaults);
			return {
				Total: all.length,
				Page: Number(ctx.params.Page ?? defaults.page),
				Limit: Number(ctx.params.Limit ?? defaults.limit),
				UserIds: shown,
			};
		},
	},
};
