import type { FieldSpec } from '../catalog/types';

// Parameter names shared by the properties (description/) and the code that reads them back
// (params/): both sides must agree, so they are derived here and nowhere else.

/** The collection that holds an operation's optional fields. */
export const ADDITIONAL_FIELDS = 'additionalFields';
/** The per-operation SdkAppId override (0 = the credential's default): top-level in node version 1, under Options from version 2. */
export const SDK_APP_ID = 'sdkAppId';
/** The collection of an operation's Options. */
export const OPTIONS = 'options';

/** The n8n parameter name of a field: its own key, or the LCIC name in lowerCamelCase. */
export function fieldKey(field: FieldSpec): string {
	return field.key ?? field.param.charAt(0).toLowerCase() + field.param.slice(1);
}

/** Object/entries fields: the option that picks "Using JSON" or "Using Fields Below". */
export function inputModeKey(field: FieldSpec): string {
	return `${fieldKey(field)}InputMode`;
}

/** Object/entries fields: the fixedCollection used in "Using Fields Below" mode. */
export function structuredKey(field: FieldSpec): string {
	return `${fieldKey(field)}Fields`;
}

/** The fixedCollection's single group name ("entry" rows for lists, "values" for objects). */
export function groupName(field: FieldSpec): string {
	return field.type === 'entries' ? 'entry' : 'values';
}

export type InputMode = 'json' | 'fields';
