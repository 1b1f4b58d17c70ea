// Signing cost per request, side by side on the same bodies (a CreateRoom body and a 1,000-user
// BatchRegister body, the largest request a roster sync sends):
// - this package: the transport serialises the body once, the credential signs those bytes
//   (credentials/signRequest.ts, derived key cached per day);
// - Tencent's official Node SDK (tencentcloud-sdk-nodejs-common, a dev dependency), what its
//   HttpConnection does before sending: JSON-bigint serialisation of the body, then Sign.sign3,
//   which serialises the body again to hash it and derives the key on every request;
// - the floor: serialise, SHA-256 of the body and of the canonical request, one HMAC with a
//   cached key.
// The three take turns within every round, so that all see the same machine. CPU-bound: the
// figures move with the machine's load (BENCHMARKS.md records it).
import { createHash, createHmac } from 'node:crypto';
import { dirname } from 'node:path';

import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_ENDPOINT } from '../../credentials/endpoint';
import { signLcicRequest } from '../../credentials/signRequest';
import { JSON_CONTENT_TYPE, signingKey } from '../../credentials/tc3Signer';
import { fmt, medianAndSpread, summarise, table } from './stats';
import type { BenchModule, BenchResult, BenchSection } from './types';

const ROUNDS = 11;
const FLOOR_TARGET = 1.5;
const HOST = DEFAULT_ENDPOINT;
const CREDENTIALS = { secretId: 'AKIDbench', secretKey: 'bench-secret', endpoint: HOST };
const SERVICE = 'lcic';
// The SDK's own serialiser (its dependency json-bigint, as its sign.js and http_connection.js
// load it).
const sdkDir = dirname(require.resolve('tencentcloud-sdk-nodejs-common'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsonBigint = require(require.resolve('json-bigint', { paths: [sdkDir] })) as (options: {
	useNativeBigInt: boolean;
}) => { stringify(value: unknown): string };
const JSONbigNative = jsonBigint({ useNativeBigInt: true });

function createRoomBody(): IDataObject {
	return {
		SdkAppId: 3520371,
		Name: 'Year 7 Maths: fractions',
		StartTime: 1_800_000_000,
		EndTime: 1_800_002_700,
		TeacherId: '2CvDgjRNjylAsBZB4iZc0F6koXe',
		Resolution: 2,
		MaxMicNumber: 6,
		SubType: 'videodoc',
		AutoMic: 1,
		AudioQuality: 1,
		DisableRecord: 0,
		Assistants: ['2CvDgjRNjylAsBZB4iZc0F6koXf'],
		GroupId: 'cfmsqfu2r378uak93i70',
		EndDelayTime: 30,
	};
}

function batchRegisterBody(users: number): IDataObject {
	return {
		Users: Array.from({ length: users }, (_, i) => ({
			SdkAppId: 3520371,
			Name: `学生 ${i}`,
			OriginId: `S${100000 + i}`,
			Avatar: `https://example.com/avatars/${i}.png`,
		})),
	};
}

type Signer = (body: IDataObject, timestamp: number) => string;

const SIGNERS: Record<string, Signer> = {
	'this package': (body, timestamp) => {
		const payload = Buffer.from(JSON.stringify(body), 'utf8');
		const signed = signLcicRequest(CREDENTIALS, {
			method: 'POST',
			url: '/',
			headers: { 'X-TC-Action': 'BatchRegister', 'X-TC-Timestamp': String(timestamp) },
			body: payload,
		});
		return String((signed.headers as IDataObject).Authorization);
	},
	'official SDK': (body, timestamp) => {
		// HttpConnection.doRequestWithSign: the body it sends, then the signature over the object.
		const sent = JSONbigNative.stringify(body);
		const authorization = Sign.sign3({
			method: 'POST',
			url: `https://${HOST}/`,
			payload: body,
			timestamp,
			service: SERVICE,
			secretId: CREDENTIALS.secretId,
			secretKey: CREDENTIALS.secretKey,
			multipart: false,
			boundary: '',
			headers: { 'Content-Type': JSON_CONTENT_TYPE },
		});
		return sent.length > 0 ? authorization : '';
	},
	floor: (body, timestamp) => {
		const payload = Buffer.from(JSON.stringify(body), 'utf8');
		const bodyHash = createHash('sha256').update(payload).digest('hex');
		const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
		const canonical = `POST\n/\n\ncontent-type:${JSON_CONTENT_TYPE}\nhost:${HOST}\n\ncontent-type;host\n${bodyHash}`;
		const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${SERVICE}/tc3_request\n${createHash('sha256').update(canonical).digest('hex')}`;
		return createHmac('sha256', signingKey(CREDENTIALS.secretKey, date, SERVICE))
			.update(toSign)
			.digest('hex');
	},
};

const signatureOf = (authorization: string) => /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];

/** Microseconds per request of `signer` over `iterations` requests. */
function timeSigner(signer: Signer, body: IDataObject, iterations: number): number {
	const timestamp = 1_800_000_000;
	const started = process.hrtime.bigint();
	for (let i = 0; i < iterations; i++) signer(body, timestamp + (i % 60));
	return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

interface BodyCase {
	label: string;
	body: IDataObject;
	iterations: number;
	/** Checked against the floor: the large body, where the work is the body's (a small one's is fixed costs of microseconds). */
	nearFloor: boolean;
}

function measureBody({ body, iterations }: BodyCase): Record<string, number[]> {
	const names = Object.keys(SIGNERS);
	const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
	for (const name of names) timeSigner(SIGNERS[name], body, Math.ceil(iterations / 4)); // warm-up
	for (let round = 0; round < ROUNDS; round++) {
		// A different one goes first in every round.
		for (let k = 0; k < names.length; k++) {
			const name = names[(round + k) % names.length];
			samples[name].push(timeSigner(SIGNERS[name], body, iterations));
		}
	}
	return samples;
}

function runSigningBench(): BenchSection {
	const cases: BodyCase[] = [
		{ label: 'CreateRoom body', body: createRoomBody(), iterations: 4000, nearFloor: false },
		{
			label: '1,000-user BatchRegister body',
			body: batchRegisterBody(1000),
			iterations: 150,
			nearFloor: true,
		},
	];
	// The same signature from both signers, or the comparison would be of different work.
	const timestamp = 1_800_000_000;
	const agree = cases.every(
		({ body }) =>
			signatureOf(SIGNERS['this package'](body, timestamp)) ===
			signatureOf(SIGNERS['official SDK'](body, timestamp)),
	);

	const rows: Array<Array<string | number>> = [];
	const results: BenchResult[] = [];
	let headline = '';
	for (const bodyCase of cases) {
		const samples = measureBody(bodyCase);
		const median = (name: string) => summarise(samples[name]).median;
		// The headline is the largest body: the request a roster sync sends most bytes in.
		headline = `Serialising and signing a ${bodyCase.label}: ${fmt(median('this package'), 0)} µs, **${fmt(median('official SDK') / median('this package'), 1)}x** faster than Tencent's official Node SDK and ${fmt(median('this package') / median('floor'), 1)}x the floor; the same signatures as the SDK.`;
		const bytes = Buffer.byteLength(JSON.stringify(bodyCase.body));
		rows.push([
			`${bodyCase.label} (${bytes.toLocaleString('en-US')} bytes)`,
			medianAndSpread(samples['this package'], 1),
			medianAndSpread(samples['official SDK'], 1),
			medianAndSpread(samples.floor, 1),
			`${fmt(median('official SDK') / median('this package'))}x`,
			`${fmt(median('this package') / median('floor'))}x`,
		]);
		results.push({
			name: `signing: ${bodyCase.label}`,
			figures: {
				'body bytes': bytes,
				'this package (µs)': medianAndSpread(samples['this package'], 1),
				'official SDK (µs)': medianAndSpread(samples['official SDK'], 1),
				'floor (µs)': medianAndSpread(samples.floor, 1),
			},
			// Relative targets: the three take turns, so a loaded machine slows all of them alike.
			target: `faster than the official SDK${bodyCase.nearFloor ? `, and at most ${FLOOR_TARGET}x the floor` : ''}`,
			ok:
				median('this package') < median('official SDK') &&
				(!bodyCase.nearFloor || median('this package') <= FLOOR_TARGET * median('floor')),
		});
	}
	results.push({
		name: 'signing: the same signature as the official SDK',
		figures: { agree: agree ? 'yes' : 'no' },
		target: 'identical signatures for the same body and timestamp',
		ok: agree,
	});

	const markdown = [
		'Microseconds to serialise and sign one request, on the same bodies; the three take turns in each of ' +
			`${ROUNDS} rounds. *This package*: the transport serialises the body once and the credential signs those bytes (derived key cached per day). *Official SDK*: what \`tencentcloud-sdk-nodejs-common\`'s HttpConnection does before sending: serialise the body with json-bigint, then \`Sign.sign3\`, which serialises it again to hash it and derives the key every time. *Floor*: serialise, SHA-256 of the body and of the canonical request, one HMAC with a cached key. Both signers give the same signature: ${agree ? 'yes' : '**no**'}.`,
		'',
		table(
			[
				'Body',
				'This package (µs)',
				'Official SDK (µs)',
				'Floor (µs)',
				'SDK / this package',
				'This package / floor',
			],
			rows,
		),
	].join('\n');
	return { headline, markdown, results };
}

export const signingBench: BenchModule = {
	id: 'signing',
	title: 'Signing: this package, the official SDK and the floor',
	run: runSigningBench,
};
