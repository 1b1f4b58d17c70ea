import { IMPLEMENTED_ACTIONS } from '../../harness/referenceActions';
import { createActionTable, createSimulations, createState } from './index';

describe('actions index', () => {
	it("implements exactly the 53 actions of the API reference and the newer ones of Tencent's model", () => {
		expect(Object.keys(createActionTable()).sort()).toEqual([...IMPLEMENTED_ACTIONS].sort());
	});

	it('starts with one empty application per account and offers the simulations', () => {
		const state = createState([
			{ secretId: 'a', secretKey: 'b', appId: 1, sdkAppId: 42, developerId: 'd' },
		]);
		expect([...state.apps.keys()]).toEqual([42]);
		expect(state.developers.get('d')).toMatchObject({ DeveloperId: 'd' });
		expect(Object.keys(createSimulations())).toEqual(
			expect.arrayContaining(['memberJoin', 'recordFinish', 'events', 'advanceClock']),
		);
	});
});
