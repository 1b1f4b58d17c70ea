// The catalog covers the API reference: each of its 53 actions is reachable, once, and every
// operation reads right (description ending with its action, fields described).
import { findOperation, OPERATIONS } from '../../nodes/Lcic/catalog';
import { fieldKey } from '../../nodes/Lcic/description/names';
import { REFERENCE_ACTIONS } from '../harness/referenceActions';

// The "API Category" table of the LCIC API reference, written out in the harness (not taken
// from the code under test).
const REFERENCE = REFERENCE_ACTIONS;

describe('catalog', () => {
	it('lists 53 distinct reference actions', () => {
		expect(new Set(REFERENCE).size).toBe(53);
	});

	it('calls every action of the reference, each from exactly one operation', () => {
		// Operations of their own (Get Join Links) use actions that have their own operation.
		const actions = OPERATIONS.filter((op) => !op.composite).map((op) => op.action);
		expect(actions.filter((action, index) => actions.indexOf(action) !== index)).toEqual([]);
		expect(REFERENCE.filter((action) => !actions.includes(action))).toEqual([]);
	});

	it('has unique resource + operation pairs that findOperation finds', () => {
		const pairs = OPERATIONS.map((op) => `${op.resource}/${op.operation}`);
		expect(new Set(pairs).size).toBe(pairs.length);
		for (const op of OPERATIONS) expect(findOperation(op.resource, op.operation)).toBe(op);
		expect(() => findOperation('room', 'fly')).toThrow(
			'Unknown operation "fly" for resource "room"',
		);
	});

	it('has the room, user, record and developer operations of the brief', () => {
		const count = (resource: string) => OPERATIONS.filter((op) => op.resource === resource).length;
		expect([count('room'), count('user'), count('record'), count('developer')]).toEqual([
			27, 11, 15, 1,
		]);
	});

	it('ends each description with its action and describes each field once', () => {
		for (const op of OPERATIONS) {
			expect(op.description.endsWith(`(${op.action})`)).toBe(true);
			const params = op.fields.map((field) => field.param);
			expect({ action: op.action, params: [...new Set(params)] }).toEqual({
				action: op.action,
				params,
			});
			const keys = op.fields.map(fieldKey);
			expect({ action: op.action, keys: [...new Set(keys)] }).toEqual({ action: op.action, keys });
			for (const field of op.fields) expect(field.description.trim()).not.toBe('');
		}
	});

	it('gives options fields their options and paged lists a page size', () => {
		for (const op of OPERATIONS) {
			for (const field of op.fields) {
				if (['flag', 'options', 'multiOptions'].includes(field.type))
					expect(field.options?.length).toBeGreaterThan(0);
			}
			if (op.paging) {
				expect(op.paging.maxPageSize).toBeGreaterThan(0);
				expect(op.output).toMatchObject({ kind: 'list', key: op.paging.itemsKey });
			}
		}
	});
});
