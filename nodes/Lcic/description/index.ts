import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../catalog';
import type { FieldSpec, OperationSpec } from '../catalog/types';
import { fieldProperty, inputModeProperty, structuredProperty } from './fieldProperty';
import { ADDITIONAL_FIELDS, inputModeKey, SDK_APP_ID } from './names';
import { operationProperty, operationsOf, resourceProperty } from './operations';

// The node's properties, derived from the catalog: Resource, then per resource its Operation,
// then per operation its required fields, SdkAppId, paging and "Additional Fields".

function showFor(op: OperationSpec, extra: IDisplayOptions['show'] = {}): IDisplayOptions {
	return { show: { resource: [op.resource], operation: [op.operation], ...extra } };
}

function requiredProperties(op: OperationSpec, field: FieldSpec): INodeProperties[] {
	if (field.type === 'object' || field.type === 'entries') {
		const mode = inputModeKey(field);
		return [
			{ ...inputModeProperty(field), displayOptions: showFor(op) },
			{
				...fieldProperty(field),
				required: true,
				displayOptions: showFor(op, { [mode]: ['json'] }),
			},
			{ ...structuredProperty(field), displayOptions: showFor(op, { [mode]: ['fields'] }) },
		];
	}
	return [{ ...fieldProperty(field), required: true, displayOptions: showFor(op) }];
}

function sdkAppIdProperty(op: OperationSpec): INodeProperties {
	return {
		displayName: 'SdkAppId',
		name: SDK_APP_ID,
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description:
			"LCIC application to use. 0 uses the credential's Default SdkAppId; set another ID to work with a different application of the same account.",
		displayOptions: showFor(op),
	};
}

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

function additionalFieldsProperty(op: OperationSpec, fields: FieldSpec[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: ADDITIONAL_FIELDS,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Optional parameters of the action; only the fields added here are sent',
		displayOptions: showFor(op),
		options: fields
			.map((field) => fieldProperty(field))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The operation's own Options (catalog entry `options`), which its hooks read back. */
function optionsProperty(op: OperationSpec): INodeProperties | undefined {
	const options = op.options;
	if (!options?.length) return undefined;
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'How the node behaves, beyond the parameters it sends',
		displayOptions: showFor(op),
		options,
	};
}

export function operationProperties(op: OperationSpec): INodeProperties[] {
	const required = op.fields.filter((field) => field.required);
	const optional = op.fields.filter((field) => !field.required);
	const properties = required.flatMap((field) => requiredProperties(op, field));
	if (op.sdkAppId !== 'none') properties.push(sdkAppIdProperty(op));
	if (op.paging) properties.push(...pagingProperties(op));
	if (optional.length) properties.push(additionalFieldsProperty(op, optional));
	const options = optionsProperty(op);
	if (options) properties.push(options);
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
