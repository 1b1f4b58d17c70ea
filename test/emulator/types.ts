// Contracts between the emulator's HTTP layer (server.ts, verifier, faults, limits) and its
// LCIC behaviour (actions/*, state). The HTTP layer knows nothing about rooms or users; the
// actions know nothing about HTTP or signatures.

/** A Tencent Cloud API error, rendered by the server as Response.Error {Code, Message}. */
export class LcicError extends Error {
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
		this.name = 'LcicError';
	}
}

/** Parameter types as the API reference names them. */
export type ParamType =
	| 'String'
	| 'Integer'
	| 'Boolean'
	| 'Float'
	| 'Array of String'
	| 'Array of Integer'
	| 'Object'
	| 'Array of Object';

export interface ParamSpec {
	type: ParamType;
	required?: boolean;
}

/** The emulator's domain clock, in epoch seconds. Tests move it; signatures use wall time. */
export interface EmulatorClock {
	now(): number;
	advance(seconds: number): void;
	set(epochSeconds: number): void;
}

/** One account the emulator knows: the credentials a client signs with, and its application. */
export interface EmulatorAccount {
	secretId: string;
	secretKey: string;
	/** Temporary-key session token; when set, requests must carry it in X-TC-Token. */
	token?: string;
	appId: number;
	sdkAppId: number;
	developerId: string;
}

export interface ActionContext {
	/** The request body, already checked against the action's ParamSpec. */
	params: Record<string, unknown>;
	/** The account whose key signed the request. */
	account: EmulatorAccount;
	clock: EmulatorClock;
	/** Domain state shared by every action (owned by the actions side). */
	state: unknown;
}

export interface ActionSpec {
	/** Parameters the action takes: the server answers MissingParameter / InvalidParameter from this. */
	params: Record<string, ParamSpec>;
	/** Documented requests per second for this action (default 20). */
	rateLimit?: number;
	/** Returns Response fields (RequestId is added by the server) or throws LcicError. */
	handler(ctx: ActionContext): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export type ActionTable = Record<string, ActionSpec>;
