// Manual recording and what was recorded, as Tencent's current model describes it
// (lcic_models.d.ts of tencentcloud-sdk-nodejs 4.1.313): DisableRecord "0 开启自动录制（默认）
// 1 禁止录制 2 开启手动录制（仅支持页面录制，需通过startRecord、stopRecord接口控制录制的开始和结束）
// 3 信令录制"; RecordStream "1 录制混流+单流 ... 分别录制老师、台上学生的音视频流". Error codes from
// LCIC's list (tencentcloud-sdk-go lcic/v20220817/errors.go): FailedOperation, ClassEnded,
// ClassExpired, OperationDenied, ResourceInUse, ResourceNotFound(.Room).
import { ACCOUNT, directEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

function manual() {
	const h = directEmulator();
	const roomId = h.room({ DisableRecord: 2 });
	const at = (RoomId = roomId) => ({ SdkAppId: SDK, RoomId });
	return { h, roomId, at };
}

describe('StartRecord and StopRecord', () => {
	it('record a manual class from start to stop, and the file shows in DescribeRecord', () => {
		const { h, roomId, at } = manual();
		h.call('StartRoom', { RoomId: roomId });
		const started = h.clock.now();
		const { TaskId } = h.call('StartRecord', at());
		expect(h.call('DescribeRecordTask', at())).toEqual({ TaskId });
		expect(h.call('DescribeRecord', at()).RecordInfo).toEqual([]);
		h.clock.advance(300);
		h.call('StopRecord', { ...at(), TaskId });
		expect(h.call('DescribeRecord', at())).toEqual({
			SchoolId: SDK,
			ClassId: roomId,
			RecordInfo: [
				{
					StartTime: started,
					StopTime: started + 300,
					Duration: 300,
					FileFormat: 'mp4',
					RecordUrl: expect.stringMatching(/^https:\/\/.+\.mp4$/),
					RecordSize: 300 * 125_000,
					VideoId: expect.stringMatching(/^\d+$/),
					TaskId,
				},
			],
		});
		// The last task stays known after it stopped; the file is logged like any recording.
		expect(h.call('DescribeRecordTask', at())).toEqual({ TaskId });
		expect(h.app.rooms.get(roomId)?.events.map((e) => e.Event)).toContain('RecordFinish');
	});

	it('stops a recording still running when the class ends', () => {
		const { h, roomId, at } = manual();
		h.call('StartRoom', { RoomId: roomId });
		const { TaskId } = h.call('StartRecord', at());
		h.clock.advance(60);
		h.call('EndRoom', { RoomId: roomId });
		expect(h.call('DescribeRecord', at()).RecordInfo).toEqual([
			expect.objectContaining({ TaskId, Duration: 60 }),
		]);
		expect(h.errorOf('StopRecord', { ...at(), TaskId })).toBe('ResourceNotFound');
	});

	it("answers Tencent's codes: not started, over, disabled, automatic, already running, unknown task", () => {
		const { h, roomId, at } = manual();
		expect(h.errorOf('StartRecord', at())).toBe('FailedOperation');
		expect(h.errorOf('StartRecord', at(123))).toBe('ResourceNotFound.Room');
		h.call('StartRoom', { RoomId: roomId });
		h.call('StartRecord', at());
		expect(h.errorOf('StartRecord', at())).toBe('ResourceInUse');
		expect(h.errorOf('StopRecord', { ...at(), TaskId: 'task-x' })).toBe('ResourceNotFound');
		h.call('EndRoom', { RoomId: roomId });
		expect(h.errorOf('StartRecord', at())).toBe('FailedOperation.ClassEnded');
		const expired = h.room({ DisableRecord: 2 }, 60, 600);
		h.clock.advance(3600);
		expect(h.errorOf('StartRecord', at(expired))).toBe('FailedOperation.ClassExpired');

		for (const [mode, code] of [
			[1, 'OperationDenied'],
			[0, 'FailedOperation'],
			[3, 'FailedOperation'],
		] as const) {
			const other = h.room({ DisableRecord: mode });
			h.call('StartRoom', { RoomId: other });
			expect({ mode, code: h.errorOf('StartRecord', at(other)) }).toEqual({ mode, code });
		}
		expect(h.errorOf('DescribeRecordTask', at(h.room()))).toBe('ResourceNotFound');
	});
});

describe('DescribeRecord and DescribeRecordStream', () => {
	it('list single streams of the teacher and of members who went on mic, only with RecordStream 1', () => {
		const h = directEmulator();
		h.addUser('teacher');
		h.addUser('amy');
		h.addUser('bo');
		const both = h.room({ TeacherId: 'teacher', RecordStream: 1 });
		const mixed = h.room({ TeacherId: 'teacher' });
		for (const roomId of [both, mixed]) {
			h.call('StartRoom', { RoomId: roomId });
			for (const userId of ['teacher', 'amy', 'bo'])
				h.sim('memberJoin', { RoomId: roomId, UserId: userId });
			h.sim('micOn', { RoomId: roomId, UserId: 'amy' });
			h.clock.advance(100);
			h.sim('recordFinish', { RoomId: roomId });
		}
		const streams = h.call('DescribeRecordStream', { SdkAppId: SDK, RoomId: both });
		expect(streams).toMatchObject({ SchoolId: SDK, ClassId: both, ClassType: 0 });
		expect((streams.StreamInfo as Array<{ UserId: string }>).map((s) => s.UserId)).toEqual([
			'teacher',
			'amy',
		]);
		expect(h.call('DescribeRecordStream', { SdkAppId: SDK, RoomId: mixed }).StreamInfo).toEqual([]);
	});

	it('keep a deleted room known while it has recordings', () => {
		const h = directEmulator();
		const roomId = h.room();
		h.call('StartRoom', { RoomId: roomId });
		h.sim('recordFinish', { RoomId: roomId, Duration: 10 });
		h.call('EndRoom', { RoomId: roomId });
		h.call('DeleteRoom', { RoomId: roomId });
		expect(h.call('DescribeRecord', { SdkAppId: SDK, RoomId: roomId }).RecordInfo).toHaveLength(1);
		expect(h.errorOf('DescribeRecord', { SdkAppId: SDK, RoomId: roomId + 1 })).toBe(
			'ResourceNotFound.Room',
		);
	});
});
