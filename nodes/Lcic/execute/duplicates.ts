import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationSpec } from '../catalog/types';
import { lcicApiRequest } from '../transport';

// Re-running a roster sync registers the same students again. RegisterUser refuses an Origin ID
// it already knows; with the option on, the node answers with the user that already exists
// (found through LoginOriginId) instead, marked so that a workflow can tell the two apart.

const ORIGIN_ID_EXISTS = 'FailedOperation.OriginIdExists';

function errorCode(error: Error): string | undefined {
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	return typeof response?.code === 'string' ? response.code : undefined;
}

export async function onDuplicate(
	this: IExecuteFunctions,
	op: OperationSpec,
	body: IDataObject,
	error: Error,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	if (op.action !== 'RegisterUser' || errorCode(error) !== ORIGIN_ID_EXISTS) return undefined;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.returnExistingOnDuplicate === false) return undefined;
	const login = await lcicApiRequest.call(
		this,
		'LoginOriginId',
		{ SdkAppId: body.SdkAppId, OriginId: body.OriginId },
		{ readOnly: true, itemIndex },
	);
	return {
		UserId: login.UserId,
		OriginId: body.OriginId,
		AlreadyRegistered: true,
		RequestId: login.RequestId,
	};
}
