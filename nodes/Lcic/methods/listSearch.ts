import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { findByAction, requestOptionsOf } from '../catalog';
import type { OperationSpec } from '../catalog/types';
import { SDK_APP_ID } from '../description/names';
import { localTimeText } from '../params/dateTime';
import { chooseSdkAppId, getDefaultSdkAppId, lcicApiRequest } from '../transport';
import type { PagingSpec } from '../transport/types';

// "From List" for the Room, Group, Document and User pickers. n8n calls a method with the typed
// filter and, as the user scrolls, the token it returned last time.
// - Without a filter, a call reads one page and returns it.
// - LCIC filters courseware by name itself (Keyword): one page per call too.
// - Rooms, groups and users have no name filter in LCIC, so the node filters them: a call reads
//   on, page after page, until it has a page of matches or the list ends, at most
//   MAX_PAGES_PER_CALL pages (the token then says where the next call goes on). A filter that
//   is an ID (or an Origin ID) is also looked up directly, so an exact match is found wherever
//   it is in the list.
// Labels tell items apart: rooms with their start time in the workflow's time zone, users
// with their Origin ID.

/** What one answer to the editor holds (before the exact match, when there is one). */
const RESULTS_PER_CALL = 100;
/** LCIC pages one filtered call reads at most: 20 requests (one second at LCIC's 20 per second). */
const MAX_PAGES_PER_CALL = 20;
const DAY = 24 * 3600;
// GetRooms only lists rooms scheduled in a time window (by default one hour around now); the
// picker looks half a year back and ahead. A room outside it is still found by its ID.
const ROOM_WINDOW = 180 * DAY;

/**
 * The application to list: the node's own SdkAppId (the action node's field, the trigger's
 * option) when it is a number, the credential's otherwise. An expression cannot be resolved
 * while the user picks, so the credential's is used then.
 */
async function sdkAppId(this: ILoadOptionsFunctions): Promise<number> {
	const own =
		this.getCurrentNodeParameter(SDK_APP_ID) ??
		this.getCurrentNodeParameter(`options.${SDK_APP_ID}`);
	const override = typeof own === 'string' && own.startsWith('=') ? undefined : own;
	let id: number | undefined;
	try {
		id = chooseSdkAppId(override, await getDefaultSdkAppId.call(this));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	if (id === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			'No SdkAppId: set a Default SdkAppId in the credential (or SdkAppId in the node) to pick from a list, or enter the ID instead',
		);
	}
	return id;
}

function pageOf(token: string | undefined): number {
	const page = Number(token);
	return Number.isInteger(page) && page > 0 ? page : 1;
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return texts.some(
		(text) =>
			(typeof text === 'string' || typeof text === 'number') &&
			String(text).toLowerCase().includes(wanted),
	);
}

function records(response: IDataObject, key: string): IDataObject[] {
	return Array.isArray(response[key]) ? (response[key] as IDataObject[]) : [];
}

/** A direct look-up of the typed filter as an ID: the operation, its body, and the record it gives. */
interface ExactLookup {
	get: OperationSpec;
	body: IDataObject;
	record: (response: IDataObject) => IDataObject | undefined;
}

/** One picker: the list operation (its action, paging and rate), how a record shows and matches. */
interface Picker {
	list: OperationSpec;
	idKey: string;
	/** What the entry shows before its ID. */
	label: (record: IDataObject, timeZone: string) => string;
	/** Fields the typed filter is matched against here; none when the action filters itself. */
	filterBy?: string[];
	/** The request beyond SdkAppId and paging (the action's own filter, time window...). */
	body?: (filter: string | undefined) => IDataObject;
	/** Look-ups of the filter as an ID, in order; the first that finds a record wins. */
	exact?: (filter: string, sdkAppId: number) => ExactLookup[];
	url?: (record: IDataObject) => string | undefined;
}

function entryOf(picker: Picker, record: IDataObject, timeZone: string): INodeListSearchItems {
	const id = String(record[picker.idKey]);
	const url = picker.url?.(record);
	return { name: `${picker.label(record, timeZone)} (${id})`, value: id, ...(url ? { url } : {}) };
}

async function findExact(
	this: ILoadOptionsFunctions,
	picker: Picker,
	filter: string,
	appId: number,
): Promise<IDataObject | undefined> {
	for (const lookup of picker.exact?.(filter, appId) ?? []) {
		try {
			const found = lookup.record(
				await lcicApiRequest.call(
					this,
					lookup.get.action,
					lookup.body,
					requestOptionsOf(lookup.get),
				),
			);
			if (found) return found;
		} catch {
			// Not an ID of this kind (ResourceNotFound...): the list below still answers, and
			// reports a problem that concerns every call (credential, SdkAppId).
		}
	}
	return undefined;
}

