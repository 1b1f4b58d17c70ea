import { ACCOUNT, OTHER_ACCOUNT, T0, directEmulator } from './direct';
import { TOKEN_LIFETIME_SECONDS, userActions } from './users';

const SDK = ACCOUNT.sdkAppId;

describe('user registration', () => {
	it('registers a user with a KSUID-shaped ID and a seven-day token', () => {
		const h = directEmulator();
		const out = h.call('RegisterUser', {
			SdkAppId: SDK,
			Name: 'Ada',
			OriginId: 'ada-1',
			Avatar: 'https://a/ada.png',
		});
		expect(out).toEqual({
			UserId: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
			Token: expect.any(String),
		});
		const user = h.app.users.get(String(out.UserId));
		expect(user).toMatchObject({
			Name: 'Ada',
			OriginId: 'ada-1',
			Avatar: 'https://a/ada.png',
			Token: out.Token,
			createdAt: T0,
		});
		expect(user?.extra.tokenExpiresAt).toBe(T0 + TOKEN_LIFETIME_SECONDS);
		expect(h.app.usersByOrigin.get('ada-1')).toBe(out.UserId);
	});

	it('uses the UserId as OriginId when none is given, and keeps OriginIds unique', () => {
		const h = directEmulator();
		const a = h.call('RegisterUser', { SdkAppId: SDK });
		const b = h.call('RegisterUser', { SdkAppId: SDK, OriginId: '' });
		expect(a.UserId).not.toBe(b.UserId);
		expect(h.app.users.get(String(a.UserId))?.OriginId).toBe(a.UserId);
		expect(h.app.usersByOrigin.get(String(b.UserId))).toBe(b.UserId);
		h.call('RegisterUser', { SdkAppId: SDK, OriginId: 'dup' });
		expect(h.errorOf('RegisterUser', { SdkAppId: SDK, OriginId: 'dup' })).toBe(
			'FailedOperation.OriginIdExists',
		);
		expect(h.errorOf('RegisterUser', { SdkAppId: SDK, OriginId: String(a.UserId) })).toBe(
			'FailedOperation.OriginIdExists',
		);
		expect(h.errorOf('RegisterUser', { SdkAppId: OTHER_ACCOUNT.sdkAppId })).toBe(
			'InvalidParameter.SdkAppId',
		);
		expect(h.app.users.size).toBe(3);
	});

	it('gives unique user IDs across applications', () => {
		const h = directEmulator();
		const mine = h.call('RegisterUser', { SdkAppId: SDK }).UserId;
		const theirs = h.call(
			'RegisterUser',
			{ SdkAppId: OTHER_ACCOUNT.sdkAppId },
			OTHER_ACCOUNT,
		).UserId;
		expect(mine).not.toBe(theirs);
		expect(h.state.apps.get(OTHER_ACCOUNT.sdkAppId)?.users.has(String(theirs))).toBe(true);
	});
});

describe('BatchRegister', () => {
	it('registers in input order and overwrites users whose OriginId exists', () => {
		const h = directEmulator();
		const first = h.call('BatchRegister', {
			Users: [
				{ SdkAppId: SDK, Name: 'Bo', OriginId: 'bo' },
				{ SdkAppId: SDK, Name: 'Cy', OriginId: 'cy', Avatar: 'https://a/cy.png' },
				{ SdkAppId: SDK, Name: 'No origin' },
			],
		}).Users as Array<Record<string, unknown>>;
		expect(first.map((u) => u.OriginId)).toEqual(['bo', 'cy', first[2].UserId]);
		expect(first.every((u) => u.SdkAppId === SDK)).toBe(true);

		const again = h.call('BatchRegister', {
			Users: [
				{ SdkAppId: SDK, Name: 'Cyrus', OriginId: 'cy' },
				{ SdkAppId: SDK, Name: 'Di', OriginId: 'di' },
				{ SdkAppId: SDK, Name: 'Bob', OriginId: 'bo' },
			],
		}).Users as Array<Record<string, unknown>>;
		expect(again.map((u) => u.UserId)).toEqual([
			first[1].UserId,
			expect.any(String),
			first[0].UserId,
		]);
		expect(h.app.users.size).toBe(4);
		// Overwriting changes what is given and keeps the rest.
		expect(h.app.users.get(String(first[1].UserId))).toMatchObject({
			Name: 'Cyrus',
			Avatar: 'https://a/cy.png',
		});
		expect(h.app.users.get(String(first[0].UserId))?.Name).toBe('Bob');
	});

	it('registers 1,000 users at once and the same 1,000 again without new users', () => {
		const h = directEmulator();
		const users = Array.from({ length: 1000 }, (_, i) => ({
			SdkAppId: SDK,
			Name: `S${i}`,
			OriginId: `s-${i}`,
		}));
		// How fast is `npm run bench`'s question (the roster); here: what one call of 1,000 does.
		const first = h.call('BatchRegister', { Users: users }).Users as Array<Record<string, unknown>>;
		const second = h.call('BatchRegister', { Users: users }).Users as Array<
			Record<string, unknown>
		>;
		expect(new Set(first.map((u) => u.UserId)).size).toBe(1000);
		expect(first.map((u) => u.OriginId)).toEqual(users.map((u) => u.OriginId));
		expect(second.map((u) => u.UserId)).toEqual(first.map((u) => u.UserId));
		expect(h.app.users.size).toBe(1000);
		// The second call found each user by its Origin ID, the index LCIC keeps per application.
		expect(h.app.usersByOrigin.size).toBe(1000);
		expect(users.map((u) => h.app.usersByOrigin.get(u.OriginId))).toEqual(
			first.map((u) => u.UserId),
		);
	});

	it('rejects empty or oversized batches and foreign or malformed entries, storing nothing', () => {
		const h = directEmulator();
		const entry = { SdkAppId: SDK, OriginId: 'x' };
		expect(h.errorOf('BatchRegister', { Users: [] })).toBe('InvalidParameterValue');
		expect(
			h.errorOf('BatchRegister', {
				Users: Array.from({ length: 1001 }, (_, i) => ({ SdkAppId: SDK, OriginId: `o${i}` })),
			}),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('BatchRegister', { Users: [entry, { SdkAppId: OTHER_ACCOUNT.sdkAppId }] }),
		).toBe('InvalidParameter.SdkAppId');
		expect(h.errorOf('BatchRegister', { Users: [entry, { Name: 'no app' }] })).toBe(
			'MissingParameter',
		);
		expect(h.errorOf('BatchRegister', { Users: [entry, { SdkAppId: SDK, Name: 7 }] })).toBe(
			'InvalidParameter',
		);
		expect(h.errorOf('BatchRegister', { Users: [entry, { SdkAppId: SDK, Nickname: 'x' }] })).toBe(
			'UnknownParameter',
		);
		expect(h.app.users.size).toBe(0);
	});
});

