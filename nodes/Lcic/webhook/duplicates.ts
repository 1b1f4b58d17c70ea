import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { Delivery } from './delivery';

// Tencent does not document retries, so a callback may come more than once (at-least-once).
// A delivery is a repeat when SdkAppId, RoomId, EventType, Timestamp and EventData are the same
// as one emitted less than the window ago. Sign and ExpireTime are left out: a retry may be
// signed anew.
//
// What was emitted is remembered in two places:
// - this process's memory, checked and written with no await in between: every request works on
//   its own copy of the static data loaded from the database, so two copies of one event
//   arriving together would otherwise both look new;
// - the node's static data, so that repeats are dropped across a restart of n8n. n8n saves the
//   static data of a production webhook request once its response is ready (LiveWebhooks), but
//   when the request starts an execution, n8n 2.x builds another Workflow on the same static
//   data first (WorkflowRunner.establishContextForPersistence), which clears its "changed" flag:
//   what webhook() wrote is not saved then. So the node's execute() writes the same entries
//   again inside the execution (see remembered.ts), whose changed static data n8n saves when it
//   ends, in main and in queue mode alike.
// Every write is the union of the static data and the memory, so concurrent requests and
// executions do not erase each other's entries. With several webhook processes (queue mode) two
// copies arriving together on two processes can both pass.

/** Most deliveries remembered per trigger; beyond it the oldest are forgotten first. */
export const MAX_REMEMBERED = 2000;

const STATIC_KEY = 'delivered';

/** JSON with object keys sorted, so that the same data gives the same text. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.map(
				(key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`,
			);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** A short digest of what makes two deliveries the same event. */
export function deliveryKey(delivery: Delivery): string {
	const identity = [
		delivery.sdkAppId ?? null,
		delivery.roomId ?? null,
		delivery.type,
		delivery.timestamp,
		delivery.data,
	];
	return createHash('sha256').update(stableJson(identity)).digest('hex').slice(0, 24);
}

type Remembered = Map<string, number>;

const memory = new Map<string, Remembered>();

function fromStatic(staticData: IDataObject): Remembered {
	const saved = staticData[STATIC_KEY];
	const entries = new Map<string, number>();
	if (typeof saved !== 'object' || saved === null) return entries;
	for (const [key, at] of Object.entries(saved)) {
		if (typeof at === 'number' && Number.isFinite(at)) entries.set(key, at);
	}
	return entries;
}

/** Entries inside the window, at most `max` (the newest); sorts only when over. */
function prune(entries: Remembered, now: number, windowSeconds: number, max: number): Remembered {
	const kept = new Map<string, number>();
	for (const [key, at] of entries) {
		if (at > now - windowSeconds && at <= now + 60) kept.set(key, at);
	}
	if (kept.size <= max) return kept;
	const newest = [...kept].sort((a, b) => a[1] - b[1]).slice(-max);
	return new Map(newest);
}

export interface DuplicateScope {
	/** Workflow, node and mode: a test listener and the active workflow do not share entries. */
	scope: string;
	staticData: IDataObject;
	windowSeconds: number;
	now: number;
	/** Default MAX_REMEMBERED. */
	maxRemembered?: number;
}

function known(where: DuplicateScope): Remembered {
	const merged = fromStatic(where.staticData);
	for (const [key, at] of memory.get(where.scope) ?? []) {
		if ((merged.get(key) ?? -Infinity) < at) merged.set(key, at);
	}
	return merged;
}

function save(entries: Remembered, where: DuplicateScope): void {
	const kept = prune(
		entries,
		where.now,
		where.windowSeconds,
		where.maxRemembered ?? MAX_REMEMBERED,
	);
	memory.set(where.scope, kept);
	// A new object at the top level: n8n marks static data changed when a key of it is set.
	where.staticData[STATIC_KEY] = Object.fromEntries(kept);
}

/**
 * Whether the delivery is new: if so it is remembered (in memory and in the static data) before
 * this returns, with no await in between, so a concurrent copy finds it.
 */
export function admitOnce(key: string, where: DuplicateScope): boolean {
	if (where.windowSeconds <= 0) return true;
	const entries = known(where);
	const previous = entries.get(key);
	if (previous !== undefined && previous > where.now - where.windowSeconds) return false;
	entries.set(key, where.now);
	save(entries, where);
	return true;
}

/** Writes emitted deliveries into `where.staticData` (the execution's copy), keeping their first time. */
export function rememberEmitted(keys: string[], where: DuplicateScope): void {
	if (where.windowSeconds <= 0 || keys.length === 0) return;
	const entries = known(where);
	for (const key of keys) if (!entries.has(key)) entries.set(key, where.now);
	save(entries, where);
}

/** For tests: what a fresh process would remember (nothing). */
export function forgetProcessMemory(): void {
	memory.clear();
}
