import { lcicApiRequest, resetRateLimiter } from '../../nodes/Lcic/transport';
import { IMPLEMENTED_ACTIONS } from '../harness/referenceActions';
import { emulatorContext } from '../transport/emulatorContext';
import { DEFAULT_ACCOUNT, startEmulator, type RunningEmulator } from './index';

// The emulator as `npm run emulator` starts it: every LCIC action from actions/index.ts, one
// application for the demo account, simulations reachable through the admin API.

let emu: RunningEmulator;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(() => emu?.stop());
beforeEach(() => resetRateLimiter());

describe('the default emulator', () => {
	it('offers every implemented action of API 2022-08-17 to the demo account', async () => {
		const info = (await (await fetch(`${emu.url}/__emulator/info`)).json()) as {
			actions: string[];
			account: unknown;
		};
		expect(info.actions).toEqual([...IMPLEMENTED_ACTIONS].sort());
		expect(info.account).toEqual(DEFAULT_ACCOUNT);
		expect(emu.state.apps.has(DEFAULT_ACCOUNT.sdkAppId)).toBe(true);
	});

	it('answers DescribeDeveloper through the real transport and credential', async () => {
		const { context } = emulatorContext(emu);
		await expect(lcicApiRequest.call(context, 'DescribeDeveloper', {})).resolves.toMatchObject({
			DeveloperId: DEFAULT_ACCOUNT.developerId,
		});
	});

	it('runs simulations directly and through the admin API', async () => {
		const before = emu.clock.now();
		expect(emu.simulate('advanceClock', { seconds: 60 }).now).toBeGreaterThanOrEqual(before + 60);
		const response = await fetch(`${emu.url}/__emulator/simulate`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'advanceClock', args: { seconds: 60 } }),
		});
		expect(response.status).toBe(200);
		expect(((await response.json()) as { now: number }).now).toBeGreaterThanOrEqual(before + 120);
		const unknown = await fetch(`${emu.url}/__emulator/simulate`, {
			method: 'POST',
			body: JSON.stringify({ name: 'nope' }),
		});
		expect(unknown.status).toBe(400);
	});
});
