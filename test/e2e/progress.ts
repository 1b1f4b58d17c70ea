// Progress for the long steps of the demo and the end-to-end check (installing n8n takes
// minutes the first time, starting it half a minute): a step line with its time when done, and
// while it runs a heartbeat so that nobody stares at a silent terminal or CI log.

const HEARTBEAT_MS = 10_000;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export async function withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	const tty = process.stdout.isTTY === true;
	process.stdout.write(tty ? `  ${title} ...` : `  ${title} ...\n`);
	// On a terminal the dots grow on the step's own line; in a log, a line every 10 s.
	const heartbeat = setInterval(
		() =>
			process.stdout.write(tty ? '.' : `    still working (${seconds(Date.now() - started)})\n`),
		tty ? 2_000 : HEARTBEAT_MS,
	);
	try {
		const result = await work();
		process.stdout.write(
			tty
				? ` done (${seconds(Date.now() - started)})\n`
				: `    done (${seconds(Date.now() - started)})\n`,
		);
		return result;
	} catch (error) {
		process.stdout.write(tty ? ' failed\n' : '    failed\n');
		throw error;
	} finally {
		clearInterval(heartbeat);
	}
}
