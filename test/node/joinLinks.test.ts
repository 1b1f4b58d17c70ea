// Room > Get Join Links and Room > Get Replay Link against the templates Tencent documents
// (/work/shared/GUIDE.md, "Facts from Tencent's pages beyond the API reference"):
//
// Web and H5 integration page:
//   "https://<domain>/latest/class.html?schoolid=<SdkAppId>&classid=<RoomId>&userid=<UserId>&token=<Token>",
//   "values encodeURIComponent-encoded. <domain>: class.qcloudclass.com (mainland China) or
//   www.tencentclass.com (outside mainland China). Optional: lng (zh-CN, zh-TW, en-US, ja, ko,
//   ar, vi, id), scene (a custom layout set with SetAppCustomContent), role=supervisor (only the
//   application's supervisors). Login tokens are valid for seven days."
// Replay page:
//   "https://class.qcloudclass.com/playback/index.html?classid=<RoomId>&token=<Token>
//   (optional title), token from GetPlaybackToken."
//
// The links are checked by taking them apart with WHATWG URL (not with the code that built
// them): scheme, host, path, and each query value decoded back to what went in.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findOperation } from '../../nodes/Lcic/catalog';
import { joinUrl } from '../../nodes/Lcic/behaviours/joinLinks';
import { replayUrl } from '../../nodes/Lcic/behaviours/replayLink';
import { executeOperation } from '../../nodes/Lcic/execute/router';
import { roomTokens } from '../emulator/actions/roomLogins';
import { callsOf, useEmulator } from '../harness';
import { fakeContext, ok } from '../transport/fakeContext';

const TEMPLATE_PATH = '/latest/class.html';
const MAINLAND = 'class.qcloudclass.com';
const INTERNATIONAL = 'www.tencentclass.com';
const SEVEN_DAYS = 7 * 24 * 3600;

/** Scheme + host + path, and the query as a plain object (values decoded). */
function parts(link: unknown): { page: string; query: Record<string, string>; raw: string } {
	const url = new URL(String(link));
	return {
		page: `${url.protocol}//${url.host}${url.pathname}`,
		query: Object.fromEntries(url.searchParams),
		raw: url.search,
	};
}

describe('the join link template', () => {
	it('puts every value in encodeURIComponent-encoded, in the documented order', () => {
		const link = joinUrl({
			domain: MAINLAND,
			sdkAppId: 3520371,
			roomId: 301234567,
			userId: 'a b&c=ü',
			token: 't/k+n=1 ?#',
			language: 'zh-TW',
			scene: 'Klasse 7b & Ü',
			supervisor: true,
		});
		expect(link).toBe(
			'https://class.qcloudclass.com/latest/class.html?schoolid=3520371&classid=301234567' +
				'&userid=a%20b%26c%3D%C3%BC&token=t%2Fk%2Bn%3D1%20%3F%23&lng=zh-TW' +
				'&scene=Klasse%207b%20%26%20%C3%9C&role=supervisor',
		);
		expect(parts(link).query).toEqual({
			schoolid: '3520371',
			classid: '301234567',
			userid: 'a b&c=ü',
			token: 't/k+n=1 ?#',
			lng: 'zh-TW',
			scene: 'Klasse 7b & Ü',
			role: 'supervisor',
		});
	});

	it('leaves the optional values out when they are not set', () => {
		const link = joinUrl({
			domain: INTERNATIONAL,
			sdkAppId: 1,
			roomId: 2,
			userId: 'u',
			token: 't',
		});
		expect(link).toBe(
			'https://www.tencentclass.com/latest/class.html?schoolid=1&classid=2&userid=u&token=t',
		);
	});

	it('builds the replay page link with an optional encoded title', () => {
		expect(replayUrl(301234567, 'eyJ.a-b_c', 'Maths & Physik, Woche 3 – Ü')).toBe(
			'https://class.qcloudclass.com/playback/index.html?classid=301234567&token=eyJ.a-b_c' +
				'&title=Maths%20%26%20Physik%2C%20Woche%203%20%E2%80%93%20%C3%9C',
		);
		expect(replayUrl(1, 'x')).toBe(
			'https://class.qcloudclass.com/playback/index.html?classid=1&token=x',
		);
	});
});

