// A test's view of one emulator: run an LCIC action through the node in WorkflowExecute and get
// the output JSON, read the emulator's state for the account, and make rooms, users, groups and
// documents to act on. Setup goes through the node too, so a scenario exercises the same path a
// workflow would.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { AppState, EmulatorState } from '../emulator/actions/state';
import { parametersFor } from './operations';
import { runWorkflow, type RunWorkflowOptions, type RunWorkflowResult } from './workflow';
import type { EmulatorEndpoint } from './credentials';

export interface SessionEmulator extends EmulatorEndpoint {
	state: EmulatorState;
	simulate(
		name: string,
		args: Record<string, unknown>,
	): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export class LcicSession {
	private serial = 0;

	constructor(readonly emulator: SessionEmulator) {}

	get sdkAppId(): number {
		return this.emulator.account.sdkAppId;
	}

	/** The emulator's application for our account. */
	get app(): AppState {
		const app = this.emulator.state.apps.get(this.sdkAppId);
		if (!app) throw new Error(`The emulator has no application ${this.sdkAppId}`);
		return app;
	}

	/** A name no other call of this session used. */
	unique(prefix: string): string {
		return `${prefix}-${process.pid}-${++this.serial}`;
	}

	/** The emulator's clock, in epoch seconds. */
	async now(): Promise<number> {
		const { now } = await this.emulator.simulate('advanceClock', { seconds: 0 });
		return Number(now);
	}

	async simulate(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
		return await this.emulator.simulate(name, { SdkAppId: this.sdkAppId, ...args });
	}

	/** Runs `action` with `values` (LCIC names) and returns the whole result. */
	async run(
		action: string,
		values: Record<string, unknown> = {},
		node: INodeParameters = {},
		options: Omit<RunWorkflowOptions, 'emulator' | 'nodeParameters'> = {},
	): Promise<RunWorkflowResult> {
		return await runWorkflow({
			emulator: this.emulator,
			nodeParameters: parametersFor(action, values, { node }),
			...options,
		});
	}

	/** Runs `action` and returns its output JSON; fails the test on any error. */
	async ok(
		action: string,
		values: Record<string, unknown> = {},
		node: INodeParameters = {},
		options: Omit<RunWorkflowOptions, 'emulator' | 'nodeParameters'> = {},
	): Promise<IDataObject[]> {
		const { items, error } = await this.run(action, values, node, options);
		if (error)
			throw new Error(`${action} failed in the node: ${error.message} ${error.description ?? ''}`);
		// Error items carry the failure in json.error (with code and requestId), not item.error.
		const failed = items.find((item) => item.error ?? item.json.error);
		if (failed)
			throw new Error(
				`${action} returned an error item: ${String(failed.error?.message ?? failed.json.error)}`,
			);
		return items.map((item) => item.json);
	}

	async room(values: Record<string, unknown> = {}): Promise<number> {
		const now = await this.now();
		const [room] = await this.ok('CreateRoom', {
			Name: this.unique('room'),
			StartTime: now + 3600,
			EndTime: now + 7200,
			Resolution: 1,
			MaxMicNumber: 1,
			SubType: 'videodoc',
			...values,
		});
		return Number(room.RoomId);
	}

	async user(values: Record<string, unknown> = {}): Promise<string> {
		const [user] = await this.ok('RegisterUser', {
			Name: this.unique('user'),
			OriginId: this.unique('origin'),
			...values,
		});
		return String(user.UserId);
	}

	async users(count: number): Promise<string[]> {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) ids.push(await this.user());
		return ids;
	}

	/** `count` new users registered in one User > Create Many (BatchRegister) per 1,000; their UserIds in order. */
	async manyUsers(count: number): Promise<string[]> {
		const users = await this.ok('BatchRegister', {
			Users: Array.from({ length: count }, (_, i) => ({
				Name: `Student ${i + 1}`,
				OriginId: this.unique('student'),
			})),
		});
		return users.map((user) => String(user.UserId));
	}

	async group(memberIds: string[] = [], values: Record<string, unknown> = {}): Promise<string> {
		const [group] = await this.ok('CreateGroupWithMembers', {
			GroupName: this.unique('group'),
			...(memberIds.length > 0 ? { MemberIds: memberIds } : {}),
			...values,
		});
		return String(group.GroupId);
	}

	async document(values: Record<string, unknown> = {}): Promise<string> {
		const [document] = await this.ok('CreateDocument', {
			DocumentUrl: `https://example.com/${this.unique('doc')}.pdf`,
			DocumentName: this.unique('document'),
			Owner: 'teacher-1',
			...values,
		});
		return String(document.DocumentId);
	}

	/** A room whose class is running (StartRoom called) with `userIds` inside. */
	async liveRoom(userIds: string[] = []): Promise<number> {
		const roomId = await this.room();
		await this.ok('StartRoom', { RoomId: roomId });
		for (const userId of userIds)
			await this.simulate('memberJoin', { RoomId: roomId, UserId: userId });
		return roomId;
	}
}
