// `bash scripts/dev.sh demo`: the package's main job, end to end, against the local LCIC
// emulator. Every step is the Tencent Cloud LCIC node running inside n8n's own workflow engine
// (n8n-core's WorkflowExecute, with n8n's expression engine and credential signing):
//   1. roster sync: examples/students.csv -> users (re-runnable) -> one group per class
//   2. a room from a form submission -> teacher and students logged in -> join links
// It prints what was created and how many LCIC API calls each step took.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../test/emulator';
import { callsOf, parametersFor, runWorkflow } from '../test/harness';

const ROOT = join(__dirname, '..');
// The LCIC web classroom; students open it with their user ID and token.
const JOIN_URL = 'https://class.qcloudclass.com/latest/index.html';

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

function readCsv(path: string): IDataObject[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell.trim()])));
}

async function step(
  emulator: RunningEmulator,
  title: string,
  nodeParameters: INodeParameters,
  inputItems: IDataObject[] = [{}],
): Promise<IDataObject[]> {
  process.stdout.write(`  ${title} ... `);
  emulator.resetCalls();
  const { items, error } = await runWorkflow({ emulator, nodeParameters, inputItems });
  if (error) throw new Error(`${title} failed: ${error.message} ${error.description ?? ''}`);
  const calls = callsOf(emulator).map((call) => call.action);
  const summary = [...new Set(calls)].map((action) => `${calls.filter((a) => a === action).length} ${action}`);
  process.stdout.write(`${items.length} item(s), API calls: ${summary.join(', ') || 'none'}\n`);
  return items.map((item) => item.json);
}

async function rosterSync(emulator: RunningEmulator): Promise<Map<string, IDataObject>> {
  const students = readCsv(join(ROOT, 'examples', 'students.csv'));
  console.log(bold(`\n1. Roster sync: ${students.length} students from examples/students.csv`));
  const register = parametersFor(
    'RegisterUser',
    { Name: '={{ $json.name }}', OriginId: '={{ $json.student_number }}' },
    { node: { options: { returnExistingOnDuplicate: true } } },
  );
  const users = await step(emulator, 'Register users (Tencent Cloud LCIC > User > Create)', register, students);
  // A roster sync runs every night: the second run finds the same students and creates nobody.
  const again = await step(emulator, 'Run the same roster again', register, students);
  const same = again.filter((user, i) => user.UserId === users[i].UserId).length;
  console.log(`  -> the second run answered the same UserId for ${same} of ${again.length} students: no duplicates`);

  const classes = [...new Set(students.map((s) => String(s.class)))];
  const groups = await step(
    emulator,
    'Create one group per class (Group > Create)',
    parametersFor('CreateGroupWithMembers', {
      GroupName: '={{ $json.class }}',
      MemberIds: '={{ $json.memberIds }}',
    }),
    classes.map((name) => ({
      class: name,
      memberIds: users.filter((_u, i) => students[i].class === name).map((u) => u.UserId),
    })),
  );

  const byStudent = new Map<string, IDataObject>();
  students.forEach((student, i) => byStudent.set(String(student.student_number), { ...student, UserId: users[i].UserId }));
  console.log('');
  classes.forEach((name, i) => {
    const members = students.filter((s) => s.class === name);
    console.log(`  Group ${bold(name)} (${String(groups[i].GroupId)}): ${members.map((s) => s.name).join(', ')}`);
  });
  return byStudent;
}

async function roomFromForm(emulator: RunningEmulator, students: Map<string, IDataObject>): Promise<void> {
  const now = emulator.clock.now();
  const form = {
    course: 'Year 7 Maths: fractions',
    teacher: 'Mary Somerville',
    teacherNumber: 'T0001',
    start: new Date((now + 3600) * 1000).toISOString(),
    end: new Date((now + 3600 + 45 * 60) * 1000).toISOString(),
  };
  console.log(bold(`\n2. A room from a form submission: "${form.course}", ${form.start} to ${form.end}`));
  const [teacher] = await step(
    emulator,
    'Register the teacher (User > Create)',
    parametersFor('RegisterUser', { Name: '={{ $json.teacher }}', OriginId: '={{ $json.teacherNumber }}' }),
    [form],
  );
  const [room] = await step(
    emulator,
    'Create the room (Room > Create)',
    parametersFor('CreateRoom', {
      Name: '={{ $json.course }}',
      StartTime: '={{ $json.start }}',
      EndTime: '={{ $json.end }}',
      TeacherId: '={{ $json.teacherId }}',
      Resolution: 2,
      MaxMicNumber: 6,
      SubType: 'videodoc',
    }),
    [{ ...form, teacherId: teacher.UserId }],
  );
  const attendees = [
    { name: form.teacher, role: 'teacher', UserId: teacher.UserId },
    ...[...students.values()]
      .filter((s) => s.class === 'Year 7 Maths')
      .map((s) => ({ name: s.name, role: 'student', UserId: s.UserId })),
  ];
  const logins = await step(
    emulator,
    'Log in the teacher and students (User > Log In)',
    parametersFor('LoginUser', { UserId: '={{ $json.UserId }}' }),
    attendees,
  );

  console.log(`\n  Room ${bold(String(room.RoomId))}: join links (valid for 7 days)`);
  logins.forEach((login, i) => {
    const url = `${JOIN_URL}?classid=${String(room.RoomId)}&userid=${String(login.UserId)}&token=${String(login.Token)}`;
    console.log(`  ${String(attendees[i].name).padEnd(20)} ${attendees[i].role.padEnd(8)} ${url}`);
  });
}

async function main(): Promise<void> {
  const emulator = await startEmulator();
  console.log(bold('Tencent Cloud LCIC for n8n: demo against the local LCIC emulator'));
  console.log(`Emulator: ${emulator.url} (SdkAppId ${emulator.account.sdkAppId}); every request is TC3-signed and verified.`);
  try {
    const students = await rosterSync(emulator);
    await roomFromForm(emulator, students);
    const app = emulator.state.apps.get(emulator.account.sdkAppId);
    console.log(
      bold(
        `\nDone. The emulator now holds ${app?.users.size ?? 0} users, ${app?.groups.size ?? 0} groups and ${app?.rooms.size ?? 0} room(s).`,
      ),
    );
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\nDemo failed: ${(error as Error).message}`);
  process.exit(1);
});
