// Request parameters of the room actions, as Tencent's current model (lcic_models.d.ts) lists
// them: a superset of the English reference, because the node sends the newer ones too.
// CreateRoom and BatchCreateRoom's RoomInfo share one list; the server checks top-level
// parameters, so this file also checks the objects inside RoomInfos itself.
import type { ParamSpec, ParamType } from '../types';
import { fail } from './common';

/** Room settings every room creation accepts (RoomInfo without the required core). */
const OPTIONAL_ROOM_SETTINGS: Record<string, ParamSpec> = {
	TeacherId: { type: 'String' },
	AutoMic: { type: 'Integer' },
	TurnOffMic: { type: 'Integer' },
	AudioQuality: { type: 'Integer' },
	DisableRecord: { type: 'Integer' },
	Assistants: { type: 'Array of String' },
	RTCAudienceNumber: { type: 'Integer' },
	AudienceType: { type: 'Integer' },
	RecordLayout: { type: 'Integer' },
	GroupId: { type: 'String' },
	EnableDirectControl: { type: 'Integer' },
	InteractionMode: { type: 'Integer' },
	VideoOrientation: { type: 'Integer' },
	IsGradingRequiredPostClass: { type: 'Integer' },
	RoomType: { type: 'Integer' },
	Guests: { type: 'Array of String' },
	EndDelayTime: { type: 'Integer' },
	LiveType: { type: 'Integer' },
	RecordLiveUrl: { type: 'String' },
	EnableAutoStart: { type: 'Integer' },
	RecordBackground: { type: 'String' },
	RecordScene: { type: 'String' },
	RecordLang: { type: 'String' },
	RecordStream: { type: 'Integer' },
	WhiteBoardSnapshotMode: { type: 'Integer' },
	SubtitlesTranscription: { type: 'Integer' },
	RecordMerge: { type: 'Integer' },
	EnableLiveRelay: { type: 'Integer' },
};

/** One RoomInfo of BatchCreateRoom. */
export const ROOM_INFO_PARAMS: Record<string, ParamSpec> = {
	Name: { type: 'String', required: true },
	StartTime: { type: 'Integer', required: true },
	EndTime: { type: 'Integer', required: true },
	Resolution: { type: 'Integer', required: true },
	MaxMicNumber: { type: 'Integer', required: true },
	SubType: { type: 'String', required: true },
	...OPTIONAL_ROOM_SETTINGS,
};

export const CREATE_ROOM_PARAMS: Record<string, ParamSpec> = {
	...ROOM_INFO_PARAMS,
	SdkAppId: { type: 'Integer', required: true },
};

export const MODIFY_ROOM_PARAMS: Record<string, ParamSpec> = {
	RoomId: { type: 'Integer', required: true },
	SdkAppId: { type: 'Integer', required: true },
	StartTime: { type: 'Integer' },
	EndTime: { type: 'Integer' },
	TeacherId: { type: 'String' },
	Name: { type: 'String' },
	Resolution: { type: 'Integer' },
	MaxMicNumber: { type: 'Integer' },
	AutoMic: { type: 'Integer' },
	AudioQuality: { type: 'Integer' },
	SubType: { type: 'String' },
	DisableRecord: { type: 'Integer' },
	Assistants: { type: 'Array of String' },
	GroupId: { type: 'String' },
	EnableDirectControl: { type: 'Integer' },
	InteractionMode: { type: 'Integer' },
	VideoOrientation: { type: 'Integer' },
	IsGradingRequiredPostClass: { type: 'Integer' },
	RoomType: { type: 'Integer' },
	RecordLayout: { type: 'Integer' },
	EndDelayTime: { type: 'Integer' },
	LiveType: { type: 'Integer' },
	RecordLiveUrl: { type: 'String' },
	EnableAutoStart: { type: 'Integer' },
	RecordScene: { type: 'String' },
	RecordLang: { type: 'String' },
	WhiteBoardSnapshotMode: { type: 'Integer' },
	SubtitlesTranscription: { type: 'Integer' },
	Guests: { type: 'Array of String' },
	RecordMerge: { type: 'Integer' },
	EnableLiveRelay: { type: 'Integer' },
};

/**
 * ModifyRoom fields the model says cannot change once the class has started
 * ("直播开始后不允许修改" / "仅可修改还未开始的房间").
 */
export const LOCKED_AFTER_START = [
	'StartTime',
	'EndTime',
	'TeacherId',
	'Resolution',
	'MaxMicNumber',
	'AutoMic',
	'AudioQuality',
	'SubType',
	'Assistants',
	'GroupId',
	'EnableDirectControl',
	'RecordLayout',
];

function hasType(value: unknown, type: ParamType): boolean {
	switch (type) {
		case 'String':
			return typeof value === 'string';
		case 'Integer':
			return typeof value === 'number' && Number.isInteger(value);
		case 'Float':
			return typeof value === 'number' && Number.isFinite(value);
		case 'Boolean':
			return typeof value === 'boolean';
		case 'Array of String':
			return Array.isArray(value) && value.every((v) => typeof v === 'string');
		case 'Array of Integer':
			return (
				Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v))
			);
		case 'Object':
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		case 'Array of Object':
			return (
				Array.isArray(value) &&
				value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
			);
	}
}

/**
 * Checks an object nested in a request (e.g. RoomInfos.0) the way the server checks the
 * top level: MissingParameter, UnknownParameter, InvalidParameter on a wrong type.
 */
export function checkNested(
	value: unknown,
	spec: Record<string, ParamSpec>,
	path: string,
): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		fail('InvalidParameter', `${path} must be an object.`);
	}
	const obj = value as Record<string, unknown>;
	for (const key of Object.keys(obj)) {
		if (!(key in spec)) fail('UnknownParameter', `The parameter ${path}.${key} is not recognized.`);
	}
	for (const [key, s] of Object.entries(spec)) {
		const v = obj[key];
		if (v === undefined || v === null) {
			if (s.required)
				fail('MissingParameter', `The request is missing a required parameter ${path}.${key}.`);
			continue;
		}
		if (!hasType(v, s.type)) fail('InvalidParameter', `${path}.${key} must be of type ${s.type}.`);
	}
	return obj;
}
