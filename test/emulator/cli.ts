// `npm run emulator`: starts the LCIC emulator for demos and end-to-end runs.
//   npx tsx test/emulator/cli.ts [--port N] [--latency MS]
//   (or LCIC_EMULATOR_PORT=N; default a free port. --latency holds every answer back MS ms.)
// Prints the demo credentials and one machine-readable line `LCIC_EMULATOR_READY <url>` that
// scripts wait for. Stops on SIGINT/SIGTERM.
import { startEmulator } from './server';

/** `--name N`, `--name=N` or the environment variable; undefined when none is given. */
function argValue(argv: string[], name: string, env?: string): string | undefined {
	const index = argv.indexOf(`--${name}`);
	const inline = argv.find((a) => a.startsWith(`--${name}=`));
	if (inline) return inline.slice(`--${name}=`.length);
	if (index >= 0) return argv[index + 1];
	return env === undefined ? undefined : process.env[env];
}

/** startEmulator checks the value (whole milliseconds, 0 to 60000). */
function latencyFromArgs(argv: string[]): number {
	const raw = argValue(argv, 'latency');
	return raw === undefined || raw === '' ? 0 : Number(raw);
}

function portFromArgs(argv: string[]): number {
	const raw = argValue(argv, 'port', 'LCIC_EMULATOR_PORT');
	if (raw === undefined || raw === '') return 0;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`Invalid port "${raw}": give a number from 0 to 65535 (0 = a free port)`);
	}
	return port;
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const emulator = await startEmulator({
		port: portFromArgs(argv),
		latencyMs: latencyFromArgs(argv),
	});
	// Before the ready line: a script that stops the emulator as soon as it reads that line must
	// find the handlers in place (otherwise SIGTERM's default action ends it with code 143).
	let stopping = false;
	const stop = (signal: NodeJS.Signals): void => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\nReceived ${signal}, stopping the LCIC emulator.\n`);
		emulator.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const { account } = emulator;
	const lines = [
		`LCIC emulator (API 2022-08-17) listening on ${emulator.url}`,
		'',
		'Demo credentials (they work against this emulator only):',
		`  SecretId   ${account.secretId}`,
		`  SecretKey  ${account.secretKey}`,
		`  SdkAppId   ${account.sdkAppId}`,
		'',
		'In n8n, create a "Tencent Cloud LCIC API" credential with:',
		'  Endpoint         Custom Base URL',
		`  Custom Base URL  ${emulator.url}`,
		`  SecretId / SecretKey as above, Default SdkAppId ${account.sdkAppId}`,
		'',
		...(emulator.latencyMs ? [`Every answer is held back ${emulator.latencyMs} ms.`] : []),
		`Admin API (unsigned): ${emulator.url}/__emulator/info, /calls, /faults, /clock, /latency, /simulate`,
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	process.stdout.write(`LCIC_EMULATOR_READY ${emulator.url}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`LCIC emulator failed to start: ${(error as Error)?.message ?? String(error)}\n`,
	);
	process.exit(1);
});
