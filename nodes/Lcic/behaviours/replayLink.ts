import type { IDataObject } from 'n8n-workflow';

import type { OperationHooks } from '../catalog/hooks';

// Room > Get Replay Link: the replay page of an ended class, as Tencent documents it:
//
//   https://class.qcloudclass.com/playback/index.html?classid=<RoomId>&token=<Token>
//
// (optional `title`), the token from GetPlaybackToken; plus the recording files' URLs that
// DescribeRecord and DescribePlaybackList give, for workflows that store or send the video.

export const REPLAY_PAGE = 'https://class.qcloudclass.com/playback/index.html';

export function replayUrl(roomId: number | string, token: string, title?: string): string {
	const query: Array<[string, string]> = [
		['classid', String(roomId)],
		['token', token],
	];
	if (title) query.push(['title', title]);
	return `${REPLAY_PAGE}?${query.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}

function urlsOf(records: unknown, key: string): string[] {
	if (!Array.isArray(records)) return [];
	return records
		.map((record) => (record as IDataObject)[key])
		.filter((url): url is string => typeof url === 'string' && url !== '');
}

export const replayLink: OperationHooks = {
	async runItem(item) {
		const body = item.body;
		const roomId = Number(body.RoomId);
		const sdkAppId = Number(body.SdkAppId);
		const request: IDataObject = { SdkAppId: sdkAppId, RoomId: roomId };
		if (typeof body.UserId === 'string') request.UserId = body.UserId;
		if (typeof body.ExpireSeconds === 'number') request.ExpireSeconds = body.ExpireSeconds;
		// The token first: it fails with LCIC's reason when the class has not ended or has no
		// recording, before anything else is asked.
		const playback = await item.call('GetPlaybackToken', request);
		const recorded = await item.call('DescribeRecord', { SdkAppId: sdkAppId, RoomId: roomId });
		const listed = await item.list('DescribePlaybackList', { SdkAppId: sdkAppId, RoomId: roomId });
		const title = typeof body.Title === 'string' && body.Title !== '' ? body.Title : undefined;
		const recordUrls = [
			...new Set([...urlsOf(recorded.RecordInfo, 'RecordUrl'), ...urlsOf(listed, 'PlaybackUrl')]),
		];
		const record: IDataObject = {
			RoomId: roomId,
			Url: replayUrl(roomId, String(playback.Token), title),
			// The newest recording (LCIC lists them oldest first); '' for signalling-only replays.
			RecordUrl: recordUrls[recordUrls.length - 1] ?? '',
			RecordUrls: recordUrls,
		};
		const seconds = Number(body.ExpireSeconds ?? 0);
		if (seconds > 0) {
			const expiresAt = Math.floor(Date.now() / 1000) + seconds;
			// Its ISO text in the workflow's time zone comes from the catalog's output.times.
			record.TokenExpiresAt = expiresAt;
		}
		if (playback.RequestId) record.RequestId = playback.RequestId;
		return [record];
	},
};
