// Users: registration (one at a time or up to 1,000 per call), lookups, profile changes and login
// tokens. A user belongs to the application of the account that signs; its OriginId (the
// customer's own ID) is unique within that application and defaults to the UserId.
import { createHash, randomBytes } from 'node:crypto';

import type { ActionContext, ActionTable, ParamSpec } from '../types';
import { appOf, fail, page, stateOf } from './common';
import { checkNested } from './roomParams';
import { ownApp } from './roomState';
import type { AppState, EmulatorState, User } from './state';

/** "The token is valid for seven days" (RegisterUser, LoginUser, LoginOriginId). */
export const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;
/** BatchRegister: "register multiple users (up to 1,000) at a time". */
export const MAX_BATCH_USERS = 1000;

const USER_LIST_PAGING = { page: 1, limit: 20, maxLimit: 1000 };

/** The fields of one BatchUserRequest. */
const BATCH_USER_PARAMS: Record<string, ParamSpec> = {
	SdkAppId: { type: 'Integer', required: true },
	Name: { type: 'String' },
	OriginId: { type: 'String' },
	Avatar: { type: 'String' },
};

interface Profile {
	Name?: string;
	OriginId?: string;
	Avatar?: string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
// LCIC's user IDs ("2CvDgjRNjylAsBZB4iZc0F6koXe") are KSUIDs: 4 bytes of seconds since this
// epoch and 16 random bytes, as 27 base62 characters. The emulator builds them the same way.
const KSUID_EPOCH = 1_400_000_000;
const KSUID_LENGTH = 27;
const TOKEN_LENGTH = 35;

function base62(bytes: Buffer, width: number): string {
	let n = BigInt(`0x${bytes.toString('hex')}`);
	let out = '';
	while (n > 0n) {
		out = BASE62[Number(n % 62n)] + out;
		n /= 62n;
	}
	return out.padStart(width, '0');
}

function userIdTaken(state: EmulatorState, userId: string): boolean {
	for (const app of state.apps.values()) {
		if (app.users.has(userId)) return true;
	}
	return false;
}

/**
 * A KSUID-shaped ID, unique in the emulator. The "random" part is a hash of the emulator's user
 * counter so that runs are reproducible; the (practically impossible) clash is still checked.
 */
function newUserId(state: EmulatorState, now: number): string {
	for (;;) {
		const seed = createHash('sha256')
			.update(`lcic-emulator user ${state.nextId('user')}`)
			.digest();
		const stamp = Buffer.alloc(4);
		stamp.writeUInt32BE(Math.max(0, now - KSUID_EPOCH) >>> 0);
		const userId = base62(Buffer.concat([stamp, seed.subarray(0, 16)]), KSUID_LENGTH);
		if (!userIdTaken(state, userId)) return userId;
	}
}

function newToken(): string {
	return [...randomBytes(TOKEN_LENGTH)].map((byte) => BASE36[byte % BASE36.length]).join('');
}

/** Gives the user a fresh login token, valid for seven days from the emulator clock. */
export function issueToken(user: User, now: number): string {
	user.Token = newToken();
	user.extra.tokenExpiresAt = now + TOKEN_LIFETIME_SECONDS;
	return user.Token;
}

/** A string parameter, or undefined when it is absent or empty (empty means "not given"). */
export function given(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Registers a new user; its OriginId must not be taken (FailedOperation.OriginIdExists). */
function registerUser(state: EmulatorState, app: AppState, profile: Profile, now: number): User {
	const originId = given(profile.OriginId);
	if (originId !== undefined && app.usersByOrigin.has(originId)) {
		fail('FailedOperation.OriginIdExists', `A user with OriginId ${originId} already exists.`);
	}
	return createUser(state, app, profile, now);
}

/** Stores a new user (its OriginId is free). */
function createUser(state: EmulatorState, app: AppState, profile: Profile, now: number): User {
	const originId = given(profile.OriginId);
	const userId = newUserId(state, now);
	const user: User = {
		UserId: userId,
		SdkAppId: app.SdkAppId,
		Name: profile.Name ?? '',
		// "If left empty, it defaults to the UserId" (newer RegisterUserRequest model).
		OriginId: originId ?? userId,
		Avatar: profile.Avatar,
		Token: '',
		createdAt: now,
		extra: {},
	};
	issueToken(user, now);
	app.users.set(userId, user);
	app.usersByOrigin.set(user.OriginId, userId);
	return user;
}

/**
 * BatchRegister: "If a user ID already exists, the existing one will be overwritten." An entry
 * whose OriginId is known updates that user's profile and keeps its UserId.
 */
function registerOrUpdate(
	state: EmulatorState,
	app: AppState,
	profile: Profile,
	now: number,
): User {
	const originId = given(profile.OriginId);
	const existingId = originId === undefined ? undefined : app.usersByOrigin.get(originId);
	const existing = existingId === undefined ? undefined : app.users.get(existingId);
	if (!existing) return createUser(state, app, profile, now);
	if (profile.Name !== undefined) existing.Name = profile.Name;
	if (profile.Avatar !== undefined) existing.Avatar = profile.Avatar;
	return existing;
}

/** The user `userId` of the application; ResourceNotFound.User otherwise. */
export function userOf(app: AppState, userId: string): User {
	const user = app.users.get(userId);
	if (!user) fail('ResourceNotFound.User', `The user ${userId} does not exist.`);
	return user;
}

export function userByOrigin(app: AppState, originId: string): User {
	const userId = app.usersByOrigin.get(originId);
	const user = userId === undefined ? undefined : app.users.get(userId);
	if (!user) fail('ResourceNotFound.User', `No user has the OriginId ${originId}.`);
	return user;
}

/** The UserInfo data type (DescribeSdkAppIdUsers) and DescribeUser's response. */
export function userInfo(user: User): Record<string, unknown> {
	return {
		SdkAppId: user.SdkAppId,
		UserId: user.UserId,
		Name: user.Name,
		Avatar: user.Avatar ?? '',
		OriginId: user.OriginId,
	};
}

function profileOf(values: Record<string, unknown>): Profile {
	return {
		Name: values.Name as string | undefined,
		OriginId: values.OriginId as string | undefined,
		Avatar: values.Avatar as string | undefined,
	};
}

/** Checks every BatchUserRequest before anything is stored: the batch succeeds or fails whole. */
function checkBatch(app: AppState, users: unknown[]): Profile[] {
	if (users.length === 0) fail('InvalidParameterValue', 'Users must not be empty.');
	if (users.length > MAX_BATCH_USERS) {
		fail(
			'InvalidParameterValue',
			`At most ${MAX_BATCH_USERS} users can be registered at a time, got ${users.length}.`,
		);
	}
	return users.map((entry, i) => {
		const values = checkNested(entry, BATCH_USER_PARAMS, `Users.${i}`);
		if (values.SdkAppId !== app.SdkAppId) {
			fail(
				'InvalidParameter.SdkAppId',
				`Users.${i}.SdkAppId ${String(values.SdkAppId)} is not the application of this account.`,
			);
		}
		return profileOf(values);
	});
}

function loginResponse(user: User, ctx: ActionContext): Record<string, unknown> {
	return { UserId: user.UserId, Token: issueToken(user, ctx.clock.now()) };
}

export const userActions: ActionTable = {
	RegisterUser: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			Name: { type: 'String' },
			OriginId: { type: 'String' },
			Avatar: { type: 'String' },
		},
		handler(ctx) {
			const user = registerUser(stateOf(ctx), appOf(ctx), profileOf(ctx.params), ctx.clock.now());
			return { UserId: user.UserId, Token: user.Token };
		},
	},

