// "Create Many" of rooms, groups and users, through n8n-core: one output item per object created,
// paired to the input item that listed it, the way User > Create Many has always answered.
// The reference: BatchCreateRoom "RoomIds: The IDs of the rooms created, which are in the same
// order as they are passed in."; BatchCreateGroupWithMembers "GroupIds: The IDs of the groups
// created, which are in the same order as the elements in the request parameter
// GroupBaseInfos.N".
import type { IDataObject } from 'n8n-workflow';

import { parametersFor, runWorkflow, useEmulator } from '../harness';

// China Standard Time, UTC+8 all year; the tests run with TZ=Asia/Kolkata (jest.config.js).
const TIME_ZONE = 'Asia/Shanghai';

describe('Create Many: one item per object created, paired to its input item', () => {
	const fx = useEmulator();

	it('Room > Create Many: each room with its RoomId, name and times', async () => {
		const shanghaiDay = Math.floor((fx.emulator.clock.now() + 8 * 3600) / 86400) + 2;
		const date = new Date(shanghaiDay * 86400 * 1000).toISOString().slice(0, 10);
		const room = (name: string, hour: number) => ({
			Name: name,
			StartTime: `${date} ${hour}:00`,
			EndTime: `${date} ${hour}:45`,
			Resolution: 1,
			MaxMicNumber: 1,
			SubType: 'videodoc',
		});
		// Two input items (two classes' timetables), each listing its rooms.
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			timezone: TIME_ZONE,
			nodeParameters: parametersFor('BatchCreateRoom', { RoomInfos: '={{ $json.rooms }}' }),
			inputItems: [
				{ rooms: [room('7A Maths', 9), room('7A Physics', 10)] },
				{ rooms: [room('8B Maths', 11)] },
			],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
		const rooms = items.map((item) => item.json);
		expect(rooms.map((r) => r.Name)).toEqual(['7A Maths', '7A Physics', '8B Maths']);
		expect(rooms[0]).toMatchObject({
			StartTimeIso: `${date}T09:00:00+08:00`,
			EndTimeIso: `${date}T09:45:00+08:00`,
		});
		// Each item names the room LCIC created for that entry.
		for (const created of rooms) {
			const stored = fx.session.app.rooms.get(Number(created.RoomId));
			expect(stored?.Name).toBe(created.Name);
			expect(stored?.StartTime).toBe(created.StartTime);
		}
	});

	it('Group > Create Many: each group with its GroupId and name', async () => {
		const teacher = await fx.session.user();
		const { items, error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('BatchCreateGroupWithMembers', {
				GroupBaseInfos: [{ GroupName: 'Year 7', TeacherId: teacher }, { GroupName: 'Year 8' }],
			}),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(items.map((item) => item.json)).toEqual([
			{ GroupId: expect.any(String), GroupName: 'Year 7', TeacherId: teacher },
			{ GroupId: expect.any(String), GroupName: 'Year 8' },
		]);
		for (const { json } of items)
			expect(fx.session.app.groups.get(String(json.GroupId))?.GroupName).toBe(json.GroupName);
	});

	it('User > Create Many answers the same way: one item per user', async () => {
		const { items } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('BatchRegister', {
				Users: [
					{ Name: 'Ada', OriginId: 'cm-ada' },
					{ Name: 'Bo', OriginId: 'cm-bo' },
				],
			}),
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(items.map((item) => (item.json as IDataObject).OriginId)).toEqual(['cm-ada', 'cm-bo']);
		expect(items.every((item) => typeof item.json.UserId === 'string')).toBe(true);
	});
});
