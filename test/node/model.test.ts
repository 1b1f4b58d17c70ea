// The node against Tencent's current model of the API (lcic_models.d.ts of the npm package
// tencentcloud-sdk-nodejs, pinned as a devDependency and parsed by test/harness/lcicModel.ts):
// every action of the model is an operation's action, every input parameter of an action is
// a field of that operation (or one the node sets itself), field types fit the model's types,
// what the model requires the node requires, and what the model marks @deprecated says so.
import { OPERATIONS } from '../../nodes/Lcic/catalog';
import type { FieldSpec, FieldType, OperationSpec } from '../../nodes/Lcic/catalog/types';
import { loadLcicModel, type ModelParam } from '../harness/lcicModel';

const model = loadLcicModel();

/**
 * Parameters the node fills in itself rather than showing as a field, per action. SdkAppId
 * (or the action's own name for it) comes from the credential or the operation's SdkAppId
 * option, and a paged list's page and size parameters come from Return All / Limit; those are
 * read from the operation. Anything else is listed here with the reason.
 */
const SET_BY_NODE: Record<string, Record<string, string>> = {
	BatchRegister: {
		// BatchUserRequest.SdkAppId: the node writes the application into every Users entry.
		'Users[].SdkAppId': 'the operation SdkAppId, written into each entry',
	},
};

/**
 * Parameters the model requires that the node shows as optional fields, because it fills them
 * in itself when they are left empty (the field's `filledWhenEmpty` says how, and its
 * description tells the user), per action, with the reason. Every other required parameter is
 * a required field.
 */
const FILLED_WHEN_EMPTY: Record<string, Record<string, string>> = {
	DescribeAppDetail: {
		// DescribeDeveloperResponse: "DeveloperId: 开发商ID", one per account (the signing key's).
		DeveloperId: 'the credential account has one developer ID: DescribeDeveloper gives it',
	},
};

function nodeSetParams(op: OperationSpec): Set<string> {
	const names = new Set(Object.keys(SET_BY_NODE[op.action] ?? {}));
	if (op.sdkAppId !== 'none') names.add(op.sdkAppIdParam ?? 'SdkAppId');
	if (op.paging) {
		names.add(op.paging.pageParam);
		names.add(op.paging.sizeParam);
	}
	return names;
}

/** The model's data type named by a parameter type: MsgBody, Array<RoomInfo> -> RoomInfo. */
function dataTypeOf(type: string): string | undefined {
	const name = /^(?:Array<)?([A-Z]\w*)>?$/.exec(type)?.[1];
	return name && model.interfaces.has(name) ? name : undefined;
}

/** Which field types can carry a value of the model's type. */
function fits(field: FieldSpec, type: string): boolean {
	const scalarNumber: FieldType[] = ['integer', 'number', 'flag', 'options', 'dateTime'];
	const scalarString: FieldType[] = ['string', 'options', 'user', 'group', 'document'];
	if (type === 'number') {
		if (field.type === 'room') return field.idType === 'integer';
		return scalarNumber.includes(field.type);
	}
	if (type === 'string') {
		if (field.type === 'room') return field.idType !== 'integer';
		return scalarString.includes(field.type) || field.type === 'json';
	}
	if (type === 'boolean') return field.type === 'boolean';
	if (type === 'Array<string>') return field.type === 'stringList' || field.type === 'multiOptions';
	if (/^Array<number( \| bigint)?>$/.test(type))
		return field.type === 'integerList' || field.type === 'multiOptions';
	if (type.startsWith('Array<')) return field.type === 'entries';
	return field.type === 'object';
}

/** Problems of `fields` against the model's parameters `params` (for an action or a data type). */
function compare(
	where: string,
	fields: FieldSpec[],
	params: ModelParam[],
	setByNode: Set<string>,
	prefix = '',
	filledWhenEmpty: Record<string, string> = {},
): string[] {
	const problems: string[] = [];
	for (const param of params) {
		const path = `${prefix}${param.name}`;
		if (setByNode.has(path)) continue;
		const field = fields.find((candidate) => candidate.param === param.name);
		if (!field) {
			problems.push(`${where}: no field for ${path} (${param.type}: ${param.doc})`);
			continue;
		}
		if (!fits(field, param.type))
			problems.push(`${where}: ${path} is ${param.type} in the model, the field is ${field.type}`);
		if (param.required && !field.required && !(path in filledWhenEmpty))
			problems.push(`${where}: ${path} is required by the model, the field is optional`);
		if (path in filledWhenEmpty && !(field.filledWhenEmpty && /\bempty\b/i.test(field.description)))
			problems.push(
				`${where}: ${path} is filled in when left empty (${filledWhenEmpty[path]}); the field must say so (filledWhenEmpty, and "empty" in its description)`,
			);
		if (param.deprecated && !/deprecated/i.test(field.description))
			problems.push(`${where}: ${path} is deprecated in the model; its description must say so`);
		const dataType = dataTypeOf(param.type);
		if (dataType && field.children) {
			problems.push(
				...compare(
					`${where} ${path} (${dataType})`,
					field.children,
					model.interfaces.get(dataType) ?? [],
					setByNode,
					`${path}[].`,
				),
			);
		}
	}
	for (const field of fields) {
		if (!params.some((param) => param.name === field.param))
			problems.push(`${where}: field ${prefix}${field.param} is not a parameter of the model`);
	}
	return problems;
}

