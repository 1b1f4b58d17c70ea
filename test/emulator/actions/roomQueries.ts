// Read-only room queries: the room list, members, statistics, messages and quizzes.
import type { ActionTable } from '../types';
import { appOf, fail, page } from './common';
import { allMembers, memberRecord } from './memberRecords';
import { assertNotOver, ownApp, refreshRoom, roomOf } from './roomState';
import { roomItem } from './roomViews';
import type { AppState, Room, RoomMessage } from './state';

/** Room messages are retained for seven days (reference). */
const MESSAGE_RETENTION_SECONDS = 7 * 24 * 3600;
/** GetRooms' default window is the current time plus or minus half an hour. */
const GET_ROOMS_WINDOW = 1800;
const MEMBER_PAGING = { page: 1, limit: 20, maxLimit: 1000 };
const QUIZ_PAGING = { page: 1, limit: 100, maxLimit: 1000 };

function messageList(message: RoomMessage): Record<string, unknown> {
	const item: Record<string, unknown> = { MessageType: message.MessageType };
	if (message.MessageType === 1) item.ImageMessage = message.ImageUrl ?? '';
	else item.TextMessage = message.Text ?? '';
	return {
		Timestamp: message.Timestamp,
		FromAccount: message.FromUserId,
		Seq: message.Seq,
		MessageBody: message.body ?? [item],
	};
}

/** QuestionInfo with AnswerStats per option bit: how many answers chose that option. */
function questionInfo(room: Room, question: Record<string, unknown>): Record<string, unknown> {
	const answers = room.answers.filter((a) => a.QuestionId === question.QuestionId);
	const optionCount = Number(question.OptionCount ?? 4);
	const stats = Array.from({ length: optionCount }, (_, i) => {
		const bit = 1 << i;
		return { Answer: bit, Count: answers.filter((a) => (Number(a.Answer) & bit) !== 0).length };
	});
	return {
		QuestionId: question.QuestionId,
		QuestionContent: question.QuestionContent ?? '',
		Duration: question.Duration ?? 0,
		CorrectAnswer: question.CorrectAnswer ?? 0,
		AnswerStats: stats,
	};
}

function findQuestion(app: AppState, questionId: string): Room {
	for (const room of app.rooms.values()) {
		if (room.questions.some((q) => q.QuestionId === questionId)) return room;
	}
	return fail('ResourceNotFound', `The question ${questionId} does not exist.`);
}

