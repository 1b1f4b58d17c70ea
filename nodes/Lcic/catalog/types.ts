import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { PagingSpec } from '../transport/types';
import type { OperationHooks } from './hooks';

// The catalog is data: one OperationSpec per LCIC action. The node's properties
// (description/), the request bodies and checks (params/) and the execution (execute/) are all
// derived from it, so 53 actions do not mean 53 copies of the same code.

export type ResourceKey =
	| 'room'
	| 'user'
	| 'group'
	| 'document'
	| 'record'
	| 'supervisor'
	| 'appConfig'
	| 'developer';

/**
 * How a field is shown and how its value becomes an LCIC parameter.
 * - string, integer, number, boolean: as is (integer is checked to be whole)
 * - flag: an LCIC 0/1 (or small integer) switch shown as named options, so that inverted
 *   switches (TurnOffMic: 1 = mic off) read right
 * - options / multiOptions: named values from `options`
 * - dateTime: ISO text, Luxon DateTime or epoch seconds in; epoch seconds (integer) out
 * - stringList / integerList: a list or comma-separated text in; an array out
 * - json: any JSON value (object or array), as an object or as JSON text
 * - object: an LCIC Object built from `children` (structured), or JSON text
 * - entries: an LCIC Array of Object built from `children` (one row per entry), or JSON text
 * - room / group / document / user: a resource locator (pick from a searchable list or by ID)
 */
export type FieldType =
	| 'string'
	| 'integer'
	| 'number'
	| 'boolean'
	| 'flag'
	| 'options'
	| 'multiOptions'
	| 'dateTime'
	| 'stringList'
	| 'integerList'
	| 'json'
	| 'object'
	| 'entries'
	| 'room'
	| 'group'
	| 'document'
	| 'user';

export interface FieldOption {
	name: string;
	value: string | number | boolean;
	description?: string;
}

export interface FieldSpec {
	/** The LCIC parameter name, exactly as the API spells it (RoomId, StartTime, ...). */
	param: string;
	/** The n8n parameter name; defaults to the LCIC name in lowerCamelCase. */
	key?: string;
	displayName: string;
	/** The reference's meaning, in plain words. */
	description: string;
	type: FieldType;
	/** Required fields are top-level; optional ones go under "Additional Fields". */
	required?: boolean;
	default?: string | number | boolean | IDataObject | Array<string | number>;
	placeholder?: string;
	options?: FieldOption[];
	/** Inclusive range for integer/number fields, items for lists/entries. */
	min?: number;
	max?: number;
	/** Largest number of list items or entries one call takes (when the node does not split). */
	maxItems?: number;
	/** Sub-fields of object/entries. */
	children?: FieldSpec[];
	/** Integer IDs (RoomId) vs string IDs (GroupId) for locators. Default: string. */
	idType?: 'integer' | 'string';
	/** Locators: By ID also takes several IDs separated by commas (the trigger's rooms to watch). */
	severalIds?: boolean;
	/** An empty value means something (SetWatermark: "" removes the watermark): an added but empty optional field is sent as "". */
	sendEmpty?: boolean;
	/**
	 * How text is held (params/values.ts): 'id' one token, 'name' one line of at most 256,
	 * 'line' one line, 'text' line breaks allowed. Default: from the type and the LCIC name
	 * (locators, lists and *Id(s) are IDs, *Name names, the rest text).
	 */
	textKind?: 'id' | 'name' | 'line' | 'text';
	/** Most characters of a text value, when LCIC states it (else the kind's default). */
	maxLength?: number;
	/** entries: no two entries may share this member (BatchRegister: OriginId; scenes: Scene). */
	uniqueBy?: string;
	/**
	 * What LCIC does when this optional field is empty, when that widens the action (Scenes of
	 * DeleteAppCustomContent: "delete the custom content of every scene"). An added but empty
	 * value is then refused: the wide action is chosen by leaving the field out.
	 */
	emptyMeans?: string;
	/**
	 * Shown on top (from node version 2), though LCIC does not require it: the field says what
	 * the operation is about (User > Create: Name and Origin ID; Room > Get Many: its time
	 * window). Left empty, it is not sent. Only on operations where leaving it empty changes
	 * nothing that exists.
	 */
	top?: boolean;
	/**
	 * LCIC requires the parameter, but the node fills it in when it is left empty, saying how
	 * (DescribeAppDetail's DeveloperId: the account's one developer ID, from DescribeDeveloper).
	 * Optional, and on top in every node version (where it was while it was required, so saved
	 * workflows keep their value); the operation's hooks fill it.
	 */
	filledWhenEmpty?: string;
}

/**
 * Fields of which the user gives one, picked on top with a selector (from node version 2):
 * DescribeUser takes UserId or OriginId, "Find User By: ID / Origin ID".
 */
export interface AlternativeSpec {
	/** The selector's n8n parameter name. */
	key: string;
	displayName: string;
	description: string;
	/**
	 * One choice per field of the operation (by LCIC parameter); the first is the default.
	 * `fieldDescription` describes the field when it is the chosen one.
	 */
	choices: Array<{ name: string; param: string; description: string; fieldDescription: string }>;
}

