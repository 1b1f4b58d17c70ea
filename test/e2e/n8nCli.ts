// The n8n command line as the demo and the end-to-end check drive it: one-shot commands
// (import, export, execute) and the long-running `n8n start`. Output goes to files in the log
// folder: n8n exits right after printing, and a pipe would lose the end of a long print.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMMAND_TIMEOUT_MS = 180_000;

export type RunData = Record<
	string,
	Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
>;

/** The JSON of every item a node output in one execution. */
export function outputOf(runData: RunData, node: string): Array<Record<string, unknown>> {
	return (runData[node] ?? [])
		.flatMap((task) => task.data?.main?.[0] ?? [])
		.map((item) => item.json);
}

interface PrintedExecution {
	data: { resultData: { runData: RunData; error?: { message: string } } };
}

/**
 * The execution `n8n execute --rawOutput` printed: indented JSON ("{" ... "}" at the start of
 * their lines) among log lines that may come before or after it; undefined until it is whole.
 */
function printedExecution(out: string): PrintedExecution | undefined {
	const lines = out.split('\n');
	const first = lines.indexOf('{');
	const last = lines.indexOf('}', first);
	if (first < 0 || last < 0) return undefined;
	try {
		return JSON.parse(lines.slice(first, last + 1).join('\n')) as PrintedExecution;
	} catch {
		return undefined;
	}
}

export class N8nCli {
	private serial = 0;
	private longLog = '';

	constructor(
		private readonly binary: string,
		private readonly env: NodeJS.ProcessEnv,
		private readonly logDir: string,
	) {}

	/**
	 * Runs an n8n command; async, because the emulator answering it may live in this process.
	 * `settled(out)` says the command's work is complete in what it printed: then a crash of n8n's
	 * own process teardown after that (seen: SIGSEGV once in a few runs of `n8n execute` under
	 * Node.js 24, after the finished execution was printed) is reported, not taken for the result.
	 */
	run(args: string[], settled?: (out: string) => boolean): Promise<string> {
		const base = join(this.logDir, `${++this.serial}-${args[0].replace(/\W/g, '_')}`);
		const stdout = openSync(`${base}.out`, 'w');
		const stderr = openSync(`${base}.err`, 'w');
		return new Promise<string>((done, fail) => {
			const child = spawn(this.binary, args, { env: this.env, stdio: ['ignore', stdout, stderr] });
			const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
			child.on('error', fail);
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				const out = readFileSync(`${base}.out`, 'utf8');
				if (code === 0) return done(out);
				if (signal === 'SIGSEGV' && settled?.(out)) {
					process.stderr.write(
						`  note: n8n ${args[0]} crashed with SIGSEGV on exit, after printing its finished work; the result is read from what it printed\n`,
					);
					return done(out);
				}
				const tail = (readFileSync(`${base}.err`, 'utf8') || out).slice(-2000);
				fail(new Error(`n8n ${args[0]} failed (${signal ?? `exit ${String(code)}`}): ${tail}`));
			});
		}).finally(() => {
			closeSync(stdout);
			closeSync(stderr);
		});
	}

	/** Runs a workflow with `n8n execute` and returns the execution's run data. */
	async execute(workflowId: string): Promise<RunData> {
		const out = await this.run(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			(printed) => printedExecution(printed) !== undefined,
		);
		const json = printedExecution(out);
		if (json === undefined)
			throw new Error(`n8n execute printed no execution for ${workflowId}: ${out.slice(-1000)}`);
		if (json.data.resultData.error)
			throw new Error(`workflow ${workflowId} failed: ${json.data.resultData.error.message}`);
		return json.data.resultData.runData;
	}

	/** A long-running n8n process (n8n start); its output goes to a file read by lastLog(). */
	spawnLongRunning(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
		this.longLog = join(this.logDir, `${++this.serial}-${args[0]}.log`);
		const fd = openSync(this.longLog, 'w');
		const child = spawn(this.binary, args, {
			env: { ...this.env, ...env },
			stdio: ['ignore', fd, fd],
		});
		child.on('close', () => closeSync(fd));
		return child;
	}

	lastLog(): string {
		return this.longLog ? readFileSync(this.longLog, 'utf8') : '';
	}
}
