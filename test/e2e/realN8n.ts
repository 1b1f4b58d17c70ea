// End-to-end check in a real n8n (part of `bash scripts/dev.sh test`): the package as npm would
// ship it (`npm pack`), installed the way n8n installs community nodes (~/.n8n/nodes), loaded by
// the real n8n CLI (cached by scripts/n8n-install.sh), running the example workflows against the
// LCIC emulator. Every n8n process runs with a time limit; the temp folder is removed at the end.
//   npx tsx test/e2e/realN8n.ts
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { finishRoom } from '../emulator/actions/roomState';
import { addLiveRoom } from '../trigger/liveRooms';

const ROOT = resolve(__dirname, '..', '..');
const CREDENTIAL = { id: 'lcicCredential01', name: 'Tencent Cloud LCIC' };
const N8N_TIMEOUT_MS = 180_000;

let passed = 0;
let failed = 0;

function check(label: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}${ok || !detail ? '' : `: ${detail}`}`);
}

function n8nBinary(): string {
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'n8n-install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop() ?? '';
}

/** The package as `npm pack` makes it, installed like a community node into <home>/.n8n/nodes. */
function installPackedPackage(home: string): void {
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', home], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const nodesDir = join(home, '.n8n', 'nodes');
  mkdirSync(nodesDir, { recursive: true });
  writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
  // n8n itself provides the peer dependency n8n-workflow.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--legacy-peer-deps', join(home, packed)], {
    cwd: nodesDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

class N8n {
  private serial = 0;

  constructor(
    private readonly binary: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
  ) {}

  /**
   * Runs an n8n command; async, because the emulator answering it lives in this process. Output
   * goes to files: n8n exits right after printing, and a pipe would lose the end of a long print.
   */
  run(args: string[]): Promise<string> {
    const base = join(this.logDir, `${++this.serial}-${args[0].replace(/\W/g, '_')}`);
    const stdout = openSync(`${base}.out`, 'w');
    const stderr = openSync(`${base}.err`, 'w');
    return new Promise<string>((done, fail) => {
      const child = spawn(this.binary, args, { env: this.env, stdio: ['ignore', stdout, stderr] });
      const timer = setTimeout(() => child.kill('SIGKILL'), N8N_TIMEOUT_MS);
      child.on('error', fail);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const out = readFileSync(`${base}.out`, 'utf8');
        if (code === 0) return done(out);
        const tail = (readFileSync(`${base}.err`, 'utf8') || out).slice(-2000);
        fail(new Error(`n8n ${args[0]} failed (${signal ?? `exit ${String(code)}`}): ${tail}`));
      });
    }).finally(() => {
      closeSync(stdout);
      closeSync(stderr);
    });
  }

  private longLog = '';

  /** A long-running n8n process (n8n start); its output goes to a file read by lastLog(). */
  spawnLongRunning(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    this.longLog = join(this.logDir, `${++this.serial}-${args[0]}.log`);
    const fd = openSync(this.longLog, 'w');
    const child = spawn(this.binary, args, { env: { ...this.env, ...env }, stdio: ['ignore', fd, fd] });
    child.on('close', () => closeSync(fd));
    return child;
  }

  lastLog(): string {
    return this.longLog ? readFileSync(this.longLog, 'utf8') : '';
  }

  /** Runs a workflow with `n8n execute` and returns the execution's run data. */
  async execute(workflowId: string): Promise<RunData> {
    const out = await this.run(['execute', `--id=${workflowId}`, '--rawOutput']);
    // n8n prints the execution as indented JSON ("{" ... "}" at the start of their lines) among
    // log lines that may come before or after it.
    const lines = out.split('\n');
    const first = lines.indexOf('{');
    const last = lines.indexOf('}', first);
    if (first < 0 || last < 0) throw new Error(`n8n execute printed no execution for ${workflowId}: ${out.slice(-1000)}`);
    const json = JSON.parse(lines.slice(first, last + 1).join('\n')) as { data: { resultData: { runData: RunData; error?: { message: string } } } };
    if (json.data.resultData.error) throw new Error(`workflow ${workflowId} failed: ${json.data.resultData.error.message}`);
    return json.data.resultData.runData;
  }
}

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;

function outputOf(runData: RunData, node: string): Array<Record<string, unknown>> {
  return (runData[node] ?? []).flatMap((task) => task.data?.main?.[0] ?? []).map((item) => item.json);
}

async function importWorkflow(n8n: N8n, home: string, file: string, edit: (text: string) => string = (t) => t): Promise<string> {
  const text = edit(readFileSync(join(ROOT, 'examples', file), 'utf8'));
  const target = join(home, file);
  writeFileSync(target, text);
  await n8n.run(['import:workflow', `--input=${target}`]);
  return (JSON.parse(text) as { id: string }).id;
}

async function rosterSync(n8n: N8n, home: string, emulator: RunningEmulator): Promise<void> {
  console.log('\nExample 1: roster sync from examples/students.csv');
  const files = join(home, 'files');
  mkdirSync(files, { recursive: true });
  copyFileSync(join(ROOT, 'examples', 'students.csv'), join(files, 'students.csv'));
  const id = await importWorkflow(n8n, home, 'roster-sync.json', (text) => text.replace('/home/node/.n8n-files/students.csv', join(files, 'students.csv')));

  const students = readFileSync(join(ROOT, 'examples', 'students.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
  const first = await n8n.execute(id);
  const registered = outputOf(first, 'Register students');
  check(`registers ${students.length} students`, registered.length === students.length && app.users.size === students.length, `${registered.length} items, ${app.users.size} users`);
  check('in one BatchRegister call', emulator.calls.filter((c) => c.action === 'BatchRegister').length === 1);
  const byName = new Map([...app.groups.values()].map((g) => [g.GroupName, g]));
  const classes = [...new Set(students.map((s) => s[2]))];
  check(
    `one group per class (${classes.join(', ')}) with its students`,
    classes.every((name) => {
      const expected = students.filter((s) => s[2] === name).map((s) => app.usersByOrigin.get(s[1]));
      return JSON.stringify(byName.get(name)?.memberIds) === JSON.stringify(expected);
    }),
  );

  const again = outputOf(await n8n.execute(id), 'Register students');
  check(
    'a second run returns the same users and registers nobody new',
    app.users.size === students.length && JSON.stringify(again.map((u) => u.UserId)) === JSON.stringify(registered.map((u) => u.UserId)),
  );
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Waits (bounded) until `condition` holds; false when the time is up. */
async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await sleep(500);
  }
  return condition();
}

/** `n8n start` on 127.0.0.1 until the returned stop() is called (SIGTERM, then SIGKILL). */
async function startN8n(n8n: N8n, port: number): Promise<{ stop(): Promise<void> }> {
  const child = n8n.spawnLongRunning(['start'], { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' });
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  const ready = await waitFor(() => n8n.lastLog().includes('Editor is now accessible'), 120_000);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`n8n start did not come up: ${n8n.lastLog().slice(-1500)}`);
  }
  return {
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Example 2: a form submission schedules a class and logs the teacher and students in. */
async function roomFromForm(url: string, emulator: RunningEmulator, log: () => string): Promise<void> {
  console.log('\nExample 2: a class from the n8n form (active in n8n start)');
  const now = emulator.clock.now();
  const answers = [
    'Year 7 Maths: fractions',
    'Mary Somerville',
    'T0001',
    new Date((now + 3600) * 1000).toISOString(),
    new Date((now + 3600 + 45 * 60) * 1000).toISOString(),
    'S1001, S1002',
  ];
  // Published workflows are activated after the editor is up: wait until the form page answers.
  // n8n serves a Form Trigger's production form under its webhookId.
  const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'room-from-form.json'), 'utf8')) as { nodes: Array<{ webhookId?: string }> };
  const formUrl = `${url}/form/${example.nodes.find((node) => node.webhookId)!.webhookId!}`;
  let formPage = false;
  for (let attempt = 0; attempt < 60 && !formPage; attempt++) {
    formPage = (await fetch(formUrl).catch(() => undefined))?.ok === true;
    if (!formPage) await sleep(1000);
  }
  check('n8n serves the form', formPage, `GET ${formUrl} never answered 200`);
  const form = new FormData();
  answers.forEach((answer, index) => form.append(`field-${index}`, answer));
  const response = await fetch(formUrl, { method: 'POST', body: form });
  check('the form accepts the submission', response.ok, `HTTP ${response.status}; n8n said: ${log().slice(-1500)}`);

  const logins = () => emulator.calls.filter((c) => c.action === 'LoginOriginId').map((c) => String(c.params.OriginId));
  await waitFor(() => logins().length >= 3, 60_000);
  const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
  const room = [...app.rooms.values()].find((r) => r.Name === answers[0]);
  const teacherId = app.usersByOrigin.get('T0001');
  check('creates the room with the form\'s name, times and teacher', Boolean(room && teacherId && room.TeacherId === teacherId && room.StartTime === now + 3600), JSON.stringify(room?.TeacherId));
  check('logs the teacher and both students in', JSON.stringify(logins().sort()) === JSON.stringify(['S1001', 'S1002', 'T0001']), JSON.stringify(logins()));
}

/** Example 3: the trigger, active, runs the workflow once per ended class. */
async function afterClass(emulator: RunningEmulator, rooms: number[]): Promise<void> {
  console.log('\nExample 3: after class (the trigger, active in n8n start)');
  const polls = () => emulator.calls.filter((c) => c.action === 'GetRooms').length;
  const statisticsCalls = () => emulator.calls.filter((c) => c.action === 'DescribeRoomStatistics').map((c) => Number(c.params.RoomId));
  // n8n polls on the minute: the first poll sets the cursors, the classes end, the next one emits.
  check('the active trigger polls', await waitFor(() => polls() >= 1, 150_000), 'no GetRooms call within 150 s');
  check('no execution for events before the activation', statisticsCalls().length === 0);
  const app = emulator.state.apps.get(emulator.account.sdkAppId)!;
  for (const roomId of rooms) finishRoom(app.rooms.get(roomId)!, emulator.clock.now());
  const after = polls();
  check('one execution per RoomEnd', await waitFor(() => statisticsCalls().length >= 2, 150_000), `DescribeRoomStatistics for ${JSON.stringify(statisticsCalls())}`);
  // One more poll: nothing is emitted twice.
  await waitFor(() => polls() >= after + 2, 150_000);
  check('each ended room summarised exactly once', JSON.stringify(statisticsCalls().sort()) === JSON.stringify([...rooms].sort()), JSON.stringify(statisticsCalls()));
}

/** Two classes running before the activation: their past events must not start the workflow. */
function runningClasses(emulator: RunningEmulator): number[] {
  const sdkAppId = emulator.account.sdkAppId;
  const app = emulator.state.apps.get(sdkAppId)!;
  return ['Algebra', 'Biology'].map((name, i) => {
    const roomId = addLiveRoom(emulator.state, sdkAppId, emulator.clock.now(), name);
    for (const userId of [`student-${i}-a`, `student-${i}-b`]) {
      app.users.set(userId, { UserId: userId, SdkAppId: sdkAppId, Name: userId, OriginId: userId, Token: 't', createdAt: 0, extra: {} });
      emulator.simulate('memberJoin', { SdkAppId: sdkAppId, RoomId: roomId, UserId: userId });
    }
    return roomId;
  });
}

/** Examples 2 and 3 are active workflows: both run in one `n8n start`. */
async function activeWorkflows(n8n: N8n, home: string, emulator: RunningEmulator): Promise<void> {
  for (const file of ['room-from-form.json', 'after-class.json']) {
    const id = await importWorkflow(n8n, home, file);
    await n8n.run(['publish:workflow', `--id=${id}`]);
  }
  const rooms = runningClasses(emulator);
  const port = await freePort();
  const server = await startN8n(n8n, port);
  try {
    await roomFromForm(`http://127.0.0.1:${port}`, emulator, () => n8n.lastLog());
    await afterClass(emulator, rooms);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  console.log('End-to-end in a real n8n: the packed package, the n8n CLI, the LCIC emulator');
  const binary = n8nBinary();
  const home = mkdtempSync(join(tmpdir(), 'lcic-e2e-'));
  const emulator = await startEmulator();
  try {
    installPackedPackage(home);
    const n8n = new N8n(binary, {
      ...process.env,
      N8N_USER_FOLDER: home,
      N8N_ENCRYPTION_KEY: 'lcic-e2e-encryption-key',
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_RESTRICT_FILE_ACCESS_TO: join(home, 'files'),
      // n8n's task broker listens on 5679 by default: a free port keeps this run clear of a
      // developer's own n8n.
      N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    }, home);

    console.log('\nLoading the package');
    await n8n.run(['export:nodes', `--output=${join(home, 'nodes.json')}`]);
    const names = (JSON.parse(readFileSync(join(home, 'nodes.json'), 'utf8')) as Array<{ name: string }>).map((n) => n.name);
    check('n8n export:nodes lists the LCIC node', names.includes('n8n-nodes-tencent-lcic.lcic'));
    check('n8n export:nodes lists the LCIC trigger', names.includes('n8n-nodes-tencent-lcic.lcicTrigger'));

    const credential = {
      ...CREDENTIAL,
      type: 'tencentCloudLcicApi',
      data: {
        secretId: emulator.account.secretId,
        secretKey: emulator.account.secretKey,
        sdkAppId: emulator.account.sdkAppId,
        endpoint: 'custom',
        customUrl: emulator.url,
        language: 'en-US',
      },
    };
    writeFileSync(join(home, 'credentials.json'), JSON.stringify([credential]));
    await n8n.run(['import:credentials', `--input=${join(home, 'credentials.json')}`]);
    check('n8n import:credentials takes a Tencent Cloud LCIC API credential', true);

    await rosterSync(n8n, home, emulator);
    await activeWorkflows(n8n, home, emulator);
  } catch (error) {
    failed++;
    console.log(`  FAIL ${(error as Error).message}`);
  } finally {
    await emulator.stop();
    rmSync(home, { recursive: true, force: true });
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
