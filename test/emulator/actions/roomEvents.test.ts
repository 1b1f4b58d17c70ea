import { ACCOUNT, T0, directEmulator, type DirectEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

type EventInfo = { Timestamp: number; EventType: string; EventData: Record<string, unknown> };

function events(
	h: DirectEmulator,
	roomId: number,
	params: Record<string, unknown> = {},
): { Total: number; Events: EventInfo[] } {
	return h.call('GetRoomEvent', {
		RoomId: roomId,
		SdkAppId: SDK,
		Page: 1,
		Limit: 200,
		...params,
	}) as { Total: number; Events: EventInfo[] };
}

describe('GetRoomEvent', () => {
	it('returns the log in order with EventInfo fields from the simulations', () => {
		const h = directEmulator();
		h.addUser('t1');
		const roomId = h.room({ TeacherId: 't1' }, 0);
		h.sim('memberJoin', { RoomId: roomId, UserId: 't1', Device: 1 });
		h.call('StartRoom', { RoomId: roomId });
		h.clock.advance(5);
		h.sim('cameraOn', { RoomId: roomId, UserId: 't1' });
		h.sim('micOn', { RoomId: roomId, UserId: 't1' });
		h.sim('screenOn', { RoomId: roomId, UserId: 't1' });
		h.sim('visibleOff', { RoomId: roomId, UserId: 't1' });
		h.clock.advance(5);
		h.call('EndRoom', { RoomId: roomId });
		h.sim('recordFinish', {
			RoomId: roomId,
			Duration: 10,
			RecordSize: 1000,
			RecordUrl: 'https://r/x.mp4',
		});
		const out = events(h, roomId);
		expect(out.Events.map((e) => e.EventType)).toEqual([
			'MemberJoin',
			'RoomStart',
			'CameraOn',
			'MicOn',
			'ScreenOn',
			'VisibleOff',
			'MemberQuit',
			'RoomEnd',
			'RecordFinish',
		]);
		expect(out.Total).toBe(9);
		expect(out.Events[0]).toEqual({
			Timestamp: T0,
			EventType: 'MemberJoin',
			EventData: { RoomId: roomId, UserId: 't1', Device: 1, Role: 1 },
		});
		expect(out.Events[2].Timestamp).toBe(T0 + 5);
		// Ending the class takes everyone out with Reason 5.
		expect(out.Events[6].EventData).toMatchObject({ UserId: 't1', Reason: 5 });
		expect(out.Events[8].EventData).toEqual({
			RoomId: roomId,
			Duration: 10,
			RecordSize: 1000,
			RecordUrl: 'https://r/x.mp4',
		});
	});

	it('pages without a keyword; with one returns every match and the unfiltered Total', () => {
		const h = directEmulator();
		const roomId = h.room({}, 0);
		h.call('StartRoom', { RoomId: roomId });
		h.sim('events', { RoomId: roomId, count: 250, types: ['CameraOn', 'CameraOff', 'MicOn'] });
		const first = events(h, roomId, { Page: 1, Limit: 200 });
		const second = events(h, roomId, { Page: 2, Limit: 200 });
		expect(first.Total).toBe(251);
		expect(first.Events).toHaveLength(200);
		expect(second.Events).toHaveLength(51);
		// RoomStart, then 250 events cycling CameraOn, CameraOff, MicOn: the 250th is CameraOn.
		expect(second.Events[50].EventType).toBe('CameraOn');
		const timestamps = [...first.Events, ...second.Events].map((e) => e.Timestamp);
		expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
		expect(events(h, roomId, { Page: 3, Limit: 200 }).Events).toEqual([]);
		const cameraOn = events(h, roomId, { Keyword: 'CameraOn', Page: 1, Limit: 10 });
		expect(cameraOn.Events).toHaveLength(84);
		expect(cameraOn.Total).toBe(251);
		expect(h.errorOf('GetRoomEvent', { RoomId: roomId, SdkAppId: SDK, Page: 1, Limit: 201 })).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('GetRoomEvent', { RoomId: roomId, SdkAppId: SDK, Page: 0, Limit: 10 })).toBe(
			'InvalidParameterValue',
		);
	});

	it('puts bulk events in the same second when asked', () => {
		const h = directEmulator();
		const roomId = h.room({}, 0);
		const out = h.sim('events', { RoomId: roomId, count: 5, sameSecond: true });
		expect(out).toMatchObject({ appended: 5, total: 5, firstTimestamp: T0, lastTimestamp: T0 });
		expect(new Set(events(h, roomId).Events.map((e) => e.Timestamp))).toEqual(new Set([T0]));
		expect(h.clock.now()).toBe(T0);
	});

	it('answers only until one hour after the class ends', () => {
		const h = directEmulator();
		const roomId = h.room({}, 0);
		h.call('StartRoom', { RoomId: roomId });
		h.call('EndRoom', { RoomId: roomId });
		h.sim('advanceClock', { seconds: 3600 });
		expect(events(h, roomId).Total).toBe(2);
		h.sim('advanceClock', { seconds: 1 });
		expect(h.errorOf('GetRoomEvent', { RoomId: roomId, SdkAppId: SDK, Page: 1, Limit: 10 })).toBe(
			'ResourceNotFound.Room',
		);
		expect(h.errorOf('GetRoomEvent', { RoomId: 42, SdkAppId: SDK, Page: 1, Limit: 10 })).toBe(
			'ResourceNotFound.Room',
		);
	});
});

