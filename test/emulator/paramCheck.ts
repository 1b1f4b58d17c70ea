import { LcicError, type ParamSpec, type ParamType } from './types';

// Checks a request body against an action's ParamSpec the way Tencent's gateway does before
// the action runs: required parameters, JSON types and unknown names. Value ranges and
// meanings are the action handlers' job.

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): boolean {
	return typeof value === 'number' && Number.isInteger(value);
}

const CHECKS: Record<ParamType, (value: unknown) => boolean> = {
	String: (v) => typeof v === 'string',
	Integer: isInteger,
	Boolean: (v) => typeof v === 'boolean',
	Float: (v) => typeof v === 'number' && Number.isFinite(v),
	'Array of String': (v) => Array.isArray(v) && v.every((e) => typeof e === 'string'),
	'Array of Integer': (v) => Array.isArray(v) && v.every(isInteger),
	Object: isObject,
	'Array of Object': (v) => Array.isArray(v) && v.every(isObject),
};

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/** Parses the raw body: it must be one JSON object (an empty body counts as `{}`). */
export function parseBody(raw: Buffer): Record<string, unknown> {
	const text = raw.toString('utf8');
	if (text.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new LcicError('InvalidParameter', 'The request body is not valid JSON.');
	}
	if (!isObject(parsed))
		throw new LcicError('InvalidParameter', 'The request body must be a JSON object.');
	return parsed;
}

export function checkParams(
	params: Record<string, unknown>,
	spec: Record<string, ParamSpec>,
): void {
	for (const name of Object.keys(params)) {
		if (!Object.prototype.hasOwnProperty.call(spec, name)) {
			throw new LcicError('UnknownParameter', `The parameter \`${name}\` is not recognized.`);
		}
	}
	for (const [name, param] of Object.entries(spec)) {
		const value = params[name];
		if (value === undefined) {
			if (param.required)
				throw new LcicError(
					'MissingParameter',
					`The request is missing a required parameter \`${name}\`.`,
				);
			continue;
		}
		if (!CHECKS[param.type](value)) {
			throw new LcicError(
				'InvalidParameter',
				`The parameter \`${name}\` must be of type ${param.type}, but a ${describe(value)} was given.`,
			);
		}
	}
}
