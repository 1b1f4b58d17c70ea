import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { chooseSdkAppId, CREDENTIAL_TYPE, getDefaultSdkAppId } from '../transport';
import { parseRoomIds } from '../trigger/settings';

// The Event Trigger's parameters and its Callback Key, read once per request or hook call.

export type WebhookContext = IWebhookFunctions | IHookFunctions;

export const DEFAULT_WINDOW_MINUTES = 60;
/** A week: longer windows would keep static data growing for no documented retry. */
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;

export interface EventTriggerSettings {
	/** The key LCIC signs with; undefined when neither the node nor the credential has one. */
	callbackKey?: string;
	/** Event types to emit; empty means every type, unknown ones included. */
	eventTypes: string[];
	/** Rooms to emit; empty means every room. */
	roomIds: number[];
	/** The application whose callbacks count (and that registration changes). */
	sdkAppId?: number;
	/** How long a delivered event is remembered to drop its repeats, in seconds (0: never). */
	windowSeconds: number;
	register: boolean;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

function typeList(value: unknown): string[] {
	return text(value)
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

export async function readSettings(this: WebhookContext): Promise<EventTriggerSettings> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);

	const nodeKey = text(this.getNodeParameter('callbackKey', ''));
	const credentialKey = text(credentials.callbackSecret);
	const callbackKey = nodeKey || credentialKey || undefined;

	const selected = (this.getNodeParameter('events', []) as unknown[]).map(String);
	const eventTypes = [...selected, ...typeList(options.otherEventTypes)];

	// The same rule as the action node and the polling trigger: decimal digits only ("0x1F" is not
	// application 31) and an object is refused, not quietly replaced by the credential's.
	let sdkAppId: number | undefined;
	try {
		sdkAppId = chooseSdkAppId(options.sdkAppId, await getDefaultSdkAppId.call(this));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, {
			description: "Set Options > SdkAppId to the application's ID, or 0 for the credential's.",
		});
	}

	const windowSeconds = windowSecondsOf(options);

	return {
		callbackKey,
		eventTypes,
		roomIds: parseRoomIds(options.roomIds),
		sdkAppId,
		windowSeconds,
		register: this.getNodeParameter('register', false) === true,
	};
}

/** Options > Duplicate Window, in seconds (0: every delivery is emitted). */
export function windowSecondsOf(options: IDataObject): number {
	const minutes = Number(options.duplicateWindow ?? DEFAULT_WINDOW_MINUTES);
	return Number.isFinite(minutes) && minutes > 0
		? Math.round(Math.min(minutes, MAX_WINDOW_MINUTES) * 60)
		: 0;
}

/** Where a trigger's deliveries are remembered: its workflow, node and mode. */
export function duplicateScope(context: {
	getWorkflow(): { id?: string };
	getNode(): { id: string };
	getMode(): string;
}): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}:${context.getMode()}`;
}

/** The key, or a clear error for a trigger that could not check any callback. */
export function requireKey(this: WebhookContext, settings: EventTriggerSettings): string {
	if (settings.callbackKey) return settings.callbackKey;
	throw new NodeOperationError(this.getNode(), 'No Callback Key', {
		description:
			"Set Callback Key in this trigger or in the Tencent Cloud LCIC API credential: the trigger checks every callback's Sign with it.",
	});
}
