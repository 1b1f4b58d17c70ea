// How the node treats its input items inside n8n: paired error items with continue-on-fail,
// the first error stopping the run without it, Return All vs Limit, expressions, dates, and
// invalid items that never reach Tencent.
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { callsOf, parametersFor, runWorkflow, useEmulator } from '../harness';

const MISSING_ROOM = 999_999_999;

describe('Lcic node input items', () => {
	const fx = useEmulator();

	const roomIdFromItem = { RoomId: '={{ $json.roomId }}', Name: '={{ $json.name }}' };

	it('with continue-on-fail, gives a paired error item and still runs the other items', async () => {
		const [first, last] = [await fx.session.room(), await fx.session.room()];
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			continueOnFail: true,
			nodeParameters: parametersFor('ModifyRoom', roomIdFromItem),
			inputItems: [
				{ roomId: first, name: 'first' },
				{ roomId: MISSING_ROOM, name: 'missing' },
				{ roomId: last, name: 'last' },
			],
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.error).toBeUndefined();
		expect(items[2].json.error).toBeUndefined();
		expect(items[1].json).toEqual(
			expect.objectContaining({
				error: expect.any(String),
				code: expect.stringMatching(/\S/),
				requestId: expect.any(String),
			}),
		);
		expect(fx.session.app.rooms.get(first)?.Name).toBe('first');
		expect(fx.session.app.rooms.get(last)?.Name).toBe('last');
	});

	it('without continue-on-fail, stops at the first error with code, message and RequestId', async () => {
		const [first, last] = [await fx.session.room(), await fx.session.room({ Name: 'untouched' })];
		fx.emulator.resetCalls();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('ModifyRoom', roomIdFromItem),
			inputItems: [
				{ roomId: first, name: 'changed' },
				{ roomId: MISSING_ROOM, name: 'missing' },
				{ roomId: last, name: 'sent alongside' },
			],
		});

		expect(items).toHaveLength(0);
		const apiError = error as NodeApiError;
		const response = apiError.errorResponse as { code: string; message: string; requestId: string };
		expect(response.code).toMatch(/\S/);
		expect(apiError.message).toBe(`${response.code}: ${response.message}`);
		expect(response.requestId).toEqual(expect.any(String));
		expect(apiError.description).toContain(response.requestId);
		// Items go out several at a time: the third was sent with the others, and the error says
		// so, since n8n shows no output once the node stops.
		expect(callsOf(fx.emulator, 'ModifyRoom')).toHaveLength(3);
		expect(apiError.description).toContain(
			'Input items (by index) of 3: 0 and 2 went through (the node stopped, so n8n shows no output for them); 1 failed with this error.',
		);
		expect(fx.session.app.rooms.get(first)?.Name).toBe('changed');
		expect(fx.session.app.rooms.get(last)?.Name).toBe('sent alongside');
	});

	it('applies updates of the same room in input order, while other rooms go at the same time', async () => {
		const [a, b] = [await fx.session.room(), await fx.session.room()];
		fx.emulator.resetCalls();
		const names = ['a1', 'b1', 'a2', 'a3', 'b2', 'a4'];
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('ModifyRoom', roomIdFromItem),
			inputItems: names.map((name) => ({ roomId: name.startsWith('a') ? a : b, name })),
		});

		expect(error).toBeUndefined();
		const sentFor = (roomId: number) =>
			callsOf(fx.emulator, 'ModifyRoom')
				.filter((call) => call.params.RoomId === roomId)
				.map((call) => call.params.Name);
		expect(sentFor(a)).toEqual(['a1', 'a2', 'a3', 'a4']);
		expect(sentFor(b)).toEqual(['b1', 'b2']);
		expect(fx.session.app.rooms.get(a)?.Name).toBe('a4');
		expect(fx.session.app.rooms.get(b)?.Name).toBe('b2');
	});

	it('returns everything with Return All and at most Limit records otherwise', async () => {
		for (let i = 0; i < 5; i++) await fx.session.room();
		const total = fx.session.app.rooms.size;

		const now = await fx.session.now();
		const window = { StartTime: now - 86_400, EndTime: now + 86_400 };
		const all = await fx.session.ok('GetRooms', window, { returnAll: true });
		expect(all).toHaveLength(total);
		expect(new Set(all.map((room) => room.RoomId)).size).toBe(total);

		fx.emulator.resetCalls();
		const limited = await fx.session.ok('GetRooms', window, { returnAll: false, limit: 3 });
		expect(limited).toHaveLength(3);
		expect(callsOf(fx.emulator, 'GetRooms')).toHaveLength(1);
	});

	it('resolves expressions in parameters per item', async () => {
		const names = [fx.session.unique('expr-a'), fx.session.unique('expr-b')];
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('RegisterUser', {
				Name: '={{ $json.name }}',
				OriginId: '={{ $json.name + "-origin" }}',
			}),
			inputItems: names.map((name) => ({ name })),
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		items.forEach((item, index) => {
			const user = fx.session.app.users.get(String(item.json.UserId));
			expect(user?.Name).toBe(names[index]);
			expect(user?.OriginId).toBe(`${names[index]}-origin`);
		});
	});

	it('takes dates as ISO text or epoch seconds and sends epoch seconds', async () => {
		const now = await fx.session.now();
		const start = now + 86_400;
		const end = start + 3600;
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('CreateRoom', {
				Name: '={{ $json.name }}',
				StartTime: '={{ $json.start }}',
				EndTime: '={{ $json.end }}',
				Resolution: 1,
				MaxMicNumber: 1,
				SubType: 'videodoc',
			}),
			inputItems: [
				{
					name: 'iso',
					start: new Date(start * 1000).toISOString(),
					end: new Date(end * 1000).toISOString(),
				},
				{ name: 'epoch', start, end },
			],
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		for (const item of items) {
			const room = fx.session.app.rooms.get(Number(item.json.RoomId));
			expect([room?.StartTime, room?.EndTime]).toEqual([start, end]);
		}
	});

	describe('an invalid item (StartTime after EndTime)', () => {
		async function createRooms(continueOnFail: boolean) {
			const now = await fx.session.now();
			const rows: IDataObject[] = [
				{ name: fx.session.unique('ok'), start: now + 3600, end: now + 7200 },
				{ name: fx.session.unique('bad'), start: now + 7200, end: now + 3600 },
			];
			fx.emulator.resetCalls();
			const result = await runWorkflow({
				emulator: fx.emulator,
				continueOnFail,
				nodeParameters: parametersFor('CreateRoom', {
					Name: '={{ $json.name }}',
					StartTime: '={{ $json.start }}',
					EndTime: '={{ $json.end }}',
					Resolution: 1,
					MaxMicNumber: 1,
					SubType: 'videodoc',
				}),
				inputItems: rows,
			});
			return { ...result, rows };
		}

		it('stops the node before anything is sent', async () => {
			const { items, error } = await createRooms(false);
			expect(items).toHaveLength(0);
			expect(error?.message).toMatch(/StartTime/);
			expect(error?.message).toMatch(/EndTime/);
			expect(callsOf(fx.emulator)).toEqual([]);
		});

		it('with continue-on-fail, becomes an error item while the valid item is created', async () => {
			const { items, error, rows } = await createRooms(true);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(2);
			expect(items[0].json.error).toBeUndefined();
			expect(fx.session.app.rooms.get(Number(items[0].json.RoomId))?.Name).toBe(rows[0].name);
			expect(items[1].pairedItem).toEqual({ item: 1 });
			expect(String(items[1].json.error)).toMatch(/StartTime/);
			const created = [...fx.session.app.rooms.values()].map((room) => room.Name);
			expect(created).not.toContain(rows[1].name);
		});
	});
});
