// DescribeDeveloper: the developer behind the signing key. The API answers only DeveloperId.
import type { ActionTable } from '../types';
import { stateOf } from './common';

export const developerActions: ActionTable = {
	DescribeDeveloper: {
		params: {},
		handler(ctx) {
			// createState registers each account's developer; an unknown one still has its own ID.
			const info = stateOf(ctx).developers.get(ctx.account.developerId);
			return { DeveloperId: String(info?.DeveloperId ?? ctx.account.developerId) };
		},
	},
};
