// The engine's items in flight (execute/router.ts, batch.ts with pool.ts): items of one
// operation run up to the action's rate at a time, outputs stay in input order, writes to the
// same thing keep their order, and a node stopped by a failure says what happened to every
// item. Made-up operations on a fake context whose answers the test releases one by one.
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import type { OperationSpec } from '../../nodes/Lcic/catalog';
import { resetRateLimiter, setRetryPolicy } from '../../nodes/Lcic/transport';
import { fail, ok } from '../transport/fakeContext';
import { executeFake, operation } from './fakeExecution';

beforeAll(() => setRetryPolicy({ baseDelayMs: 1, maxDelayMs: 5 }));
beforeEach(() => resetRateLimiter());

/** Lets every promise continuation that is ready run. */
async function flush(): Promise<void> {
	for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Answers held until the test releases them; `sent` lists the calls in the order they left. */
function heldAnswers() {
	const held = new Map<number, (answer: unknown) => void>();
	const sent: IDataObject[] = [];
	const respond = (_action: string, body: IDataObject, call: number) =>
		new Promise((resolve) => {
			sent.push(body);
			held.set(call, resolve);
		});
	const release = async (call: number, answer: unknown) => {
		const resolve = held.get(call);
		if (!resolve) throw new Error(`call ${call} is not waiting (waiting: ${[...held.keys()]})`);
		held.delete(call);
		resolve(answer);
		await flush();
	};
	return { respond, release, sent, waiting: () => [...held.keys()].sort((a, b) => a - b) };
}

/** An operation on one room (a required room picker), like Room > Update. */
const roomWrite = (extra: Partial<OperationSpec> = {}): OperationSpec =>
	operation(undefined, {
		action: 'ModifyRoom',
		fields: [
			{
				param: 'RoomId',
				displayName: 'Room',
				description: 'room',
				type: 'room',
				required: true,
				idType: 'integer',
			},
			{ param: 'Name', displayName: 'Name', description: 'name', type: 'string', required: true },
		],
		...extra,
	});

const roomItem = (roomId: number, name: string): IDataObject => ({ roomId, name });

describe('items in flight', () => {
	it('sends items at once up to the rate, and keeps outputs in input order', async () => {
		const answers = heldAnswers();
		const items = [1, 2, 3, 4, 5].map((room) => roomItem(room, `n${room}`));
		const running = executeFake(roomWrite(), answers.respond, items);
		await flush();
		expect(answers.waiting()).toEqual([1, 2, 3, 4, 5]);
		// Answered last to first.
		for (const call of [5, 4, 3, 2, 1]) await answers.release(call, ok({ call }));
		const run = await running;
		expect(run.json.map((item) => [item.pairedTo, item.call])).toEqual([
			[0, 1],
			[1, 2],
			[2, 3],
			[3, 4],
			[4, 5],
		]);
	});

	it('never has more calls in flight than the action allows per second', async () => {
		const answers = heldAnswers();
		const items = [1, 2, 3, 4].map((room) => roomItem(room, 'x'));
		const running = executeFake(roomWrite({ rateLimit: 2 }), answers.respond, items);
		await flush();
		expect(answers.waiting()).toEqual([1, 2]);
		await answers.release(1, ok({}));
		await answers.release(2, ok({}));
		// Items 3 and 4 go once the rate limiter's second has passed.
		while (answers.waiting().length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
		expect(answers.waiting()).toEqual([3, 4]);
		await answers.release(3, ok({}));
		await answers.release(4, ok({}));
		expect((await running).json).toHaveLength(4);
	});

	it('runs writes to the same room one after another, in input order', async () => {
		const answers = heldAnswers();
		const items = [roomItem(7, 'a1'), roomItem(8, 'b1'), roomItem(7, 'a2'), roomItem(7, 'a3')];
		const running = executeFake(roomWrite(), answers.respond, items);
		await flush();
		expect(answers.sent.map((body) => body.Name)).toEqual(['a1', 'b1']);
		await answers.release(1, ok({}));
		expect(answers.sent.map((body) => body.Name)).toEqual(['a1', 'b1', 'a2']);
		await answers.release(3, ok({}));
		await answers.release(2, ok({}));
		await answers.release(4, ok({}));
		await running;
		expect(answers.sent.map((body) => body.Name)).toEqual(['a1', 'b1', 'a2', 'a3']);
	});

	it('reads of the same thing need no order', async () => {
		const answers = heldAnswers();
		const items = [roomItem(7, 'a'), roomItem(7, 'b')];
		const running = executeFake(roomWrite({ readOnly: true }), answers.respond, items);
		await flush();
		expect(answers.waiting()).toEqual([1, 2]);
		await answers.release(1, ok({}));
		await answers.release(2, ok({}));
		await running;
	});

	it('stopped by a failure, says which items went through, failed and were not sent', async () => {
		const answers = heldAnswers();
		const items = [1, 2, 3, 4, 5].map((room) => roomItem(room, 'x'));
		const running = executeFake(roomWrite({ rateLimit: 3 }), answers.respond, items);
		const stopped = running.then(
			() => undefined,
			(error: NodeApiError) => error,
		);
		await flush();
		expect(answers.waiting()).toEqual([1, 2, 3]);
		await answers.release(2, fail('ResourceNotFound.Room', 'no room 2'));
		// Nothing new is sent after the failure; the calls in flight end.
		await answers.release(1, ok({}));
		await answers.release(3, ok({}));
		const error = await stopped;
		expect(error?.message).toBe('ResourceNotFound.Room: no room 2');
		expect(error?.description).toContain(
			'Input items (by index) of 5: 0 and 2 went through (the node stopped, so n8n shows no output for them); 1 failed with this error; 3-4 were not sent.',
		);
		expect(answers.sent).toHaveLength(3);
	});

	it('with continue-on-fail, every item gets its own output', async () => {
		const items = [1, 2, 3].map((room) => roomItem(room, 'x'));
		const run = await executeFake(
			roomWrite(),
			(_action, body) => (body.RoomId === 2 ? fail('ResourceNotFound.Room') : ok({})),
			items,
			true,
		);
		expect(run.json.map((item) => [item.pairedTo, item.code ?? 'ok'])).toEqual([
			[0, 'ok'],
			[1, 'ResourceNotFound.Room'],
			[2, 'ok'],
		]);
	});
});

describe('batch calls in flight', () => {
	/** Items share BatchRegister-like calls of two entries each. */
	const batched = operation(undefined, {
		action: 'RegisterUser',
		fields: [
			{ param: 'Name', displayName: 'Name', description: 'name', type: 'string', required: true },
		],
		batch: {
			action: 'BatchRegister',
			listParam: 'Users',
			maxPerCall: 2,
			resultKey: 'Users',
			sdkAppIdInEntry: true,
		},
	});
	const users = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `u${i}` }));
	const answerFor = (body: IDataObject) =>
		ok({
			Users: (body.Users as IDataObject[]).map((user) => ({ UserId: `id-${String(user.Name)}` })),
		});

	it('sends the calls at once and pairs each answer to its items', async () => {
		const answers = heldAnswers();
		const running = executeFake(batched, answers.respond, users(5));
		await flush();
		expect(answers.waiting()).toEqual([1, 2, 3]);
		for (const call of [3, 1, 2]) await answers.release(call, answerFor(answers.sent[call - 1]));
		const run = await running;
		expect(run.json.map((item) => [item.pairedTo, item.UserId])).toEqual(
			[0, 1, 2, 3, 4].map((i) => [i, `id-u${i}`]),
		);
	});

	it('stopped by a failed call, says which items went through and which were not sent', async () => {
		const answers = heldAnswers();
		const running = executeFake(batched, answers.respond, users(7));
		const stopped = running.then(
			() => undefined,
			(error: NodeApiError) => error,
		);
		await flush();
		expect(answers.waiting()).toEqual([1, 2, 3, 4]);
		await answers.release(3, answerFor(answers.sent[2]));
		// A failure that may have happened (not a rejection of one row, which would be isolated).
		await answers.release(2, fail('InternalError', 'bad call'));
		await answers.release(1, answerFor(answers.sent[0]));
		await answers.release(4, answerFor(answers.sent[3]));
		const error = await stopped;
		expect(error?.message).toBe('InternalError: bad call');
		expect(error?.description).toContain(
			'Input items (by index) of 7: 0-1 and 4-6 went through (the node stopped, so n8n shows no output for them); 2 failed with this error; 3 failed too.',
		);
	});

	it('with continue-on-fail, the failed call gives error items and the others their results', async () => {
		const run = await executeFake(
			batched,
			(_action, body) =>
				(body.Users as IDataObject[])[0].Name === 'u2' ? fail('InternalError') : answerFor(body),
			users(5),
			true,
		);
		expect(run.json.map((item) => [item.pairedTo, item.UserId ?? item.code])).toEqual([
			[0, 'id-u0'],
			[1, 'id-u1'],
			[2, 'InternalError'],
			[3, 'InternalError'],
			[4, 'id-u4'],
		]);
	});
});