describe('user queries and profile', () => {
	it('lists users in registration order, paged', () => {
		const h = directEmulator();
		const ids = ['a', 'b', 'c'].map(
			(name) => h.call('RegisterUser', { SdkAppId: SDK, Name: name }).UserId,
		);
		const all = h.call('DescribeSdkAppIdUsers', { SdkAppId: SDK });
		expect(all.Total).toBe(3);
		expect(all.Users).toEqual(
			ids.map((UserId, i) => ({
				SdkAppId: SDK,
				UserId,
				Name: ['a', 'b', 'c'][i],
				Avatar: '',
				OriginId: UserId,
			})),
		);
		expect(h.call('DescribeSdkAppIdUsers', { SdkAppId: SDK, Page: 2, Limit: 2 })).toMatchObject({
			Total: 3,
			Users: [{ UserId: ids[2] }],
		});
		expect(h.call('DescribeSdkAppIdUsers', { SdkAppId: SDK, Page: 3, Limit: 2 })).toEqual({
			Total: 3,
			Users: [],
		});
		expect(h.errorOf('DescribeSdkAppIdUsers', { SdkAppId: SDK, Limit: 1001 })).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('DescribeSdkAppIdUsers', { SdkAppId: SDK, Page: 0 })).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('DescribeSdkAppIdUsers', { SdkAppId: OTHER_ACCOUNT.sdkAppId })).toBe(
			'InvalidParameter.SdkAppId',
		);
	});

	it("describes a user by UserId or OriginId, UserId first, within the caller's application", () => {
		const h = directEmulator();
		const ada = String(
			h.call('RegisterUser', { SdkAppId: SDK, Name: 'Ada', OriginId: 'ada' }).UserId,
		);
		const bo = String(h.call('RegisterUser', { SdkAppId: SDK, Name: 'Bo', OriginId: 'bo' }).UserId);
		expect(h.call('DescribeUser', { UserId: ada })).toEqual({
			SdkAppId: SDK,
			UserId: ada,
			Name: 'Ada',
			Avatar: '',
			OriginId: 'ada',
		});
		expect(h.call('DescribeUser', { OriginId: 'bo' }).UserId).toBe(bo);
		expect(h.call('DescribeUser', { UserId: ada, OriginId: 'bo' }).UserId).toBe(ada);
		expect(h.call('DescribeUser', { UserId: '', OriginId: 'bo' }).UserId).toBe(bo);
		expect(h.errorOf('DescribeUser', { UserId: 'ghost' })).toBe('ResourceNotFound.User');
		expect(h.errorOf('DescribeUser', { OriginId: 'ghost' })).toBe('ResourceNotFound.User');
		expect(h.errorOf('DescribeUser', {})).toBe('MissingParameter');
		expect(h.errorOf('DescribeUser', { UserId: ada }, OTHER_ACCOUNT)).toBe('ResourceNotFound.User');
	});

	it('modifies the nickname and avatar', () => {
		const h = directEmulator();
		const id = String(
			h.call('RegisterUser', { SdkAppId: SDK, Name: 'Ada', Avatar: 'https://a/1.png' }).UserId,
		);
		h.call('ModifyUserProfile', { UserId: id, Nickname: 'Ada L.' });
		expect(h.call('DescribeUser', { UserId: id })).toMatchObject({
			Name: 'Ada L.',
			Avatar: 'https://a/1.png',
		});
		h.call('ModifyUserProfile', { UserId: id, Avatar: 'https://a/2.png' });
		expect(h.call('DescribeUser', { UserId: id })).toMatchObject({
			Name: 'Ada L.',
			Avatar: 'https://a/2.png',
		});
		expect(h.errorOf('ModifyUserProfile', { UserId: 'ghost', Nickname: 'x' })).toBe(
			'ResourceNotFound.User',
		);
	});
});

