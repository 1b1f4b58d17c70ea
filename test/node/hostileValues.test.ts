// Careless and hostile values are refused before anything is sent, and the error names the
// field. A corpus of bad values per kind of field, each run through n8n-core's WorkflowExecute
// against the emulator: the node must fail the item with a message quoting the field's name,
// and the emulator must see no call of the action. Every case also runs once with a good value,
// so that a field the node silently ignored could not pass.
//
// LCIC facts relied on: room names "字符数不超过256" (at most 256 characters; Tencent's model,
// lcic_models.d.ts, CreateRoomRequest.Name); RoomId is an Integer (reference, CreateRoom output);
// SubGroupIds "Duplicate group IDs are not allowed" (reference, CreateGroupWithSubGroup).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { findByAction } from '../../nodes/Lcic/catalog';
import { callsOf, parametersFor, runWorkflow, useEmulator } from '../harness';

const fx = useEmulator();
const FUTURE = 2_000_000_000; // 2033-05-18
const GOOD = Symbol('good');

interface Case {
	action: string;
	/** LCIC values that work; `param` is replaced by each bad value. */
	good: () => Promise<Record<string, unknown>>;
	param: string;
	bad: unknown[];
	/** How the error names the field (default: the catalog's display name in quotes). */
	label?: string;
	/** What the message must say besides the field's name. */
	said?: RegExp;
	/** Node parameters outside the fields (Limit, SdkAppId). */
	node?: (expression: string) => INodeParameters;
}

const CONTROL = ['a\u0000b', 'nul\u0000', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'c1\u0085'];
const BROKEN = ['\uD800', 'x\uDC00y', 'end\uD83D'];
const HUGE = 'x'.repeat(100_000);
const NOT_DECIMAL = [
	'0x1F',
	'1e3',
	'1E3',
	'0b101',
	'0o17',
	'Infinity',
	'-Infinity',
	'NaN',
	'12abc',
];
const NOT_AN_ID = ['0', '-5', 0, -5, '1.5', 2.5, '9007199254740993', 1e21];
const OBJECTS = [{ a: 1 }, [1, 2], true];
const BAD_DATES: unknown[] = [
	'2025-02-30',
	'2025-13-01',
	'March 7',
	'7 March',
	'next tuesday',
	// JS Date's own text must be a real date too (Date.parse rolls Feb 30 into March and
	// reads "Mar 7 GMT+0800" as 7 March 2001), with the weekday of its date.
	'Mon Mar 02 2031 10:00:00 GMT+0800 (China Standard Time)',
	'Sun Feb 30 2031 10:00:00 GMT+0800',
	'Mar 7 GMT+0800',
	// Offsets that no place has (Luxon would read any two digits).
	'2031-03-02T10:00:00+80:00',
	'2031-03-02T10:00:00+08:75',
	// A time without a date would be today's, whenever the workflow runs.
	'10:00',
	'09:00:00+08:00',
	// Digits below 1e8 are no Unix time of LCIC's (1970-1973); eight of them must make a day
	// (ISO 8601 basic format, 20310302).
	'2031',
	'20310230',
	0,
	1e20,
	'1e20',
	-1,
	'-1',
	{ when: 1 },
	'Infinity',
];
const NOT_A_DATE = /must be a date and time/;

const room = async () => ({
	Name: 'Maths',
	StartTime: FUTURE,
	EndTime: FUTURE + 3600,
	Resolution: 1,
	MaxMicNumber: 1,
	SubType: 'videodoc',
});

