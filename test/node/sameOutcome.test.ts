// Same input, same outcome, whatever the item count. User > Create with one item calls
// RegisterUser (a known Origin ID fails with OriginIdExists and, with "Return Existing User on
// Duplicate", becomes the existing user marked AlreadyRegistered, untouched); with several items
// it sends one BatchRegister, of which the reference says "If a user ID already exists, the
// existing one will be overwritten". Both paths must leave LCIC in the same state and say the
// same about every item. Each scenario runs on a fresh emulator twice: all rows as the items of
// one execution, then each row as its own execution; the outcomes are compared.
import type { IDataObject } from 'n8n-workflow';

import { parametersFor, runWorkflow, useEmulator } from '../harness';

const fx = useEmulator('each');

const EXISTING = { Name: 'Old Name', OriginId: 'known', Avatar: 'https://img.example/old.png' };

const ROWS: IDataObject[] = [
	{ name: 'New Name', originId: 'known', avatar: 'https://img.example/new.png' },
	{ name: 'Bea', originId: 'fresh', avatar: '' },
	{ name: 'Bea again', originId: 'fresh', avatar: '' },
	{ name: 'Cy', originId: '', avatar: '' },
	{ name: 'Dee', originId: 'other', avatar: '' },
];

const parameters = (returnExistingOnDuplicate: boolean) =>
	parametersFor(
		'RegisterUser',
		{ Name: '={{ $json.name }}', OriginId: '={{ $json.originId }}', Avatar: '={{ $json.avatar }}' },
		{ node: { options: { returnExistingOnDuplicate } } },
	);

interface Outcome {
	/** Per row: what the node said, with UserIds as "existing", "row N" (same user as row N's) or "new". */
	items: string[];
	/** The application's users by Origin ID (or name when none): name and avatar. */
	users: Record<string, string>;
}

async function outcome(rows: IDataObject[][], returnExisting: boolean): Promise<Outcome> {
	await fx.session.ok('RegisterUser', EXISTING);
	const existingId = fx.session.app.usersByOrigin.get('known');
	const said: IDataObject[] = [];
	for (const inputItems of rows) {
		const { items } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parameters(returnExisting),
			inputItems,
			continueOnFail: true,
		});
		said.push(...items.map((item) => item.json));
	}
	const ids = said.map((json) => json.UserId);
	const items = said.map((json, row) => {
		if (json.error) return `error ${String(json.code)}`;
		const who =
			json.UserId === existingId
				? 'existing'
				: ids.indexOf(json.UserId) < row
					? `row ${ids.indexOf(json.UserId)}`
					: 'new';
		return `${who}${json.AlreadyRegistered === true ? ' (already registered)' : ''}`;
	});
	const users: Record<string, string> = {};
	for (const user of fx.session.app.users.values()) {
		users[user.OriginId && user.OriginId !== user.UserId ? user.OriginId : String(user.Name)] =
			`${String(user.Name)} ${String(user.Avatar ?? '')}`.trim();
	}
	return { items, users };
}

describe.each([true, false])('Return Existing User on Duplicate = %s', (returnExisting) => {
	let together: Outcome;

	it('all rows as one execution', async () => {
		together = await outcome([ROWS], returnExisting);
		expect(together.users.known).toBe(`${EXISTING.Name} ${EXISTING.Avatar}`);
		if (returnExisting) {
			expect(together.items).toEqual([
				'existing (already registered)',
				'new',
				'row 1 (already registered)',
				'new',
				'new',
			]);
		}
	});

	it('each row as its own execution gives the same outcome', async () => {
		const alone = await outcome(
			ROWS.map((row) => [row]),
			returnExisting,
		);
		expect(together).toEqual(alone);
	});
});

// What each item's output holds: the same fields whichever action answered. RegisterUser's
// output has UserId and Token; BatchRegister's BatchUserInfo has SdkAppId, UserId and OriginId,
// no token (LCIC API reference, BatchRegister output and BatchUserInfo). How many new users a run
// has decides which one answers (a batch of one is a RegisterUser), so a workflow tried on one
// row must find the same fields on a roster: UserId, OriginId (when given), AlreadyRegistered,
// RequestId (when a call answered the item).
describe('the output fields are the same with one item and with several', () => {
	const FIELDS = ['AlreadyRegistered', 'OriginId', 'RequestId', 'UserId'];

	it('new users and existing ones, alone, in a batch of one and in a batch of several', async () => {
		await fx.session.ok('RegisterUser', EXISTING);
		const row = (originId: string) => ({ name: originId, originId, avatar: '' });
		const outputs: IDataObject[] = [];
		for (const rows of [
			[row('one')],
			[row('two'), row('known')],
			[row('three'), row('four'), row('five')],
			[row('known')],
		]) {
			const { items } = await runWorkflow({
				emulator: fx.emulator,
				nodeParameters: parameters(true),
				inputItems: rows,
			});
			outputs.push(...items.map((item) => item.json));
		}
		const existing = fx.session.app.usersByOrigin.get('known');
		expect(outputs.map((json) => [json.OriginId, json.AlreadyRegistered])).toEqual([
			['one', false],
			['two', false],
			['known', true],
			['three', false],
			['four', false],
			['five', false],
			['known', true],
		]);
		for (const json of outputs) {
			expect(
				Object.keys(json)
					.filter((key) => key !== 'RequestId')
					.sort(),
			).toEqual(FIELDS.filter((key) => key !== 'RequestId'));
			expect(json.UserId).toBe(fx.session.app.usersByOrigin.get(String(json.OriginId)));
		}
		expect(outputs[2].UserId).toBe(existing);
		// New users were answered by a call of their own or a batch call: its RequestId.
		for (const json of [outputs[0], outputs[1], outputs[3], outputs[4], outputs[5]])
			expect(json.RequestId).toEqual(expect.any(String));
	});

	it('a user without an Origin ID has none in the output, alone or in a batch', async () => {
		for (const count of [1, 3]) {
			const { items } = await runWorkflow({
				emulator: fx.emulator,
				nodeParameters: parameters(true),
				inputItems: Array.from({ length: count }, (_, i) => ({ name: `N${i}`, originId: '' })),
			});
			for (const item of items)
				expect(Object.keys(item.json).sort()).toEqual(['AlreadyRegistered', 'RequestId', 'UserId']);
		}
	});
});