describe('members, kicks and statistics', () => {
	it('tracks who is in the room and keeps kicked users out', () => {
		const h = directEmulator();
		h.addUser('s1', 'Student One');
		const roomId = h.room({}, 0);
		h.call('StartRoom', { RoomId: roomId });
		h.sim('memberJoin', { RoomId: roomId, UserId: 's1' });
		h.sim('memberJoin', { RoomId: roomId, UserId: 's2', Device: 4 });
		h.clock.advance(30);
		h.sim('micOn', { RoomId: roomId, UserId: 's1' });
		let list = h.call('DescribeCurrentMemberList', { RoomId: roomId, Page: 1, Limit: 10 });
		expect(list.Total).toBe(2);
		expect((list.MemberRecords as Array<Record<string, unknown>>)[0]).toMatchObject({
			UserId: 's1',
			UserName: 'Student One',
			PresentTime: 30,
			Mic: 1,
			CurrentState: 1,
			Role: 0,
			Device: 5,
			FirstJoinTimestamp: T0,
		});
		h.call('KickUserFromRoom', {
			RoomId: roomId,
			SdkAppId: SDK,
			UserId: 's2',
			KickType: 1,
			Duration: 60,
		});
		list = h.call('DescribeCurrentMemberList', { RoomId: roomId, Page: 1, Limit: 10 });
		expect(list.Total).toBe(1);
		expect(() => h.sim('memberJoin', { RoomId: roomId, UserId: 's2' })).toThrow('cannot join yet');
		h.clock.advance(61);
		expect(h.sim('memberJoin', { RoomId: roomId, UserId: 's2' })).toEqual({ joined: true });
		h.call('KickUserFromRoom', {
			RoomId: roomId,
			SdkAppId: SDK,
			UserId: 's2',
			KickType: 2,
			Duration: 0,
		});
		h.clock.advance(10_000);
		expect(() => h.sim('memberJoin', { RoomId: roomId, UserId: 's2' })).toThrow();
		const quits = h.app.rooms
			.get(roomId)
			?.events.filter((e) => e.Event === 'MemberQuit')
			.map((e) => e.EventData?.Reason);
		expect(quits).toEqual([1, 2]);
		expect(
			h.errorOf('KickUserFromRoom', {
				RoomId: roomId,
				SdkAppId: SDK,
				UserId: 's1',
				KickType: 3,
				Duration: 0,
			}),
		).toBe('InvalidParameterValue');
	});

	it('refuses the current member list once the class is over, and statistics before', () => {
		const h = directEmulator();
		const roomId = h.room({}, 0);
		h.call('StartRoom', { RoomId: roomId });
		h.sim('memberJoin', { RoomId: roomId, UserId: 'a' });
		h.sim('memberJoin', { RoomId: roomId, UserId: 'b' });
		h.sim('micOn', { RoomId: roomId, UserId: 'a' });
		h.sim('message', { RoomId: roomId, UserId: 'a', Text: 'hi' });
		expect(h.errorOf('DescribeRoomStatistics', { RoomId: roomId, Page: 1, Limit: 10 })).toBe(
			'FailedOperation.RoomNotEnd',
		);
		h.clock.advance(100);
		h.sim('memberQuit', { RoomId: roomId, UserId: 'b' });
		h.clock.advance(100);
		h.call('EndRoom', { RoomId: roomId });
		expect(h.errorOf('DescribeCurrentMemberList', { RoomId: roomId, Page: 1, Limit: 10 })).toBe(
			'FailedOperation.ClassEnded',
		);
		const stats = h.call('DescribeRoomStatistics', { RoomId: roomId, Page: 1, Limit: 10 });
		expect(stats).toMatchObject({
			PeakMemberNumber: 2,
			MemberNumber: 2,
			Total: 2,
			RealStartTime: T0,
			RealEndTime: T0 + 200,
			MessageCount: 1,
			MicCount: 1,
		});
		const records = stats.MemberRecords as Array<Record<string, unknown>>;
		expect(
			records.map((r) => [
				r.UserId,
				r.PresentTime,
				r.LastQuitTimestamp,
				r.PerMemberMessageCount,
				r.CurrentState,
			]),
		).toEqual([
			['a', 200, T0 + 200, 1, 2],
			['b', 100, T0 + 100, 0, 2],
		]);
	});
});