export type OutputSpec =
	/** One item: the Response without the envelope (RequestId kept). */
	(
		| { kind: 'response' }
		/**
		 * One item per element of Response[key] (other top-level fields are dropped). Lists of bare
		 * IDs (MemberIds, UserIds) become { [valueField]: id }, so the next node reads $json.UserId.
		 */
		| {
				kind: 'list';
				key: string;
				valueField?: string;
				/**
				 * Batch creates answer bare IDs in the order of the request's entries
				 * (BatchCreateRoom: RoomIds for RoomInfos): each record also gets these fields of the
				 * entry at its position, so an item says which room or group it is.
				 */
				entries?: { param: string; fields: string[] };
		  }
	) & {
		/**
		 * Where an output item holds a time (StartTime, Timestamp...): each gets a sibling
		 * `<key>Iso`, ISO 8601 text in the workflow's time zone with its offset, next to the number.
		 */
		times?: TimeField[];
	};

/**
 * A time in an output item: its key, or a path into the item's lists and objects
 * (`RecordInfo[].StartTime`: StartTime of every element of RecordInfo; `AppConfig.CreatedAt`).
 * Unix seconds, unless `unit` says milliseconds (DescribeEditVersions' CreatedAtMs).
 */
export type TimeField = string | { path: string; unit: 'milliseconds' };

export interface BatchSpec {
	/** The batch action used when several input items run this operation. */
	action: string;
	/** The batch action's array parameter (Users, RoomInfos, GroupBaseInfos...). */
	listParam: string;
	maxPerCall: number;
	/** Response key holding one result per entry. */
	resultKey: string;
	/** Entries carry their own SdkAppId (otherwise it is sent once at the top). */
	sdkAppIdInEntry?: boolean;
	/** Pair results to entries by this key instead of by position. */
	matchBy?: string;
	/** Name of the field when results are bare values (IDs) rather than objects. */
	resultField?: string;
}

/** LCIC caps some arrays per call (200 member IDs, 100 group IDs...): longer ones are split. */
export interface ChunkRule {
	param: string;
	size: number;
}

/** What a cross-field check knows beyond the body. */
export interface CheckContext {
	/** The workflow's time zone (IANA name): messages show times in it. */
	timeZone: string;
	/** n8n's clock (Unix seconds), for "not in the past" rules. */
	now: number;
}

export interface OperationSpec {
	resource: ResourceKey;
	/** From node version 2: which of these fields is given, chosen on top ("Find User By"). */
	alternatives?: AlternativeSpec;
	/** n8n operation value, lowerCamelCase ("create", "getMany", "addMembers"). */
	operation: string;
	/** n8n operation name ("Create", "Get Many", "Add Members"). */
	displayName: string;
	/** The LCIC action this operation calls. */
	action: string;
	/** Shown under the operation; ends with the action name so that Tencent's docs are findable. */
	description: string;
	/** Whether the action takes SdkAppId (the credential's default, overridable per operation). */
	sdkAppId: 'required' | 'optional' | 'none';
	/** The name the action gives the application ID when it is not SdkAppId (DescribeDocuments: SchoolId). */
	sdkAppIdParam?: string;
	/** The type the action gives the application ID, when it is not an Integer (DescribeAppDetail: ApplicationId is a String). */
	sdkAppIdType?: 'string';
	/** Describe and Get actions: safe to retry after a network failure. */
	readOnly: boolean;
	/**
	 * Whether the action changes or removes what exists, so that an optional field an expression
	 * left empty is refused rather than skipped (params/emptyValues.ts). Default: from the
	 * action's verb (Modify, Set, Delete, Unbind, Kick, End, Stop, Forbid...).
	 */
	changesExisting?: boolean;
	/** Documented requests per second when not 20. */
	rateLimit?: number;
	fields: FieldSpec[];
	/** List actions: walked page by page with Return All / Limit. */
	paging?: PagingSpec;
	output: OutputSpec;
	batch?: BatchSpec;
	/** Arrays longer than the API takes per call are split into several calls, results merged. */
	chunks?: ChunkRule[];
	/** BatchRegister: SdkAppId goes into every element of this entries parameter, not at the top. */
	sdkAppIdInEntries?: string;
	/** Checks across fields (StartTime before EndTime); returns the message naming the fields. */
	validate?: (body: IDataObject, context: CheckContext) => string | undefined;
	/**
	 * The operation's "Options" collection: how the node behaves around the action, not what it
	 * sends (return the existing user on a duplicate Origin ID...). Read back by its `hooks`.
	 */
	options?: INodeProperties[];
	/** What this operation does beyond one call (or batch) per item; see hooks.ts. */
	hooks?: OperationHooks;
	/**
	 * An operation of its own rather than the call of one action (Room > Get Join Links): its
	 * hooks' runItem does the work, calling these actions. Its fields are the operation's
	 * settings, not the parameters of one action; `action` names the main one.
	 */
	composite?: { actions: string[] };
}

export interface ResourceSpec {
	value: ResourceKey;
	name: string;
	description: string;
}
