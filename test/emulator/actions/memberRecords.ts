// MemberRecord, as DescribeCurrentMemberList and DescribeRoomStatistics show a room member.
import { bans, memberStats, roleOf, type MemberStats } from './roomState';
import type { AppState, Room } from './state';

/** CurrentState: 1 online, 2 offline, 3 kicked (temporarily), 4 permanently kicked. */
function currentState(room: Room, stats: MemberStats): number {
	const member = room.members.get(stats.userId);
	if (member?.online) return 1;
	const bannedUntil = bans(room).get(stats.userId);
	if (bannedUntil === Number.POSITIVE_INFINITY) return 4;
	if (member?.kicked) return 3;
	return 2;
}

export function memberRecord(
	app: AppState,
	room: Room,
	stats: MemberStats,
	now: number,
): Record<string, unknown> {
	const online = room.members.get(stats.userId)?.online === true;
	return {
		UserId: stats.userId,
		UserName: app.users.get(stats.userId)?.Name ?? stats.userId,
		PresentTime:
			stats.presentSeconds +
			(online && stats.onlineSince !== undefined ? now - stats.onlineSince : 0),
		Camera: stats.camera ? 1 : 0,
		Mic: stats.mic ? 1 : 0,
		Silence: 0,
		AnswerQuestions: room.answers.filter((a) => a.UserId === stats.userId).length,
		HandUps: 0,
		FirstJoinTimestamp: stats.firstJoin,
		LastQuitTimestamp: stats.lastQuit ?? 0,
		Rewords: 0,
		IPAddress: '',
		Location: '',
		Device: stats.device,
		PerMemberMicCount: stats.micCount,
		PerMemberMessageCount: stats.messageCount,
		Role: roleOf(app, room, stats.userId),
		GroupId: typeof room.settings.GroupId === 'string' ? room.settings.GroupId : '',
		SubGroupId: [],
		Stage: stats.mic ? 1 : 0,
		CurrentState: currentState(room, stats),
	};
}

/** Everyone who ever joined the room, in order of first join. */
export function allMembers(room: Room): MemberStats[] {
	return [...memberStats(room).values()];
}
