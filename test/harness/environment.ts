// Process-wide settings n8n-core reads when it first builds its services. Import this module
// before anything touches @n8n/di's Container (index.ts and workflow.ts do): values read at
// construction time cannot be changed afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Expression, setSafeRegexEngine } from 'n8n-workflow';

// InstanceSettings (which every node execution context asks the Container for) loads or creates
// <N8N_USER_FOLDER>/.n8n/config with an encryption key. A throw-away folder keeps tests from
// reading or writing the developer's real ~/.n8n.
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'lcic-n8n-harness-'));
}
process.env.N8N_ENCRYPTION_KEY ??= 'lcic-test-harness-encryption-key';

// The LCIC emulator listens on 127.0.0.1. n8n's SSRF guard (@n8n/config SsrfProtectionConfig,
// used by @n8n/backend-network's OutboundHttp) blocks 127.0.0.0/8 when it is on. It is off by
// default; we pin it off so a developer's shell cannot turn it on under the tests. To run the
// tests with the guard on instead, allow loopback explicitly:
//   N8N_SSRF_PROTECTION_ENABLED=true N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.0/8
if (process.env.N8N_SSRF_PROTECTION_ENABLED === 'true') {
	process.env.N8N_SSRF_ALLOWED_IP_RANGES ??= '127.0.0.0/8,::1/128';
} else {
	process.env.N8N_SSRF_PROTECTION_ENABLED = 'false';
}

// Expressions ("={{ $json.name }}") use n8n-workflow's in-process 'legacy' engine (tournament
// over the JS sandbox). The 'vm' engine needs the isolated-vm native module, which is not built
// for this toolchain, so we select 'legacy' outright instead of relying on N8N_EXPRESSION_ENGINE
// being unset.
Expression.setExpressionEngine('legacy');

// n8n-workflow runs the regular expressions it checks parameters with (a resource locator's
// "Enter a numeric ID" pattern, in WorkflowExecute's checks before a run) in a node:vm script
// with a 250 ms wall-clock timeout (safe-regex.ts), a guard against patterns that never end.
// On a loaded machine a trivial ^\s*\d+\s*$ can wait longer than that for a core, and the run
// fails with "Regular expression execution timed out" (seen in allActions and trigger/changes
// under CPU load). The tests keep the same expressions and the same checks, without that
// wall-clock limit; the real-n8n e2e runs n8n's own engine.
setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) =>
		input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => {
		const global = flags?.includes('g') ? flags : `${flags ?? ''}g`;
		return Array.from(input.matchAll(new RegExp(pattern, global)));
	},
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});
