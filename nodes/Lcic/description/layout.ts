import type { FieldSpec, OperationSpec } from '../catalog/types';

// Where each field of an operation sits in the editor, per node version. One answer for the
// properties (description/) and the code that reads them back (params/), so both agree.
// - Version 1 (workflows saved before version 2 existed): required fields on top, every optional
//   field under Additional Fields (alphabetical), SdkAppId as a top-level number (0 = the
//   credential's). Kept as it was, so saved workflows run unchanged.
// - Version 2 (new nodes): also on top the optional fields that say what the operation is about
//   (`top`), and a "Find ... By" choice where the action takes one of several fields
//   (`alternatives`); Additional Fields in the catalog's order (by use); SdkAppId under Options.

export type NodeVersion = 1 | 2;
export const NODE_VERSIONS: NodeVersion[] = [1, 2];
export const LATEST_VERSION: NodeVersion = 2;

/** The layout of a node of this typeVersion (unknown or older ones read as version 1). */
export function layoutOf(typeVersion: number | undefined): NodeVersion {
	return typeof typeVersion === 'number' && typeVersion >= 2 ? 2 : 1;
}

export type Placement = 'top' | 'choice' | 'additional';

export function placementOf(op: OperationSpec, field: FieldSpec, version: NodeVersion): Placement {
	if (field.required || field.filledWhenEmpty) return 'top';
	if (version >= 2) {
		if (op.alternatives?.choices.some((choice) => choice.param === field.param)) return 'choice';
		if (field.top) return 'top';
	}
	return 'additional';
}

/** The fields under Additional Fields, in the order shown. */
export function additionalFieldsOf(op: OperationSpec, version: NodeVersion): FieldSpec[] {
	const fields = op.fields.filter((field) => placementOf(op, field, version) === 'additional');
	// Version 1 listed them alphabetically (Teacher 26th of 28); version 2 by use.
	return version === 1
		? [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName))
		: fields;
}

/** Where the per-operation SdkAppId override is: a top-level field (1) or under Options (2). */
export function sdkAppIdInOptions(version: NodeVersion): boolean {
	return version >= 2;
}
