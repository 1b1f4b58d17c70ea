import type { IDataObject } from 'n8n-workflow';

import type { ItemOutput, ItemRun, OperationHooks } from '../catalog/hooks';

// Room > Get Join Links: the link a teacher or student clicks to enter a class, built the way
// Tencent's web and H5 integration page documents it:
//
//   https://<domain>/latest/class.html?schoolid=<SdkAppId>&classid=<RoomId>&userid=<UserId>&token=<Token>
//
// every value encodeURIComponent-encoded; <domain> is class.qcloudclass.com (mainland China) or
// www.tencentclass.com (outside mainland China); optional lng, scene and role=supervisor (only
// for the application's supervisors). Each user is logged in (by default for this class only)
// and gets one output item: role, UserId, OriginId when given, the link and when its token
// expires (LCIC tokens last seven days).

export const JOIN_DOMAINS = {
	mainland: 'class.qcloudclass.com',
	international: 'www.tencentclass.com',
} as const;

/** The page's `lng` values. */
export const JOIN_LANGUAGES = ['zh-CN', 'zh-TW', 'en-US', 'ja', 'ko', 'ar', 'vi', 'id'] as const;

/** "The token is valid for seven days" (LoginUser, LoginUserWithRoom...). */
export const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;

export interface JoinLinkParts {
	domain: string;
	sdkAppId: number | string;
	roomId: number | string;
	userId: string;
	token: string;
	language?: string;
	scene?: string;
	supervisor?: boolean;
}

/** The class page link for one user; every value encodeURIComponent-encoded. */
export function joinUrl(parts: JoinLinkParts): string {
	const query: Array<[string, string]> = [
		['schoolid', String(parts.sdkAppId)],
		['classid', String(parts.roomId)],
		['userid', parts.userId],
		['token', parts.token],
	];
	if (parts.language) query.push(['lng', parts.language]);
	if (parts.scene) query.push(['scene', parts.scene]);
	if (parts.supervisor) query.push(['role', 'supervisor']);
	const text = query.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
	return `https://${parts.domain}/latest/class.html?${text}`;
}

type Role = 'teacher' | 'assistant' | 'student' | 'supervisor';

interface Settings {
	sdkAppId: number;
	roomId: number;
	byOriginId: boolean;
	/** Log in for this class (LoginUserWithRoom/LoginOriginIdWithRoom) or for any (LoginUser/LoginOriginId). */
	forThisClass: boolean;
	supervisor: boolean;
	domain: string;
	language?: string;
	scene?: string;
}

async function settingsOf(item: ItemRun): Promise<Settings> {
	const body = item.body;
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	return {
		sdkAppId: Number(body.SdkAppId),
		roomId: Number(body.RoomId),
		byOriginId: body.UsersAre === 'OriginId',
		forThisClass: body.TokenFor !== 'anyClass',
		supervisor: body.Role === 'supervisor',
		domain: text(body.Domain) ?? JOIN_DOMAINS[await item.run.site()],
		language: text(body.Language),
		scene: text(body.Scene),
	};
}

/** The room's teacher and assistants, read once per room and execution. */
async function roomRoles(item: ItemRun, settings: Settings): Promise<(userId: string) => Role> {
	const room = await item.run.once(`join-room:${settings.sdkAppId}:${settings.roomId}`, () =>
		item.call('DescribeRoom', { RoomId: settings.roomId }),
	);
	const assistants = new Set(Array.isArray(room.Assistants) ? room.Assistants.map(String) : []);
	return (userId) =>
		room.TeacherId === userId ? 'teacher' : assistants.has(userId) ? 'assistant' : 'student';
}

/** The application's supervisors, listed once per execution ("role=supervisor" is only theirs). */
async function supervisorsOf(item: ItemRun, sdkAppId: number): Promise<Set<string>> {
	return await item.run.once(`supervisors:${sdkAppId}`, async () => {
		const records = await item.list('DescribeSupervisors', { SdkAppId: sdkAppId });
		return new Set(records.map((record) => String(record.UserId)));
	});
}

async function logIn(item: ItemRun, settings: Settings, who: string): Promise<IDataObject> {
	const { sdkAppId, roomId } = settings;
	if (settings.byOriginId) {
		return settings.forThisClass
			? await item.call('LoginOriginIdWithRoom', {
					SdkAppId: sdkAppId,
					OriginId: who,
					RoomId: roomId,
				})
			: await item.call('LoginOriginId', { SdkAppId: sdkAppId, OriginId: who });
	}
	return settings.forThisClass
		? await item.call('LoginUserWithRoom', { UserId: who, RoomId: roomId })
		: await item.call('LoginUser', { UserId: who });
}

/** The UserId of a user given by Origin ID, for the supervisor check before any login. */
async function userIdOf(item: ItemRun, settings: Settings, who: string): Promise<string> {
	if (!settings.byOriginId) return who;
	const user = await item.call('DescribeUser', { OriginId: who });
	return String(user.UserId);
}

async function joinLinkFor(
	item: ItemRun,
	settings: Settings,
	roleOf: (userId: string) => Role,
	who: string,
): Promise<IDataObject> {
	if (settings.supervisor) {
		const userId = await userIdOf(item, settings, who);
		const supervisors = await supervisorsOf(item, settings.sdkAppId);
		if (!supervisors.has(userId)) {
			throw item.error(
				`User ${userId}${settings.byOriginId ? ` (Origin ID ${who})` : ''} is not a supervisor of application ${settings.sdkAppId}, so a role=supervisor link would not let them in`,
				'Make the user a supervisor first with Supervisor > Create, or set Role to "By the Room" for a teacher, assistant or student link.',
			);
		}
	}
	const login = await logIn(item, settings, who);
	const userId = String(login.UserId);
	const now = Math.floor(Date.now() / 1000);
	const expiresAt = now + TOKEN_LIFETIME_SECONDS;
	const record: IDataObject = {
		RoomId: settings.roomId,
		Role: settings.supervisor ? 'supervisor' : roleOf(userId),
		UserId: userId,
	};
	if (settings.byOriginId) record.OriginId = who;
	record.Url = joinUrl({
		domain: settings.domain,
		sdkAppId: settings.sdkAppId,
		roomId: settings.roomId,
		userId,
		token: String(login.Token),
		language: settings.language,
		scene: settings.scene,
		supervisor: settings.supervisor,
	});
	// Its ISO text in the workflow's time zone comes from the catalog's output.times.
	record.TokenExpiresAt = expiresAt;
	if (login.RequestId) record.RequestId = login.RequestId;
	return record;
}

/** Says whose link failed, keeping the error's code and RequestId. */
function forUser(error: unknown, who: string, byOriginId: boolean): Error {
	const target = (error instanceof Error ? error : new Error(String(error))) as Error & {
		description?: string | null;
	};
	const sentence = `No join link for ${byOriginId ? 'Origin ID' : 'user'} ${who}.`;
	target.description = target.description ? `${sentence} ${target.description}` : sentence;
	return target;
}

export const joinLinks: OperationHooks = {
	async runItem(item) {
		const settings = await settingsOf(item);
		const roleOf = await roomRoles(item, settings);
		const output: ItemOutput = [];
		// One user after the other: each login is paced by its action's rate limit.
		for (const who of item.body.Users as string[]) {
			try {
				output.push(await joinLinkFor(item, settings, roleOf, who));
			} catch (error) {
				output.push(forUser(error, who, settings.byOriginId));
			}
		}
		return output;
	},
};
