// "Outputs that show times give the epoch and ISO text (with offset)", in the workflow's time
// zone: every time of Tencent's model of the responses (lcic_models.d.ts of the pinned
// tencentcloud-sdk-nodejs, parsed by test/harness/lcicModel.ts) that an operation outputs is
// named in that operation's `output.times`, in its unit, or is listed below as no Unix time
// with the reason. The list of times is derived from the model, not kept by hand: a newer
// model's new time field fails this test until it is handled. allActions.test.ts checks the
// ISO texts themselves through n8n-core, in a workflow zone of UTC+8.
import { OPERATIONS } from '../../nodes/Lcic/catalog';
import type { OperationSpec, TimeField } from '../../nodes/Lcic/catalog/types';
import { loadLcicModel, type ModelParam } from '../harness/lcicModel';
import { pathOfTime } from './scenarios/times';

const model = loadLcicModel();

/** What makes a response field a candidate: its name, or the model's words for it. */
const TIME_NAME = /(Time|Timestamp|Until|At|AtMs|Duration|Sec|Date)$/;
const TIME_WORDS = /时间|时长|用时|秒|毫秒|日期/;

/**
 * Candidates that hold no Unix time, per action and response path, with the reason in the
 * model's words. Everything else that the node outputs must be in an operation's `times`.
 */
const NOT_UNIX_TIMES: Record<string, Record<string, string>> = {
	DescribeAnswerList: { 'AnswerInfo[].CostTime': 'a length: "答题用时", how long the answer took' },
	DescribeAppDetail: {
		// The model types it string and says only "创建时间": no format, no zone. Text read in a
		// guessed zone could be hours off; it is shown as LCIC sends it.
		'AppConfig.CreatedAt': 'text: "创建时间" as a string, with no format or zone given',
	},
	DescribeCurrentMemberList: { 'MemberRecords[].PresentTime': 'a length: "在线时长，单位秒"' },
	DescribeRoomStatistics: { 'MemberRecords[].PresentTime': 'a length: "在线时长，单位秒"' },
	DescribeEditVersions: { 'Versions[].KeepDurationSec': 'a length: "版本时长 ... 单位：秒"' },
	DescribeMarquee: { Duration: 'a length: "停留时长（秒，整数，范围 1～10）"' },
	DescribePlayRecords: { 'Records[].Duration': 'a length: "播放时长（毫秒）"' },
	DescribePlaybackList: { 'Items[].Duration': 'a length: "录制时长"' },
	DescribeQuestionList: { 'QuestionInfo[].Duration': 'a length: "倒计时答题设置的秒数"' },
	DescribeRecord: { 'RecordInfo[].Duration': 'a length: "总时长"' },
	DescribeRecordStream: { 'StreamInfo[].Duration': 'a length: "总时长"' },
	DescribeRoom: {
		VideoDuration: 'a length: "录制时长"',
		EndDelayTime: 'minutes: "拖堂时间：单位分钟"',
	},
	GetRooms: { 'Rooms[].EndDelayTime': 'minutes: "拖堂时间：单位分钟"' },
	GetRoomEvent: { 'Events[].EventData.Duration': 'a length: "录制时长。单位：秒"' },
};

interface ModelField {
	/** `Rooms[].StartTime`: `[]` after a list, `.` into a data type. */
	path: string;
	param: ModelParam;
}

/** Every scalar field under a data type of the model, with its path. */
function fieldsOf(typeName: string, prefix = '', seen = new Set<string>()): ModelField[] {
	if (seen.has(typeName)) return [];
	const inside = new Set(seen).add(typeName);
	return (model.interfaces.get(typeName) ?? []).flatMap((param) => {
		const inner = /^(?:Array<)?([A-Z]\w*)>?$/.exec(param.type)?.[1];
		const path = `${prefix}${param.name}`;
		if (inner && model.interfaces.has(inner))
			return fieldsOf(inner, `${path}${param.type.startsWith('Array<') ? '[]' : ''}.`, inside);
		return [{ path, param }];
	});
}

function isCandidate({ path, param }: ModelField): boolean {
	if (param.type !== 'number' && param.type !== 'string') return false;
	const name = path.slice(path.lastIndexOf('.') + 1);
	return TIME_NAME.test(name) || TIME_WORDS.test(param.doc);
}

/** The unit the model gives: milliseconds when its words or the name say so, else seconds. */
const unitOf = ({ path, param }: ModelField): 'seconds' | 'milliseconds' =>
	/毫秒/.test(param.doc) || /Ms$/.test(path) ? 'milliseconds' : 'seconds';

