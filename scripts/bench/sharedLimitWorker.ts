// One "n8n worker" of the shared-limit benchmark (sharedLimit.ts forks several): its own process,
// so its own copy of the node's rate limiter, as in n8n's queue mode. It runs `executions`
// workflows at once through n8n-core (User > Get, one item per user, On Error: Continue) against
// the emulator the parent started, and reports what n8n's items say.
import { configureRateLimiter } from '../../nodes/Lcic/transport/rateLimiter';
import { setRetryPolicy } from '../../nodes/Lcic/transport';
import { parametersFor, runWorkflow, type EmulatorEndpoint } from '../../test/harness';

export interface WorkerTask {
	emulator: EmulatorEndpoint;
	/** One list of UserIds per execution. */
	executions: string[][];
	/** false: the limiter before it adapted (fixed documented rate, four attempts in all). */
	adaptive: boolean;
}

export interface WorkerReport {
	items: number;
	errors: number;
	errorCodes: Record<string, number>;
	ms: number;
}

async function runTask(task: WorkerTask): Promise<WorkerReport> {
	configureRateLimiter({ adaptive: task.adaptive });
	if (!task.adaptive) setRetryPolicy({ rateLimitedMaxAttempts: 4 });
	const nodeParameters = parametersFor('DescribeUser', {
		UserId: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
	});
	const started = Date.now();
	const runs = await Promise.all(
		task.executions.map((userIds) =>
			runWorkflow({
				emulator: task.emulator,
				nodeParameters,
				inputItems: userIds.map((userId) => ({ userId })),
				continueOnFail: true,
				mode: 'trigger',
			}),
		),
	);
	const ms = Date.now() - started;
	const errorCodes: Record<string, number> = {};
	let items = 0;
	let errors = 0;
	for (const run of runs) {
		if (run.error) throw run.error;
		for (const item of run.items) {
			items++;
			if (item.json.error === undefined) continue;
			errors++;
			const code = String(item.json.code ?? 'unknown');
			errorCodes[code] = (errorCodes[code] ?? 0) + 1;
		}
	}
	return { items, errors, errorCodes, ms };
}

// The parent says "go" to every worker at once, after all of them have loaded n8n-core.
process.on('message', (task: WorkerTask) => {
	runTask(task).then(
		(report) => process.send?.({ report }, () => process.exit(0)),
		(error: Error) => process.send?.({ error: error.message }, () => process.exit(1)),
	);
});
process.send?.('ready');
