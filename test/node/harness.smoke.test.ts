// The node end to end in n8n-core's WorkflowExecute against the emulator: one read, and one
// authentication failure whose error must be useful and must not leak the key.
import type { NodeApiError } from 'n8n-workflow';

import { startEmulator } from '../emulator';
import { parametersFor, runWorkflow } from '../harness';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('Lcic node in WorkflowExecute (smoke)', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator();
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('runs Developer → Get (DescribeDeveloper) and outputs the DeveloperId', async () => {
		const { items, error } = await runWorkflow({
			emulator,
			nodeParameters: parametersFor('DescribeDeveloper'),
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({ DeveloperId: expect.any(String), RequestId: expect.any(String) }),
		);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('stops with AuthFailure code, message and RequestId on a wrong secret, without leaking it', async () => {
		const wrongSecret = 'definitely-not-the-secret-key-1234567890';
		const { items, error, run } = await runWorkflow({
			emulator,
			credentials: { secretKey: wrongSecret },
			nodeParameters: parametersFor('DescribeDeveloper'),
		});

		expect(items).toHaveLength(0);
		expect(error).toBeDefined();
		const apiError = error as NodeApiError;
		expect(apiError.message).toMatch(/^AuthFailure(\.\w+)?: \S/);
		const response = apiError.errorResponse as {
			code?: string;
			message?: string;
			requestId?: string;
		};
		expect(response.code).toMatch(/^AuthFailure/);
		expect(response.message).toEqual(expect.any(String));
		expect(response.requestId).toEqual(expect.any(String));
		expect(apiError.description).toContain(response.requestId);

		// What n8n would store for this execution: the error and the whole run.
		const stored = JSON.stringify({ error, run });
		expect(stored).not.toContain(wrongSecret);
		expect(stored).not.toContain(emulator.account.secretKey);
	});
});
