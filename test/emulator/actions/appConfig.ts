// Application configuration: custom content per scene, callback settings (ModifyApp, read back
// with DescribeAppDetail) and watermarks. SetWatermark takes flat parameters; GetWatermark answers them regrouped into
// WatermarkConfig / BackgroundPictureConfig / TextMarkConfig.
import type { ActionTable } from '../types';
import { appOf, fail, stateOf } from './common';
import { checkNested } from './roomParams';

const CUSTOM_CONTENT_FIELDS = {
	Scene: { type: 'String', required: true },
	LogoUrl: { type: 'String' },
	HomeUrl: { type: 'String' },
	JsUrl: { type: 'String' },
	CssUrl: { type: 'String' },
} as const;

const WATERMARK_FLOATS = [
	'BoardW',
	'BoardH',
	'BoardX',
	'BoardY',
	'TeacherW',
	'TeacherH',
	'TeacherX',
	'TeacherY',
];

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function num(source: Record<string, unknown>, key: string): number {
	return typeof source[key] === 'number' ? (source[key] as number) : 0;
}

function str(source: Record<string, unknown>, key: string): string {
	return typeof source[key] === 'string' ? (source[key] as string) : '';
}

export const appConfigActions: ActionTable = {
	SetAppCustomContent: {
		params: {
			CustomContent: { type: 'Array of Object', required: true },
			SdkAppId: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const items = (ctx.params.CustomContent as unknown[]).map((item, i) =>
				checkNested(item, CUSTOM_CONTENT_FIELDS, `CustomContent.${i}`),
			);
			if (items.length === 0) fail('InvalidParameterValue', 'CustomContent must not be empty.');
			// LCIC fetches the JS/CSS to serve them; the emulator can only check they look fetchable.
			for (const item of items) {
				for (const key of ['JsUrl', 'CssUrl']) {
					const value = item[key];
					if (typeof value === 'string' && value !== '' && !isHttpUrl(value)) {
						fail('InvalidParameter.CssOrJs', `Unable to access the ${key} address ${value}.`);
					}
				}
			}
			for (const item of items) {
				const scene = String(item.Scene);
				app.customContent.set(scene, { ...(app.customContent.get(scene) ?? {}), ...item });
			}
			return {};
		},
	},

	DeleteAppCustomContent: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			Scenes: { type: 'Array of String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const scenes = Array.isArray(ctx.params.Scenes) ? (ctx.params.Scenes as string[]) : [];
			// No scenes means every custom element (reference).
			if (scenes.length === 0) app.customContent.clear();
			for (const scene of scenes) app.customContent.delete(scene);
			return {};
		},
	},

	ModifyApp: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			Callback: { type: 'String' },
			CallbackKey: { type: 'String' },
			TransferId: { type: 'String' },
			TransferUrl: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const callback = ctx.params.Callback;
			if (typeof callback === 'string' && callback !== '') {
				if (!isHttpUrl(callback))
					fail('InvalidParameterValue', `Callback must be an http(s) URL, got ${callback}.`);
				// "Currently, only port 80 and port 443 are supported."
				const port = new URL(callback).port;
				if (port !== '' && port !== '80' && port !== '443')
					fail('InvalidParameterValue', `Callback port ${port} is not supported; use 80 or 443.`);
			}
			for (const key of ['Callback', 'CallbackKey', 'TransferId', 'TransferUrl']) {
				if (ctx.params[key] !== undefined) app.settings[key] = ctx.params[key];
			}
			return {};
		},
	},

	// Not in the 2022 reference; DescribeAppDetailRequest/Response in tencentcloud-sdk-nodejs
	// (lcic_models.d.ts): ApplicationId is the SdkAppId as a String, DeveloperId is required, and
	// the answer spells the scene URLs JSUrl/CSSUrl where SetAppCustomContent takes JsUrl/CssUrl.
	DescribeAppDetail: {
		params: {
			ApplicationId: { type: 'String', required: true },
			DeveloperId: { type: 'String', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx, ctx.params.ApplicationId);
			const developerId = String(ctx.params.DeveloperId);
			if (developerId !== ctx.account.developerId || !stateOf(ctx).developers.has(developerId)) {
				fail(
					'InvalidParameterValue',
					`DeveloperId ${developerId} is not the developer of application ${app.SdkAppId}.`,
				);
			}
			const transfer = app.settings.TransferUrl ?? app.settings.TransferId;
			return {
				SdkAppId: String(app.SdkAppId),
				AppConfig: {
					ApplicationId: String(app.SdkAppId),
					...app.profile,
					Callback: str(app.settings, 'Callback'),
					CallbackKey: str(app.settings, 'CallbackKey'),
				},
				SceneConfig: [...app.customContent.values()].map((scene) => ({
					Scene: str(scene, 'Scene'),
					LogoUrl: str(scene, 'LogoUrl'),
					HomeUrl: str(scene, 'HomeUrl'),
					JSUrl: str(scene, 'JsUrl'),
					CSSUrl: str(scene, 'CssUrl'),
				})),
				TransferConfig: { State: typeof transfer === 'string' && transfer !== '' ? 1 : 2 },
			};
		},
	},

	GetWatermark: {
		params: { SdkAppId: { type: 'Integer', required: true } },
		handler(ctx) {
			const w = appOf(ctx).watermark;
			return {
				TeacherLogo: {
					Url: str(w, 'TeacherUrl'),
					Width: num(w, 'TeacherW'),
					Height: num(w, 'TeacherH'),
					LocationX: num(w, 'TeacherX'),
					LocationY: num(w, 'TeacherY'),
				},
				BoardLogo: {
					Url: str(w, 'BoardUrl'),
					Width: num(w, 'BoardW'),
					Height: num(w, 'BoardH'),
					LocationX: num(w, 'BoardX'),
					LocationY: num(w, 'BoardY'),
				},
				BackgroundPicture: { Url: str(w, 'VideoUrl') },
				Text: { Text: str(w, 'Text'), Color: str(w, 'TextColor') },
			};
		},
	},

	SetWatermark: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			TeacherUrl: { type: 'String' },
			BoardUrl: { type: 'String' },
			VideoUrl: { type: 'String' },
			BoardW: { type: 'Float' },
			BoardH: { type: 'Float' },
			BoardX: { type: 'Float' },
			BoardY: { type: 'Float' },
			TeacherW: { type: 'Float' },
			TeacherH: { type: 'Float' },
			TeacherX: { type: 'Float' },
			TeacherY: { type: 'Float' },
			Text: { type: 'String' },
			TextColor: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			for (const key of WATERMARK_FLOATS) {
				const v = ctx.params[key];
				if (typeof v === 'number' && (v < 0 || v > 100))
					fail('InvalidParameterValue', `${key} must be from 0 to 100 (percent), got ${v}.`);
			}
			// Only the parameters given change; an empty string removes that part of the watermark.
			for (const [key, value] of Object.entries(ctx.params)) {
				if (key !== 'SdkAppId' && value !== undefined && value !== null) app.watermark[key] = value;
			}
			return {};
		},
	},
};
