import { createClock } from './clock';
import { Faults } from './faults';
import { checkParams, parseBody } from './paramCheck';
import { RateLimits } from './rateLimits';

// The small pieces of the HTTP layer on their own.

const codeOf = (run: () => void): string | undefined => {
	try {
		run();
		return undefined;
	} catch (error) {
		return (error as { code: string }).code;
	}
};

describe('createClock', () => {
	// The clock follows wall time: a reading is the value set plus the whole seconds of wall time
	// since, which the test bounds by reading the wall clock around (never a tolerance: a loaded
	// machine may take more than a second between two lines).
	const wallSeconds = () => Math.floor(Date.now() / 1000);

	it('starts where asked and follows advance() and set()', () => {
		const from = wallSeconds();
		const clock = createClock(1_700_000_000);
		const started = clock.now();
		expect(started - 1_700_000_000).toBeGreaterThanOrEqual(0);
		expect(started - 1_700_000_000).toBeLessThanOrEqual(wallSeconds() - from);
		clock.advance(3600);
		const advanced = clock.now();
		expect(advanced - 1_700_003_600).toBeGreaterThanOrEqual(started - 1_700_000_000);
		expect(advanced - 1_700_003_600).toBeLessThanOrEqual(wallSeconds() - from);
		const setFrom = wallSeconds();
		clock.set(1_800_000_000);
		const set = clock.now();
		expect(set - 1_800_000_000).toBeGreaterThanOrEqual(0);
		expect(set - 1_800_000_000).toBeLessThanOrEqual(wallSeconds() - setFrom);
	});

	it('follows wall time by default', () => {
		const from = wallSeconds();
		const now = createClock().now();
		expect(now).toBeGreaterThanOrEqual(from);
		expect(now).toBeLessThanOrEqual(wallSeconds());
	});
});

describe('checkParams', () => {
	const spec = {
		Id: { type: 'Integer', required: true },
		Ratio: { type: 'Float' },
		Flag: { type: 'Boolean' },
		Ids: { type: 'Array of Integer' },
		Info: { type: 'Object' },
		Items: { type: 'Array of Object' },
	} as const;

	it('accepts matching types and absent optional parameters', () => {
		expect(
			codeOf(() =>
				checkParams({ Id: 1, Ratio: 0.5, Flag: false, Ids: [1], Info: {}, Items: [{}] }, spec),
			),
		).toBeUndefined();
	});

	it.each([
		[{}, 'MissingParameter'],
		[{ Id: 1.5 }, 'InvalidParameter'],
		[{ Id: 1, Flag: 'true' }, 'InvalidParameter'],
		[{ Id: 1, Ids: [1, '2'] }, 'InvalidParameter'],
		[{ Id: 1, Info: [] }, 'InvalidParameter'],
		[{ Id: 1, Items: [1] }, 'InvalidParameter'],
		[{ Id: 1, Ratio: null }, 'InvalidParameter'],
		[{ Id: 1, Other: 1 }, 'UnknownParameter'],
	])('%j -> %s', (params, code) => {
		expect(codeOf(() => checkParams(params, spec))).toBe(code);
	});

	it('parses bodies: empty is {}, anything but an object is refused', () => {
		expect(parseBody(Buffer.from(''))).toEqual({});
		expect(codeOf(() => parseBody(Buffer.from('nope')))).toBe('InvalidParameter');
		expect(codeOf(() => parseBody(Buffer.from('null')))).toBe('InvalidParameter');
	});
});

describe('RateLimits', () => {
	it('allows `perSecond` calls in any one-second window, per key', () => {
		const limits = new RateLimits();
		expect([0, 10, 20].map((t) => limits.take('id', 'A', 2, t))).toEqual([true, true, false]);
		expect(limits.take('id', 'B', 2, 20)).toBe(true);
		expect(limits.take('other', 'A', 2, 20)).toBe(true);
		expect(limits.take('id', 'A', 2, 999)).toBe(false);
		expect(limits.take('id', 'A', 2, 1000)).toBe(true);
	});
});

describe('Faults', () => {
	it('applies the oldest matching fault `times` times', () => {
		const faults = new Faults();
		faults.add({ kind: 'error', action: 'A', times: 2 });
		faults.add({ kind: 'status' });
		expect(faults.take('B')?.kind).toBe('status');
		expect(faults.take('B')).toBeUndefined();
		expect(faults.take('A')?.kind).toBe('error');
		expect(faults.take('A')?.kind).toBe('error');
		expect(faults.take('A')).toBeUndefined();
	});

	it('uses a delay once per call', () => {
		const faults = new Faults();
		faults.add({ kind: 'delay', ms: 1, times: 2 });
		expect(faults.take('A')?.kind).toBe('delay');
		expect(faults.take('A', true)).toBeUndefined();
		expect(faults.list()).toEqual([{ kind: 'delay', ms: 1, times: 1 }]);
	});
});