describe('messages and quizzes', () => {
	it('pages message history backwards from Seq', () => {
		const h = directEmulator();
		const roomId = h.room({}, 0);
		for (let i = 1; i <= 5; i++) h.sim('message', { RoomId: roomId, UserId: 'u', Text: `m${i}` });
		h.sim('message', { RoomId: roomId, UserId: 'u', ImageUrl: 'https://img/x.png' });
		const all = h.call('GetRoomMessage', { SdkAppId: SDK, RoomId: roomId }).Messages as Array<
			Record<string, unknown>
		>;
		expect(all.map((m) => m.Seq)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(all[0]).toEqual({
			Timestamp: T0,
			FromAccount: 'u',
			Seq: 1,
			MessageBody: [{ MessageType: 0, TextMessage: 'm1' }],
		});
		expect(all[5].MessageBody).toEqual([{ MessageType: 1, ImageMessage: 'https://img/x.png' }]);
		const older = h.call('GetRoomMessage', { SdkAppId: SDK, RoomId: roomId, Seq: 5, Limit: 2 })
			.Messages as Array<Record<string, unknown>>;
		expect(older.map((m) => m.Seq)).toEqual([3, 4]);
		h.clock.advance(8 * 24 * 3600);
		expect(h.call('GetRoomMessage', { SdkAppId: SDK, RoomId: roomId }).Messages).toEqual([]);
	});

	it('reports questions with per-option statistics and their answers', () => {
		const h = directEmulator();
		h.addUser('s1', 'zhangsan');
		const roomId = h.room({}, 0);
		const { QuestionId } = h.sim('question', {
			RoomId: roomId,
			QuestionContent: 'Test',
			CorrectAnswer: 8,
		});
		h.sim('answer', { QuestionId, UserId: 's1', Answer: 8, CostTime: 6 });
		h.sim('answer', { RoomId: roomId, QuestionId, UserId: 's2', Answer: 2 });
		const questions = h.call('DescribeQuestionList', { RoomId: roomId });
		expect(questions.Total).toBe(1);
		expect((questions.QuestionInfo as Array<Record<string, unknown>>)[0]).toEqual({
			QuestionId,
			QuestionContent: 'Test',
			Duration: 0,
			CorrectAnswer: 8,
			AnswerStats: [
				{ Answer: 1, Count: 0 },
				{ Answer: 2, Count: 1 },
				{ Answer: 4, Count: 0 },
				{ Answer: 8, Count: 1 },
			],
		});
		const answers = h.call('DescribeAnswerList', { QuestionId, Page: 1, Limit: 1 });
		expect(answers).toEqual({
			Total: 2,
			AnswerInfo: [{ Name: 'zhangsan', Answer: 8, CostTime: 6, UserId: 's1', IsCorrect: 1 }],
		});
		expect(h.errorOf('DescribeAnswerList', { QuestionId: 'nope' })).toBe('ResourceNotFound');
		const list = h.call('DescribeCurrentMemberList', { RoomId: roomId, Page: 1, Limit: 10 });
		expect(list.Total).toBe(0);
	});
});
