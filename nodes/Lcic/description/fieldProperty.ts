import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import type { FieldSpec } from '../catalog/types';
import { fieldKey, groupName, inputModeKey, structuredKey } from './names';

// One catalog field as n8n properties. Most fields are one property. Object and entries fields
// (an LCIC Object or Array of Object) offer two ways in, the way n8n's HTTP Request node does
// for its body: an "Input Mode" option with "Using JSON" (a json property named after the
// field) and "Using Fields Below" (a fixedCollection with one input per LCIC member). JSON is
// the default because lists of rooms or users usually arrive whole from an earlier node
// ({{ $json.rooms }}), and because a json property keeps any value an expression or a saved
// workflow gives it, where a fixedCollection would drop an array. Inside "Additional Fields"
// only the JSON input exists: n8n does not support options that hide their collection siblings.

const SEARCH_METHODS: Record<string, string> = {
	room: 'searchRooms',
	group: 'searchGroups',
	document: 'searchDocuments',
	user: 'searchUsers',
};

const ID_PLACEHOLDERS: Record<string, string> = {
	room: 'e.g. 301234567',
	group: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe',
	document: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe',
	user: 'e.g. 2CvDgjRNjylAsBZB4iZc0F6koXe',
};

/**
 * By ID's check for numeric IDs (rooms), as they are typed; LCIC's string IDs take any text.
 * `severalIds` fields take a comma-separated list (the trigger's rooms to watch).
 */
function idValidation(field: FieldSpec): Pick<INodePropertyMode, 'validation'> {
	if (field.idType !== 'integer') return {};
	return {
		validation: [
			{
				type: 'regex',
				properties: field.severalIds
					? {
							regex: '^\\s*\\d+(\\s*,\\s*\\d+)*\\s*$',
							errorMessage: 'Enter numeric IDs, separated by commas',
						}
					: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Enter a numeric ID' },
			},
		],
	};
}

function numberOptions(field: FieldSpec): INodeProperties['typeOptions'] {
	const options: NonNullable<INodeProperties['typeOptions']> = {};
	if (field.min !== undefined) options.minValue = field.min;
	if (field.max !== undefined) options.maxValue = field.max;
	if (field.type === 'integer') options.numberPrecision = 0;
	return Object.keys(options).length ? options : undefined;
}

function scalarDefault(
	field: FieldSpec,
	fallback: INodeProperties['default'],
): INodeProperties['default'] {
	return field.default !== undefined ? (field.default as INodeProperties['default']) : fallback;
}

/** The single property of a field (for object/entries: the JSON input). */
export function fieldProperty(field: FieldSpec, name = fieldKey(field)): INodeProperties {
	const base = { displayName: field.displayName, name, description: field.description };
	const placeholder = field.placeholder ? { placeholder: field.placeholder } : {};
	switch (field.type) {
		case 'string':
			return { ...base, ...placeholder, type: 'string', default: scalarDefault(field, '') };
		case 'integer':
		case 'number':
			return {
				...base,
				type: 'number',
				default: scalarDefault(field, 0),
				typeOptions: numberOptions(field),
			};
		case 'boolean':
			return { ...base, type: 'boolean', default: scalarDefault(field, false) };
		case 'flag':
		case 'options': {
			const options = (field.options ?? []).map((option) => ({
				name: option.name,
				value: option.value,
				...(option.description ? { description: option.description } : {}),
			}));
			return {
				...base,
				type: 'options',
				options,
				default: scalarDefault(field, options[0]?.value ?? ''),
			};
		}
		case 'multiOptions':
			return {
				...base,
				type: 'multiOptions',
				options: (field.options ?? []).map(({ name: optionName, value, description }) => ({
					name: optionName,
					value,
					...(description ? { description } : {}),
				})),
				default: Array.isArray(field.default) ? field.default : [],
			};
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'stringList':
		case 'integerList':
			return {
				...base,
				type: 'string',
				default: '',
				placeholder:
					field.placeholder ??
					(field.type === 'integerList' ? 'e.g. 301234567, 301234568' : 'e.g. id1, id2'),
			};
		case 'json':
		case 'object':
		case 'entries':
			return {
				...base,
				description: `${field.description}. ${field.type === 'entries' ? 'A JSON array of objects' : 'JSON'} with LCIC parameter names.`,
				type: 'json',
				default:
					typeof field.default === 'string'
						? field.default
						: field.type === 'entries'
							? '[]'
							: '{}',
			};
		case 'room':
		case 'group':
		case 'document':
		case 'user':
			return {
				...base,
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				// "From List" (the resource's searchable list) and "By ID", written here inside the
				// property, where n8n's linters (and readers) expect the modes.
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: SEARCH_METHODS[field.type], searchable: true },
					},
					{
						displayName: 'By ID',
						name: 'id',
						type: 'string',
						placeholder: field.placeholder ?? ID_PLACEHOLDERS[field.type],
						...idValidation(field),
					},
				],
			};
	}
}

/** The "Using Fields Below" input of an object/entries field. */
export function structuredProperty(field: FieldSpec): INodeProperties {
	const rows = field.type === 'entries';
	return {
		displayName: field.displayName,
		name: structuredKey(field),
		type: 'fixedCollection',
		placeholder: rows ? `Add ${field.displayName.replace(/s$/, '')}` : `Set ${field.displayName}`,
		default: {},
		description: field.description,
		typeOptions: { multipleValues: rows },
		options: [
			{
				displayName: rows ? field.displayName.replace(/s$/, '') : field.displayName,
				name: groupName(field),
				values: (field.children ?? []).map((child) => fieldProperty(child)),
			},
		],
	};
}

/** The "Input Mode" option of an object/entries field. */
export function inputModeProperty(field: FieldSpec): INodeProperties {
	return {
		displayName: `${field.displayName} Input Mode`,
		name: inputModeKey(field),
		type: 'options',
		options: [
			{
				name: 'Using JSON',
				value: 'json',
				description: 'A JSON value or an expression that returns one',
			},
			{ name: 'Using Fields Below', value: 'fields', description: 'Fill in each value separately' },
		],
		default: 'json',
		description: `How to give ${field.displayName}`,
	};
}
