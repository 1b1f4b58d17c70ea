import type { IDataObject, INode, NodeOperationError } from 'n8n-workflow';

import type { OperationSpec } from './types';

// The contract between an operation with its own behaviour and the engine (execute/) that runs
// every operation. Most operations need none: the engine builds one request body per item from
// the catalog entry, sends it (split by `chunks`, or several items as one `batch` call) and turns
// the answer into items by `output`. An operation that needs more names a hooks object on its
// catalog entry; the hooks call LCIC only through the contexts below, so they never import the
// transport, and every call they make takes its rate limit, read-only-ness, chunking and paging
// from the catalog entry of the action it calls.

/** What one call of a request split into several calls came to, in order. */
export type CallOutcome =
	| { status: 'done'; action: string; body: IDataObject; response: IDataObject }
	| { status: 'failed'; action: string; body: IDataObject; error: Error }
	/** Not sent because an earlier call failed. */
	| { status: 'notSent'; action: string; body: IDataObject };

/** One execution of the node: every input item of one operation. */
export interface OperationRun {
	readonly op: OperationSpec;
	readonly node: INode;
	/** The first item's Options collection: choices that hold for the whole execution. */
	readonly options: IDataObject;
	readonly continueOnFail: boolean;
	/**
	 * Which Tencent Cloud site the credential talks to: 'international' for the International
	 * Site endpoint, 'mainland' for the others. Pages a user opens (join links) differ per site.
	 */
	site(): Promise<'mainland' | 'international'>;
	/**
	 * Runs `make` once per execution and `key`; every later caller gets the same promise. For
	 * what an operation looks up once and shares across items: the application's groups by name,
	 * its supervisors.
	 */
	once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** One input item inside a run. */
export interface ItemRun {
	readonly run: OperationRun;
	/** The input item's index: outputs and errors are paired to it. */
	readonly index: number;
	/** The item's request body, built and checked from the node's parameters (SdkAppId filled in). */
	readonly body: IDataObject;
	/** The item's own Options collection. */
	readonly options: IDataObject;
	/** Calls one action once; throws the API's error (a NodeApiError naming this item). */
	call(action: string, body: IDataObject): Promise<IDataObject>;
	/**
	 * Calls one action with `body` split by that action's chunk rules, one call after the other.
	 * Never throws for a failed call: one outcome per call, and after a failure the rest are
	 * `notSent`, so the caller can say what was done and what was not.
	 */
	calls(action: string, body: IDataObject): Promise<CallOutcome[]>;
	/** Every record of a list action, page by page with that action's paging. */
	list(action: string, body: IDataObject): Promise<IDataObject[]>;
	/**
	 * What the engine does for this item without hooks, with `body` (default: the item's own;
	 * a hook that completes the body passes its copy); returns the item's output (records, and
	 * an Error after them when a call failed part-way: see `settle`).
	 */
	runPlain(body?: IDataObject): Promise<ItemOutput>;
	/**
	 * The item's output after calls that may have failed part-way (outcomes of one or several
	 * actions, in the order they were made): `records` (what was done, marked Partial when
	 * something was not) and, when a call failed, an Error that says per call what was done and
	 * what was not, so a re-run can continue instead of repeating. All done: `records` as they are.
	 */
	settle(outcomes: CallOutcome[], records: IDataObject[]): ItemOutput;
	/** An error about this item, worded for the user (`description`: what to do about it). */
	error(message: string, description?: string): NodeOperationError;
}

/**
 * An item's output: one n8n item per record, paired to the input item. An Error in the list
 * becomes an error item (continue on fail) or stops the node, like a failed plain item.
 */
export type ItemOutput = Array<IDataObject | Error>;

export interface BatchPlan {
	answered?: Map<number, ItemOutput>;
	/** Input item indices to run alone after the batch. */
	alone?: number[];
}

/** The few places where an operation does more than "one call (or batch) per item". */
export interface OperationHooks {
	/** Whether several items of this execution may share one `batch` call (default: yes). */
	useBatch?(run: OperationRun): boolean;
	/**
	 * Several items are about to share batch calls: answer some without the batch (`answered`:
	 * the user who already exists) or set some aside to run one by one after it, through the
	 * plain path (`alone`: a second item with an Origin ID already in this batch). So that the
	 * batch gives each item the outcome it would have had on its own.
	 */
	prepareBatch?(run: OperationRun, items: ItemRun[]): Promise<BatchPlan>;
	/**
	 * Items run several at a time; items with the same key run one after another, in input
	 * order. Default: writes to the same room, group, document or user (the required pickers).
	 */
	orderKey?(run: OperationRun, body: IDataObject): string | undefined;
	/** Runs one item in place of the plain run (`item.runPlain()` is still there to delegate to). */
	runItem?(item: ItemRun): Promise<ItemOutput>;
	/**
	 * A call of the plain run failed: the answer to use instead (the user who already exists), or
	 * undefined to let the item fail. Throwing fails the item with that error.
	 */
	recover?(item: ItemRun, body: IDataObject, error: Error): Promise<IDataObject | undefined>;
	/**
	 * What an item that went through outputs, whichever call answered it (its own call, a row of
	 * a batch, a recovery, an answer without a call): one item and several must give a workflow
	 * the same fields. `body` is the item's request body.
	 */
	output?(record: IDataObject, body: IDataObject): IDataObject;
}