	BatchRegister: {
		params: { Users: { type: 'Array of Object', required: true } },
		handler(ctx) {
			// No top-level SdkAppId: users go to the signer's application, which each entry must name.
			const app = ownApp(ctx);
			const profiles = checkBatch(app, ctx.params.Users as unknown[]);
			const state = stateOf(ctx);
			const now = ctx.clock.now();
			const users = profiles.map((profile) => registerOrUpdate(state, app, profile, now));
			return {
				Users: users.map((user) => ({
					SdkAppId: user.SdkAppId,
					UserId: user.UserId,
					OriginId: user.OriginId,
				})),
			};
		},
	},

	DescribeSdkAppIdUsers: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const all = [...app.users.values()];
			const shown = page(all, ctx.params.Page, ctx.params.Limit, USER_LIST_PAGING);
			return { Total: all.length, Users: shown.map(userInfo) };
		},
	},

	DescribeUser: {
		// The reference requires UserId; the newer model also finds users by OriginId, and UserId
		// wins when both are given. Neither is required here so that either alone works.
		params: {
			UserId: { type: 'String' },
			OriginId: { type: 'String' },
		},
		handler(ctx) {
			const app = ownApp(ctx);
			const userId = given(ctx.params.UserId);
			const originId = given(ctx.params.OriginId);
			if (userId !== undefined) return userInfo(userOf(app, userId));
			if (originId !== undefined) return userInfo(userByOrigin(app, originId));
			return fail(
				'MissingParameter',
				'The request is missing a required parameter `UserId` (or `OriginId`).',
			);
		},
	},

	ModifyUserProfile: {
		params: {
			UserId: { type: 'String', required: true },
			Nickname: { type: 'String' },
			Avatar: { type: 'String' },
		},
		handler(ctx) {
			const user = userOf(ownApp(ctx), String(ctx.params.UserId));
			if (typeof ctx.params.Nickname === 'string') user.Name = ctx.params.Nickname;
			if (typeof ctx.params.Avatar === 'string') user.Avatar = ctx.params.Avatar;
			return {};
		},
	},

	DeleteUser: {
		params: { UserId: { type: 'String', required: true } },
		handler(ctx) {
			const app = ownApp(ctx);
			const user = userOf(app, String(ctx.params.UserId));
			// "如果该成员已被添加到群组，请先在群组中删除该成员" (DeleteUser, Tencent's API page): a
			// group member must leave the group first. The page names no error code for it; the
			// common FailedOperation ("Operation failed.") with a message that says why stands in.
			const groups = [...app.groups.values()].filter((group) =>
				group.memberIds.includes(user.UserId),
			);
			if (groups.length > 0) {
				fail(
					'FailedOperation',
					`The user ${user.UserId} is a member of group ${groups.map((g) => g.GroupId).join(', ')}; remove them from the group first (DeleteGroupMember).`,
				);
			}
			app.users.delete(user.UserId);
			app.usersByOrigin.delete(user.OriginId);
			return {};
		},
	},

	LoginUser: {
		params: { UserId: { type: 'String', required: true } },
		handler(ctx) {
			return loginResponse(userOf(ownApp(ctx), String(ctx.params.UserId)), ctx);
		},
	},

	LoginOriginId: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			OriginId: { type: 'String', required: true },
		},
		handler(ctx) {
			return loginResponse(userByOrigin(appOf(ctx), String(ctx.params.OriginId)), ctx);
		},
	},
};