const unitOfField = (field: TimeField): 'seconds' | 'milliseconds' =>
	typeof field === 'string' ? 'seconds' : field.unit;

/** Where a response path ends up in the operation's output items, or undefined when dropped. */
function itemPath(op: OperationSpec, responsePath: string): string | undefined {
	if (op.output.kind === 'response') return responsePath;
	const prefix = `${op.output.key}[].`;
	return responsePath.startsWith(prefix) ? responsePath.slice(prefix.length) : undefined;
}

/** The operations whose output is the action's response (its own, not a composite's). */
const outputsOf = (action: string) =>
	OPERATIONS.filter((op) => op.action === action && !op.composite);

const candidates = [...model.actions.keys()].flatMap((action) =>
	fieldsOf(`${action}Response`)
		.filter(isCandidate)
		.map((field) => ({ action, ...field })),
);

describe(`output times against Tencent's model (${model.version})`, () => {
	it('finds the time fields of the responses in the model', () => {
		// Spot checks that the derivation reads the model: one field per way of saying it.
		const found = candidates.map((c) => `${c.action} ${c.path} ${unitOf(c)}`);
		expect(found).toEqual(
			expect.arrayContaining([
				'DescribeRoom StartTime seconds', // "unix时间戳（秒）"
				'GetRoomEvent Events[].Timestamp seconds', // "事件发生的秒级unix时间戳"
				'DescribeScoreList Scores[].CreateTime seconds', // "评分时间"
				'DescribeRoomForbiddenUser MutedAccountList[].MutedUntil seconds',
				'DescribeEditVersions Versions[].CreatedAtMs milliseconds', // named ...Ms
				'DescribePlayRecords Records[].Duration milliseconds', // "播放时长（毫秒）"
			]),
		);
		expect(candidates.length).toBeGreaterThan(40);
	});

	it('shows every time an operation outputs in its times, in the unit the model gives', () => {
		const problems: string[] = [];
		for (const candidate of candidates) {
			const reason = NOT_UNIX_TIMES[candidate.action]?.[candidate.path];
			for (const op of outputsOf(candidate.action)) {
				const path = itemPath(op, candidate.path);
				if (path === undefined) continue; // not in the output (a list keeps only its records)
				const declared = op.output.times?.find((field) => pathOfTime(field) === path);
				const where = `${op.resource}/${op.operation} (${op.action}) ${path}`;
				if (reason) {
					if (declared) problems.push(`${where} is listed as no Unix time (${reason})`);
				} else if (!declared) {
					problems.push(`${where} (${candidate.param.doc}) is not in output.times`);
				} else if (unitOfField(declared) !== unitOf(candidate)) {
					problems.push(`${where} is in ${unitOf(candidate)}, times says otherwise`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('names in times only fields of the model that are times (or the node-made times of its own operations)', () => {
		const problems: string[] = [];
		for (const op of OPERATIONS.filter((candidate) => candidate.output.times)) {
			for (const field of op.output.times!) {
				const path = pathOfTime(field);
				const where = `${op.resource}/${op.operation} (${op.action}) ${path}`;
				if (op.composite) {
					// Made by the operation's hooks (TokenExpiresAt): the model has no field for it.
					expect({ where, unit: unitOfField(field) }).toEqual({ where, unit: 'seconds' });
					continue;
				}
				const fromResponse = candidates.find(
					(c) => c.action === op.action && itemPath(op, c.path) === path,
				);
				// Batch creates show times of the request's entries (BatchCreateRoom: RoomInfos).
				const entries = op.output.kind === 'list' ? op.output.entries : undefined;
				const entryType = entries
					? /^Array<(\w+)>$/.exec(
							model.actions.get(op.action)?.find((p) => p.name === entries.param)?.type ?? '',
						)?.[1]
					: undefined;
				const fromEntries =
					entries?.fields.includes(path) && entryType
						? fieldsOf(entryType).find((f) => f.path === path && isCandidate(f))
						: undefined;
				const found = fromResponse ?? fromEntries;
				if (!found) problems.push(`${where}: no time field of the model`);
				else if (NOT_UNIX_TIMES[op.action]?.[found.path])
					problems.push(`${where}: listed as no Unix time`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('lists as no Unix time only candidates the model has', () => {
		const listed = Object.entries(NOT_UNIX_TIMES).flatMap(([action, paths]) =>
			Object.keys(paths).map((path) => `${action} ${path}`),
		);
		const known = new Set(candidates.map((c) => `${c.action} ${c.path}`));
		expect(listed.filter((entry) => !known.has(entry))).toEqual([]);
	});
});
