// Every error code the emulator can answer is one Tencent documents for that action: the
// action's own "Error Code" table in the LCIC API reference, or the reference's "Common Error
// Codes" (any action may answer those). The actions the reference does not have (Tencent's
// newer model, lcic_models.d.ts, has no error tables) may answer the codes of the reference's
// "Service Error Codes" table, the LCIC codes Tencent documents. A workflow built against the
// emulator then meets the codes it will meet at Tencent, and the hints that follow the code.
import { createActionTable } from './actions';
import { analyseEmulatorCodes } from './errorCodeAnalysis';
import { ACTION_CODES, COMMON_CODES, SERVICE_CODES } from './referenceErrorCodes';

const analysis = analyseEmulatorCodes();
const common = new Set(COMMON_CODES.map(([code]) => code));
const service = new Set(SERVICE_CODES.map(([code]) => code));

function allowed(action: string): Set<string> {
	const own = ACTION_CODES[action];
	return new Set([...common, ...(own ?? service)]);
}

describe("the emulator's error codes are the reference's", () => {
	it('reads the reference: 53 actions, the common and service tables', () => {
		expect(Object.keys(ACTION_CODES)).toHaveLength(53);
		// Two rows of the reference, as it writes them.
		expect(COMMON_CODES).toContainEqual([
			'AuthFailure.SecretIdNotFound',
			expect.stringMatching(/^Key does not exist\./),
		]);
		expect(SERVICE_CODES).toContainEqual([
			'InvalidParameter.SdkAppId',
			'<code>SdkAppId</code> is incorrect.',
		]);
		expect(ACTION_CODES.DescribeSdkAppIdUsers).toContain('InvalidParameter.SdkAppId');
	});

	it('finds every action handler and resolves every code in the source', () => {
		const actions = Object.keys(createActionTable());
		expect(actions.filter((action) => !analysis.byAction.has(action))).toEqual([]);
		expect(analysis.unresolved).toEqual([]);
		// The analysis sees codes deep in shared helpers (common.ts appOf, roomRules.ts), and a
		// code a caller passes down (BatchCreateRoom's own codes for checkSettings).
		expect([...analysis.byAction.get('CreateRoom')!]).toEqual(
			expect.arrayContaining([
				'InvalidParameter.SdkAppId',
				'InvalidParameter.StartTime',
				'InvalidParameter.RoomTypeInvalid',
			]),
		);
		expect([...analysis.byAction.get('BatchCreateRoom')!]).toEqual(
			expect.arrayContaining(['InvalidParameterValue', 'ResourceNotFound']),
		);
		expect(analysis.byAction.get('BatchCreateRoom')).not.toContain(
			'InvalidParameter.RoomTypeInvalid',
		);
	});

	it('answers, from the HTTP layer, only common codes', () => {
		expect([...analysis.server].filter((code) => !common.has(code))).toEqual([]);
	});

	it('answers, from every action, only codes documented for it', () => {
		const undocumented = [...analysis.byAction]
			.flatMap(([action, codes]) =>
				[...codes].filter((code) => !allowed(action).has(code)).map((code) => `${action}: ${code}`),
			)
			.sort();
		expect(undocumented).toEqual([]);
	});
});
