import { choice, roomIdField, userIdField } from './fieldKit';
import { byPage } from './paging';
import type { FieldSpec, OperationSpec } from './types';

// Courseware (document) APIs (8 actions). The reference lists the older parameters; Tencent's
// current model (tencentcloud-sdk-nodejs lcic_models.d.ts) adds TranscodeType 3,
// MinScaleResolution and a 200-record page for BatchDescribeDocument.

const documentId = (description: string): FieldSpec => ({
	param: 'DocumentId',
	displayName: 'Document',
	description,
	type: 'document',
	required: true,
});

const PERMISSION = choice(
	'Permission',
	'Permission',
	'Who can use the document (LCIC default: Private)',
	[
		{ name: 'Private', value: 0, description: 'Only its owner' },
		{ name: 'Public', value: 1, description: 'Every user of the application' },
	],
);

const TRANSCODE_TYPE = choice(
	'TranscodeType',
	'Transcoding',
	'How LCIC converts the file for the whiteboard (LCIC default: None)',
	[
		{ name: 'None (Images)', value: 0, description: 'For bmp, jpg, jpeg, png and gif files' },
		{
			name: 'Document',
			value: 1,
			description: 'For ppt, pptx, pdf, doc, docx, xls and xlsx files',
		},
		{
			name: 'Video or Audio',
			value: 2,
			description:
				'For mp4, 3gp, mpeg, avi, flv, wmv, rm, h264, mp3, wav, wma, aac, flac and opus files',
		},
		{
			name: 'Document, Alternative Converter',
			value: 3,
			description: 'Recommended for courseware made with WPS',
		},
	],
);

const MIN_SCALE_RESOLUTION: FieldSpec = {
	param: 'MinScaleResolution',
	displayName: 'Minimum Resolution',
	description:
		'Smallest resolution of the converted document as WIDTHxHEIGHT (Document transcoding only). Left out, the original resolution is kept.',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1280x720',
};

/** Courseware access filter of the list actions (an LCIC Array of Integer, required by LCIC). */
const ACCESS: FieldSpec = {
	param: 'Permission',
	displayName: 'Access',
	description:
		"Which documents to list. Without an owner, Owner's Private and Owner's Public together (the default) list every document of the application.",
	type: 'multiOptions',
	required: true,
	default: [0, 1],
	options: [
		{ name: "Owner's Private Documents", value: 0 },
		{ name: "Owner's Public Documents", value: 1 },
		{ name: "Owner's Private and Everyone's Public Documents", value: 2 },
	],
};

const owner = (description: string): FieldSpec => userIdField('Owner', 'Owner', description);

const KEYWORD: FieldSpec = {
	param: 'Keyword',
	displayName: 'Name Contains',
	description: 'Only documents whose file name contains this text',
	type: 'string',
	default: '',
	placeholder: 'e.g. slides',
};

const DOCUMENT_IDS: FieldSpec = {
	param: 'DocumentId',
	key: 'documentIds',
	displayName: 'Document IDs',
	description: 'Only these documents, comma-separated (IDs that do not exist are ignored)',
	type: 'stringList',
	default: '',
	placeholder: 'e.g. omxxxxsdc, ntxsfrzk',
};

const LIST_FIELDS: FieldSpec[] = [
	ACCESS,
	owner(
		'Only documents of this user. Left out, the documents of the whole application are listed.',
	),
	KEYWORD,
	DOCUMENT_IDS,
];

