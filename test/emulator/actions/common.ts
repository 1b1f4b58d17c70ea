// Helpers every action file shares: finding the caller's application and raising LCIC errors.
import { LcicError, type ActionContext } from '../types';
import type { AppState, EmulatorState } from './state';

export function stateOf(ctx: ActionContext): EmulatorState {
	return ctx.state as EmulatorState;
}

/**
 * The application named by SdkAppId; it must belong to the account that signed the request.
 * Anything else (0, an unknown ID, another account's application) is the reference's
 * InvalidParameter.SdkAppId, "`SdkAppId` is incorrect." (Service Error Codes, and the error
 * tables of the actions that take SdkAppId), or `code` for an action whose table does not list
 * it (KickUserFromRoom: the room is then not found).
 */
export function appOf(
	ctx: ActionContext,
	sdkAppId: unknown = ctx.params.SdkAppId,
	code = 'InvalidParameter.SdkAppId',
): AppState {
	const id = Number(sdkAppId);
	const app = stateOf(ctx).apps.get(id);
	if (!app || id !== ctx.account.sdkAppId) {
		fail(
			code,
			`SdkAppId ${String(sdkAppId)} is incorrect: it is not an application of this account.`,
		);
	}
	return app;
}

export function fail(code: string, message: string): never {
	throw new LcicError(code, message);
}

export function page<T>(
	items: T[],
	pageNo: unknown,
	limit: unknown,
	defaults = { page: 1, limit: 20, maxLimit: 1000 },
): T[] {
	const p = pageNo === undefined ? defaults.page : Number(pageNo);
	const l = limit === undefined ? defaults.limit : Number(limit);
	if (!Number.isInteger(p) || p < 1)
		fail('InvalidParameterValue', `Page must be an integer >= 1, got ${String(pageNo)}.`);
	if (!Number.isInteger(l) || l < 1 || l > defaults.maxLimit) {
		fail(
			'InvalidParameterValue',
			`Limit must be an integer from 1 to ${defaults.maxLimit}, got ${String(limit)}.`,
		);
	}
	return items.slice((p - 1) * l, p * l);
}
