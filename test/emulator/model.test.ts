// The emulator against Tencent's current model of the API (lcic_models.d.ts of the pinned
// tencentcloud-sdk-nodejs, parsed by test/harness/lcicModel.ts): it implements the model's
// actions, and each action takes exactly the model's parameters, required where the model
// requires them, with the JSON type the model's TypeScript type stands for. A workflow built
// against the emulator then sends Tencent nothing it would refuse as unknown or missing.
import { loadLcicModel } from '../harness/lcicModel';
import { createActionTable } from './actions';
import type { ParamType } from './types';

const model = loadLcicModel();
const table = createActionTable();

/** The gateway's JSON type for a TypeScript type of the model. */
function expectedType(type: string): ParamType[] {
	if (type === 'number') return ['Integer', 'Float'];
	if (type === 'string') return ['String'];
	if (type === 'boolean') return ['Boolean'];
	if (type === 'Array<string>') return ['Array of String'];
	if (/^Array<number( \| bigint)?>$/.test(type)) return ['Array of Integer'];
	if (type.startsWith('Array<')) return ['Array of Object'];
	return ['Object'];
}

describe(`emulator against Tencent's model (${model.version})`, () => {
	it('implements every action of the model, and no other', () => {
		expect(Object.keys(table).sort()).toEqual([...model.actions.keys()].sort());
	});

	it("takes each action's model parameters: names, required, types", () => {
		const problems: string[] = [];
		for (const [action, spec] of Object.entries(table)) {
			const params = model.actions.get(action) ?? [];
			for (const param of params) {
				const own = spec.params[param.name];
				if (!own) {
					problems.push(`${action}: no ${param.name}`);
					continue;
				}
				if (Boolean(own.required) !== param.required)
					problems.push(`${action}: ${param.name} required=${String(own.required ?? false)}`);
				if (!expectedType(param.type).includes(own.type))
					problems.push(`${action}: ${param.name} is ${own.type}, the model has ${param.type}`);
			}
			for (const name of Object.keys(spec.params)) {
				if (!params.some((param) => param.name === name))
					problems.push(`${action}: ${name} is not in the model`);
			}
		}
		expect(problems).toEqual([]);
	});
});
