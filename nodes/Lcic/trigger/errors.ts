import { errorCode } from '../transport';

export { asNodeError } from '../transport';

// How the trigger reacts to a failed request. An error that every room would meet as well (the
// key, the SdkAppId, the endpoint) fails the poll, so n8n shows it, and fails the activation when
// it happens there. A room that no longer answers is closed. Anything else is that room's
// problem for this poll only: its cursor stays, the other rooms go on.

export type FailureClass = 'fatal' | 'gone' | 'transient';

const FATAL_EXACT = new Set([
	'InvalidParameter.SdkAppId',
	'InvalidParameterValue.SdkAppId',
	'ResourceNotFound.SdkAppId',
	'InvalidAction',
	'UnsupportedRegion',
]);

export function classifyFailure(error: unknown): FailureClass {
	const code = errorCode(error);
	// Not an API answer (no credential, a bug): nothing room-specific about it.
	if (code === undefined) return 'fatal';
	if (code === 'AuthFailure' || code.startsWith('AuthFailure.') || FATAL_EXACT.has(code))
		return 'fatal';
	if (code === 'ResourceNotFound.Room') return 'gone';
	return 'transient';
}
