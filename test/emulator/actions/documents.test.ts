import { TRANSCODE_DONE_SECONDS, TRANSCODE_QUEUE_SECONDS, documentActions } from './documents';
import { ACCOUNT, OTHER_ACCOUNT, T0, directEmulator, type DirectEmulator } from './direct';

const SDK = ACCOUNT.sdkAppId;

function createDocument(h: DirectEmulator, extra: Record<string, unknown> = {}): string {
	const out = h.call('CreateDocument', {
		SdkAppId: SDK,
		DocumentUrl: 'https://example.com/slides.pdf',
		DocumentName: 'Slides',
		Owner: 'teacher',
		...extra,
	});
	return String(out.DocumentId);
}

function documentsOf(out: Record<string, unknown>): string[] {
	return (out.Documents as Array<Record<string, unknown>>).map((doc) => String(doc.DocumentId));
}

describe('CreateDocument and DescribeDocument', () => {
	it('stores a document and describes it with the reference fields', () => {
		const h = directEmulator();
		const id = createDocument(h, {
			Permission: 1,
			DocumentType: 'pdf',
			DocumentSize: 250_000,
			AutoHandleUnsupportedElement: true,
		});
		expect(id).toMatch(/^[a-z]{8}$/);
		expect(h.call('DescribeDocument', { DocumentId: id })).toEqual({
			DocumentId: id,
			DocumentUrl: 'https://example.com/slides.pdf',
			DocumentName: 'Slides',
			Owner: 'teacher',
			SdkAppId: SDK,
			Permission: 1,
			TranscodeType: 0,
			DocumentType: 'pdf',
			DocumentSize: 250_000,
			MinScaleResolution: '',
			TranscodeState: 0,
			TranscodeProgress: 0,
			TranscodeResult: '',
			TranscodeInfo: '',
			Pages: 0,
			Preview: 'https://example.com/slides.pdf',
			Resolution: '',
			UpdateTime: T0,
		});
		expect(h.app.documents.get(id)?.extra.AutoHandleUnsupportedElement).toBe(true);
	});

	it('gives unique IDs across applications', () => {
		const h = directEmulator();
		const ids = new Set([createDocument(h), createDocument(h)]);
		ids.add(
			String(
				h.call(
					'CreateDocument',
					{
						SdkAppId: OTHER_ACCOUNT.sdkAppId,
						DocumentUrl: 'https://x/a.pdf',
						DocumentName: 'A',
						Owner: 'o',
					},
					OTHER_ACCOUNT,
				).DocumentId,
			),
		);
		expect(ids.size).toBe(3);
	});

	it('advances transcoding with the emulator clock: queued, running, finished', () => {
		const h = directEmulator();
		const id = createDocument(h, {
			TranscodeType: 1,
			DocumentSize: 250_000,
			MinScaleResolution: '1920x1080',
		});
		const view = () => h.call('DescribeDocument', { DocumentId: id });
		expect(view()).toMatchObject({ TranscodeState: 0, TranscodeProgress: 0, TranscodeResult: '' });
		h.clock.advance(TRANSCODE_QUEUE_SECONDS);
		expect(view()).toMatchObject({ TranscodeState: 1, TranscodeProgress: 0 });
		h.clock.advance((TRANSCODE_DONE_SECONDS - TRANSCODE_QUEUE_SECONDS) / 2);
		expect(view()).toMatchObject({ TranscodeState: 1, TranscodeProgress: 50 });
		h.clock.advance(TRANSCODE_DONE_SECONDS);
		expect(view()).toMatchObject({
			TranscodeState: 3,
			TranscodeProgress: 100,
			TranscodeResult: expect.stringMatching(/\/picture\/$/),
			Pages: 3,
			Resolution: '1920x1080',
			MinScaleResolution: '1920x1080',
			UpdateTime: T0 + TRANSCODE_DONE_SECONDS,
		});
		// The list view carries the static-transcoding picture fields too.
		const [info] = h.call('BatchDescribeDocument', {
			SdkAppId: SDK,
			Page: 1,
			Limit: 10,
			Permission: [2],
		}).Documents as Array<Record<string, unknown>>;
		expect(info).toMatchObject({
			Width: 1920,
			Height: 1080,
			Cover: expect.stringMatching(/^https:\/\//),
		});
	});

	it('transcodes slides dynamically and fails files that do not fit the TranscodeType', () => {
		const h = directEmulator();
		const slides = createDocument(h, { TranscodeType: 1, DocumentUrl: 'https://x/deck.PPTX?v=2' });
		const video = createDocument(h, { TranscodeType: 1, DocumentUrl: 'https://x/clip.mp4' });
		h.clock.advance(TRANSCODE_DONE_SECONDS);
		expect(h.call('DescribeDocument', { DocumentId: slides })).toMatchObject({
			TranscodeState: 3,
			TranscodeResult: expect.stringMatching(/\/h5\/index\.html$/),
		});
		expect(h.call('DescribeDocument', { DocumentId: video })).toMatchObject({
			TranscodeState: 2,
			TranscodeResult: 'FailedOperation',
			TranscodeInfo: expect.stringContaining('mp4'),
		});
	});

	it('rejects bad values with InvalidParameterValue', () => {
		const h = directEmulator();
		expect(
			h.errorOf('CreateDocument', {
				SdkAppId: SDK,
				DocumentUrl: 'ftp://x/a.pdf',
				DocumentName: 'A',
				Owner: 'o',
			}),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('CreateDocument', {
				SdkAppId: SDK,
				DocumentUrl: 'https://x/a.pdf',
				DocumentName: '',
				Owner: 'o',
			}),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('CreateDocument', {
				SdkAppId: SDK,
				DocumentUrl: 'https://x/a.pdf',
				DocumentName: 'A',
				Owner: 'o',
				TranscodeType: 4,
			}),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('CreateDocument', {
				SdkAppId: SDK,
				DocumentUrl: 'https://x/a.pdf',
				DocumentName: 'A',
				Owner: 'o',
				Permission: 2,
			}),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('CreateDocument', {
				SdkAppId: SDK,
				DocumentUrl: 'https://x/a.pdf',
				DocumentName: 'A',
				Owner: 'o',
				DocumentSize: -1,
			}),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('CreateDocument', {
				SdkAppId: OTHER_ACCOUNT.sdkAppId,
				DocumentUrl: 'https://x/a.pdf',
				DocumentName: 'A',
				Owner: 'o',
			}),
		).toBe('InvalidParameter.SdkAppId');
		expect(h.errorOf('DescribeDocument', { DocumentId: 'nope' })).toBe('ResourceNotFound.Document');
		expect(h.app.documents.size).toBe(0);
	});
});

describe('document queries', () => {
	function library(h: DirectEmulator) {
		return {
			annPrivate: createDocument(h, { Owner: 'ann', DocumentName: 'Algebra notes', Permission: 0 }),
			annPublic: createDocument(h, { Owner: 'ann', DocumentName: 'Algebra slides', Permission: 1 }),
			bobPrivate: createDocument(h, { Owner: 'bob', DocumentName: 'Biology notes', Permission: 0 }),
			bobPublic: createDocument(h, { Owner: 'bob', DocumentName: 'Biology slides', Permission: 1 }),
		};
	}

	it('filters by Permission and Owner as the reference describes', () => {
		const h = directEmulator();
		const d = library(h);
		const query = (extra: Record<string, unknown>) =>
			documentsOf(
				h.call('BatchDescribeDocument', { SdkAppId: SDK, Page: 1, Limit: 100, ...extra }),
			);
		expect(query({ Permission: [0], Owner: 'ann' })).toEqual([d.annPrivate]);
		expect(query({ Permission: [1], Owner: 'ann' })).toEqual([d.annPublic]);
		expect(query({ Permission: [0, 1], Owner: 'ann' })).toEqual([d.annPrivate, d.annPublic]);
		expect(query({ Permission: [2], Owner: 'ann' })).toEqual([
			d.annPrivate,
			d.annPublic,
			d.bobPublic,
		]);
		// Without an Owner every document of the application takes part.
		expect(query({ Permission: [0] })).toEqual([d.annPrivate, d.bobPrivate]);
		expect(query({ Permission: [0, 1] })).toHaveLength(4);
		expect(
			h.errorOf('BatchDescribeDocument', { SdkAppId: SDK, Page: 1, Limit: 10, Permission: [3] }),
		).toBe('InvalidParameterValue');
		expect(
			h.errorOf('BatchDescribeDocument', { SdkAppId: SDK, Page: 1, Limit: 10, Permission: [] }),
		).toBe('InvalidParameterValue');
	});

	it('searches by keyword and ID list, and pages with Total', () => {
		const h = directEmulator();
		const d = library(h);
		const base = { Page: 1, Limit: 100, Permission: [0, 1] };
		expect(
			documentsOf(h.call('DescribeDocuments', { SchoolId: SDK, ...base, Keyword: 'BIOLOGY' })),
		).toEqual([d.bobPrivate, d.bobPublic]);
		expect(
			documentsOf(
				h.call('DescribeDocuments', {
					SchoolId: SDK,
					...base,
					DocumentId: [d.bobPublic, 'missing', d.annPrivate],
				}),
			),
		).toEqual([d.annPrivate, d.bobPublic]);
		const second = h.call('BatchDescribeDocument', { SdkAppId: SDK, ...base, Page: 2, Limit: 3 });
		expect(second.Total).toBe(4);
		expect(documentsOf(second)).toEqual([d.bobPublic]);
		expect(h.errorOf('DescribeDocuments', { SchoolId: OTHER_ACCOUNT.sdkAppId, ...base })).toBe(
			'InvalidParameter.SdkAppId',
		);
		expect(h.errorOf('DescribeDocuments', { SchoolId: SDK, ...base, Limit: 1001 })).toBe(
			'InvalidParameterValue',
		);
		expect(h.errorOf('BatchDescribeDocument', { SdkAppId: SDK, ...base, Page: 0 })).toBe(
			'InvalidParameterValue',
		);
	});

	it('declares SchoolId, as the reference names it, and not SdkAppId for DescribeDocuments', () => {
		expect(Object.keys(documentActions.DescribeDocuments.params).sort()).toEqual([
			'DocumentId',
			'Keyword',
			'Limit',
			'Owner',
			'Page',
			'Permission',
			'SchoolId',
		]);
		expect(documentActions.DescribeDocuments.params.SchoolId.required).toBe(true);
		expect(documentActions.BatchDescribeDocument.params.Permission.required).toBe(true);
		expect(documentActions.DescribeDocumentsByRoom.params.Permission.required).toBeUndefined();
		expect(Object.keys(documentActions)).toHaveLength(8);
	});
});

describe('documents and rooms', () => {
	it('binds, lists per room, and unbinds', () => {
		const h = directEmulator();
		const roomId = h.room();
		const a = createDocument(h, { Owner: 'ann', Permission: 0 });
		const b = createDocument(h, { Owner: 'bob', Permission: 1 });
		const c = createDocument(h, { Owner: 'bob', Permission: 0 });
		h.call('BindDocumentToRoom', { RoomId: roomId, DocumentId: b, BindType: 1 });
		h.call('BindDocumentToRoom', { RoomId: roomId, DocumentId: a });
		h.call('BindDocumentToRoom', { RoomId: roomId, DocumentId: c });
		h.call('BindDocumentToRoom', { RoomId: roomId, DocumentId: a });
		const room = h.app.rooms.get(roomId);
		expect([...(room?.documentIds ?? [])]).toEqual([b, a, c]);
		expect(room?.extra.documentBindTypes).toEqual({ [b]: 1, [a]: 0, [c]: 0 });

		const byRoom = (extra: Record<string, unknown> = {}) =>
			h.call('DescribeDocumentsByRoom', { RoomId: roomId, SdkAppId: SDK, ...extra });
		expect(byRoom()).toMatchObject({ Total: 3 });
		expect(documentsOf(byRoom({ Permission: [2], Owner: 'ann' }))).toEqual([b, a]);
		expect(documentsOf(byRoom({ Permission: [0], Owner: 'bob' }))).toEqual([c]);
		expect(documentsOf(byRoom({ Page: 2, Limit: 2 }))).toEqual([c]);
		expect(
			h.errorOf('DescribeDocumentsByRoom', { RoomId: roomId, SdkAppId: SDK, Limit: 1001 }),
		).toBe('InvalidParameterValue');

		h.call('UnbindDocumentFromRoom', { RoomId: roomId, DocumentId: b });
		h.call('UnbindDocumentFromRoom', { RoomId: roomId, DocumentId: b });
		expect(documentsOf(byRoom())).toEqual([a, c]);
		expect(room?.extra.documentBindTypes).toEqual({ [a]: 0, [c]: 0 });
	});

	it('answers the reference codes for unknown rooms and documents', () => {
		const h = directEmulator();
		const roomId = h.room();
		const doc = createDocument(h);
		expect(h.errorOf('BindDocumentToRoom', { RoomId: 1, DocumentId: doc })).toBe(
			'ResourceNotFound.Room',
		);
		expect(h.errorOf('BindDocumentToRoom', { RoomId: roomId, DocumentId: 'nope' })).toBe(
			'ResourceNotFound.Document',
		);
		expect(h.errorOf('UnbindDocumentFromRoom', { RoomId: 1, DocumentId: doc })).toBe(
			'ResourceNotFound.Room',
		);
		expect(h.errorOf('UnbindDocumentFromRoom', { RoomId: roomId, DocumentId: 'nope' })).toBe(
			'ResourceNotFound.Document',
		);
		expect(h.errorOf('DescribeDocumentsByRoom', { RoomId: 1, SdkAppId: SDK })).toBe(
			'ResourceNotFound.Room',
		);
		// Another account sees neither this room nor this document.
		expect(
			h.errorOf('BindDocumentToRoom', { RoomId: roomId, DocumentId: doc }, OTHER_ACCOUNT),
		).toBe('ResourceNotFound.Room');
		expect(h.errorOf('DescribeDocument', { DocumentId: doc }, OTHER_ACCOUNT)).toBe(
			'ResourceNotFound.Document',
		);
	});

	it('deletes a document and unbinds it from every room', () => {
		const h = directEmulator();
		const rooms = [h.room(), h.room()];
		const doc = createDocument(h);
		const kept = createDocument(h);
		for (const RoomId of rooms) {
			h.call('BindDocumentToRoom', { RoomId, DocumentId: doc, BindType: 1 });
			h.call('BindDocumentToRoom', { RoomId, DocumentId: kept });
		}
		h.call('DeleteDocument', { DocumentId: doc });
		expect(h.app.documents.has(doc)).toBe(false);
		for (const RoomId of rooms) {
			expect([...(h.app.rooms.get(RoomId)?.documentIds ?? [])]).toEqual([kept]);
			expect(h.app.rooms.get(RoomId)?.extra.documentBindTypes).toEqual({ [kept]: 0 });
		}
		expect(h.errorOf('DeleteDocument', { DocumentId: doc })).toBe('ResourceNotFound.Document');
		expect(h.errorOf('DescribeDocument', { DocumentId: doc })).toBe('ResourceNotFound.Document');
	});
});
