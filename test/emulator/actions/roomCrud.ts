// Creating, reading, changing and deleting rooms.
import type { ActionTable } from '../types';
import { appOf, fail, stateOf } from './common';
import {
	CREATE_ROOM_PARAMS,
	LOCKED_AFTER_START,
	MODIFY_ROOM_PARAMS,
	ROOM_INFO_PARAMS,
	checkNested,
} from './roomParams';
import { checkSettings, checkTimes } from './roomRules';
import { assertNotOver, ownApp, roomOf } from './roomState';
import { describeRoom } from './roomViews';
import type { AppState, EmulatorState, Room } from './state';

/** Everything but the core fields goes to room.settings, as given. */
const CORE_FIELDS = new Set(['Name', 'StartTime', 'EndTime', 'TeacherId', 'SdkAppId', 'RoomId']);

function settingsOf(values: Record<string, unknown>): Record<string, unknown> {
	const settings: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) {
		if (!CORE_FIELDS.has(key) && value !== undefined && value !== null) settings[key] = value;
	}
	return settings;
}

/** Validates one room's values; throws before anything is stored (codes: see checkSettings). */
function checkNewRoom(
	app: AppState,
	values: Record<string, unknown>,
	now: number,
	roomTypeCode = 'InvalidParameter.RoomTypeInvalid',
	missingGroupCode = 'ResourceNotFound.GroupNotExist',
): void {
	checkTimes(Number(values.StartTime), Number(values.EndTime), now, { start: true, end: true });
	checkSettings(app, values, Number(values.RoomType ?? 0), roomTypeCode, missingGroupCode);
}

/** Stores a new, not yet started room (values already checked); tests and benchmarks use it too. */
export function storeRoom(
	state: EmulatorState,
	app: AppState,
	values: Record<string, unknown>,
): Room {
	const room: Room = {
		RoomId: state.nextId('room'),
		SdkAppId: app.SdkAppId,
		Name: String(values.Name),
		StartTime: Number(values.StartTime),
		EndTime: Number(values.EndTime),
		TeacherId:
			typeof values.TeacherId === 'string' && values.TeacherId !== ''
				? values.TeacherId
				: undefined,
		settings: settingsOf(values),
		status: 0,
		events: [],
		messages: [],
		members: new Map(),
		documentIds: new Set(),
		supervisorIds: new Set(),
		questions: [],
		answers: [],
		extra: {},
	};
	app.rooms.set(room.RoomId, room);
	return room;
}

export const roomCrudActions: ActionTable = {
	CreateRoom: {
		params: CREATE_ROOM_PARAMS,
		handler(ctx) {
			const app = appOf(ctx);
			checkNewRoom(app, ctx.params, ctx.clock.now());
			return { RoomId: storeRoom(stateOf(ctx), app, ctx.params).RoomId };
		},
	},

	BatchCreateRoom: {
		params: {
			SdkAppId: { type: 'Integer', required: true },
			RoomInfos: { type: 'Array of Object', required: true },
		},
		handler(ctx) {
			const app = appOf(ctx);
			const infos = ctx.params.RoomInfos as unknown[];
			if (infos.length === 0) fail('InvalidParameterValue', 'RoomInfos must not be empty.');
			// All rooms are checked before any is created: the batch succeeds or fails as a whole.
			const checked = infos.map((info, i) => checkNested(info, ROOM_INFO_PARAMS, `RoomInfos.${i}`));
			for (const values of checked)
				checkNewRoom(app, values, ctx.clock.now(), 'InvalidParameterValue', 'ResourceNotFound');
			return { RoomIds: checked.map((values) => storeRoom(stateOf(ctx), app, values).RoomId) };
		},
	},

	DescribeRoom: {
		params: {
			RoomId: { type: 'Integer', required: true },
			RTMPStreamingURL: { type: 'Integer' },
		},
		rateLimit: 50,
		handler(ctx) {
			const app = ownApp(ctx);
			return describeRoom(app, roomOf(ctx, app), ctx.params.RTMPStreamingURL === 1);
		},
	},

	ModifyRoom: {
		params: MODIFY_ROOM_PARAMS,
		handler(ctx) {
			const app = appOf(ctx);
			const room = roomOf(ctx, app);
			assertNotOver(room);
			const changes = Object.fromEntries(
				Object.entries(ctx.params).filter(
					([key, v]) => key !== 'RoomId' && key !== 'SdkAppId' && v !== undefined && v !== null,
				),
			);
			if (room.status === 1) {
				const locked = Object.keys(changes).filter((key) => LOCKED_AFTER_START.includes(key));
				if (locked.length)
					fail(
						'FailedOperation.ClassStarted',
						`The class has already started; ${locked.join(', ')} can no longer be changed.`,
					);
			}
			const start = changes.StartTime === undefined ? room.StartTime : Number(changes.StartTime);
			const end = changes.EndTime === undefined ? room.EndTime : Number(changes.EndTime);
			if (changes.StartTime !== undefined || changes.EndTime !== undefined) {
				checkTimes(start, end, ctx.clock.now(), {
					start: changes.StartTime !== undefined,
					end: changes.EndTime !== undefined,
				});
			}
			const roomType = Number(changes.RoomType ?? room.settings.RoomType ?? 0);
			checkSettings(
				app,
				{ MaxMicNumber: room.settings.MaxMicNumber, ...changes },
				roomType,
				'InvalidParameterValue',
				'InvalidParameterValue',
			);
			// The model: a simulated live (LiveType 1) may become regular, never the other way.
			if (changes.LiveType === 1 && Number(room.settings.LiveType ?? 0) === 0) {
				fail(
					'InvalidParameterValue',
					'A regular room cannot be changed into a simulated live (LiveType 1).',
				);
			}
			if (typeof changes.Name === 'string') room.Name = changes.Name;
			room.StartTime = start;
			room.EndTime = end;
			if (typeof changes.TeacherId === 'string')
				room.TeacherId = changes.TeacherId === '' ? undefined : changes.TeacherId;
			Object.assign(room.settings, settingsOf(changes));
			return {};
		},
	},

	DeleteRoom: {
		params: { RoomId: { type: 'Integer', required: true } },
		handler(ctx) {
			const app = ownApp(ctx);
			const room = roomOf(ctx, app);
			if (room.status === 1)
				fail(
					'FailedOperation.ClassStarted',
					`The class in room ${room.RoomId} is in progress; end it first.`,
				);
			app.rooms.delete(room.RoomId);
			return {};
		},
	},
};
