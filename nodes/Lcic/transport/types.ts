import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

export type LcicContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface PagingSpec {
	/** Page/Limit (page numbers from firstPage) or Offset/Limit (record offsets from firstPage). */
	style: 'page' | 'offset';
	pageParam: string;
	sizeParam: string;
	firstPage: number;
	maxPageSize: number;
	/** Response key holding the records. */
	itemsKey: string;
	/** Response key holding the total count, where the action returns one. */
	totalKey?: string;
	/**
	 * A request parameter that, when given, makes the action answer every match at once and
	 * ignore Page/Limit (GetRoomEvent's Keyword): one call, no paging.
	 */
	unpagedWith?: string;
}

export interface RequestOptions {
	/**
	 * Safe to send again after a network failure or a server error (the catalog entry's
	 * `readOnly`). Unset: treated as a write, never re-sent once it may have reached Tencent.
	 */
	readOnly?: boolean;
	/** Documented requests per second for this action (default 20, LCIC's rate for most actions). */
	rateLimit?: number;
	/** For error messages that point at the failing item. */
	itemIndex?: number;
	/**
	 * Told Tencent's time (epoch seconds, from the answer's Date header) whenever an LCIC answer
	 * arrives, success or Response.Error alike: for callers that compare Tencent's timestamps.
	 */
	onServerTime?: (epochSeconds: number) => void;
}
