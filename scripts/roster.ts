// A made-up school roster in the format of examples/students.csv (name, student_number, class),
// to try the roster sync (examples/roster-sync.json) at school size. Deterministic: the same
// arguments give the same file. The end-to-end check runs the example on one.
//   npx tsx scripts/roster.ts > students.csv                  1,200 students in 4 classes
//   npx tsx scripts/roster.ts 10000 10 > students.csv         10,000 students in 10 classes

export interface RosterRow {
	name: string;
	student_number: string;
	class: string;
}

const FIRST = [
	'Ada',
	'Alan',
	'Grace',
	'Katherine',
	'Mary',
	'Dorothy',
	'Edsger',
	'Barbara',
	'Donald',
	'Frances',
	'John',
	'Margaret',
	'Tim',
	'Radia',
	'Ken',
	'Hedy',
];
const LAST = [
	'Lovelace',
	'Turing',
	'Hopper',
	'Johnson',
	'Jackson',
	'Vaughan',
	'Dijkstra',
	'Liskov',
	'Knuth',
	'Allen',
	'Backus',
	'Hamilton',
	'Berners-Lee',
	'Perlman',
	'Thompson',
	'Lamarr',
];
const SUBJECTS = [
	'Biology',
	'Chemistry',
	'History',
	'Art',
	'Physics',
	'Music',
	'Geography',
	'Latin',
];

/** The default: 1,200 students, three of the four classes over LCIC's 200 members per call. */
export const SCHOOL_CLASS_SIZES = [450, 350, 250, 150];

/** One class name per size: "Year 9 Biology", "Year 9 Chemistry", "Year 10 History", ... */
export function classNames(count: number): string[] {
	return Array.from(
		{ length: count },
		(_, i) => `Year ${9 + Math.floor(i / 2)} ${SUBJECTS[i % SUBJECTS.length]}`,
	);
}

/** Students class by class; numbers S200001, S200002, ... (clear of the sample's S1001-S1009). */
export function generateRoster(classSizes: number[] = SCHOOL_CLASS_SIZES): RosterRow[] {
	const names = classNames(classSizes.length);
	const rows: RosterRow[] = [];
	classSizes.forEach((size, c) => {
		for (let i = 0; i < size; i++) {
			const n = rows.length;
			rows.push({
				name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`,
				student_number: `S${200001 + n}`,
				class: names[c],
			});
		}
	});
	return rows;
}

export function toCsv(rows: RosterRow[]): string {
	return [
		'name,student_number,class',
		...rows.map((r) => `${r.name},${r.student_number},${r.class}`),
	]
		.join('\n')
		.concat('\n');
}

/** `count` students spread evenly over `classes` classes. */
function evenSizes(count: number, classes: number): number[] {
	return Array.from(
		{ length: classes },
		(_, i) => Math.floor(count / classes) + (i < count % classes ? 1 : 0),
	);
}

if (require.main === module) {
	const [students, classes] = process.argv.slice(2).map(Number);
	const sizes =
		Number.isInteger(students) && students > 0
			? evenSizes(students, Number.isInteger(classes) && classes > 0 ? classes : 4)
			: SCHOOL_CLASS_SIZES;
	process.stdout.write(toCsv(generateRoster(sizes)));
}
