// Scenarios for the recording and replay actions of Tencent's current model: manual recording,
// recordings and streams, the replay list, playback tokens, replay views and edit versions.
import type { LcicSession } from '../../harness';
import { returnAll, type Scenario } from './types';

/** A class that ran and ended with one recording (automatic recording, RecordFinish). */
async function recordedRoom(s: LcicSession, values: Record<string, unknown> = {}): Promise<number> {
	const RoomId = await s.liveRoom();
	if (Object.keys(values).length) await s.ok('ModifyRoom', { RoomId, ...values });
	await s.simulate('recordFinish', { RoomId, Duration: 600 });
	await s.ok('EndRoom', { RoomId });
	return RoomId;
}

/** A class that ran and ended with signalling recording (DisableRecord 3): no video file. */
async function signallingRoom(s: LcicSession): Promise<number> {
	const RoomId = await s.room({ DisableRecord: 3 });
	await s.ok('StartRoom', { RoomId });
	await s.simulate('advanceClock', { seconds: 900 });
	await s.ok('EndRoom', { RoomId });
	return RoomId;
}

/** A manually recorded class in progress. */
async function manualRoom(s: LcicSession): Promise<number> {
	const RoomId = await s.room({ DisableRecord: 2 });
	await s.ok('StartRoom', { RoomId });
	return RoomId;
}

