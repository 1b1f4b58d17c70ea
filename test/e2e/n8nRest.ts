// n8n's REST API as its editor uses it (the /rest routes the Vue app calls): owner setup on a
// fresh instance, Settings > Community Nodes (install, update, list), the credential dialog
// (create, Test) and the Executions list (what each execution's nodes output). One owner session per client: the n8n-auth cookie from setup or login, sent
// back with the same browser-id header, as the editor does.
import { randomUUID } from 'node:crypto';

import { parse } from 'flatted';

import type {
	ICredentialDataDecryptedObject,
	INodeCredentialTestResult,
	IRunData,
	IRunExecutionData,
} from 'n8n-workflow';

/** The owner every throw-away n8n gets (the password meets n8n's rules: 8+ chars, a digit, a capital). */
export const OWNER = {
	email: 'owner@lcic.example',
	firstName: 'LCIC',
	lastName: 'Owner',
	password: 'Lcic-e2e-Owner-1',
};

/** What GET /rest/community-packages answers per package (the fields we read). */
export interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	failedLoading?: boolean;
	installedNodes: Array<{ name: string; type: string; latestVersion: number }>;
}

export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`n8n ${method} /rest${path} answered HTTP ${status}: ${body.slice(0, 1000)}`);
	}
}

export class N8nRest {
	private cookie = '';
	private readonly browserId = randomUUID();

	constructor(readonly baseUrl: string) {}

	async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			// Installing a package runs npm pack and npm install: give it time, but not forever.
			signal: AbortSignal.timeout(240_000),
		});
		const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new N8nRestError(method, path, response.status, text);
		// n8n wraps answers as { data: ... }.
		return (text ? (JSON.parse(text) as { data: T }).data : undefined) as T;
	}

	/** The first screen of a new n8n: create the owner (and be logged in as them). */
	async setupOwner(): Promise<void> {
		await this.call('POST', '/owner/setup', OWNER);
	}

	async login(): Promise<void> {
		await this.call('POST', '/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
	}

	/** Settings > Community Nodes > Install: the package name as typed (with "@version" if any). */
	async installCommunityPackage(name: string): Promise<InstalledPackage> {
		return await this.call('POST', '/community-packages', { name });
	}

	/** Settings > Community Nodes > Update. */
	async updateCommunityPackage(name: string, version: string): Promise<InstalledPackage> {
		return await this.call('PATCH', '/community-packages', { name, version });
	}

	async communityPackages(): Promise<InstalledPackage[]> {
		return await this.call('GET', '/community-packages');
	}

	/** The credential dialog's Save: returns the new credential's ID. */
	async createCredential(
		name: string,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<string> {
		const created = await this.call<{ id: string }>('POST', '/credentials', { name, type, data });
		return created.id;
	}

	/** The credential dialog's Test button (after Save, the editor sends the stored ID). */
	async testCredential(
		id: string,
		name: string,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<INodeCredentialTestResult> {
		return await this.call('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	/** The Executions list of a workflow: IDs of its finished executions, newest first. */
	async executionIds(workflowId: string): Promise<string[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.call<{
			results: Array<{ id: string; finished?: boolean; status?: string }>;
		}>('GET', `/executions?filter=${filter}`);
		return list.results.filter((e) => e.status === 'success' || e.finished).map((e) => e.id);
	}

	/** One execution's output per node, as the editor opens it (n8n keeps it as "flatted" JSON). */
	async executionRunData(id: string): Promise<IRunData> {
		const execution = await this.call<{ data: string }>('GET', `/executions/${id}`);
		const data = parse(execution.data) as IRunExecutionData;
		return data.resultData.runData;
	}
}
