import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { SDK_APP_ID } from '../description/names';
import { locatorValue } from '../params/convert';
import { chooseSdkAppId, getDefaultSdkAppId } from '../transport';

// The trigger's parameters, read and checked once per poll.

export interface TriggerSettings {
	watch: 'all' | 'chosen';
	/** Chosen rooms, in the order given, without duplicates. */
	roomIds: number[];
	/** Event types to emit; empty means all. */
	eventTypes: string[];
	emitPastEvents: boolean;
	sdkAppId: number;
}

/**
 * Room IDs in a locator value: a number, or one or more IDs separated by commas. Each must be a
 * room ID in decimal digits ("0x1F" and "1e3" are not rooms 31 and 1000); anything else is
 * refused, naming it, rather than silently left out of the watched rooms.
 */
export function parseRoomIds(value: unknown): number[] {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (typeof value === 'object' && value !== null)
		throw new Error('"Room" must be a room ID or comma-separated room IDs (got an object)');
	return text
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.map((part) => {
			const id = /^\d+$/.test(part) ? Number(part) : NaN;
			if (!Number.isSafeInteger(id) || id < 1) {
				throw new Error(
					`"Room" must be room IDs in decimal digits, such as 301234567 (got ${JSON.stringify(part.slice(0, 40))})`,
				);
			}
			return id;
		});
}

export async function readSettings(this: IPollFunctions): Promise<TriggerSettings> {
	const watch = this.getNodeParameter('watch', 'all') === 'chosen' ? 'chosen' : 'all';
	const eventTypes = (this.getNodeParameter('events', []) as string[]).map(String);
	const emitPastEvents = this.getNodeParameter('emitPastEvents', false) === true;
	const options = this.getNodeParameter('options', {}) as IDataObject;

	const roomIds: number[] = [];
	if (watch === 'chosen') {
		const rooms = this.getNodeParameter('rooms', {}) as IDataObject;
		const entries = Array.isArray(rooms.room) ? (rooms.room as IDataObject[]) : [];
		for (const entry of entries) {
			let ids: number[];
			try {
				ids = parseRoomIds(locatorValue(entry.roomId));
			} catch (error) {
				throw new NodeOperationError(this.getNode(), error as Error, {
					description:
						'Pick the room from the list, or enter its numeric ID (Room > Get Many lists them).',
				});
			}
			for (const id of ids) if (!roomIds.includes(id)) roomIds.push(id);
		}
		if (roomIds.length === 0) {
			throw new NodeOperationError(this.getNode(), 'No room chosen', {
				description:
					'Add at least one room under Rooms, or set Rooms to Watch to Every Room of the Application.',
			});
		}
	}

	let sdkAppId: number | undefined;
	try {
		sdkAppId = chooseSdkAppId(options[SDK_APP_ID], await getDefaultSdkAppId.call(this));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	if (sdkAppId === undefined) {
		throw new NodeOperationError(this.getNode(), 'No SdkAppId', {
			description:
				"Set Default SdkAppId in the credential, or SdkAppId under the trigger's Options.",
		});
	}
	return { watch, roomIds, eventTypes, emitPastEvents, sdkAppId };
}
