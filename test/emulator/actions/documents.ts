// Courseware documents: creation with transcoding that follows the emulator clock, queries with
// the reference's Permission/Owner semantics, and binding documents to rooms.
import type { ActionContext, ActionTable } from '../types';
import { appOf, fail, page, stateOf } from './common';
import { ownApp, roomOf } from './roomState';
import type { AppState, Document, EmulatorState, Room } from './state';

// Transcoding timeline, in emulator seconds after CreateDocument: queued, then running, then done.
export const TRANSCODE_QUEUE_SECONDS = 5;
export const TRANSCODE_DONE_SECONDS = 30;

/** TranscodeState values of DocumentInfo. */
export const TRANSCODE_STATE = {
	notTranscoded: 0,
	transcoding: 1,
	failed: 2,
	succeeded: 3,
} as const;

// TranscodeType: 0 none (images), 1 documents, 2 video/audio, 3 backup transcoding (newer model;
// for courseware made with WPS, same document formats as 1).
const MAX_TRANSCODE_TYPE = 3;
const DOCUMENT_FORMATS = ['ppt', 'pptx', 'pdf', 'doc', 'docx', 'xls', 'xlsx'];
const MEDIA_FORMATS = [
	// video ("mp4, 3pg, mpeg, avi, flv, wmv, rm, h264, etc."; 3pg is the reference's typo for 3gp)
	'mp4',
	'3gp',
	'3pg',
	'mpeg',
	'mpg',
	'avi',
	'flv',
	'wmv',
	'rm',
	'rmvb',
	'h264',
	'mov',
	'mkv',
	'webm',
	// audio
	'mp3',
	'wav',
	'wma',
	'aac',
	'flac',
	'opus',
];
const FORMATS_BY_TYPE: Record<number, string[]> = {
	1: DOCUMENT_FORMATS,
	2: MEDIA_FORMATS,
	3: DOCUMENT_FORMATS,
};
// Dynamic (HTML5) transcoding for slides, static pictures for everything else.
const DYNAMIC_FORMATS = new Set(['ppt', 'pptx']);

const DEFAULT_RESOLUTION = { width: 1280, height: 720 };
const TRANSCODE_HOST = 'https://transcode.lcic-emulator.local';

/** The documented DocumentInfo Permission filter values: 0 own private, 1 own public, 2 see below. */
const PERMISSION_FILTERS = new Set([0, 1, 2]);

// Limits per action: DescribeDocuments and BatchDescribeDocument "cannot exceed 1000" (the newer
// model says 200 for BatchDescribeDocument); DescribeDocumentsByRoom: default 100, max 1000.
const QUERY_PAGING = { page: 1, limit: 20, maxLimit: 1000 };
const ROOM_PAGING = { page: 1, limit: 100, maxLimit: 1000 };

const ID_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 8;
const ID_SPACE = BigInt(ID_LETTERS.length) ** BigInt(ID_LENGTH);
// Odd and not a multiple of 13, so n -> n * M mod 26^8 is a bijection: distinct counters give
// distinct IDs that still look random ("omxxxxsdc", "ntxsfrzk" in the reference).
const ID_MULTIPLIER = 625_341_585n;
const ID_OFFSET = 98_765_432_101n;

/** An 8-letter document ID, unique in the emulator (one counter for every application). */
function newDocumentId(state: EmulatorState): string {
	let n = (BigInt(state.nextId('document')) * ID_MULTIPLIER + ID_OFFSET) % ID_SPACE;
	let id = '';
	for (let i = 0; i < ID_LENGTH; i++) {
		id = ID_LETTERS[Number(n % 26n)] + id;
		n /= 26n;
	}
	return id;
}

