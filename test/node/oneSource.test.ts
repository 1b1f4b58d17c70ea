// One place for each fact. The engine (execute/), the properties (description/) and the
// transport know no LCIC action: what an action is, does and allows is its catalog entry. Both
// nodes show the same labels for the same room events, and the trigger takes its picker and
// its GetRooms/GetRoomEvent facts from the catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import ts from 'typescript';

import { Lcic } from '../../nodes/Lcic/Lcic.node';
import { LcicEventTrigger } from '../../nodes/Lcic/LcicEventTrigger.node';
import { LcicTrigger } from '../../nodes/Lcic/LcicTrigger.node';
import { findByAction, OPERATIONS } from '../../nodes/Lcic/catalog';
import { EVENT_PAGE_SIZE } from '../../nodes/Lcic/trigger/cursor';
import { loadLcicModel } from '../harness/lcicModel';

const NODE_DIR = join(__dirname, '../../nodes/Lcic');

function sourceFiles(folder: string): string[] {
	return readdirSync(join(NODE_DIR, folder), { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.ts'))
		.map((file) => join(NODE_DIR, folder, file));
}

/** The string literals and identifiers of a file: its code without comments. */
function codeWords(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const words: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isStringLiteralLike(node) || ts.isIdentifier(node)) words.push(node.text);
		ts.forEachChild(node, visit);
	};
	visit(source);
	return words;
}

describe('no LCIC action outside the catalog', () => {
	// Every action Tencent's model knows (85), and every action the catalog calls.
	const actions = new Set([
		...loadLcicModel().actions.keys(),
		...OPERATIONS.flatMap((op) => [op.action, ...(op.batch ? [op.batch.action] : [])]),
	]);

	it.each(['execute', 'description', 'transport'])('%s/ names none in its code', (folder) => {
		const found = sourceFiles(folder).flatMap((file) =>
			codeWords(file)
				.filter((word) => actions.has(word))
				.map((word) => `${file.slice(NODE_DIR.length + 1)}: ${word}`),
		);
		expect(found).toEqual([]);
	});
});

describe("one rule for the credential's Default SdkAppId", () => {
	// Issue 12: "three ways of falling back to the credential's SdkAppId". transport/sdkAppId.ts
	// holds the rule (0 or empty: none; the node's own setting first); every node reads it there.
	const HOME = join(NODE_DIR, 'transport/sdkAppId.ts');

	/** `credentials.sdkAppId`, `credentials['sdkAppId']` and the like, in code (not comments). */
	function credentialReads(file: string): string[] {
		const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
		const found: string[] = [];
		const visit = (node: ts.Node) => {
			const name = ts.isPropertyAccessExpression(node)
				? node.name.text
				: ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)
					? node.argumentExpression.text
					: undefined;
			if (name === 'sdkAppId' && /credential/i.test(node.getChildAt(0, source).getText(source)))
				found.push(`${file.slice(NODE_DIR.length + 1)}: ${node.getText(source)}`);
			ts.forEachChild(node, visit);
		};
		visit(source);
		return found;
	}

	it('is read from the credential only in transport/sdkAppId.ts', () => {
		const files = readdirSync(NODE_DIR, { recursive: true })
			.map(String)
			.filter((file) => file.endsWith('.ts'))
			.map((file) => join(NODE_DIR, file));
		expect(credentialReads(HOME)).toHaveLength(1);
		expect(files.filter((file) => file !== HOME).flatMap(credentialReads)).toEqual([]);
	});
});

function property(properties: INodeProperties[], name: string): INodeProperties {
	const found = properties.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no property ${name}`);
	return found;
}

describe('one set of room event facts', () => {
	const trigger = new LcicTrigger().description.properties;
	const eventTypeOptions = (): INodePropertyOptions[] => {
		const getEvents = new Lcic().description.properties.find(
			(candidate) =>
				candidate.name === 'additionalFields' &&
				candidate.displayOptions?.show?.operation?.includes('getEvents'),
		);
		const keyword = getEvents?.options?.find((option) => option.name === 'keyword');
		return (keyword as INodeProperties).options as INodePropertyOptions[];
	};

	it('shows one label per event in the action node and the trigger', () => {
		const inTrigger = property(trigger, 'events').options as INodePropertyOptions[];
		expect(eventTypeOptions()).toEqual(inTrigger);
		// EventInfo.EventType in the API reference, word for word.
		const reference =
			'RoomStart : The class started. RoomEnd : The class ended. MemberJoin : A user joined. MemberQuit : A user left. RecordFinish : Recording is finished. CameraOn : The camera is turned on. CameraOff : The camera is turned off. MicOn : The mic is turned on. MicOff : The mic is turned off. ScreenOn : Screen sharing is enabled. ScreenOff : Screen sharing is disabled. VisibleOn : The page is visible. VisibleOff : The page is invisible.';
		const types = [...reference.matchAll(/(\w+) :/g)].map((match) => match[1]);
		expect(types).toHaveLength(13);
		expect(inTrigger.map((option) => option.value).sort()).toEqual(types.sort());
		expect(inTrigger.find((option) => option.value === 'RoomEnd')?.name).toBe('Class Ended');
		// The Event Trigger: the same options, plus the callback-only events.
		const inEventTrigger = property(new LcicEventTrigger().description.properties, 'events')
			.options as INodePropertyOptions[];
		expect(inEventTrigger.filter((option) => types.includes(String(option.value)))).toEqual(
			inTrigger,
		);
		expect(inEventTrigger.map((option) => option.value)).toEqual(
			expect.arrayContaining(['RoomExpire', 'DocumentCreate', 'DocumentDelete']),
		);
	});

	it("gives the trigger the action node's room picker, By ID also taking several IDs", () => {
		const rooms = property(trigger, 'rooms').options as Array<{ values: INodeProperties[] }>;
		const picker = rooms[0].values[0];
		const roomField = new Lcic().description.properties.find(
			(candidate) =>
				candidate.name === 'roomId' && candidate.displayOptions?.show?.operation?.includes('get'),
		) as INodeProperties;
		expect(picker.type).toBe('resourceLocator');
		expect(picker.modes?.[0]).toEqual(roomField.modes?.[0]);
		const byId = picker.modes?.[1].validation?.[0] as unknown as { properties: { regex: string } };
		expect(new RegExp(byId.properties.regex).test('301234567, 301234568')).toBe(true);
		expect(new RegExp(byId.properties.regex).test('3012x')).toBe(false);
	});

	it("reads GetRoomEvent pages of the catalog's size", () => {
		// GetRoomEvent Limit: "The maximum number of records (up to 200) per page" (API reference,
		// GetRoomEvent); Tencent's current model: "每页个数。keyword为空时有效。一次性最多100条"
		// (per page, valid when keyword is empty, at most 100 at a time). The trigger's cursor
		// computes page numbers from the page size, so it must be one both allow: 100.
		expect(EVENT_PAGE_SIZE).toBe(findByAction('GetRoomEvent').paging?.maxPageSize);
		expect(EVENT_PAGE_SIZE).toBe(100);
	});
});
