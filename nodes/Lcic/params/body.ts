import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldSpec, OperationSpec } from '../catalog/types';
import { layoutOf, placementOf, sdkAppIdInOptions, type NodeVersion } from '../description/layout';
import {
	ADDITIONAL_FIELDS,
	fieldKey,
	inputModeKey,
	OPTIONS,
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
const NO_SDK_APP_ID: Record<NodeVersion, string> = {
	1: "No SdkAppId: set one in the credential or in the operation's SdkAppId field",
	2: 'No SdkAppId: set Default SdkAppId in the credential, or add Options > SdkAppId to the operation',
};

/** The per-operation SdkAppId override as the node stores it (see layout.ts). */
function readSdkAppIdOverride(
	this: IExecuteFunctions,
	itemIndex: number,
	version: NodeVersion,
): unknown {
	if (!sdkAppIdInOptions(version)) return this.getNodeParameter(SDK_APP_ID, itemIndex, 0);
	const options = this.getNodeParameter(OPTIONS, itemIndex, {}) as IDataObject | undefined;
	return options?.[SDK_APP_ID];
}

/** Of a "Find ... By" choice: whether this field is the chosen one. */
function isChosen(
	this: IExecuteFunctions,
	op: OperationSpec,
	field: FieldSpec,
	itemIndex: number,
): boolean {
	const spec = op.alternatives!;
	return this.getNodeParameter(spec.key, itemIndex, spec.choices[0].param) === field.param;
}

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
	// Where each field is depends on the node's version (layout.ts).
	const version = layoutOf(this.getNode().typeVersion);
	const hasAdditional = op.fields.some((field) => placementOf(op, field, version) === 'additional');
	const additional = hasAdditional
		? ((this.getNodeParameter(ADDITIONAL_FIELDS, itemIndex, {}) as IDataObject | undefined) ?? {})
		: {};

	for (const field of op.fields) {
		let value: unknown;
		const placement = placementOf(op, field, version);
		if (placement === 'choice' && !isChosen.call(this, op, field, itemIndex)) continue;
		if (field.required || placement === 'choice') {
			value = readTopLevel.call(this, field, itemIndex, timeZone);
			if (value === undefined)
				throw new FieldError(`"${field.displayName}" is required: fill it in or map a value to it`);
		} else if (placement === 'top') {
			// On top but optional (User > Create: Name): left empty, it is not sent.
			value = readTopLevel.call(this, field, itemIndex, timeZone);
			if (value === undefined) continue;
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
			readSdkAppIdOverride.call(this, itemIndex, version),
			defaultSdkAppId,
		);
		if (sdkAppId === undefined && op.sdkAppId === 'required')
			throw new FieldError(NO_SDK_APP_ID[version]);
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
