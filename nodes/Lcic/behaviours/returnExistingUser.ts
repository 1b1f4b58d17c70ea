import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { errorCode } from '../transport/errors';
import type { BatchPlan, ItemOutput, ItemRun, OperationHooks } from '../catalog/hooks';

// User > Create (RegisterUser). Re-running a roster sync registers the same students again.
// RegisterUser refuses an Origin ID it already knows; with this option on (the default), the
// node answers with the user that already exists (found through LoginOriginId) instead, marked
// so that a workflow can tell the two apart.
//
// Several items go out as one BatchRegister, which does something else with a known Origin ID:
// "If a user ID already exists, the existing one will be overwritten" (reference), so the
// existing user's Name and Avatar would change and nothing would say the user existed. So
// before a batch the application's users are listed once (DescribeSdkAppIdUsers gives each
// user's OriginId): known Origin IDs are answered as the single path answers them, untouched;
// an Origin ID given twice in one run goes into the batch once, and its later items run alone
// afterwards (RegisterUser, then the recovery above), as they would one by one.

const OPTION = 'returnExistingOnDuplicate';
const ORIGIN_ID_EXISTS = 'FailedOperation.OriginIdExists';

export const RETURN_EXISTING_USER_OPTION: INodeProperties = {
	displayName: 'Return Existing User on Duplicate Origin ID',
	name: OPTION,
	type: 'boolean',
	default: true,
	description:
		"Whether an Origin ID that is already registered returns the existing user (marked AlreadyRegistered, name and avatar left as they are) instead of failing the item. Several items go out as one BatchRegister for the new users; the application's users are listed once first to find the existing ones.",
};

const wanted = (options: IDataObject): boolean => options[OPTION] !== false;

/**
 * One item's output whichever action answered: RegisterUser gives UserId and a login Token,
 * BatchRegister's BatchUserInfo SdkAppId, UserId and OriginId, no token (reference), and an
 * existing user is answered by LoginOriginId or the listing. Only what every path has is output,
 * so a workflow tried with one row runs the same on a whole roster: UserId, OriginId (when
 * given), AlreadyRegistered and the RequestId of the call that answered (when one did).
 */
function sameFields(record: IDataObject, body: IDataObject): IDataObject {
	const output: IDataObject = { UserId: record.UserId };
	const originId = body.OriginId;
	if (typeof originId === 'string' && originId !== '') output.OriginId = originId;
	output.AlreadyRegistered = record.AlreadyRegistered === true;
	if (record.RequestId !== undefined) output.RequestId = record.RequestId;
	return output;
}

export const returnExistingUser: OperationHooks = {
	// BatchRegister overwrites an existing Origin ID; a user who asked for duplicates to fail
	// gets one RegisterUser per item so that they do.
	useBatch: (run) => wanted(run.options),

	output: sameFields,

	async recover(item, body, error) {
		if (errorCode(error) !== ORIGIN_ID_EXISTS || !wanted(item.options)) return undefined;
		const login = await item.call('LoginOriginId', {
			SdkAppId: body.SdkAppId,
			OriginId: body.OriginId,
		});
		return {
			UserId: login.UserId,
			OriginId: body.OriginId,
			AlreadyRegistered: true,
			RequestId: login.RequestId,
		};
	},

	async prepareBatch(_run, items): Promise<BatchPlan> {
		const answered = new Map<number, ItemOutput>();
		const alone: number[] = [];
		const inBatch = new Set<string>();
		for (const item of items) {
			const originId = item.body.OriginId;
			// Without an Origin ID LCIC uses the new UserId: always a new user.
			if (typeof originId !== 'string' || originId === '') continue;
			const existing = (await existingUsers(item)).get(originId);
			if (existing !== undefined) {
				answered.set(item.index, [
					{ UserId: existing, OriginId: originId, AlreadyRegistered: true },
				]);
				continue;
			}
			const key = `${String(item.body.SdkAppId)}\n${originId}`;
			if (inBatch.has(key)) alone.push(item.index);
			else inBatch.add(key);
		}
		return { answered, alone };
	},
};

/** The application's users by Origin ID, listed once per execution and SdkAppId. */
function existingUsers(item: ItemRun): Promise<Map<string, string>> {
	const sdkAppId = Number(item.body.SdkAppId);
	return item.run.once(`usersByOrigin:${sdkAppId}`, async () => {
		const users = await item.list('DescribeSdkAppIdUsers', { SdkAppId: sdkAppId });
		const byOrigin = new Map<string, string>();
		for (const user of users) {
			if (typeof user.OriginId === 'string' && user.OriginId !== '' && user.UserId)
				byOrigin.set(user.OriginId, String(user.UserId));
		}
		return byOrigin;
	});
}