export const roomQueryActions: ActionTable = {
	GetRooms: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			StartTime: { type: 'Integer' },
			EndTime: { type: 'Integer' },
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
			Status: { type: 'Array of Integer' },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const now = ctx.clock.now();
			const from =
				ctx.params.StartTime === undefined ? now - GET_ROOMS_WINDOW : Number(ctx.params.StartTime);
			const to =
				ctx.params.EndTime === undefined ? now + GET_ROOMS_WINDOW : Number(ctx.params.EndTime);
			if (to < from) fail('InvalidParameterValue', 'EndTime must not be earlier than StartTime.');
			const statuses = Array.isArray(ctx.params.Status) ? (ctx.params.Status as number[]) : [];
			for (const s of statuses) {
				if (![0, 1, 2, 3].includes(s))
					fail('InvalidParameterValue', `Status must be 0, 1, 2 or 3, got ${s}.`);
			}
			const rooms = [...app.rooms.values()]
				.map((room) => refreshRoom(room, now))
				.filter((room) => room.StartTime <= to && room.EndTime >= from)
				.filter((room) => statuses.length === 0 || statuses.includes(room.status))
				.sort((a, b) => a.StartTime - b.StartTime || a.RoomId - b.RoomId);
			const shown = page(rooms, ctx.params.Page, ctx.params.Limit, {
				page: 1,
				limit: 10,
				maxLimit: 100,
			});
			return { Total: rooms.length, Rooms: shown.map((room) => roomItem(app, room)) };
		},
	},

	DescribeCurrentMemberList: {
		params: {
			RoomId: { type: 'Integer', required: true },
			Page: { type: 'Integer', required: true },
			Limit: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = ownApp(ctx);
			const room = roomOf(ctx, app);
			assertNotOver(room);
			const online = allMembers(room).filter((m) => room.members.get(m.userId)?.online);
			const shown = page(online, ctx.params.Page, ctx.params.Limit, MEMBER_PAGING);
			return {
				Total: online.length,
				MemberRecords: shown.map((m) => memberRecord(app, room, m, ctx.clock.now())),
			};
		},
	},

	DescribeRoomStatistics: {
		params: {
			RoomId: { type: 'Integer', required: true },
			Page: { type: 'Integer', required: true },
			Limit: { type: 'Integer', required: true },
		},
		handler(ctx) {
			const app = ownApp(ctx);
			const room = roomOf(ctx, app);
			// Statistics exist only once the class is over (an expired room simply has none).
			if (room.status === 0 || room.status === 1)
				fail('FailedOperation.RoomNotEnd', `The class in room ${room.RoomId} has not ended.`);
			const members = allMembers(room);
			const shown = page(members, ctx.params.Page, ctx.params.Limit, MEMBER_PAGING);
			return {
				PeakMemberNumber: Number(room.extra.peakMembers ?? 0),
				MemberNumber: members.length,
				Total: members.length,
				MemberRecords: shown.map((m) => memberRecord(app, room, m, ctx.clock.now())),
				RealStartTime: room.realStartTime ?? 0,
				RealEndTime: room.realEndTime ?? 0,
				MessageCount: room.messages.length,
				MicCount: members.filter((m) => m.micCount > 0 && room.TeacherId !== m.userId).length,
			};
		},
	},

	GetRoomMessage: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomId: { type: 'Integer', required: true },
			Seq: { type: 'Integer' },
			Limit: { type: 'Integer' },
			// The requesting user; it does not filter the history.
			UserId: { type: 'String' },
		},
		handler(ctx) {
			const room = roomOf(ctx, appOf(ctx));
			const now = ctx.clock.now();
			const seq = Number(ctx.params.Seq ?? 0);
			const limit = ctx.params.Limit === undefined ? undefined : Number(ctx.params.Limit);
			if (limit !== undefined && limit < 1)
				fail('InvalidParameterValue', 'Limit must be at least 1.');
			// Seq 0 (or none) means "from the newest"; otherwise strictly older than Seq.
			const older = room.messages.filter(
				(m) => (seq > 0 ? m.Seq < seq : true) && now - m.Timestamp <= MESSAGE_RETENTION_SECONDS,
			);
			const shown = limit === undefined ? older : older.slice(Math.max(0, older.length - limit));
			return { Messages: shown.map(messageList) };
		},
	},

	DescribeQuestionList: {
		params: {
			RoomId: { type: 'Integer', required: true },
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
		},
		handler(ctx) {
			// Its error table lists ResourceNotFound, not ResourceNotFound.Room.
			const room = roomOf(ctx, ownApp(ctx), ctx.params.RoomId, 'ResourceNotFound');
			const shown = page(room.questions, ctx.params.Page, ctx.params.Limit, QUIZ_PAGING);
			return {
				Total: room.questions.length,
				QuestionInfo: shown.map((q) => questionInfo(room, q)),
			};
		},
	},

	DescribeAnswerList: {
		params: {
			QuestionId: { type: 'String', required: true },
			Page: { type: 'Integer' },
			Limit: { type: 'Integer' },
		},
		handler(ctx) {
			const questionId = String(ctx.params.QuestionId);
			const room = findQuestion(ownApp(ctx), questionId);
			const answers = room.answers.filter((a) => a.QuestionId === questionId);
			const shown = page(answers, ctx.params.Page, ctx.params.Limit, QUIZ_PAGING);
			return {
				Total: answers.length,
				AnswerInfo: shown.map((a) => ({
					Name: a.Name,
					Answer: a.Answer,
					CostTime: a.CostTime,
					UserId: a.UserId,
					IsCorrect: a.IsCorrect,
				})),
			};
		},
	},
};
