// A credentials helper that plays the part of n8n's CredentialsHelper (packages/cli) for one
// credential type. n8n-core asks it for decrypted data (getCredentials in the node) and calls its
// authenticate() right before every httpRequestWithAuthentication: the same two hooks the real
// server uses, so the node's TC3 signing runs exactly as it would in production.
import { ICredentials, ICredentialsHelper } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { TencentCloudLcicApi } from '../../credentials/TencentCloudLcicApi.credentials';

export const CREDENTIAL_TYPE = 'tencentCloudLcicApi';
/** The id/name a node's `credentials` entry points at (see credentialsReference). */
export const CREDENTIAL_ID = 'lcic-test-credential';

/** What the emulator hands out: just enough of its account to sign requests. */
export interface EmulatorEndpoint {
	url: string;
	account: { secretId: string; secretKey: string; sdkAppId: number; token?: string };
}

/** Credential data that points the node at a running emulator. */
export function emulatorCredentials(
	emulator: EmulatorEndpoint,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		secretId: emulator.account.secretId,
		secretKey: emulator.account.secretKey,
		sessionToken: emulator.account.token ?? '',
		sdkAppId: emulator.account.sdkAppId,
		endpoint: 'custom',
		customUrl: emulator.url,
		region: '',
		language: 'en-US',
		...overrides,
	};
}

/**
 * The credential data a harness run signs with: `credentials` merged over the emulator's account
 * when there is an emulator, else `credentials` alone; `caller` names the harness in the error.
 */
export function credentialDataOf(
	options: { emulator?: EmulatorEndpoint; credentials?: ICredentialDataDecryptedObject },
	caller: string,
): ICredentialDataDecryptedObject {
	if (options.emulator) return emulatorCredentials(options.emulator, options.credentials);
	if (options.credentials) return options.credentials;
	throw new Error(`${caller} needs an emulator or credentials`);
}

/** The `credentials` field of a workflow node using our credential. */
export function credentialsReference(): Record<string, { id: string; name: string }> {
	return { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: 'LCIC (test)' } };
}

/** Stored credentials without encryption: tests have no instance key and need none. */
class PlainCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private plain: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.plain };
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.plain) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.plain = { ...data };
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const next: ICredentialDataDecryptedObject = {
			...this.plain,
			...toUpdate,
		} as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete next[key];
		this.plain = next;
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types: Record<string, ICredentialType>;

	/** How many requests were signed: tests count signatures without a network spy. */
	signedRequests = 0;

	constructor(
		private data: ICredentialDataDecryptedObject,
		types: ICredentialType[] = [new TencentCloudLcicApi()],
	) {
		super();
		this.types = Object.fromEntries(types.map((type) => [type.name, type]));
	}

	/** Swap the data mid-test (e.g. a wrong secret) without rebuilding the workflow. */
	setData(data: ICredentialDataDecryptedObject): void {
		this.data = data;
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Test credentials helper knows no credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		return this.type(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		_workflow?: Workflow,
		_node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		// Our credential signs in a function; n8n calls it as a method of the type, as we do.
		if (typeof authenticate !== 'function') {
			throw new Error(`Credential type "${typeName}" has no authenticate function`);
		}
		const signed = await authenticate.call(
			this.type(typeName),
			credentials,
			requestOptions as IHttpRequestOptions,
		);
		this.signedRequests++;
		return signed;
	}

	// LCIC keys need no token exchange, so there is nothing to pre-authenticate.
	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		this.type(type);
		return new PlainCredentials(details, type, this.data);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.type(type);
		// A copy: n8n-core merges pre-authentication data into what it gets back.
		return { ...this.data };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}
