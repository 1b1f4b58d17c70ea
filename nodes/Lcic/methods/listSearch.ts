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
import { chooseSdkAppId, getDefaultSdkAppId, lcicApiRequest } from '../transport';

// "From List" for the Room, Group, Document and User pickers. Each call reads one page; n8n
// asks for the next one with the returned token (the next page number) as the user scrolls.
// LCIC can only filter documents by name itself, so rooms, groups and users are filtered here,
// page by page: a page may then show fewer entries than it read.

const PAGE_SIZE = 100;
const DAY = 24 * 3600;
// GetRooms only lists rooms scheduled in a time window (by default one hour around now); the
// picker looks half a year back and ahead.
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

/** The token of the next page, unless this one was the last. */
function nextToken(page: number, read: number, total: unknown): string | undefined {
	const count = Number(total);
	if (read < PAGE_SIZE) return undefined;
	if (Number.isFinite(count) && page * PAGE_SIZE >= count) return undefined;
	return String(page + 1);
}

/** One picker: the list operation (its action, paging keys and rate), how a record shows and matches. */
interface Picker {
	list: OperationSpec;
	idKey: string;
	name: (record: IDataObject) => unknown;
	/** Fields the typed filter is matched against here; none when the action filters itself. */
	filterBy?: string[];
	/** The request beyond SdkAppId and paging (the action's own filter, time window...). */
	body?: (filter: string | undefined) => IDataObject;
	url?: (record: IDataObject) => string | undefined;
}

async function searchList(
	this: ILoadOptionsFunctions,
	picker: Picker,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const { action, paging } = picker.list;
	const response = await lcicApiRequest.call(
		this,
		action,
		{
			SdkAppId: await sdkAppId.call(this),
			...picker.body?.(filter),
			[paging!.pageParam]: page,
			[paging!.sizeParam]: PAGE_SIZE,
		},
		requestOptionsOf(picker.list),
	);
	const read = records(response, paging!.itemsKey);
	const results: INodeListSearchItems[] = read
		.filter(
			(record) =>
				!picker.filterBy || matches(filter, ...picker.filterBy.map((field) => record[field])),
		)
		.map((record) => {
			const id = String(record[picker.idKey]);
			const url = picker.url?.(record);
			return {
				name: `${String(picker.name(record) ?? '')} (${id})`,
				value: id,
				...(url ? { url } : {}),
			};
		});
	return {
		results,
		paginationToken: nextToken(page, read.length, response[paging!.totalKey ?? 'Total']),
	};
}

const ROOMS: Picker = {
	list: findByAction('GetRooms'),
	idKey: 'RoomId',
	name: (room) => room.Name,
	filterBy: ['Name', 'RoomId'],
	body: () => {
		const now = Math.floor(Date.now() / 1000);
		return { StartTime: now - ROOM_WINDOW, EndTime: now + ROOM_WINDOW };
	},
};

const GROUPS: Picker = {
	list: findByAction('DescribeGroupList'),
	idKey: 'GroupId',
	name: (group) => group.GroupName,
	filterBy: ['GroupName', 'GroupId'],
};

const DOCUMENTS: Picker = {
	list: findByAction('BatchDescribeDocument'),
	idKey: 'DocumentId',
	name: (document) => document.DocumentName,
	// LCIC filters courseware by name itself (Keyword). Without an owner, Permission [0, 1] lists
	// the private and public courseware of the whole application.
	body: (filter) => ({ Permission: [0, 1], ...(filter ? { Keyword: filter } : {}) }),
	url: (document) =>
		typeof document.DocumentUrl === 'string' && document.DocumentUrl
			? document.DocumentUrl
			: undefined,
};

const USERS: Picker = {
	list: findByAction('DescribeSdkAppIdUsers'),
	idKey: 'UserId',
	name: (user) => user.Name || user.OriginId || user.UserId,
	filterBy: ['Name', 'OriginId', 'UserId'],
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
