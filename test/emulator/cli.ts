// `npm run emulator`: starts the LCIC emulator for demos and end-to-end runs.
//   npx tsx test/emulator/cli.ts [--port N]     (or LCIC_EMULATOR_PORT=N; default a free port)
// Prints the demo credentials and one machine-readable line `LCIC_EMULATOR_READY <url>` that
// scripts wait for. Stops on SIGINT/SIGTERM.
import { startEmulator } from './server';

function portFromArgs(argv: string[]): number {
	const index = argv.indexOf('--port');
	const inline = argv.find((a) => a.startsWith('--port='));
	const raw = inline
		? inline.slice('--port='.length)
		: index >= 0
			? argv[index + 1]
			: process.env.LCIC_EMULATOR_PORT;
	if (raw === undefined || raw === '') return 0;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`Invalid port "${raw}": give a number from 0 to 65535 (0 = a free port)`);
	}
	return port;
}

async function main(): Promise<void> {
	const emulator = await startEmulator({ port: portFromArgs(process.argv.slice(2)) });
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
		`Admin API (unsigned): ${emulator.url}/__emulator/info, /calls, /faults, /clock, /simulate`,
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	process.stdout.write(`LCIC_EMULATOR_READY ${emulator.url}\n`);

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
}

main().catch((error: unknown) => {
	process.stderr.write(
		`LCIC emulator failed to start: ${(error as Error)?.message ?? String(error)}\n`,
	);
	process.exit(1);
});
