import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../catalog';
import type { AlternativeSpec, FieldSpec, OperationSpec } from '../catalog/types';
import { fieldProperty, inputModeProperty, structuredProperty } from './fieldProperty';
import {
	additionalFieldsOf,
	NODE_VERSIONS,
	placementOf,
	sdkAppIdInOptions,
	type NodeVersion,
} from './layout';
import { ADDITIONAL_FIELDS, inputModeKey, OPTIONS, SDK_APP_ID } from './names';
import { operationProperty, operationsOf, resourceProperty } from './operations';

// The node's properties, derived from the catalog: Resource, then per resource its Operation,
// then per operation its fields on top, paging, "Additional Fields" and "Options". Where the
// node versions differ (layout.ts), each version gets its own property, shown only to nodes of
// that version ('@version'); the rest is shared.

type Show = NonNullable<IDisplayOptions['show']>;

/** `@version` conditions: exactly version 1, or version 2 and later. */
const ONLY: Record<NodeVersion, Show> = {
	1: { '@version': [1] },
	2: { '@version': [{ _cnd: { gte: 2 } }] },
};

function showFor(op: OperationSpec, extra: Show = {}): IDisplayOptions {
	return { show: { resource: [op.resource], operation: [op.operation], ...extra } };
}

/** A field's property (or the three of an object/entries field) on top; `extra` narrows when it shows. */
function requiredProperties(
	op: OperationSpec,
	field: FieldSpec,
	extra: Show,
	required: boolean,
): INodeProperties[] {
	const flag = required ? { required: true } : {};
	if (field.type === 'object' || field.type === 'entries') {
		const mode = inputModeKey(field);
		return [
			{ ...inputModeProperty(field), displayOptions: showFor(op, extra) },
			{
				...fieldProperty(field),
				...flag,
				displayOptions: showFor(op, { ...extra, [mode]: ['json'] }),
			},
			{
				...structuredProperty(field),
				displayOptions: showFor(op, { ...extra, [mode]: ['fields'] }),
			},
		];
	}
	return [{ ...fieldProperty(field), ...flag, displayOptions: showFor(op, extra) }];
}

/** The "Find User By" choice of version 2, and each choice's field, shown when chosen. */
function alternativeProperties(op: OperationSpec, spec: AlternativeSpec): INodeProperties[] {
	// A named default: n8n's scanner reads a literal or a name, not an expression.
	const firstChoice = spec.choices[0].param;
	const selector: INodeProperties = {
		displayName: spec.displayName,
		name: spec.key,
		type: 'options',
		default: firstChoice,
		description: spec.description,
		options: spec.choices.map((choice) => ({
			name: choice.name,
			value: choice.param,
			description: choice.description,
		})),
		displayOptions: showFor(op, ONLY[2]),
	};
	const fields = spec.choices.flatMap((choice) => {
		const field = op.fields.find((candidate) => candidate.param === choice.param);
		if (!field) throw new Error(`${op.action}: no field ${choice.param} for ${spec.displayName}`);
		const shown = { ...field, description: choice.fieldDescription };
		return requiredProperties(op, shown, { ...ONLY[2], [spec.key]: [choice.param] }, true);
	});
	return [selector, ...fields];
}

const SDK_APP_ID_DESCRIPTION =
	"LCIC application to use. 0 uses the credential's Default SdkAppId; set another ID to work with a different application of the same account.";

/** Version 1: SdkAppId as a top-level field (0 = the credential's). */
function sdkAppIdProperty(op: OperationSpec): INodeProperties {
	return {
		displayName: 'SdkAppId',
		name: SDK_APP_ID,
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description: SDK_APP_ID_DESCRIPTION,
		displayOptions: showFor(op, ONLY[1]),
	};
}

/** Version 2: the same override as an option, absent unless added. */
const SDK_APP_ID_OPTION: INodeProperties = {
	displayName: 'SdkAppId',
	name: SDK_APP_ID,
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	description:
		"Another LCIC application of the same account than the credential's Default SdkAppId",
};

function pagingProperties(op: OperationSpec): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(op),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: showFor(op, { returnAll: [false] }),
		},
	];
}

function additionalFieldsProperty(
	op: OperationSpec,
	version: NodeVersion,
): INodeProperties | undefined {
	const fields = additionalFieldsOf(op, version);
	if (fields.length === 0) return undefined;
	return {
		displayName: 'Additional Fields',
		name: ADDITIONAL_FIELDS,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Optional parameters of the action; only the fields added here are sent',
		displayOptions: showFor(op, ONLY[version]),
		options: fields.map((field) => fieldProperty(field)),
	};
}

/** The operation's own Options (catalog entry `options`, read back by its hooks); SdkAppId from version 2. */
function optionsProperty(op: OperationSpec, version: NodeVersion): INodeProperties | undefined {
	const options = [...(op.options ?? [])];
	if (sdkAppIdInOptions(version) && op.sdkAppId !== 'none') options.push(SDK_APP_ID_OPTION);
	if (!options.length) return undefined;
	return {
		displayName: 'Options',
		name: OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'How the node behaves, beyond the parameters it sends',
		displayOptions: showFor(op, ONLY[version]),
		options,
	};
}

export function operationProperties(op: OperationSpec): INodeProperties[] {
	const properties: INodeProperties[] = [];
	// On top: required fields (and those the node fills when empty) for every version, then
	// version 2's own.
	for (const field of op.fields) {
		if (field.required || field.filledWhenEmpty)
			properties.push(...requiredProperties(op, field, {}, field.required === true));
		else if (placementOf(op, field, 2) === 'top')
			properties.push(...requiredProperties(op, field, ONLY[2], false));
	}
	if (op.alternatives) properties.push(...alternativeProperties(op, op.alternatives));
	if (op.sdkAppId !== 'none') properties.push(sdkAppIdProperty(op));
	if (op.paging) properties.push(...pagingProperties(op));
	for (const version of NODE_VERSIONS) {
		const additional = additionalFieldsProperty(op, version);
		if (additional) properties.push(additional);
	}
	for (const version of NODE_VERSIONS) {
		const options = optionsProperty(op, version);
		if (options) properties.push(options);
	}
	return properties;
}

export function buildNodeProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [resourceProperty()];
	for (const resource of RESOURCES) {
		const selector = operationProperty(resource.value);
		if (!selector) continue;
		properties.push(selector);
		for (const op of operationsOf(resource.value)) properties.push(...operationProperties(op));
	}
	return properties;
}
