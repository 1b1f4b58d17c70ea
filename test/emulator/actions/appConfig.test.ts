import { ACCOUNT, OTHER_ACCOUNT, directEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

describe('records', () => {
	it("deletes a room's recordings, per room and in batches", () => {
		const h = directEmulator();
		const a = h.room({}, 0);
		const b = h.room({}, 0);
		h.call('StartRoom', { RoomId: a });
		h.clock.advance(300);
		h.call('EndRoom', { RoomId: a });
		const { RecordUrl } = h.sim('recordFinish', { RoomId: a });
		h.sim('recordFinish', { RoomId: b, Duration: 50 });
		expect(h.call('DescribeRoom', { RoomId: a })).toMatchObject({ RecordUrl, VideoDuration: 300 });
		h.call('DeleteRecord', { RoomId: a, SdkAppId: SDK });
		expect(h.call('DescribeRoom', { RoomId: a })).toMatchObject({
			RecordUrl: '',
			VideoDuration: 0,
		});
		expect(h.app.records.filter((r) => r.deleted).map((r) => r.RoomId)).toEqual([a]);
		expect(h.errorOf('DeleteRecord', { RoomId: 7, SdkAppId: SDK })).toBe('ResourceNotFound.Room');
		expect(h.errorOf('BatchDeleteRecord', { RoomIds: [b, 7], SdkAppId: SDK })).toBe(
			'ResourceNotFound.Room',
		);
		expect(h.app.records.find((r) => r.RoomId === b)?.deleted).toBe(false);
		expect(h.call('BatchDeleteRecord', { RoomIds: [a, b, b], SdkAppId: SDK })).toEqual({
			RoomIds: [a, b],
		});
		expect(h.app.records.every((r) => r.deleted)).toBe(true);
	});

	it('keeps recordings deletable after the room is deleted', () => {
		const h = directEmulator();
		const a = h.room({}, 0);
		h.sim('recordFinish', { RoomId: a });
		h.call('DeleteRoom', { RoomId: a });
		h.call('DeleteRecord', { RoomId: a, SdkAppId: SDK });
		expect(h.app.records[0].deleted).toBe(true);
	});
});

describe('supervisors', () => {
	it('adds, pages and removes registered users', () => {
		const h = directEmulator();
		for (const id of ['u1', 'u2', 'u3']) h.addUser(id);
		h.call('CreateSupervisor', { SdkAppId: SDK, Users: ['u1', 'u2', 'u3'] });
		expect(h.call('DescribeSupervisors', { SdkAppId: SDK })).toEqual({
			Total: 3,
			Page: 1,
			Limit: 20,
			UserIds: ['u1', 'u2', 'u3'],
		});
		expect(h.call('DescribeSupervisors', { SdkAppId: SDK, Page: 2, Limit: 2 })).toEqual({
			Total: 3,
			Page: 2,
			Limit: 2,
			UserIds: ['u3'],
		});
		h.call('DeleteSupervisor', { SdkAppId: SDK, Users: ['u2'] });
		expect(h.call('DescribeSupervisors', { SdkAppId: SDK }).UserIds).toEqual(['u1', 'u3']);
		expect(h.errorOf('CreateSupervisor', { SdkAppId: SDK, Users: ['ghost'] })).toBe(
			'ResourceNotFound.User',
		);
		expect(h.errorOf('DescribeSupervisors', { SdkAppId: SDK, Limit: 101 })).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('DescribeSupervisors', { SdkAppId: OTHER_ACCOUNT.sdkAppId })).toBe(
			'InvalidParameter.SdkAppId',
		);
	});
});

