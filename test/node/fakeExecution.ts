// The engine (nodes/Lcic/execute) run on made-up operations with a fake n8n context whose HTTP
// answers a test controls (test/transport/fakeContext.ts): for the engine's own contracts (hooks,
// items in flight, what an error says), apart from any LCIC action. Real actions through
// n8n-core are tested with test/harness.
import type { IDataObject, IExecuteFunctions, IPairedItemData } from 'n8n-workflow';

import type { OperationHooks, OperationSpec } from '../../nodes/Lcic/catalog';
import { executeOperation } from '../../nodes/Lcic/execute/router';
import { fakeContext, type Responder } from '../transport/fakeContext';

export const SDK_APP_ID = 1400000001;

/** A write operation without fields (every item's body is { SdkAppId }), with an Options collection. */
export function operation(
	hooks: OperationHooks | undefined,
	extra: Partial<OperationSpec> = {},
): OperationSpec {
	return {
		resource: 'group',
		operation: 'hooked',
		displayName: 'Hooked',
		action: 'ModifyGroup',
		description: 'A made-up operation (ModifyGroup)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [],
		output: { kind: 'response' },
		options: [{ displayName: 'Mode', name: 'mode', type: 'string', default: '' }],
		...(hooks ? { hooks } : {}),
		...extra,
	};
}

export interface FakeRun {
	/** Output items' JSON, each with the input item it is paired to. */
	json: IDataObject[];
	calls: Array<{ action: string; body: IDataObject }>;
}

/**
 * Runs `op` over one input item per entry of `parameters` (the node's parameters for that item,
 * `options` included), answering every HTTP call with `respond`.
 */
export async function executeFake(
	op: OperationSpec,
	respond: Responder,
	parameters: IDataObject[] = [{}],
	continueOnFail = false,
): Promise<FakeRun> {
	const fake = fakeContext(respond);
	const execution = Object.assign(fake.context, {
		getInputData: () => parameters.map(() => ({ json: {} })),
		getNodeParameter: (name: string, index: number, fallback?: unknown) =>
			parameters[index][name] ?? fallback,
		continueOnFail: () => continueOnFail,
	}) as unknown as IExecuteFunctions;
	const items = await executeOperation.call(execution, op);
	return {
		json: items.map((item) => ({
			...item.json,
			pairedTo: (item.pairedItem as IPairedItemData).item,
		})),
		calls: fake.calls,
	};
}