/** The claims of a JWT-shaped token. */
function claims(token: unknown): Record<string, unknown> {
	const payload = String(token).split('.')[1];
	return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The emulator time before a token was asked for (its clock follows wall time). */
let issuedAfter = 0;

export const RECORD_SCENARIOS: Record<string, Scenario> = {
	StartRecord: {
		prepare: async (s) => ({ values: { RoomId: await manualRoom(s) } }),
		check: ([out], s, v) => {
			expect(out.TaskId).toEqual(expect.any(String));
			expect(s.app.rooms.get(Number(v.RoomId))?.extra.recording).toMatchObject({
				TaskId: out.TaskId,
			});
		},
	},
	StopRecord: {
		prepare: async (s) => {
			const RoomId = await manualRoom(s);
			const [{ TaskId }] = await s.ok('StartRecord', { RoomId });
			await s.simulate('advanceClock', { seconds: 120 });
			return { values: { RoomId, TaskId } };
		},
		check: (_o, s, v) => {
			const files = s.app.records.filter((file) => file.RoomId === v.RoomId);
			expect(files).toEqual([expect.objectContaining({ TaskId: v.TaskId })]);
			// The emulator clock follows wall time too: at least the 120 s moved forward.
			const [file] = files;
			expect(file.Duration).toBeGreaterThanOrEqual(120);
			expect(file.stopTime! - file.startTime!).toBe(file.Duration);
		},
	},
	DescribeRecordTask: {
		prepare: async (s) => {
			const RoomId = await manualRoom(s);
			await s.ok('StartRecord', { RoomId });
			return { values: { RoomId } };
		},
		check: ([out], s, v) =>
			expect(s.app.rooms.get(Number(v.RoomId))?.extra.recording).toMatchObject({
				TaskId: out.TaskId,
			}),
	},
	DescribeRecord: {
		prepare: async (s) => ({ values: { RoomId: await recordedRoom(s) } }),
		check: ([out], s, v) => {
			const file = s.app.records.find((f) => f.RoomId === v.RoomId)!;
			expect(out).toMatchObject({ SchoolId: s.sdkAppId, ClassId: v.RoomId });
			expect(out.RecordInfo).toEqual([
				expect.objectContaining({ RecordUrl: file.RecordUrl, Duration: 600, FileFormat: 'mp4' }),
			]);
		},
	},
	DescribeRecordStream: {
		prepare: async (s) => {
			const teacher = await s.user();
			const RoomId = await s.room({ TeacherId: teacher, RecordStream: 1 });
			await s.ok('StartRoom', { RoomId });
			await s.simulate('memberJoin', { RoomId, UserId: teacher });
			await s.simulate('recordFinish', { RoomId });
			return { values: { RoomId } };
		},
		check: ([out], s, v) => {
			const teacher = s.app.rooms.get(Number(v.RoomId))?.TeacherId;
			expect(out.StreamInfo).toEqual([expect.objectContaining({ UserId: teacher, Role: 'main' })]);
		},
	},
	DescribePlaybackList: {
		prepare: async (s) => ({ values: { RoomId: await recordedRoom(s) }, node: returnAll }),
		check: (output, s, v) => {
			const file = s.app.records.find((f) => f.RoomId === v.RoomId)!;
			expect(output).toEqual([
				expect.objectContaining({ RoomId: v.RoomId, PlaybackUrl: file.RecordUrl, Duration: 600 }),
			]);
		},
	},
	DeletePlaybackItem: {
		prepare: async (s) => ({ values: { RoomId: await recordedRoom(s) } }),
		check: (_o, s, v) =>
			expect(s.app.records.filter((f) => f.RoomId === v.RoomId).every((f) => f.deleted)).toBe(true),
	},
	GetPlaybackToken: {
		prepare: async (s) => {
			const RoomId = await recordedRoom(s);
			issuedAfter = await s.now();
			return { values: { RoomId, ExpireSeconds: 3600 } };
		},
		check: async ([out], s, v) => {
			expect(out.RoomId).toBe(v.RoomId);
			const { class_id, exp } = claims(out.Token);
			expect(class_id).toBe(v.RoomId);
			// Issued between prepare and check (the emulator clock follows wall time).
			expect(Number(exp)).toBeGreaterThanOrEqual(issuedAfter + 3600);
			expect(Number(exp)).toBeLessThanOrEqual((await s.now()) + 3600);
		},
	},
	BatchGetPlaybackToken: {
		prepare: async (s) => ({
			values: { RoomIds: [await recordedRoom(s), await signallingRoom(s)] },
		}),
		check: (output, _s, v) => {
			expect(output.map((o) => o.RoomId)).toEqual(v.RoomIds);
			for (const item of output) expect(claims(item.Token).class_id).toBe(item.RoomId);
		},
	},
	DescribePlayRecords: {
		prepare: async (s) => {
			const RoomId = await signallingRoom(s);
			const [a, b] = await s.users(2);
			const now = await s.now();
			await s.simulate('replayView', { RoomId, UserId: a, Seconds: 300 });
			await s.simulate('replayView', { RoomId, UserId: b, Seconds: 60 });
			return {
				values: {
					RoomId,
					StartTime: new Date((now - 60) * 1000).toISOString(),
					EndTime: now + 3600,
				},
				node: returnAll,
			};
		},
		check: (output) => expect(output.map((o) => o.Duration)).toEqual([300_000, 60_000]),
	},
	DescribeEditVersions: {
		prepare: async (s) => {
			const RoomId = await signallingRoom(s);
			await s.simulate('editVersion', { RoomId, VersionName: 'trimmed' });
			return { values: { RoomId } };
		},
		check: ([out]) => {
			expect(out).toMatchObject({ LatestVersionNo: 1, MainVersion: 0 });
			expect(out.Versions).toEqual([
				expect.objectContaining({ Version: 0, IsSource: true, IsMain: true }),
				expect.objectContaining({ Version: 1, VersionName: 'trimmed', IsMain: false }),
			]);
		},
	},
	GetEditVersionToken: {
		prepare: async (s) => ({ values: { RoomId: await signallingRoom(s), UserId: await s.user() } }),
		check: ([out], _s, v) => {
			expect(out).toMatchObject({ RoomId: v.RoomId, UserId: v.UserId, VersionNo: 0 });
			expect(claims(out.Token)).toMatchObject({ class_id: v.RoomId, user_id: v.UserId });
		},
	},
	SetMainEditVersion: {
		prepare: async (s) => {
			const RoomId = await signallingRoom(s);
			await s.simulate('editVersion', { RoomId });
			return { values: { RoomId, VersionNo: 1 } };
		},
		check: ([out], s, v) => {
			expect(out).toMatchObject({ ClassId: v.RoomId, PreviousMainVersion: 0, MainVersion: 1 });
			expect(s.app.rooms.get(Number(v.RoomId))?.extra.mainEditVersion).toBe(1);
		},
	},
};
