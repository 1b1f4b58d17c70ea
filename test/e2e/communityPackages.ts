// Installing this package into a running n8n the way its users do: Settings > Community Nodes >
// Install, by name, from an npm registry. n8n's own code does the rest: its registry checks
// (the version exists), `npm pack` + `npm install` into <user folder>/.n8n/nodes, the
// nodes-API-version check, loading the nodes and credentials, recording the package in its
// database, and telling the editor to reload the node types.
//
// The registry is the local Verdaccio (registry.ts) instead of registry.npmjs.org. n8n 2.x
// takes another registry from N8N_COMMUNITY_PACKAGES_REGISTRY only when its licence has the
// feature "feat:communityNodes:customRegistry" (CommunityPackagesService.getNpmRegistry in
// packages/cli/src/modules/community-packages). A test has no licence, so it turns that one
// feature on the way n8n's own end-to-end tests do: with E2E_TESTS=true, n8n mounts its test
// controller, whose PATCH /rest/e2e/feature switches licence features. Nothing else about the
// install is changed. A real user installs from registry.npmjs.org and needs none of this.
import type { InstalledPackage, N8nRest } from './n8nRest';

export const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

/** Environment for `n8n start` so that community packages come from `registryUrl`. */
export function registryEnv(registryUrl: string): NodeJS.ProcessEnv {
	return {
		N8N_COMMUNITY_PACKAGES_REGISTRY: registryUrl,
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// Mounts n8n's test controller (/rest/e2e), the only way to grant a licence feature here.
		E2E_TESTS: 'true',
	};
}

/** Grants the custom-registry licence feature through n8n's own test controller. */
export async function allowCustomRegistry(baseUrl: string): Promise<void> {
	const response = await fetch(`${baseUrl}/rest/e2e/feature`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ feature: CUSTOM_REGISTRY_FEATURE, enabled: true }),
	});
	if (!response.ok)
		throw new Error(
			`n8n refused to enable ${CUSTOM_REGISTRY_FEATURE}: HTTP ${response.status} (is E2E_TESTS=true set for n8n start?)`,
		);
}

/**
 * Installs `name` (optionally "name@version") into the n8n behind `rest` through its REST API,
 * as the Install button does, and checks that n8n reports every node loaded. `rest` must be
 * logged in as the owner (or a user allowed to install packages).
 */
export async function installThroughRest(rest: N8nRest, name: string): Promise<InstalledPackage> {
	await allowCustomRegistry(rest.baseUrl);
	const installed = await rest.installCommunityPackage(name);
	await assertLoaded(rest, installed.packageName);
	return installed;
}

/** Updates an installed package to `version` as the Update button does. */
export async function updateThroughRest(
	rest: N8nRest,
	name: string,
	version: string,
): Promise<InstalledPackage> {
	await allowCustomRegistry(rest.baseUrl);
	const updated = await rest.updateCommunityPackage(name, version);
	await assertLoaded(rest, name);
	return updated;
}

/** n8n's own list (Settings > Community Nodes) must show the package without "failed loading". */
async function assertLoaded(rest: N8nRest, name: string): Promise<void> {
	const listed = (await rest.communityPackages()).find((p) => p.packageName === name);
	if (!listed)
		throw new Error(`n8n does not list ${name} under Community Nodes after installing it`);
	if (listed.failedLoading)
		throw new Error(`n8n lists ${name}@${listed.installedVersion} but could not load its nodes`);
}