describe('application configuration', () => {
	it('sets, merges and deletes custom content per scene', () => {
		const h = directEmulator();
		h.call('SetAppCustomContent', {
			SdkAppId: SDK,
			CustomContent: [
				{ Scene: 'default', JsUrl: 'https://x/a.js' },
				{ Scene: 'exam', LogoUrl: 'https://x/l.png' },
			],
		});
		h.call('SetAppCustomContent', {
			SdkAppId: SDK,
			CustomContent: [{ Scene: 'default', CssUrl: 'https://x/a.css' }],
		});
		expect(h.app.customContent.get('default')).toEqual({
			Scene: 'default',
			JsUrl: 'https://x/a.js',
			CssUrl: 'https://x/a.css',
		});
		expect(
			h.errorOf('SetAppCustomContent', {
				SdkAppId: SDK,
				CustomContent: [{ Scene: 'bad', JsUrl: 'not a url' }],
			}),
		).toBe('InvalidParameter.CssOrJs');
		expect(
			h.errorOf('SetAppCustomContent', {
				SdkAppId: SDK,
				CustomContent: [{ LogoUrl: 'https://x' }],
			}),
		).toBe('MissingParameter');
		h.call('DeleteAppCustomContent', { SdkAppId: SDK, Scenes: ['exam'] });
		expect([...h.app.customContent.keys()]).toEqual(['default']);
		h.call('DeleteAppCustomContent', { SdkAppId: SDK });
		expect(h.app.customContent.size).toBe(0);
	});

	it('stores ModifyApp settings and checks the callback port', () => {
		const h = directEmulator();
		h.call('ModifyApp', {
			SdkAppId: SDK,
			Callback: 'https://hooks.example.com/lcic',
			CallbackKey: 'k',
		});
		expect(h.app.settings).toEqual({
			Callback: 'https://hooks.example.com/lcic',
			CallbackKey: 'k',
		});
		expect(
			h.errorOf('ModifyApp', { SdkAppId: SDK, Callback: 'https://hooks.example.com:8443/x' }),
		).toBe('InvalidParameterValue');
	});

	it('reads back the callback settings and scenes with DescribeAppDetail', () => {
		const h = directEmulator();
		// DescribeAppDetailRequest in Tencent's model (lcic_models.d.ts): ApplicationId is a
		// String, DeveloperId is required.
		const ask = { ApplicationId: String(SDK), DeveloperId: ACCOUNT.developerId };
		expect(h.call('DescribeAppDetail', ask)).toMatchObject({
			SdkAppId: String(SDK),
			AppConfig: { ApplicationId: String(SDK), State: 1, Callback: '', CallbackKey: '' },
			SceneConfig: [],
			TransferConfig: { State: 2 },
		});
		h.call('ModifyApp', {
			SdkAppId: SDK,
			Callback: 'https://hooks.example.com/a',
			CallbackKey: 'k1',
		});
		h.call('SetAppCustomContent', {
			SdkAppId: SDK,
			CustomContent: [{ Scene: 'default', JsUrl: 'https://x/a.js', CssUrl: 'https://x/a.css' }],
		});
		const detail = h.call('DescribeAppDetail', ask);
		expect(detail.AppConfig).toMatchObject({
			Callback: 'https://hooks.example.com/a',
			CallbackKey: 'k1',
		});
		// The model's SceneItem spells JSUrl/CSSUrl.
		expect(detail.SceneConfig).toEqual([
			{
				Scene: 'default',
				LogoUrl: '',
				HomeUrl: '',
				JSUrl: 'https://x/a.js',
				CSSUrl: 'https://x/a.css',
			},
		]);
		// Only the given ModifyApp parameters change: a later TransferUrl keeps the callback.
		h.call('ModifyApp', { SdkAppId: SDK, TransferUrl: 'https://t.example.com' });
		expect(h.call('DescribeAppDetail', ask)).toMatchObject({
			AppConfig: { Callback: 'https://hooks.example.com/a', CallbackKey: 'k1' },
			TransferConfig: { State: 1 },
		});
		expect(h.errorOf('DescribeAppDetail', { ...ask, DeveloperId: 'someone-else' })).toBe(
			'InvalidParameterValue',
		);
		expect(
			h.errorOf('DescribeAppDetail', {
				ApplicationId: String(OTHER_ACCOUNT.sdkAppId),
				DeveloperId: ACCOUNT.developerId,
			}),
		).toBe('InvalidParameter.SdkAppId');
	});

	it("gets the watermark regrouped from SetWatermark's flat parameters", () => {
		const h = directEmulator();
		expect(h.call('GetWatermark', { SdkAppId: SDK })).toEqual({
			TeacherLogo: { Url: '', Width: 0, Height: 0, LocationX: 0, LocationY: 0 },
			BoardLogo: { Url: '', Width: 0, Height: 0, LocationX: 0, LocationY: 0 },
			BackgroundPicture: { Url: '' },
			Text: { Text: '', Color: '' },
		});
		h.call('SetWatermark', {
			SdkAppId: SDK,
			TeacherUrl: 'https://w/t.png',
			TeacherW: 10.5,
			TeacherX: 50,
			VideoUrl: 'https://w/bg.png',
			Text: 'Demo',
			TextColor: '#fff',
		});
		h.call('SetWatermark', { SdkAppId: SDK, BoardUrl: 'https://w/b.png', BoardH: 20 });
		expect(h.call('GetWatermark', { SdkAppId: SDK })).toEqual({
			TeacherLogo: { Url: 'https://w/t.png', Width: 10.5, Height: 0, LocationX: 50, LocationY: 0 },
			BoardLogo: { Url: 'https://w/b.png', Width: 0, Height: 20, LocationX: 0, LocationY: 0 },
			BackgroundPicture: { Url: 'https://w/bg.png' },
			Text: { Text: 'Demo', Color: '#fff' },
		});
		expect(h.errorOf('SetWatermark', { SdkAppId: SDK, BoardW: 101 })).toBe('InvalidParameterValue');
	});
});

describe('DescribeDeveloper', () => {
	it("answers the signing account's developer ID", () => {
		const h = directEmulator();
		expect(h.call('DescribeDeveloper')).toEqual({ DeveloperId: 'dev-1' });
		expect(h.call('DescribeDeveloper', {}, OTHER_ACCOUNT)).toEqual({ DeveloperId: 'dev-2' });
	});
});
