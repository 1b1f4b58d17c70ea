import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldSpec, OperationSpec } from '../catalog/types';
import {
	ADDITIONAL_FIELDS,
	fieldKey,
	inputModeKey,
	SDK_APP_ID,
	structuredKey,
	type InputMode,
} from '../description/names';
import { chooseSdkAppId } from '../transport';
import { convertStructured, convertValue } from './convert';
import { emptyOptional } from './emptyValues';
import { FieldError } from './fieldError';
import { readListLimit } from './listLimit';

const LOCATORS = new Set(['room', 'group', 'document', 'user']);
const NO_SDK_APP_ID = "No SdkAppId: set one in the credential or in the operation's SdkAppId field";

/** The converted value of a required (top-level) field. */
function readTopLevel(
	this: IExecuteFunctions,
	field: FieldSpec,
	itemIndex: number,
	timeZone: string,
): unknown {
	const key = fieldKey(field);
	if (LOCATORS.has(field.type)) {
		return convertValue(field, this.getNodeParameter(key, itemIndex, '', { extractValue: true }));
	}
	if (field.type === 'object' || field.type === 'entries') {
		const mode = this.getNodeParameter(inputModeKey(field), itemIndex, 'json') as InputMode;
		if (mode === 'fields') {
			const rows = this.getNodeParameter(structuredKey(field), itemIndex, {});
			return convertStructured(field, rows, timeZone);
		}
	}
	return convertValue(field, this.getNodeParameter(key, itemIndex, ''), undefined, timeZone);
}

function build(
	this: IExecuteFunctions,
	itemIndex: number,
	op: OperationSpec,
	defaultSdkAppId: number | undefined,
): IDataObject {
	const body: IDataObject = {};
	// Date-time text without a zone is read in the workflow's time zone, as n8n's own nodes do.
	const timeZone = this.getTimezone();
	const hasOptional = op.fields.some((field) => !field.required);
	const additional = hasOptional
		? ((this.getNodeParameter(ADDITIONAL_FIELDS, itemIndex, {}) as IDataObject | undefined) ?? {})
		: {};

	for (const field of op.fields) {
		let value: unknown;
		if (field.required) {
			value = readTopLevel.call(this, field, itemIndex, timeZone);
			if (value === undefined)
				throw new FieldError(`"${field.displayName}" is required: fill it in or map a value to it`);
		} else {
			const key = fieldKey(field);
			// Only fields the user added to Additional Fields are sent.
			if (!(key in additional)) continue;
			value = convertValue(field, additional[key], undefined, timeZone);
			if (value === undefined) value = emptyOptional(this.getNode(), op, field);
			if (value === undefined) continue;
		}
		body[field.param] = value as IDataObject[string];
	}

	if (op.sdkAppId !== 'none') {
		const sdkAppId = chooseSdkAppId(
			this.getNodeParameter(SDK_APP_ID, itemIndex, 0),
			defaultSdkAppId,
		);
		if (sdkAppId === undefined && op.sdkAppId === 'required') throw new FieldError(NO_SDK_APP_ID);
		if (sdkAppId !== undefined) {
			const list = op.sdkAppIdInEntries ? body[op.sdkAppIdInEntries] : undefined;
			if (Array.isArray(list)) {
				// An entry's own SdkAppId (from JSON) wins over the operation's.
				body[op.sdkAppIdInEntries!] = (list as IDataObject[]).map((entry) => ({
					SdkAppId: sdkAppId,
					...entry,
				}));
			} else {
				body[op.sdkAppIdParam ?? 'SdkAppId'] =
					op.sdkAppIdType === 'string' ? String(sdkAppId) : sdkAppId;
			}
		}
	}

	// Checked with the rest, before anything is sent; runSingle reads it again.
	if (op.paging) readListLimit.call(this, itemIndex);

	const problem = op.validate?.(body, { timeZone, now: Math.floor(Date.now() / 1000) });
	if (problem) throw new FieldError(problem);
	return body;
}

/**
 * The LCIC request body of one item: every field read, converted and checked, SdkAppId filled
 * in, then the operation's own cross-field check. Problems become a NodeOperationError that
 * names the field and the item.
 */
export function buildRequestBody(
	this: IExecuteFunctions,
	itemIndex: number,
	op: OperationSpec,
	defaultSdkAppId?: number,
): IDataObject {
	try {
		return build.call(this, itemIndex, op, defaultSdkAppId);
	} catch (error) {
		// Field problems and n8n's own (a parameter it could not resolve) alike: the message
		// says what is wrong, the error points at the item.
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex,
			description: `${op.displayName} ${op.resource} (${op.action}), item ${itemIndex + 1}`,
		});
	}
}
