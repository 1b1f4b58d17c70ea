import type { IDataObject } from 'n8n-workflow';

import type { ChunkRule } from '../catalog/types';

// LCIC caps some arrays per call (200 member IDs, 100 group IDs, ...). The node splits an
// over-long array into calls of the allowed size; every other parameter is repeated.

export function splitByChunks(body: IDataObject, rules: ChunkRule[] | undefined): IDataObject[] {
	let bodies: IDataObject[] = [body];
	for (const rule of rules ?? []) {
		bodies = bodies.flatMap((current) => {
			const values = current[rule.param];
			if (!Array.isArray(values) || values.length <= rule.size) return [current];
			const parts: IDataObject[] = [];
			for (let start = 0; start < values.length; start += rule.size) {
				parts.push({ ...current, [rule.param]: values.slice(start, start + rule.size) });
			}
			return parts;
		});
	}
	return bodies;
}

/** Merges the responses of one split request: lists are concatenated, other fields keep the last value. */
export function mergeResponses(responses: IDataObject[]): IDataObject {
	if (responses.length === 1) return responses[0];
	const merged: IDataObject = {};
	for (const response of responses) {
		for (const [key, value] of Object.entries(response)) {
			const previous = merged[key];
			merged[key] =
				Array.isArray(previous) && Array.isArray(value) ? [...previous, ...value] : value;
		}
	}
	return merged;
}