/** A string parameter, or undefined when it is absent or empty. */
function given(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The file extension: DocumentType if given, else the URL path's. Lower case, no dot. */
function formatOf(doc: Document): string | undefined {
	const declared = given(doc.extra.DocumentType);
	if (declared) return declared.replace(/^\./, '').toLowerCase();
	let path = doc.DocumentUrl;
	try {
		path = new URL(doc.DocumentUrl).pathname;
	} catch {
		// not a URL: look at the text as it is
	}
	const match = /\.([A-Za-z0-9]+)$/.exec(path);
	return match ? match[1].toLowerCase() : undefined;
}

/** Width x height of the transcoded pages: MinScaleResolution when well-formed, else the default. */
function resolutionOf(doc: Document): { width: number; height: number } {
	const match = /^(\d+)x(\d+)$/.exec(String(doc.extra.MinScaleResolution ?? ''));
	if (doc.TranscodeType !== 1 || !match) return DEFAULT_RESOLUTION;
	return { width: Number(match[1]), height: Number(match[2]) };
}

function pagesOf(doc: Document): number {
	if (doc.TranscodeType === 2) return 1;
	// Roughly 100 kB per page, so that larger files report more pages.
	const size = Number(doc.extra.DocumentSize ?? 0);
	return Math.min(500, Math.max(1, Math.ceil(size / 100_000)));
}

function transcodedUrl(doc: Document, format: string | undefined): string {
	const base = `${TRANSCODE_HOST}/${doc.SdkAppId}/${doc.DocumentId}`;
	if (doc.TranscodeType === 2) return `${base}/media.mp4`;
	return format && DYNAMIC_FORMATS.has(format) ? `${base}/h5/index.html` : `${base}/picture/`;
}

/**
 * The transcoding fields of DocumentInfo at time `now`. A file whose type does not fit its
 * TranscodeType fails when its turn comes, as the service would report a bad upload.
 */
function transcodeView(doc: Document, now: number): Record<string, unknown> {
	const none = {
		TranscodeResult: '',
		TranscodeInfo: '',
		Pages: 0,
		Width: 0,
		Height: 0,
		Cover: '',
		Preview: '',
		Resolution: '',
	};
	if (doc.TranscodeType === 0) {
		return {
			...none,
			TranscodeState: TRANSCODE_STATE.notTranscoded,
			TranscodeProgress: 0,
			Preview: doc.DocumentUrl,
			UpdateTime: doc.UpdateTime,
		};
	}
	const elapsed = now - doc.transcodeStartedAt;
	if (elapsed < TRANSCODE_QUEUE_SECONDS) {
		return {
			...none,
			TranscodeState: TRANSCODE_STATE.notTranscoded,
			TranscodeProgress: 0,
			UpdateTime: doc.UpdateTime,
		};
	}
	const format = formatOf(doc);
	if (format && !FORMATS_BY_TYPE[doc.TranscodeType].includes(format)) {
		return {
			...none,
			TranscodeState: TRANSCODE_STATE.failed,
			TranscodeProgress: 0,
			TranscodeResult: 'FailedOperation',
			TranscodeInfo: `A .${format} file cannot be transcoded with TranscodeType ${doc.TranscodeType}.`,
			UpdateTime: Math.max(doc.UpdateTime, doc.transcodeStartedAt + TRANSCODE_QUEUE_SECONDS),
		};
	}
	if (elapsed < TRANSCODE_DONE_SECONDS) {
		const share =
			(elapsed - TRANSCODE_QUEUE_SECONDS) / (TRANSCODE_DONE_SECONDS - TRANSCODE_QUEUE_SECONDS);
		return {
			...none,
			TranscodeState: TRANSCODE_STATE.transcoding,
			TranscodeProgress: Math.floor(share * 100),
			UpdateTime: doc.UpdateTime,
		};
	}
	const result = transcodedUrl(doc, format);
	// Width and Height are "valid only if static document transcoding is used".
	const { width, height } = resolutionOf(doc);
	const isStatic = doc.TranscodeType !== 2 && !(format && DYNAMIC_FORMATS.has(format));
	return {
		TranscodeState: TRANSCODE_STATE.succeeded,
		TranscodeProgress: 100,
		TranscodeResult: result,
		TranscodeInfo: '',
		Pages: pagesOf(doc),
		Width: isStatic ? width : 0,
		Height: isStatic ? height : 0,
		Cover: `${TRANSCODE_HOST}/${doc.SdkAppId}/${doc.DocumentId}/cover.jpg`,
		Preview: result,
		Resolution: doc.TranscodeType === 2 ? '' : `${width}x${height}`,
		UpdateTime: Math.max(doc.UpdateTime, doc.transcodeStartedAt + TRANSCODE_DONE_SECONDS),
	};
}

/** The DocumentInfo data type, as of the emulator clock. */
export function documentInfo(doc: Document, now: number): Record<string, unknown> {
	return {
		DocumentId: doc.DocumentId,
		DocumentUrl: doc.DocumentUrl,
		DocumentName: doc.DocumentName,
		Owner: doc.Owner,
		SdkAppId: doc.SdkAppId,
		Permission: doc.Permission,
		TranscodeType: doc.TranscodeType,
		DocumentType: String(doc.extra.DocumentType ?? ''),
		DocumentSize: Number(doc.extra.DocumentSize ?? 0),
		MinScaleResolution: String(doc.extra.MinScaleResolution ?? ''),
		...transcodeView(doc, now),
	};
}

/** The document `documentId` of the application; ResourceNotFound.Document otherwise. */
export function documentOf(app: AppState, documentId: unknown): Document {
	const doc = app.documents.get(String(documentId));
	if (!doc) fail('ResourceNotFound.Document', `The document ${String(documentId)} does not exist.`);
	return doc;
}

/** BindType per bound document, kept with the room ("passed through to clients"). */
function bindTypes(room: Room): Record<string, number> {
	if (typeof room.extra.documentBindTypes !== 'object' || room.extra.documentBindTypes === null) {
		room.extra.documentBindTypes = {};
	}
	return room.extra.documentBindTypes as Record<string, number>;
}

function unbind(room: Room, documentId: string): void {
	room.documentIds.delete(documentId);
	delete bindTypes(room)[documentId];
}

/**
 * The reference's Permission filter: [0] the owner's private documents, [1] the owner's public
 * ones, [0,1] both, [2] the owner's private documents and everyone's public ones. Without an
 * Owner, "all documents under the application" take part.
 */
function permissionFilter(
	permission: number[],
	owner: string | undefined,
): (doc: Document) => boolean {
	if (permission.length === 0) fail('InvalidParameterValue', 'Permission must not be empty.');
	const bad = permission.find((p) => !PERMISSION_FILTERS.has(p));
	if (bad !== undefined)
		fail('InvalidParameterValue', `Permission values are 0, 1 and 2, got ${bad}.`);
	const wanted = new Set(permission);
	return (doc) => {
		const owned = owner === undefined || doc.Owner === owner;
		if (wanted.has(2) && (doc.Permission === 1 || owned)) return true;
		return owned && wanted.has(doc.Permission);
	};
}

/** One page of `docs` filtered by Permission and Owner, as {Total, Documents}. */
function listPage(
	ctx: ActionContext,
	docs: Document[],
	permission: number[],
	paging: { page: number; limit: number; maxLimit: number },
): Record<string, unknown> {
	const matched = docs.filter(permissionFilter(permission, given(ctx.params.Owner)));
	const shown = page(matched, ctx.params.Page, ctx.params.Limit, paging);
	const now = ctx.clock.now();
	return { Total: matched.length, Documents: shown.map((doc) => documentInfo(doc, now)) };
}

/** DescribeDocuments / BatchDescribeDocument: the application's documents, by name and ID too. */
function queryDocuments(ctx: ActionContext, app: AppState): Record<string, unknown> {
	const keyword = given(ctx.params.Keyword)?.toLowerCase();
	const ids =
		Array.isArray(ctx.params.DocumentId) && ctx.params.DocumentId.length > 0
			? new Set(ctx.params.DocumentId as string[])
			: undefined;
	// "Non-existent IDs will be ignored": the ID list only narrows the application's documents.
	const docs = [...app.documents.values()].filter(
		(doc) =>
			(!ids || ids.has(doc.DocumentId)) &&
			(!keyword || doc.DocumentName.toLowerCase().includes(keyword)),
	);
	return listPage(ctx, docs, ctx.params.Permission as number[], QUERY_PAGING);
}

function checkNewDocument(params: Record<string, unknown>): void {
	for (const name of ['DocumentUrl', 'DocumentName', 'Owner']) {
		if (given(params[name]) === undefined)
			fail('InvalidParameterValue', `${name} must not be empty.`);
	}
	if (!/^https?:\/\/\S+$/i.test(String(params.DocumentUrl))) {
		fail(
			'InvalidParameterValue',
			`DocumentUrl must be an http(s) URL, got ${String(params.DocumentUrl)}.`,
		);
	}
	const transcodeType = Number(params.TranscodeType ?? 0);
	if (transcodeType < 0 || transcodeType > MAX_TRANSCODE_TYPE) {
		fail(
			'InvalidParameterValue',
			`TranscodeType must be 0 to ${MAX_TRANSCODE_TYPE}, got ${transcodeType}.`,
		);
	}
	const permission = Number(params.Permission ?? 0);
	if (permission !== 0 && permission !== 1)
		fail('InvalidParameterValue', `Permission must be 0 or 1, got ${permission}.`);
	if (params.DocumentSize !== undefined && Number(params.DocumentSize) < 0) {
		fail(
			'InvalidParameterValue',
			`DocumentSize must not be negative, got ${String(params.DocumentSize)}.`,
		);
	}
}

function storeDocument(ctx: ActionContext, app: AppState): Document {
	const params = ctx.params;
	const now = ctx.clock.now();
	const doc: Document = {
		DocumentId: newDocumentId(stateOf(ctx)),
		SdkAppId: app.SdkAppId,
		DocumentName: String(params.DocumentName),
		DocumentUrl: String(params.DocumentUrl),
		Owner: String(params.Owner),
		Permission: Number(params.Permission ?? 0),
		TranscodeType: Number(params.TranscodeType ?? 0),
		transcodeStartedAt: now,
		UpdateTime: now,
		extra: {},
	};
	for (const name of [
		'DocumentType',
		'DocumentSize',
		'AutoHandleUnsupportedElement',
		'MinScaleResolution',
	]) {
		if (params[name] !== undefined && params[name] !== null) doc.extra[name] = params[name];
	}
	app.documents.set(doc.DocumentId, doc);
	return doc;
}

/** Permission/Owner/Keyword/DocumentId filters shared by DescribeDocuments and BatchDescribeDocument. */
const QUERY_FILTER_PARAMS = {
	Page: { type: 'Integer', required: true },
	Limit: { type: 'Integer', required: true },
	Permission: { type: 'Array of Integer', required: true },
	Owner: { type: 'String' },
	Keyword: { type: 'String' },
	DocumentId: { type: 'Array of String' },
} as const;

export const documentActions: ActionTable = {
	CreateDocument: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			DocumentUrl: { type: 'String', required: true },
			DocumentName: { type: 'String', required: true },
			Owner: { type: 'String', required: true },
			TranscodeType: { type: 'Integer' },
			Permission: { type: 'Integer' },
			DocumentType: { type: 'String' },
			DocumentSize: { type: 'Integer' },
			AutoHandleUnsupportedElement: { type: 'Boolean' },
			// Newer model: minimum resolution of the transcoded pages ("1280x720"), TranscodeType 1 only.
			MinScaleResolution: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			checkNewDocument(ctx.params);
			return { DocumentId: storeDocument(ctx, app).DocumentId };
		},
	},

	DescribeDocument: {
		params: { DocumentId: { type: 'String', required: true } },
		handler(ctx) {
			const info = documentInfo(documentOf(ownApp(ctx), ctx.params.DocumentId), ctx.clock.now());
			// DescribeDocument's response is DocumentInfo without the static-transcoding picture fields.
			for (const key of ['Width', 'Height', 'Cover']) delete info[key];
			return info;
		},
	},

	DescribeDocuments: {
		// The reference names the application SchoolId (its value is the SdkAppId), and only that:
		// a client sending SdkAppId here gets UnknownParameter, as from Tencent.
		params: {
			SchoolId: { type: 'Integer', required: true },
			...QUERY_FILTER_PARAMS,
		},
		handler(ctx) {
			return queryDocuments(ctx, appOf(ctx, ctx.params.SchoolId));
		},
	},

	BatchDescribeDocument: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			...QUERY_FILTER_PARAMS,
		},
		handler(ctx) {
			return queryDocuments(ctx, appOf(ctx));
		},
	},

	DeleteDocument: {
		params: { DocumentId: { type: 'String', required: true } },
		handler(ctx) {
			const app = ownApp(ctx);
			const doc = documentOf(app, ctx.params.DocumentId);
			app.documents.delete(doc.DocumentId);
			// A deleted document leaves every room it was bound to.
			for (const room of app.rooms.values()) unbind(room, doc.DocumentId);
			return {};
		},
	},

	BindDocumentToRoom: {
		params: {
			RoomId: { type: 'Integer', required: true },
			DocumentId: { type: 'String', required: true },
			BindType: { type: 'Integer' },
		},
		handler(ctx) {
			const app = ownApp(ctx);
			const room = roomOf(ctx, app);
			const doc = documentOf(app, ctx.params.DocumentId);
			// Binding again only updates the BindType.
			room.documentIds.add(doc.DocumentId);
			bindTypes(room)[doc.DocumentId] = Number(ctx.params.BindType ?? 0);
			return {};
		},
	},

	UnbindDocumentFromRoom: {
		params: {
			RoomId: { type: 'Integer', required: true },
			DocumentId: { type: 'String', required: true },
		},
		handler(ctx) {
			const app = ownApp(ctx);
			const room = roomOf(ctx, app);
			const doc = documentOf(app, ctx.params.DocumentId);
			// Unbinding a document that is not bound is a no-op: the wanted end state already holds.
			unbind(room, doc.DocumentId);
			return {};
		},
	},

	DescribeDocumentsByRoom: {
		params: {
			RoomId: { type: 'Integer', required: true },
			SdkAppId: { type: 'Integer', required: true },
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
			Permission: { type: 'Array of Integer' },
			Owner: { type: 'String' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const room = roomOf(ctx, app);
			const docs = [...room.documentIds]
				.map((id) => app.documents.get(id))
				.filter((doc): doc is Document => doc !== undefined);
			// Permission defaults to [2]; an empty list counts as not given.
			const requested = ctx.params.Permission as number[] | undefined;
			const permission = requested && requested.length > 0 ? requested : [2];
			return listPage(ctx, docs, permission, ROOM_PAGING);
		},
	},
};