export const documentOperations: OperationSpec[] = [
	{
		resource: 'document',
		operation: 'create',
		displayName: 'Create',
		action: 'CreateDocument',
		description: 'Create a document (courseware) from a file URL (CreateDocument)',
		sdkAppId: 'required',
		readOnly: false,
		fields: [
			{
				param: 'DocumentUrl',
				displayName: 'Document URL',
				description: 'Where LCIC downloads the file from',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. https://example.com/slides.pptx',
			},
			{
				param: 'DocumentName',
				displayName: 'Document Name',
				description: 'Name shown for the document',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. Lesson 1 Slides',
			},
			userIdField('Owner', 'Owner', 'The user who owns the document', { required: true }),
			TRANSCODE_TYPE,
			PERMISSION,
			{
				param: 'DocumentType',
				displayName: 'File Extension',
				description: 'Extension of the file, without the dot',
				type: 'string',
				default: '',
				placeholder: 'e.g. pptx',
			},
			{
				param: 'DocumentSize',
				displayName: 'File Size (Bytes)',
				description: 'Size of the file in bytes',
				type: 'integer',
				default: 0,
				min: 0,
			},
			{
				param: 'AutoHandleUnsupportedElement',
				displayName: 'Fix Unsupported Elements',
				description:
					'Whether LCIC removes what it cannot show: unsupported ink (such as WPS ink), automatic page turns (pages then turn on click) and references to broken audio or video',
				type: 'boolean',
				default: false,
			},
			MIN_SCALE_RESOLUTION,
		],
		output: { kind: 'response' },
		validate: (body) =>
			typeof body.MinScaleResolution === 'string' && !/^\d+x\d+$/.test(body.MinScaleResolution)
				? `"Minimum Resolution" must look like 1280x720 (got "${body.MinScaleResolution}")`
				: undefined,
	},
	{
		resource: 'document',
		operation: 'get',
		displayName: 'Get',
		action: 'DescribeDocument',
		description: 'Get a document and its transcoding state (DescribeDocument)',
		sdkAppId: 'none',
		readOnly: true,
		fields: [documentId('The document to get')],
		output: { kind: 'response', times: ['UpdateTime'] },
	},
	{
		resource: 'document',
		operation: 'getMany',
		displayName: 'Get Many',
		action: 'BatchDescribeDocument',
		description: 'Get many documents of the application (BatchDescribeDocument)',
		sdkAppId: 'required',
		readOnly: true,
		fields: LIST_FIELDS,
		// The reference allows 1000 per page; Tencent's current model says 200.
		paging: byPage('Documents', 200),
		output: { kind: 'list', key: 'Documents', times: ['UpdateTime'] },
	},
	{
		resource: 'document',
		operation: 'getManyLegacy',
		displayName: 'Get Many (Deprecated)',
		action: 'DescribeDocuments',
		description: 'Get many documents with the deprecated API; prefer Get Many (DescribeDocuments)',
		sdkAppId: 'required',
		// The older action names the application SchoolId.
		sdkAppIdParam: 'SchoolId',
		readOnly: true,
		fields: LIST_FIELDS,
		paging: byPage('Documents', 1000),
		output: { kind: 'list', key: 'Documents', times: ['UpdateTime'] },
	},
	{
		resource: 'document',
		operation: 'getManyByRoom',
		displayName: 'Get Many by Room',
		action: 'DescribeDocumentsByRoom',
		description: 'Get the documents bound to a room (DescribeDocumentsByRoom)',
		sdkAppId: 'required',
		readOnly: true,
		fields: [
			roomIdField('The room whose documents to get'),
			{
				...ACCESS,
				description:
					"Which documents to list (LCIC default: Owner's Private and Everyone's Public Documents)",
			},
			owner('Only documents of this user. Left out, all documents bound to the room are listed.'),
		],
		paging: byPage('Documents', 1000),
		output: { kind: 'list', key: 'Documents', times: ['UpdateTime'] },
	},
	{
		resource: 'document',
		operation: 'bindToRoom',
		displayName: 'Bind to Room',
		action: 'BindDocumentToRoom',
		description: 'Bind a document to a room so it can be used in class (BindDocumentToRoom)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [
			roomIdField('The room to bind the document to'),
			documentId('The document to bind'),
			choice(
				'BindType',
				'Bind Type',
				'Passed on to the clients in the room, which act on it (LCIC default: Bind Only)',
				[
					{ name: 'Bind Only', value: 0, description: 'The document is available in the room' },
					{
						name: 'Bind and Show',
						value: 1,
						description: 'The document is shown when the room opens',
					},
				],
			),
		],
		output: { kind: 'response' },
	},
	{
		resource: 'document',
		operation: 'unbindFromRoom',
		displayName: 'Unbind From Room',
		action: 'UnbindDocumentFromRoom',
		description: 'Unbind a document from a room (UnbindDocumentFromRoom)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [
			roomIdField('The room to unbind the document from'),
			documentId('The document to unbind'),
		],
		output: { kind: 'response' },
	},
	{
		resource: 'document',
		operation: 'delete',
		displayName: 'Delete',
		action: 'DeleteDocument',
		description: 'Delete a document (DeleteDocument)',
		sdkAppId: 'none',
		readOnly: false,
		fields: [documentId('The document to delete')],
		output: { kind: 'response' },
	},
];
