import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { getDefaultSdkAppId, lcicApiRequest } from '../transport';

// "From List" for the Room, Group, Document and User pickers. Each call reads one page; n8n
// asks for the next one with the returned token (the next page number) as the user scrolls.
// LCIC can only filter documents by name itself, so rooms, groups and users are filtered here,
// page by page: a page may then show fewer entries than it read.

const PAGE_SIZE = 100;
const DAY = 24 * 3600;
// GetRooms only lists rooms scheduled in a time window (by default one hour around now); the
// picker looks half a year back and ahead.
const ROOM_WINDOW = 180 * DAY;

async function sdkAppId(this: ILoadOptionsFunctions): Promise<number> {
	const id = await getDefaultSdkAppId.call(this);
	if (id === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			'No SdkAppId: set a Default SdkAppId in the credential to pick from a list, or enter the ID instead',
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
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
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

export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const now = Math.floor(Date.now() / 1000);
	const response = await lcicApiRequest.call(
		this,
		'GetRooms',
		{
			SdkAppId: await sdkAppId.call(this),
			StartTime: now - ROOM_WINDOW,
			EndTime: now + ROOM_WINDOW,
			Page: page,
			Limit: PAGE_SIZE,
		},
		{ readOnly: true },
	);
	const rooms = records(response, 'Rooms');
	const results: INodeListSearchItems[] = rooms
		.filter((room) => matches(filter, room.Name, String(room.RoomId)))
		.map((room) => ({ name: `${String(room.Name ?? '')} (${String(room.RoomId)})`, value: String(room.RoomId) }));
	return { results, paginationToken: nextToken(page, rooms.length, response.Total) };
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const response = await lcicApiRequest.call(
		this,
		'DescribeGroupList',
		{ SdkAppId: await sdkAppId.call(this), Page: page, Limit: PAGE_SIZE },
		{ readOnly: true },
	);
	const groups = records(response, 'GroupInfos');
	const results = groups
		.filter((group) => matches(filter, group.GroupName, group.GroupId))
		.map((group) => ({
			name: `${String(group.GroupName ?? '')} (${String(group.GroupId)})`,
			value: String(group.GroupId),
		}));
	return { results, paginationToken: nextToken(page, groups.length, response.Total) };
}

export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const body: IDataObject = {
		SdkAppId: await sdkAppId.call(this),
		Page: page,
		Limit: PAGE_SIZE,
		// Without an owner, [0, 1] lists the private and public courseware of the whole application.
		Permission: [0, 1],
	};
	if (filter) body.Keyword = filter;
	const response = await lcicApiRequest.call(this, 'BatchDescribeDocument', body, { readOnly: true });
	const documents = records(response, 'Documents');
	const results = documents.map((document) => ({
		name: `${String(document.DocumentName ?? '')} (${String(document.DocumentId)})`,
		value: String(document.DocumentId),
		...(typeof document.DocumentUrl === 'string' && document.DocumentUrl ? { url: document.DocumentUrl } : {}),
	}));
	return { results, paginationToken: nextToken(page, documents.length, response.Total) };
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const response = await lcicApiRequest.call(
		this,
		'DescribeSdkAppIdUsers',
		{ SdkAppId: await sdkAppId.call(this), Page: page, Limit: PAGE_SIZE },
		{ readOnly: true },
	);
	const users = records(response, 'Users');
	const results = users
		.filter((user) => matches(filter, user.Name, user.OriginId, user.UserId))
		.map((user) => ({
			name: `${String(user.Name || user.OriginId || user.UserId)} (${String(user.UserId)})`,
			value: String(user.UserId),
		}));
	return { results, paginationToken: nextToken(page, users.length, response.Total) };
}