describe('Room > Get Join Links through n8n against the emulator', () => {
	const fx = useEmulator('each');

	async function classWith(): Promise<{
		roomId: number;
		teacher: string;
		assistant: string;
		student: string;
	}> {
		const [teacher, assistant, student] = await fx.session.users(3);
		const roomId = await fx.session.room({ TeacherId: teacher, Assistants: [assistant] });
		return { roomId, teacher, assistant, student };
	}

	it('gives each user the documented link on the mainland site by default, token for this class', async () => {
		const { roomId, teacher, assistant, student } = await classWith();
		// The tokens expire seven days after the logins, on n8n's clock: read around the run.
		const loggedInFrom = Math.floor(Date.now() / 1000);
		const output = await fx.session.ok('room/getJoinLinks', {
			RoomId: roomId,
			Users: `${teacher}, ${assistant}, ${student}`,
		});
		const loggedInBy = Math.floor(Date.now() / 1000);
		expect(output.map((o) => o.Role)).toEqual(['teacher', 'assistant', 'student']);
		for (const item of output) {
			const { page, query } = parts(item.Url);
			// The credential points at the emulator (a Custom Base URL): not the international site.
			expect(page).toBe(`https://${MAINLAND}${TEMPLATE_PATH}`);
			const user = fx.session.app.users.get(String(item.UserId))!;
			expect(query).toEqual({
				schoolid: String(fx.session.sdkAppId),
				classid: String(roomId),
				userid: String(item.UserId),
				token: roomTokens(user).get(roomId),
			});
			expect(item.TokenExpiresAt).toBeGreaterThanOrEqual(loggedInFrom + SEVEN_DAYS);
			expect(item.TokenExpiresAt).toBeLessThanOrEqual(loggedInBy + SEVEN_DAYS);
			expect(Date.parse(String(item.TokenExpiresAtIso))).toBe(Number(item.TokenExpiresAt) * 1000);
		}
		expect(callsOf(fx.emulator, 'LoginUserWithRoom')).toHaveLength(3);
		expect(callsOf(fx.emulator, 'DescribeRoom')).toHaveLength(1);
	});

	it('uses the outside-mainland site, lng and an encoded scene when asked, by Origin ID', async () => {
		const originId = fx.session.unique('schüler');
		await fx.session.user({ OriginId: originId });
		const roomId = await fx.session.room();
		const [item] = await fx.session.ok('room/getJoinLinks', {
			RoomId: roomId,
			Users: originId,
			UsersAre: 'OriginId',
			Domain: INTERNATIONAL,
			Language: 'ar',
			Scene: 'Klasse 7b & Ü',
		});
		const { page, query, raw } = parts(item.Url);
		expect(page).toBe(`https://${INTERNATIONAL}${TEMPLATE_PATH}`);
		expect(query).toMatchObject({ lng: 'ar', scene: 'Klasse 7b & Ü' });
		expect(raw).toContain('&scene=Klasse%207b%20%26%20%C3%9C');
		expect(item).toMatchObject({ OriginId: originId, Role: 'student' });
		expect(callsOf(fx.emulator, 'LoginOriginIdWithRoom')).toHaveLength(1);
	});

	it('logs in with LoginUser when the token should admit any class', async () => {
		const { roomId, student } = await classWith();
		const [item] = await fx.session.ok('room/getJoinLinks', {
			RoomId: roomId,
			Users: student,
			TokenFor: 'anyClass',
		});
		expect(callsOf(fx.emulator, 'LoginUser')).toHaveLength(1);
		expect(callsOf(fx.emulator, 'LoginUserWithRoom')).toHaveLength(0);
		expect(parts(item.Url).query.token).toBe(fx.session.app.users.get(student)?.Token);
	});

	it('gives role=supervisor only to supervisors, checking DescribeSupervisors once per execution', async () => {
		const { roomId, student } = await classWith();
		const [watcher] = await fx.session.users(1);
		await fx.session.ok('CreateSupervisor', { Users: [watcher] });
		const { items } = await fx.session.run(
			'room/getJoinLinks',
			{ RoomId: roomId, Users: `${watcher}, ${student}`, Role: 'supervisor' },
			{},
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(2);
		const [link, refused] = items.map((item) => item.json);
		expect(link).toMatchObject({ Role: 'supervisor', UserId: watcher });
		expect(parts(link.Url).query).toMatchObject({ userid: watcher, role: 'supervisor' });
		expect(String(refused.error)).toContain(`User ${student} is not a supervisor`);
		expect(String(refused.description)).toContain('Supervisor > Create');
		// Nobody who is not a supervisor was logged in.
		expect(callsOf(fx.emulator, 'LoginUserWithRoom').map((c) => c.params.UserId)).toEqual([
			watcher,
		]);
		expect(callsOf(fx.emulator, 'DescribeSupervisors')).toHaveLength(1);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops on a non-supervisor without continue-on-fail, naming Supervisor > Create', async () => {
		const { roomId, student } = await classWith();
		const { error } = await fx.session.run('room/getJoinLinks', {
			RoomId: roomId,
			Users: student,
			Role: 'supervisor',
		});
		expect(error?.message).toContain('is not a supervisor');
		expect(error?.description).toContain('Supervisor > Create');
	});

	it('fails the item of an unknown room, and says whose link failed for an unknown user', async () => {
		const { roomId, student } = await classWith();
		const unknownRoom = await fx.session.run('room/getJoinLinks', { RoomId: 999, Users: student });
		expect(unknownRoom.error?.message).toMatch(/ResourceNotFound\.Room|does not exist/);
		const { items } = await fx.session.run(
			'room/getJoinLinks',
			{ RoomId: roomId, Users: `${student}, nobody` },
			{},
			{ continueOnFail: true },
		);
		expect(items.map((item) => item.json.code ?? item.json.Role)).toEqual([
			'student',
			'ResourceNotFound.User',
		]);
		expect(String(items[1].json.description)).toContain('No join link for user nobody.');
	});
});

describe('Room > Get Join Links: the site follows the credential', () => {
	async function run(credentials: IDataObject, parameters: IDataObject): Promise<IDataObject[]> {
		const fake = fakeContext((action, body) => {
			if (action === 'DescribeRoom') return ok({ TeacherId: 'teacher-1', Assistants: [] });
			return ok({ UserId: body.UserId, Token: 'tok en&1' });
		}, credentials);
		const execution = Object.assign(fake.context, {
			getInputData: () => [{ json: {} }],
			getNodeParameter: (name: string, _index: number, fallback?: unknown) =>
				({ resource: 'room', operation: 'getJoinLinks', ...parameters })[name] ?? fallback,
			continueOnFail: () => false,
		}) as unknown as IExecuteFunctions;
		const items = await executeOperation.call(execution, findOperation('room', 'getJoinLinks'));
		return items.map((item) => item.json);
	}
	const base = { roomId: 301, users: 'teacher-1', usersAre: 'UserId', role: 'room' };

	it.each([
		['the International Site endpoint', 'lcic.intl.tencentcloudapi.com', INTERNATIONAL],
		['the Nearest Region endpoint', 'lcic.tencentcloudapi.com', MAINLAND],
		['a Regional Endpoint', 'regional', MAINLAND],
	])('%s (%s) means %s', async (_label, endpoint, domain) => {
		const [item] = await run({ endpoint, region: 'ap-singapore' }, base);
		expect(parts(item.Url).page).toBe(`https://${domain}${TEMPLATE_PATH}`);
		expect(parts(item.Url).query).toMatchObject({ userid: 'teacher-1', token: 'tok en&1' });
		expect(item.Role).toBe('teacher');
	});

	it('lets the operation choose the site against the credential', async () => {
		const [item] = await run(
			{ endpoint: 'lcic.intl.tencentcloudapi.com' },
			{ ...base, additionalFields: { domain: MAINLAND } },
		);
		expect(parts(item.Url).page).toBe(`https://${MAINLAND}${TEMPLATE_PATH}`);
	});
});

describe('Room > Get Replay Link through n8n against the emulator', () => {
	const fx = useEmulator('each');

	async function endedRoom(record: boolean): Promise<number> {
		const roomId = await fx.session.liveRoom();
		if (record) {
			await fx.session.simulate('recordFinish', { RoomId: roomId, Duration: 60 });
			await fx.session.simulate('recordFinish', { RoomId: roomId, Duration: 30 });
		}
		await fx.session.ok('EndRoom', { RoomId: roomId });
		return roomId;
	}

	it('gives the documented replay page with the GetPlaybackToken token and every recording URL', async () => {
		const roomId = await endedRoom(true);
		const [item] = await fx.session.ok('room/getReplayLink', {
			RoomId: roomId,
			Title: 'Woche 3 & Ü',
			ExpireSeconds: 86400,
		});
		const { page, query } = parts(item.Url);
		expect(page).toBe('https://class.qcloudclass.com/playback/index.html');
		expect(query.classid).toBe(String(roomId));
		expect(query.title).toBe('Woche 3 & Ü');
		const claims = JSON.parse(Buffer.from(query.token.split('.')[1], 'base64url').toString('utf8'));
		expect(claims.class_id).toBe(roomId);
		const files = fx.session.app.records.filter((f) => f.RoomId === roomId).map((f) => f.RecordUrl);
		expect(item.RecordUrls).toEqual(files);
		expect(item.RecordUrl).toBe(files[1]);
		expect(item.TokenExpiresAtIso).toEqual(expect.any(String));
		expect(callsOf(fx.emulator, 'GetPlaybackToken')[0].params).toMatchObject({
			ExpireSeconds: 86400,
		});
	});

	it("fails with LCIC's reason for a class that has not ended or has nothing recorded", async () => {
		const live = await fx.session.liveRoom();
		const notEnded = await fx.session.run('room/getReplayLink', { RoomId: live });
		expect(notEnded.error?.message).toMatch(/RoomNotEnd|has not ended/);
		const nothing = await fx.session.run('room/getReplayLink', { RoomId: await endedRoom(false) });
		expect(nothing.error?.message).toMatch(/no recording/);
		expect(callsOf(fx.emulator, 'DescribeRecord')).toHaveLength(0);
	});
});
