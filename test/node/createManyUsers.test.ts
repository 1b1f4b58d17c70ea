// User > Create Many (BatchRegister) with more users than one call takes. The API reference:
// BatchRegister "is used to register multiple users (up to 1,000) at a time", and "If a user ID
// already exists, the existing one will be overwritten". So the node sends 1,000 per call and
// merges the answers in input order; test/node/partialFailure.test.ts covers a call failing
// part-way for every split operation.
import { callsOf, useEmulator } from '../harness';

const users = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, i) => ({
		Name: `Student ${i + 1}`,
		OriginId: `${prefix}-${i + 1}`,
	}));

describe('User > Create Many with more than 1,000 users in one item', () => {
	const fx = useEmulator('each');

	it('sends 1,000 users per BatchRegister call and outputs every user in input order', async () => {
		const input = users(2500, 'big');
		const output = await fx.session.ok('BatchRegister', { Users: input });
		const calls = callsOf(fx.emulator, 'BatchRegister');
		expect(calls.map((call) => (call.params.Users as unknown[]).length)).toEqual([1000, 1000, 500]);
		expect(output).toHaveLength(2500);
		expect(output.map((user) => user.OriginId)).toEqual(input.map((user) => user.OriginId));
		for (const user of output)
			expect(fx.session.app.users.get(String(user.UserId))?.OriginId).toBe(user.OriginId);
	});

	it('can be re-run after a half-way failure: the users of the first call are not duplicated', async () => {
		const input: Array<Record<string, unknown>> = users(1200, 'again');
		const broken = [...input];
		broken[1100] = { ...broken[1100], SdkAppId: 999 };
		await fx.session.run('BatchRegister', { Users: broken });
		const first = new Map(fx.session.app.usersByOrigin);
		const output = await fx.session.ok('BatchRegister', { Users: input });
		expect(output).toHaveLength(1200);
		expect(fx.session.app.users.size).toBe(1200);
		for (const [originId, userId] of first)
			expect(fx.session.app.usersByOrigin.get(originId)).toBe(userId);
	});
});
