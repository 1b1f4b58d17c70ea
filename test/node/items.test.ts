// How the node treats its input items inside n8n: paired error items with continue-on-fail,
// the first error stopping the run without it, Return All vs Limit, expressions, dates, and
// invalid items that never reach Tencent.
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { startEmulator } from '../emulator';
import { callsOf, LcicSession, parametersFor, runWorkflow } from '../harness';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const MISSING_ROOM = 999_999_999;

describe('Lcic node input items', () => {
  let emulator: Emulator;
  let session: LcicSession;

  beforeAll(async () => {
    emulator = await startEmulator();
    session = new LcicSession(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  const roomIdFromItem = { RoomId: '={{ $json.roomId }}', Name: '={{ $json.name }}' };

  it('with continue-on-fail, gives a paired error item and still runs the other items', async () => {
    const [first, last] = [await session.room(), await session.room()];
    const { items, error } = await runWorkflow({
      emulator,
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
      expect.objectContaining({ error: expect.any(String), code: expect.stringMatching(/\S/), requestId: expect.any(String) }),
    );
    expect(session.app.rooms.get(first)?.Name).toBe('first');
    expect(session.app.rooms.get(last)?.Name).toBe('last');
  });

  it('without continue-on-fail, stops at the first error with code, message and RequestId', async () => {
    const [first, last] = [await session.room(), await session.room({ Name: 'untouched' })];
    emulator.resetCalls();
    const { items, error } = await runWorkflow({
      emulator,
      nodeParameters: parametersFor('ModifyRoom', roomIdFromItem),
      inputItems: [
        { roomId: first, name: 'changed' },
        { roomId: MISSING_ROOM, name: 'missing' },
        { roomId: last, name: 'never sent' },
      ],
    });

    expect(items).toHaveLength(0);
    const apiError = error as NodeApiError;
    const response = apiError.errorResponse as { code: string; message: string; requestId: string };
    expect(response.code).toMatch(/\S/);
    expect(apiError.message).toBe(`${response.code}: ${response.message}`);
    expect(response.requestId).toEqual(expect.any(String));
    expect(apiError.description).toContain(response.requestId);
    // Writes go one at a time: the third item was never sent.
    expect(callsOf(emulator, 'ModifyRoom').map((call) => call.params.RoomId)).toEqual([first, MISSING_ROOM]);
    expect(session.app.rooms.get(last)?.Name).toBe('untouched');
  });

  it('returns everything with Return All and at most Limit records otherwise', async () => {
    for (let i = 0; i < 5; i++) await session.room();
    const total = session.app.rooms.size;

    const now = await session.now();
    const window = { StartTime: now - 86_400, EndTime: now + 86_400 };
    const all = await session.ok('GetRooms', window, { returnAll: true });
    expect(all).toHaveLength(total);
    expect(new Set(all.map((room) => room.RoomId)).size).toBe(total);

    emulator.resetCalls();
    const limited = await session.ok('GetRooms', window, { returnAll: false, limit: 3 });
    expect(limited).toHaveLength(3);
    expect(callsOf(emulator, 'GetRooms')).toHaveLength(1);
  });

  it('resolves expressions in parameters per item', async () => {
    const names = [session.unique('expr-a'), session.unique('expr-b')];
    const { items, error } = await runWorkflow({
      emulator,
      nodeParameters: parametersFor('RegisterUser', {
        Name: '={{ $json.name }}',
        OriginId: '={{ $json.name + "-origin" }}',
      }),
      inputItems: names.map((name) => ({ name })),
    });

    expect(error).toBeUndefined();
    expect(items).toHaveLength(2);
    items.forEach((item, index) => {
      const user = session.app.users.get(String(item.json.UserId));
      expect(user?.Name).toBe(names[index]);
      expect(user?.OriginId).toBe(`${names[index]}-origin`);
    });
  });

  it('takes dates as ISO text or epoch seconds and sends epoch seconds', async () => {
    const now = await session.now();
    const start = now + 86_400;
    const end = start + 3600;
    const { items, error } = await runWorkflow({
      emulator,
      nodeParameters: parametersFor('CreateRoom', {
        Name: '={{ $json.name }}',
        StartTime: '={{ $json.start }}',
        EndTime: '={{ $json.end }}',
        Resolution: 1,
        MaxMicNumber: 1,
        SubType: 'videodoc',
      }),
      inputItems: [
        { name: 'iso', start: new Date(start * 1000).toISOString(), end: new Date(end * 1000).toISOString() },
        { name: 'epoch', start, end },
      ],
    });

    expect(error).toBeUndefined();
    expect(items).toHaveLength(2);
    for (const item of items) {
      const room = session.app.rooms.get(Number(item.json.RoomId));
      expect([room?.StartTime, room?.EndTime]).toEqual([start, end]);
    }
  });

  describe('an invalid item (StartTime after EndTime)', () => {
    async function createRooms(continueOnFail: boolean) {
      const now = await session.now();
      const rows: IDataObject[] = [
        { name: session.unique('ok'), start: now + 3600, end: now + 7200 },
        { name: session.unique('bad'), start: now + 7200, end: now + 3600 },
      ];
      emulator.resetCalls();
      const result = await runWorkflow({
        emulator,
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
      expect(callsOf(emulator)).toEqual([]);
    });

    it('with continue-on-fail, becomes an error item while the valid item is created', async () => {
      const { items, error, rows } = await createRooms(true);
      expect(error).toBeUndefined();
      expect(items).toHaveLength(2);
      expect(items[0].json.error).toBeUndefined();
      expect(session.app.rooms.get(Number(items[0].json.RoomId))?.Name).toBe(rows[0].name);
      expect(items[1].pairedItem).toEqual({ item: 1 });
      expect(String(items[1].json.error)).toMatch(/StartTime/);
      const created = [...session.app.rooms.values()].map((room) => room.Name);
      expect(created).not.toContain(rows[1].name);
    });
  });
});
