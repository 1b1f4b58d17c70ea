// The end-to-end checks' report: one line per check, a count at the end.

export class Checks {
	passed = 0;
	failed = 0;

	check(label: string, ok: boolean, detail = ''): boolean {
		if (ok) this.passed++;
		else this.failed++;
		console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}${ok || !detail ? '' : `: ${detail}`}`);
		return ok;
	}

	/** A step that could not run at all (its error says why). */
	broke(error: unknown): void {
		this.failed++;
		console.log(`  FAIL ${error instanceof Error ? error.message : String(error)}`);
	}

	summary(): string {
		return `${this.passed} passed, ${this.failed} failed`;
	}
}
