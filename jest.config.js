// The tests run in a server time zone that no test workflow uses (+05:30, no DST): the node must
// read zone-less times in the workflow's zone, never the OS zone (Docker's is UTC, which would
// hide the difference). Set here because the workers inherit it; a test cannot change its own
// process's TZ (jest hands tests a copy of process.env). test/node/timeZones.test.ts checks it.
process.env.TZ = 'Asia/Kolkata';

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type checking is `npm run typecheck`'s job; tests only need transpiling.
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	// A guard against a hang, not a speed target (those are `npm run bench`'s): the longest test
	// takes about 6 s with two full runs at once on two loaded cores (load average 13).
	testTimeout: 60000,
	// Two workers for two cores: most files wait on sockets to the in-process emulator, so two
	// overlap well (the suite took 29 s with two, 50-52 s with one, on a quiet machine).
	maxWorkers: 2,
};
