// The node's properties as n8n sees them: one visible property per name for every
// resource + operation, an Operation option for every catalog operation, descriptions
// everywhere.
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { OPERATIONS, RESOURCES } from '../../nodes/Lcic/catalog';
import { buildNodeProperties } from '../../nodes/Lcic/description';

const properties = buildNodeProperties();

/** Whether a '@version' condition ([1], or [{ _cnd: { gte: 2 } }]) admits `version`. */
function versionMatches(conditions: unknown[] | undefined, version: number): boolean {
	if (!conditions) return true;
	return conditions.some((condition) =>
		typeof condition === 'object' && condition !== null
			? version >= Number((condition as { _cnd: { gte: number } })._cnd.gte)
			: condition === version,
	);
}

function shownFor(
	property: INodeProperties,
	resource: string,
	operation: string,
	version = 2,
): boolean {
	const show = property.displayOptions?.show ?? {};
	const matches = (key: string, value: string) =>
		!show[key] || (show[key] as unknown[]).includes(value);
	// Other conditions (Return All, Input Mode) may or may not hold: count the property as shown.
	return (
		matches('resource', resource) &&
		matches('operation', operation) &&
		versionMatches(show['@version'] as unknown[] | undefined, version)
	);
}

function isCollection(
	option: INodeProperties | INodePropertyOptions | INodePropertyCollection,
): option is INodePropertyCollection {
	return 'values' in option;
}

/** Every property, with the ones inside collections and fixedCollections. */
function walk(
	list: INodeProperties[],
	visit: (property: INodeProperties, path: string) => void,
	path = '',
): void {
	for (const property of list) {
		const here = `${path}${property.name}`;
		visit(property, here);
		for (const option of property.options ?? []) {
			if (isCollection(option)) walk(option.values, visit, `${here}.${option.name}.`);
			else if ('type' in option) walk([option as INodeProperties], visit, `${here}.`);
		}
	}
}

describe('node properties', () => {
	it.each([1, 2])(
		'shows at most one property per name for each resource and operation (version %i)',
		(version) => {
			for (const op of OPERATIONS) {
				const names = properties
					.filter((p) => shownFor(p, op.resource, op.operation, version))
					// A "Find ... By" choice shows one of its fields at a time.
					.filter((p) => !op.alternatives || !p.displayOptions?.show?.[op.alternatives.key])
					.map((p) => p.name);
				const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
				expect({ op: `${op.resource}/${op.operation}`, duplicates }).toEqual({
					op: `${op.resource}/${op.operation}`,
					duplicates: [],
				});
			}
		},
	);

	it('has unique names inside every collection', () => {
		walk(properties, (property, path) => {
			if (property.type !== 'collection' && property.type !== 'fixedCollection') return;
			const names = (property.options ?? []).map((option) => option.name);
			expect({ path, names: [...new Set(names)] }).toEqual({ path, names });
			for (const option of property.options ?? []) {
				if (!isCollection(option)) continue;
				const inner = option.values.map((value) => value.name);
				expect({ path, inner: [...new Set(inner)] }).toEqual({ path, inner });
			}
		});
	});

	it('offers every resource and every operation of the catalog', () => {
		const resource = properties.find((p) => p.name === 'resource');
		expect((resource?.options as INodePropertyOptions[]).map((o) => o.value).sort()).toEqual(
			RESOURCES.map((r) => r.value).sort(),
		);
		for (const op of OPERATIONS) {
			const selector = properties.find(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[]).includes(op.resource),
			);
			expect(selector?.noDataExpression).toBe(true);
			const option = (selector?.options as INodePropertyOptions[]).find(
				(o) => o.value === op.operation,
			);
			expect(option?.name).toBe(op.displayName);
			expect(option?.action).toMatch(/^[A-Z][^.]+[^.]$/);
		}
	});

	it('sorts the operation options by name', () => {
		for (const selector of properties.filter((p) => p.name === 'operation')) {
			const names = (selector.options as INodePropertyOptions[]).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('describes every property', () => {
		walk(properties, (property, path) => {
			expect({ path, description: Boolean(property.description?.trim()) }).toEqual({
				path,
				description: true,
			});
		});
	});

	it('gives paged operations Return All and Limit, and RegisterUser its duplicate option', () => {
		for (const op of OPERATIONS.filter((candidate) => candidate.paging)) {
			const shown = properties
				.filter((p) => shownFor(p, op.resource, op.operation))
				.map((p) => p.name);
			expect(shown).toEqual(expect.arrayContaining(['returnAll', 'limit']));
		}
		const options = properties.find((p) => p.name === 'options' && shownFor(p, 'user', 'create'));
		const duplicate = (options?.options as INodeProperties[]).find(
			(o) => o.name === 'returnExistingOnDuplicate',
		);
		expect(duplicate?.default).toBe(true);
	});

	it('makes room, group, document and user fields resource locators with a list and an ID mode', () => {
		const roomId = properties.find((p) => p.name === 'roomId' && shownFor(p, 'room', 'get'));
		expect(roomId?.type).toBe('resourceLocator');
		expect(roomId?.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(roomId?.modes?.[0].typeOptions?.searchListMethod).toBe('searchRooms');
	});
});
