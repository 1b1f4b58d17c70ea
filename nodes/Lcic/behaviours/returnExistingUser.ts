import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { errorCode } from '../transport/errors';
import type { OperationHooks } from '../catalog/hooks';

// User > Create (RegisterUser). Re-running a roster sync registers the same students again.
// RegisterUser refuses an Origin ID it already knows; with this option on (the default), the
// node answers with the user that already exists (found through LoginOriginId) instead, marked
// so that a workflow can tell the two apart.

const OPTION = 'returnExistingOnDuplicate';
const ORIGIN_ID_EXISTS = 'FailedOperation.OriginIdExists';

export const RETURN_EXISTING_USER_OPTION: INodeProperties = {
	displayName: 'Return Existing User on Duplicate Origin ID',
	name: OPTION,
	type: 'boolean',
	default: true,
	description:
		'Whether an Origin ID that is already registered returns the existing user instead of failing the item. A single item is marked AlreadyRegistered; several items go out as one BatchRegister, which answers with the existing UserId and cannot tell which users existed.',
};

const wanted = (options: IDataObject): boolean => options[OPTION] !== false;

export const returnExistingUser: OperationHooks = {
	// BatchRegister overwrites an existing Origin ID; a user who asked for duplicates to fail
	// gets one RegisterUser per item so that they do.
	useBatch: (run) => wanted(run.options),

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
};