describe('deleting a user', () => {
	it('deletes the user and frees their OriginId', () => {
		const h = directEmulator();
		const { UserId } = h.call('RegisterUser', { SdkAppId: SDK, Name: 'Ada', OriginId: 'ada' });
		expect(h.call('DeleteUser', { UserId })).toEqual({});
		expect(h.app.users.has(String(UserId))).toBe(false);
		expect(h.errorOf('DescribeUser', { UserId })).toBe('ResourceNotFound.User');
		// The Origin ID can be registered again, as a new user.
		const again = h.call('RegisterUser', { SdkAppId: SDK, OriginId: 'ada' });
		expect(again.UserId).not.toBe(UserId);
	});

	it('refuses an unknown user, or one of another application', () => {
		const h = directEmulator();
		expect(h.errorOf('DeleteUser', { UserId: 'ghost' })).toBe('ResourceNotFound.User');
		const { UserId } = h.call('RegisterUser', { SdkAppId: SDK });
		expect(h.errorOf('DeleteUser', { UserId }, OTHER_ACCOUNT)).toBe('ResourceNotFound.User');
		expect(h.app.users.has(String(UserId))).toBe(true);
	});

	it('refuses a group member until they leave the group', () => {
		// "如果该成员已被添加到群组，请先在群组中删除该成员" (DeleteUser, Tencent's API page: a user
		// added to a group must be removed from it first).
		const h = directEmulator();
		const { UserId } = h.call('RegisterUser', { SdkAppId: SDK });
		const { GroupId } = h.call('CreateGroupWithMembers', {
			SdkAppId: SDK,
			GroupName: '7A',
			MemberIds: [UserId],
		});
		expect(h.errorOf('DeleteUser', { UserId })).toBe('FailedOperation');
		expect(h.app.users.has(String(UserId))).toBe(true);
		h.call('DeleteGroupMember', { SdkAppId: SDK, GroupId, MemberIds: [UserId] });
		expect(h.call('DeleteUser', { UserId })).toEqual({});
	});
});

describe('login', () => {
	it('logs in by UserId or OriginId with a fresh seven-day token', () => {
		const h = directEmulator();
		const reg = h.call('RegisterUser', { SdkAppId: SDK, OriginId: 'ada' });
		h.clock.advance(3600);
		const login = h.call('LoginUser', { UserId: reg.UserId });
		expect(login).toEqual({ UserId: reg.UserId, Token: expect.any(String) });
		expect(login.Token).not.toBe(reg.Token);
		expect(h.app.users.get(String(reg.UserId))?.extra.tokenExpiresAt).toBe(
			T0 + 3600 + TOKEN_LIFETIME_SECONDS,
		);
		expect(h.call('LoginOriginId', { SdkAppId: SDK, OriginId: 'ada' }).UserId).toBe(reg.UserId);
		expect(h.errorOf('LoginUser', { UserId: 'ghost' })).toBe('ResourceNotFound.User');
		expect(h.errorOf('LoginOriginId', { SdkAppId: SDK, OriginId: 'ghost' })).toBe(
			'ResourceNotFound.User',
		);
		expect(h.errorOf('LoginOriginId', { SdkAppId: OTHER_ACCOUNT.sdkAppId, OriginId: 'ada' })).toBe(
			'InvalidParameter.SdkAppId',
		);
	});

	it('declares the parameters of the reference (and the newer DescribeUser OriginId, DeleteUser)', () => {
		expect(Object.keys(userActions).sort()).toEqual([
			'BatchRegister',
			'DeleteUser',
			'DescribeSdkAppIdUsers',
			'DescribeUser',
			'LoginOriginId',
			'LoginUser',
			'ModifyUserProfile',
			'RegisterUser',
		]);
		expect(userActions.RegisterUser.params.SdkAppId.required).toBe(true);
		expect(Object.keys(userActions.DescribeUser.params)).toEqual(['UserId', 'OriginId']);
		expect(userActions.LoginOriginId.params.OriginId.required).toBe(true);
		// DeleteUserRequest (Tencent's model): only UserId, no SdkAppId.
		expect(userActions.DeleteUser.params).toEqual({ UserId: { type: 'String', required: true } });
	});
});
