import type { IDataObject, INode } from 'n8n-workflow';

import type { FieldSpec, OperationSpec } from '../catalog/types';
import { ADDITIONAL_FIELDS, fieldKey } from '../description/names';
import { FieldError } from './fieldError';

// An optional field the user added that comes out empty. For an operation that creates
// something, an empty optional field is simply not sent (LCIC's default applies). For one that
// changes or deletes what exists, an empty value from an expression (a column missing on this
// row) must not quietly change what the action does: App Configuration > Delete Custom Content
// with Scenes = {{ $json.scene }} on a row without "scene" would delete every scene, Set
// Watermark would remove a watermark, Update would report success having changed nothing. So:
// - a field whose emptiness widens the action (emptyMeans) is refused empty whenever it is
//   added: "all" is chosen by leaving the field out;
// - a field where "" means "remove" (sendEmpty) sends "" only when typed empty, never when an
//   expression gave nothing;
// - any other field of such an operation that an expression left empty is refused, naming it.

/** Actions that change or remove what already exists (Tencent's verbs). */
const CHANGING_ACTION = /^(Modify|Set|Delete|BatchDelete|Unbind|Kick|End|Stop|Forbid|Update)/;

/** Whether an empty value could make this operation change or remove something unintended. */
export function changesExisting(op: OperationSpec): boolean {
	return op.changesExisting ?? (!op.readOnly && CHANGING_ACTION.test(op.action));
}

function isExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (typeof raw === 'object' && raw !== null && 'value' in raw)
		return isExpression((raw as IDataObject).value);
	return false;
}

/** The field's value as the workflow stores it (an expression not yet resolved). */
function rawOptional(node: INode, field: FieldSpec): unknown {
	const additional = node.parameters[ADDITIONAL_FIELDS];
	return typeof additional === 'object' && additional !== null
		? (additional as IDataObject)[fieldKey(field)]
		: undefined;
}

/**
 * What to send for an optional field that was added but came out empty: '' (sendEmpty, typed
 * empty) or undefined (not sent); throws when the empty value is refused.
 */
export function emptyOptional(node: INode, op: OperationSpec, field: FieldSpec): '' | undefined {
	const label = `"${field.displayName}"`;
	const fromExpression = isExpression(rawOptional(node, field));
	const how = fromExpression ? 'its expression gave nothing for this item' : 'it was added empty';
	if (field.emptyMeans) {
		throw new FieldError(
			`${label} is empty (${how}), and an empty ${label} would ${field.emptyMeans}. To do that, remove ${label} from Additional Fields; otherwise give it a value`,
		);
	}
	if (!fromExpression) return field.sendEmpty ? '' : undefined;
	if (!changesExisting(op)) return undefined;
	throw new FieldError(
		field.sendEmpty
			? `${label} is empty because its expression gave nothing for this item; ${op.displayName} would then remove it. To remove it, add ${label} and leave it empty (not an expression); otherwise map a value`
			: `${label} is empty because its expression gave nothing for this item. Map a value, or remove ${label} from Additional Fields to leave it as it is`,
	);
}