describe(`the node against Tencent's model (${model.version})`, () => {
	it('reads 85 actions from lcic_models.d.ts of the pinned tencentcloud-sdk-nodejs', () => {
		expect(model.version).toBe('4.1.313');
		expect(model.actions.size).toBe(85);
		// Spot checks that the parser reads what the file says.
		expect(model.actions.get('DescribeDeveloper')).toEqual([]);
		expect(model.actions.get('ForbidSendMsg')?.map((p) => [p.name, p.required])).toEqual([
			['SdkAppId', true],
			['RoomId', true],
			['MembersAccount', true],
			['MuteTime', true],
		]);
	});

	it('makes every action of the model some operation, or a batch action an operation uses', () => {
		const reachable = new Set(
			OPERATIONS.flatMap((op) => [op.action, ...(op.batch ? [op.batch.action] : [])]),
		);
		const missing = [...model.actions.keys()].filter((action) => !reachable.has(action));
		expect(missing).toEqual([]);
	});

	it('calls no action the model does not have', () => {
		const unknown = OPERATIONS.flatMap((op) => [
			op.action,
			op.batch?.action,
			...(op.composite?.actions ?? []),
		]).filter((action) => action !== undefined && !model.actions.has(action));
		expect(unknown).toEqual([]);
		// An operation of its own names its main action among those it calls, and each of them
		// has an operation of its own (its fields checked below).
		for (const op of OPERATIONS.filter((candidate) => candidate.composite)) {
			expect(op.composite!.actions).toContain(op.action);
			for (const action of op.composite!.actions)
				expect(OPERATIONS.some((other) => !other.composite && other.action === action)).toBe(true);
		}
	});

	it('offers every input parameter of every action as a field, with a fitting type', () => {
		// An operation of its own (Get Join Links) has settings, not one action's parameters; the
		// actions it calls are checked through their own operations.
		const problems = OPERATIONS.filter((op) => !op.composite).flatMap((op) =>
			compare(
				`${op.resource}/${op.operation} (${op.action})`,
				op.fields,
				model.actions.get(op.action) ?? [],
				nodeSetParams(op),
				'',
				FILLED_WHEN_EMPTY[op.action],
			),
		);
		expect(problems).toEqual([]);
	});

	it('lets the node fill a required parameter only where listed, and the field says so', () => {
		const marked = OPERATIONS.flatMap((op) =>
			op.fields
				.filter((field) => field.filledWhenEmpty)
				.map((field) => `${op.action}.${field.param}`),
		);
		const listed = Object.entries(FILLED_WHEN_EMPTY).flatMap(([action, params]) =>
			Object.keys(params).map((param) => `${action}.${param}`),
		);
		expect(marked.sort()).toEqual(listed.sort());
		// Each is required in the model (else it would be an ordinary optional field), and its
		// operation has hooks to fill it.
		for (const name of listed) {
			const [action, param] = name.split('.');
			expect({
				name,
				required: model.actions.get(action)?.find((p) => p.name === param)?.required,
			}).toEqual({ name, required: true });
			expect(
				OPERATIONS.find((op) => op.action === action && !op.composite)?.hooks?.runItem,
			).toBeDefined();
		}
	});

	it('sends the batch actions the entries of their own model', () => {
		for (const op of OPERATIONS.filter((candidate) => candidate.batch)) {
			const batch = op.batch!;
			const param = model.actions.get(batch.action)?.find((p) => p.name === batch.listParam);
			expect({ op: op.action, list: param?.type }).toEqual({
				op: op.action,
				list: expect.stringMatching(/^Array<\w+>$/),
			});
			const dataType = dataTypeOf(param!.type)!;
			const entries = (model.interfaces.get(dataType) ?? []).filter(
				(p) => p.name !== 'SdkAppId' || batch.sdkAppIdInEntry,
			);
			const names = op.fields.map((field) => field.param);
			// Every field of the single action goes into the entry, and the entry takes nothing else.
			expect({
				op: op.action,
				missing: names.filter((n) => !entries.some((p) => p.name === n)),
			}).toEqual({ op: op.action, missing: [] });
		}
	});
});
