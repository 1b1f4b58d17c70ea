// Signing cost per request: the credential signs every call, so a 1,000-user BatchRegister body
// (the largest request a roster sync sends) must sign in well under a millisecond.
import { signLcicRequest } from '../../credentials/signRequest';
import type { BenchResult } from './types';

const CREDENTIALS = { secretId: 'AKIDbench', secretKey: 'bench-secret', endpoint: 'default' };

function bodyOf(users: number): Buffer {
	const list = Array.from({ length: users }, (_, i) => ({
		SdkAppId: 3520371,
		Name: `学生 ${i}`,
		OriginId: `S${100000 + i}`,
	}));
	return Buffer.from(JSON.stringify({ Users: list }), 'utf8');
}

function measure(name: string, body: Buffer, rounds: number): BenchResult {
	const request = {
		method: 'POST' as const,
		url: '/',
		headers: { 'X-TC-Action': 'BatchRegister' },
		body,
	};
	for (let i = 0; i < 200; i++) signLcicRequest(CREDENTIALS, request);
	const heapBefore = process.memoryUsage().heapUsed;
	const start = process.hrtime.bigint();
	for (let i = 0; i < rounds; i++) signLcicRequest(CREDENTIALS, request);
	const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
	return {
		name,
		figures: {
			'body bytes': body.length,
			'requests signed': rounds,
			'µs per request': Number(((elapsedMs * 1000) / rounds).toFixed(1)),
			'heap growth (MiB)': Number(
				((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1),
			),
		},
		target: 'under 1,000 µs per request for a 1,000-user body',
		ok: (elapsedMs * 1000) / rounds < 1000,
	};
}

export function runSigningBench(): BenchResult[] {
	return [
		measure('sign: empty body (DescribeDeveloper)', Buffer.from('{}'), 20_000),
		measure('sign: 1,000-user BatchRegister body', bodyOf(1000), 2_000),
	];
}