async function searchList(
	this: ILoadOptionsFunctions,
	picker: Picker,
	rawFilter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const filter = rawFilter?.trim() || undefined;
	const paging = picker.list.paging as PagingSpec;
	const filteredHere = filter !== undefined && picker.filterBy !== undefined;
	// Filtering here reads the largest pages the action allows; a plain list shows one page.
	const size = filteredHere ? paging.maxPageSize : Math.min(paging.maxPageSize, RESULTS_PER_CALL);
	const timeZone = this.getTimezone();
	const appId = await sdkAppId.call(this);

	const results: INodeListSearchItems[] = [];
	if (filter && paginationToken === undefined) {
		const exact = await findExact.call(this, picker, filter, appId);
		if (exact) results.push(entryOf(picker, exact, timeZone));
	}
	const shown = new Set(results.map((result) => result.value));

	let page = pageOf(paginationToken);
	let ended = false;
	for (let read = 0; read < (filteredHere ? MAX_PAGES_PER_CALL : 1); read++) {
		const response = await lcicApiRequest.call(
			this,
			picker.list.action,
			{
				SdkAppId: appId,
				...picker.body?.(filter),
				[paging.pageParam]: page,
				[paging.sizeParam]: size,
			},
			requestOptionsOf(picker.list),
		);
		const list = records(response, paging.itemsKey);
		for (const record of list) {
			if (filteredHere && !matches(filter, ...picker.filterBy!.map((field) => record[field])))
				continue;
			const entry = entryOf(picker, record, timeZone);
			if (shown.has(entry.value)) continue;
			shown.add(entry.value);
			results.push(entry);
		}
		const total = paging.totalKey === undefined ? NaN : Number(response[paging.totalKey]);
		ended = list.length < size || (Number.isFinite(total) && page * size >= total);
		page++;
		if (ended || results.length >= RESULTS_PER_CALL) break;
	}
	return { results, paginationToken: ended ? undefined : String(page) };
}

const ROOMS: Picker = {
	list: findByAction('GetRooms'),
	idKey: 'RoomId',
	label: (room, timeZone) => {
		const start = Number(room.StartTime);
		const name = String(room.Name ?? '');
		return start > 0 ? `${name}, ${localTimeText(start, timeZone)}` : name;
	},
	filterBy: ['Name', 'RoomId'],
	body: () => {
		const now = Math.floor(Date.now() / 1000);
		return { StartTime: now - ROOM_WINDOW, EndTime: now + ROOM_WINDOW };
	},
	exact: (filter) =>
		/^\d+$/.test(filter)
			? [
					{
						get: findByAction('DescribeRoom'),
						body: { RoomId: Number(filter) },
						record: (room) => ({ ...room, RoomId: Number(filter) }),
					},
				]
			: [],
};

const GROUPS: Picker = {
	list: findByAction('DescribeGroupList'),
	idKey: 'GroupId',
	label: (group) => String(group.GroupName ?? ''),
	filterBy: ['GroupName', 'GroupId'],
	exact: (filter, appId) => [
		{
			get: findByAction('DescribeGroup'),
			body: { SdkAppId: appId, GroupId: filter },
			record: (group) => (group.GroupId === undefined ? undefined : group),
		},
	],
};

const DOCUMENTS: Picker = {
	list: findByAction('BatchDescribeDocument'),
	idKey: 'DocumentId',
	label: (document) => String(document.DocumentName ?? ''),
	// LCIC filters courseware by name itself (Keyword). Without an owner, Permission [0, 1] lists
	// the private and public courseware of the whole application.
	body: (filter) => ({ Permission: [0, 1], ...(filter ? { Keyword: filter } : {}) }),
	url: (document) =>
		typeof document.DocumentUrl === 'string' && document.DocumentUrl
			? document.DocumentUrl
			: undefined,
};

/** DescribeUser finds users of every application of the account: only this one's count. */
const userOf =
	(appId: number) =>
	(user: IDataObject): IDataObject | undefined =>
		user.UserId !== undefined && Number(user.SdkAppId ?? appId) === appId ? user : undefined;

const USERS: Picker = {
	list: findByAction('DescribeSdkAppIdUsers'),
	idKey: 'UserId',
	label: (user) => {
		const name = String(user.Name || user.OriginId || user.UserId || '');
		const originId = typeof user.OriginId === 'string' ? user.OriginId : '';
		// LCIC uses the UserId as Origin ID when none was given: nothing to add then.
		return originId && originId !== user.UserId && originId !== name
			? `${name}, Origin ID ${originId}`
			: name;
	},
	filterBy: ['Name', 'OriginId', 'UserId'],
	// A student number (Origin ID) first: what people type most.
	exact: (filter, appId) => [
		{ get: findByAction('DescribeUser'), body: { OriginId: filter }, record: userOf(appId) },
		{ get: findByAction('DescribeUser'), body: { UserId: filter }, record: userOf(appId) },
	],
};

/** The method n8n calls for one picker (its name goes into the locator's searchListMethod). */
function searchFor(picker: Picker) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	): Promise<INodeListSearchResult> {
		return await searchList.call(this, picker, filter, token);
	};
}

export const searchRooms = searchFor(ROOMS);
export const searchGroups = searchFor(GROUPS);
export const searchDocuments = searchFor(DOCUMENTS);
export const searchUsers = searchFor(USERS);
