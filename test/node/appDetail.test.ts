// App Configuration > Get (DescribeAppDetail), through n8n-core against the emulator. Tencent's
// model requires DeveloperId ("DescribeAppDetailRequest ... DeveloperId: string", lcic_models.d.ts
// of tencentcloud-sdk-nodejs 4.1.313); the credential's account has exactly one, the one
// DescribeDeveloper answers ("DeveloperId: 开发商ID"). Left empty, the node asks for it once per
// execution, whatever the number of items.
import { callsOf, parametersFor, runWorkflow, useEmulator } from '../harness';

describe('App Configuration > Get: Developer ID filled in when left empty', () => {
	const fx = useEmulator();

	async function developerId(): Promise<string> {
		const [developer] = await fx.session.ok('DescribeDeveloper');
		return String(developer.DeveloperId);
	}

	it('asks DescribeDeveloper once for three items and sends its answer with each', async () => {
		await fx.session.ok('ModifyApp', { CallbackKey: 'detail-key' });
		const expected = await developerId();
		fx.emulator.resetCalls();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('DescribeAppDetail'),
			inputItems: [{}, {}, {}],
		});
		expect(error).toBeUndefined();
		expect(callsOf(fx.emulator).map((call) => call.action)).toEqual([
			'DescribeDeveloper',
			'DescribeAppDetail',
			'DescribeAppDetail',
			'DescribeAppDetail',
		]);
		for (const call of callsOf(fx.emulator, 'DescribeAppDetail'))
			expect(call.params).toEqual({
				ApplicationId: String(fx.session.sdkAppId),
				DeveloperId: expected,
			});
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		for (const item of items)
			expect(item.json.AppConfig).toMatchObject({ CallbackKey: 'detail-key' });
	});

	it('treats an expression that gives nothing as empty, and a given ID as given', async () => {
		const expected = await developerId();
		fx.emulator.resetCalls();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('DescribeAppDetail', { DeveloperId: '={{ $json.developer }}' }),
			inputItems: [{}, { developer: expected }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(callsOf(fx.emulator, 'DescribeDeveloper')).toHaveLength(1);
		expect(
			callsOf(fx.emulator, 'DescribeAppDetail').map((call) => call.params.DeveloperId),
		).toEqual([expected, expected]);
	});

	it('does not ask when the Developer ID is given, and LCIC judges a wrong one', async () => {
		fx.emulator.resetCalls();
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('DescribeAppDetail', { DeveloperId: 'someone-else' }),
		});
		expect(callsOf(fx.emulator, 'DescribeDeveloper')).toHaveLength(0);
		expect(error?.message).toMatch(/^InvalidParameterValue/);
	});

	it('fails every item with the DescribeDeveloper error, asked once (continue on fail)', async () => {
		fx.emulator.faults.add({
			kind: 'error',
			action: 'DescribeDeveloper',
			code: 'AuthFailure.UnauthorizedOperation',
			message: 'not allowed',
		});
		fx.emulator.resetCalls();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('DescribeAppDetail'),
			inputItems: [{}, {}],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => String(item.json.error))).toEqual([
			expect.stringMatching(/^AuthFailure\.UnauthorizedOperation/),
			expect.stringMatching(/^AuthFailure\.UnauthorizedOperation/),
		]);
		expect(callsOf(fx.emulator).map((call) => call.action)).toEqual(['DescribeDeveloper']);
	});

	it('keeps the field on top in version 1, where saved workflows hold it', async () => {
		const expected = await developerId();
		fx.emulator.resetCalls();
		const saved = { resource: 'appConfig', operation: 'get', developerId: expected };
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: saved,
			typeVersion: 1,
		});
		expect(error).toBeUndefined();
		expect(callsOf(fx.emulator).map((call) => [call.action, call.params.DeveloperId])).toEqual([
			['DescribeAppDetail', expected],
		]);
	});
});