const CASES: Case[] = [
	// Names and free text.
	{
		action: 'CreateRoom',
		good: room,
		param: 'Name',
		bad: [...CONTROL, ...BROKEN, HUGE, 'x'.repeat(257), 'two\nlines', { name: 'x' }],
	},
	{
		action: 'RegisterUser',
		good: async () => ({ Name: 'Ann', OriginId: fx.session.unique('o') }),
		param: 'Name',
		bad: [...CONTROL, ...BROKEN, HUGE],
	},
	{
		action: 'RegisterUser',
		good: async () => ({ Name: 'Ann', OriginId: fx.session.unique('o') }),
		param: 'OriginId',
		bad: [...CONTROL, ...BROKEN, HUGE, 'a b', 'a,b', { id: 1 }],
	},
	{
		action: 'CreateGroupWithMembers',
		good: async () => ({ GroupName: 'G' }),
		param: 'GroupName',
		bad: [...CONTROL, ...BROKEN, HUGE],
	},
	// Numeric IDs.
	{
		action: 'DescribeRoom',
		good: async () => ({ RoomId: await fx.session.room() }),
		param: 'RoomId',
		bad: [...NOT_DECIMAL, ...NOT_AN_ID, ...OBJECTS],
	},
	{
		action: 'DeleteRoom',
		good: async () => ({ RoomId: await fx.session.room() }),
		param: 'RoomId',
		bad: [...NOT_DECIMAL, ...NOT_AN_ID],
	},
	{
		action: 'BatchDeleteRecord',
		good: async () => ({ RoomIds: [await fx.session.room()] }),
		param: 'RoomIds',
		bad: ['0x1F', '1e3', '1, 0', '2, -3', 'x'],
	},
	// Text IDs.
	{
		action: 'DescribeGroup',
		good: async () => ({ GroupId: await fx.session.group() }),
		param: 'GroupId',
		bad: ['a,b', 'a b', ...CONTROL, ...BROKEN, 'g'.repeat(1000), { id: 'x' }],
	},
	{
		action: 'AddGroupMember',
		good: async () => ({ GroupId: await fx.session.group(), MemberIds: [await fx.session.user()] }),
		param: 'MemberIds',
		bad: ['ok,bad\u0000', `ok,${HUGE}`, ['ok', '\uD800']],
	},
	// Dates: refused as dates, not only by a later rule (a start in the past, a class too long)
	// that a misread date may happen to break; Get Many checks neither.
	{ action: 'CreateRoom', good: room, param: 'StartTime', bad: BAD_DATES, said: NOT_A_DATE },
	{
		action: 'GetRooms',
		good: async () => ({}),
		param: 'StartTime',
		bad: BAD_DATES,
		said: NOT_A_DATE,
	},
	// Numbers with a range.
	{
		action: 'CreateRoom',
		good: room,
		param: 'MaxMicNumber',
		bad: ['0x1', '1e1', 17, -1, '3.5', 'NaN'],
	},
	// Entries with a unique member.
	{
		action: 'BatchRegister',
		good: async () => ({ Users: [{ Name: 'A', OriginId: fx.session.unique('o') }] }),
		param: 'Users',
		bad: [
			[
				{ Name: 'A', OriginId: 'same' },
				{ Name: 'B', OriginId: 'same' },
			],
		],
		said: /1 and 2 have the same OriginId "same"/,
	},
	{
		action: 'SetAppCustomContent',
		good: async () => ({
			CustomContent: [{ Scene: 'exam', LogoUrl: 'https://example.com/l.png' }],
		}),
		param: 'CustomContent',
		bad: [
			[
				{ Scene: 'exam', LogoUrl: 'https://example.com/a.png' },
				{ Scene: 'exam', LogoUrl: 'https://example.com/b.png' },
			],
		],
		said: /1 and 2 have the same Scene "exam"/,
	},
	// Limit of a list.
	{
		action: 'GetRooms',
		good: async () => ({}),
		param: 'limit',
		label: '"Limit"',
		bad: [0, -1, NaN, '0', 'abc', 1.5, '1e3'],
		node: (limit) => ({ returnAll: false, limit }),
	},
	// SdkAppId of an operation.
	{
		action: 'GetRooms',
		good: async () => ({}),
		param: 'sdkAppId',
		label: '"SdkAppId"',
		bad: [{ id: 1 }, '0x10', '1e3', '-3', [1]],
		// Options > SdkAppId (node version 2; version 1's top-level field takes the same rule).
		node: (sdkAppId) => ({ options: { sdkAppId } }),
	},
];

function labelOf(c: Case): string {
	if (c.label) return c.label;
	const field = findByAction(c.action).fields.find((candidate) => candidate.param === c.param);
	if (!field) throw new Error(`${c.action} has no field ${c.param}`);
	return `"${field.displayName}`;
}

const LOCATORS = new Set(['room', 'group', 'document', 'user']);

/**
 * Runs the case with `value` arriving as careless values do: from the input item, through an
 * expression (n8n checks a literal value against the field's own rules before running).
 */
async function run(c: Case, value: unknown) {
	const values = await c.good();
	const expression = '={{ $json.value }}';
	let fields: Record<string, unknown> = values;
	let node: INodeParameters = {};
	if (value !== GOOD) {
		if (c.node) node = c.node(expression);
		else {
			const field = findByAction(c.action).fields.find((f) => f.param === c.param)!;
			const reference = LOCATORS.has(field.type)
				? { __rl: true, mode: 'id', value: expression }
				: expression;
			fields = { ...values, [c.param]: reference };
		}
	}
	fx.emulator.resetCalls();
	return await runWorkflow({
		emulator: fx.emulator,
		nodeParameters: parametersFor(c.action, fields, { node }),
		inputItems: [{ value: value === GOOD ? null : (value as IDataObject[string]) }],
	});
}

describe.each(CASES)('$action $param', (c) => {
	it('a good value goes through', async () => {
		const { error } = await run(c, GOOD);
		expect(error).toBeUndefined();
		expect(callsOf(fx.emulator, c.action)).toHaveLength(1);
	});

	it.each(c.bad.map((value) => [describeValue(value), value]))(
		'refuses %s before sending, naming the field',
		async (_, value) => {
			const { error } = await run(c, value);
			expect(error?.message).toContain(labelOf(c));
			if (c.said) expect(error?.message).toMatch(c.said);
			expect(callsOf(fx.emulator, c.action)).toHaveLength(0);
			// The message is printable: no raw control character or broken surrogate in it.
			expect(error?.message).not.toMatch(/[\u0000-\u0008\u000E-\u001F\uD800-\uDFFF]/);
			expect(error?.message.length).toBeLessThan(500);
		},
	);
});

describe('lists: repeats are sent once', () => {
	it('Member IDs given twice reach LCIC once each, in their first place', async () => {
		const [a, b] = [await fx.session.user(), await fx.session.user()];
		const groupId = await fx.session.group();
		fx.emulator.resetCalls();
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('AddGroupMember', {
				GroupId: groupId,
				MemberIds: `${a}, ${b}, ${a}`,
			}),
		});
		expect(error).toBeUndefined();
		expect(callsOf(fx.emulator, 'AddGroupMember')[0].params.MemberIds).toEqual([a, b]);
	});

	it('Sub-Group IDs given twice (LCIC refuses repeats) are sent once', async () => {
		const [g1, g2] = [await fx.session.group(), await fx.session.group()];
		const { error } = await runWorkflow({
			emulator: fx.emulator,
			nodeParameters: parametersFor('CreateGroupWithSubGroup', {
				GroupName: 'Merged',
				SubGroupIds: [g1, g2, g1],
			}),
		});
		expect(error).toBeUndefined();
	});
});

function describeValue(value: unknown): string {
	const text =
		typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
	return text.length > 40 ? `${text.slice(0, 20)}... (${text.length} characters)` : text;
}

export type { IDataObject };
