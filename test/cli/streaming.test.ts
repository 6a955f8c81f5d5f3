import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { collect, JsonArraySlot, Spool } from '../../server/src/report/stream';
import { ROOT } from '../helpers/fixtures';
import { CLI, copyFixture, removeDir, run } from './run';
import { FORMAT_NAMES } from '../../server/src/report/formats';

// Every format in the registry the CLI and the API read.
const FORMATS = FORMAT_NAMES;

/** The basic fixture plus `n` postings in nested folders, some with findings. */
function manyFiles(dir: string, n: number): void {
  const texts = ['renamed.md', 'initiative.md', 'clean.md'].map((f) => readFileSync(join(dir, f), 'utf8'));
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `team-${i % 5}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `posting-${String(i).padStart(3, '0')}.md`), texts[i % 3]);
  }
}

/**
 * A slow disk, simulated: preloaded into the CLI, it makes opening a file named
 * zz-slow.md wait until zz-slow.md.go exists. (A named pipe no longer blocks the CLI:
 * it is refused without being opened for reading.)
 */
const SLOW_OPEN = `
const fs = require('node:fs');
const openSync = fs.openSync;
fs.openSync = function (p, ...rest) {
  if (String(p).endsWith('zz-slow.md')) {
    const gate = new Int32Array(new SharedArrayBuffer(4));
    while (!fs.existsSync(String(p) + '.go')) Atomics.wait(gate, 0, 0, 20);
  }
  return openSync.call(this, p, ...rest);
};
`;

/**
 * Starts the CLI on a folder whose last file (in report order), zz-slow.md, opens only
 * when the test says so. Resolves with what the CLI printed by the time `seen` matched
 * stdout (or it exited), then lets it finish.
 */
function runUntilBlocked(dir: string, args: string[], seen: RegExp): Promise<{ before: string; stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolveRun, reject) => {
    const hook = join(dir, '..', `${basename(dir)}-slow-open.js`);
    writeFileSync(hook, SLOW_OPEN);
    const child = spawn(process.execPath, ['--require', hook, CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } });
    let stdout = '';
    let stderr = '';
    let before: string | undefined;
    const unblock = () => {
      if (before !== undefined) return;
      before = stdout;
      writeFileSync(join(dir, 'zz-slow.md.go'), '');
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (seen.test(stdout)) unblock();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      rmSync(hook, { force: true });
      resolveRun({ before: before ?? '(never blocked)', stdout, stderr, status });
    });
  });
}

describe('CLI: the report streams file by file', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('basic');
    manyFiles(dir, 40);
  });
  afterEach(() => removeDir(dir));

  it('--jobs 1 and --jobs 2 give identical stdout, stderr and exit codes in every format, with --quiet, a baseline and --max-warnings', () => {
    writeFileSync(join(dir, 'team-1', 'binary.md'), Buffer.from([0, 1, 2]));
    const baseline = run(dir, ['--write-baseline', 'b1.json', '--jobs', '1']);
    const baseline2 = run(dir, ['--write-baseline', 'b2.json', '--jobs', '2']);
    assert.equal(baseline.status, 0, baseline.stderr);
    assert.equal(baseline2.stderr.replace('b2.json', 'b1.json'), baseline.stderr);
    assert.equal(readFileSync(join(dir, 'b2.json'), 'utf8'), readFileSync(join(dir, 'b1.json'), 'utf8'));
    assert.ok(JSON.parse(readFileSync(join(dir, 'b1.json'), 'utf8')).findings.length > 20);
    // Drop half of the recorded findings so that the baseline filters some, not all.
    const b = JSON.parse(readFileSync(join(dir, 'b1.json'), 'utf8'));
    b.findings = b.findings.filter((_: unknown, i: number) => i % 2 === 0);
    writeFileSync(join(dir, 'half.json'), JSON.stringify(b));
    for (const format of FORMATS) {
      const extras =
        format === 'stylish' || format === 'json'
          ? [[], ['--quiet', '--rule', 'cx-as-initiative=error'], ['--baseline', 'half.json', '--max-warnings', '3']]
          : [[]];
      for (const extra of extras) {
        const args = ['--format', format, ...extra];
        const one = run(dir, [...args, '--jobs', '1']);
        const two = run(dir, [...args, '--jobs', '2']);
        const what = args.join(' ');
        assert.notEqual(one.status, 2, one.stderr);
        assert.equal(two.status, one.status, what);
        assert.equal(two.stdout, one.stdout, what);
        assert.equal(two.stderr, one.stderr, what);
        assert.match(one.stderr, /team-1\/binary\.md: binary/, what);
      }
    }
  });

  it('stylish, json and github print the files before a file that is still being read (--jobs 1)', async function () {
    const expected = run(dir, ['--format', 'json', ...['clean.md', 'initiative.md', 'renamed.md', 'team-0', 'team-1', 'team-2', 'team-3', 'team-4']]);
    const firstFile = { stylish: /^initiative\.md\n/, json: /"filePath": "initiative\.md"/, github: /file=initiative\.md/ } as const;
    // Named on the command line, so it is the last file in report order.
    writeFileSync(join(dir, 'zz-slow.md'), readFileSync(join(dir, 'renamed.md')));
    for (const format of ['stylish', 'json', 'github'] as const) {
      rmSync(join(dir, 'zz-slow.md.go'), { force: true });
      const r = await runUntilBlocked(dir, ['--format', format, '--jobs', '1', '.', 'zz-slow.md'], /team-4\/posting-039/);
      assert.match(r.before, firstFile[format], `${format}: earlier files are printed while the slow file is being opened`);
      assert.doesNotMatch(r.before, /zz-slow/, `${format}: nothing after the blocked file`);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /zz-slow\.md/);
      if (format === 'json') {
        const got = JSON.parse(r.stdout);
        assert.deepEqual(got.results.slice(0, -1), JSON.parse(expected.stdout).results);
        assert.equal(got.results.at(-1).filePath, 'zz-slow.md');
      }
    }
  });

  it('a named pipe named on the command line is refused at once, without waiting for a writer, in every format and with --jobs 2', function () {
    if (process.platform === 'win32') this.skip();
    // Named on the command line: a folder walk lists regular files and folders only.
    execFileSync('mkfifo', [join(dir, 'zz-pipe.md')]);
    const expected = run(dir, ['--format', 'json', ...['clean.md', 'initiative.md', 'renamed.md', 'team-0', 'team-1', 'team-2', 'team-3', 'team-4']]);
    for (const [format, jobs] of [
      ['sarif', '1'],
      ['junit', '1'],
      ['json', '1'],
      ['json', '2'],
      ['stylish', '2'],
    ] as const) {
      // Before issue 13 the CLI waited for a writer forever; the timeout turns that into a failure.
      const r = run(dir, ['--format', format, '--jobs', jobs, '.', 'zz-pipe.md'], { timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /zz-pipe\.md: is not a regular file/);
      if (format === 'sarif') assert.match(r.stdout, /"version": "2\.1\.0"/);
      if (format === 'junit') assert.match(r.stdout, /^<\?xml/);
      if (format === 'json') assert.deepEqual(JSON.parse(r.stdout).results.slice(0, -1), JSON.parse(expected.stdout).results);
      if (format === 'stylish') assert.match(r.stdout, /^initiative\.md\n[^]*team-4\/posting-039\.md\n[^]*problems/);
    }
  });

  it('a config error that stops the run (unknown --rule under one folder) leaves stdout and --output-file untouched, however late in the file order', () => {
    // "a/" uses a pack that defines cxpa-acronym-stack; "b/" (linted later) does not know it.
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', '.cxlintrc.json'), JSON.stringify({ packs: [join(ROOT, 'examples', 'packs', 'cx-association-titles')] }));
    writeFileSync(join(dir, 'a', 'one.md'), readFileSync(join(dir, 'renamed.md')));
    for (const jobs of ['1', '2']) {
      const r = run(dir, ['--rule', 'cxpa-acronym-stack=error', '--jobs', jobs, '--output-file', 'report.txt', 'a', 'team-0']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /--rule: .*cxpa-acronym-stack/);
      assert.equal(r.stdout, '');
      assert.equal(existsSync(join(dir, 'report.txt')), false);
    }
    assert.equal(run(dir, ['--rule', 'cxpa-acronym-stack=error', 'a']).status, 0, 'the folder that knows the rule lints');
  });
});

describe('report streaming helpers', () => {
  const doc = (items: unknown) => ({ a: 1, nested: { list: [items], after: 'x' }, tail: [1, 2] });
  const items = [{ k: 'v', deep: { arr: [1, { z: null }], empty: [], o: {} } }, 'two\nlines', 3, [], {}];

  it('JsonArraySlot writes exactly what JSON.stringify(doc, null, 2) would, for 0, 1 and many items', () => {
    for (const n of [0, 1, items.length]) {
      const slot = new JsonArraySlot(doc(JsonArraySlot.ITEMS));
      let text = slot.head;
      items.slice(0, n).forEach((x, i) => (text += slot.item(x, i)));
      text += slot.end(n);
      assert.equal(text, JSON.stringify({ a: 1, nested: { list: items.slice(0, n), after: 'x' }, tail: [1, 2] }, null, 2) + '\n');
    }
  });

  it('Spool gives back what was written, in order, from memory or after moving to a temporary file', () => {
    for (const limit of [Infinity, 10]) {
      const spool = new Spool(limit);
      const parts = ['héllo ', 'wörld\n', '€'.repeat(70_000), 'end'];
      for (const p of parts) spool.write(p);
      const out: Buffer[] = [];
      spool.drain((c) => out.push(Buffer.from(c)));
      assert.equal(Buffer.concat(out).toString('utf8'), parts.join(''), String(limit));
    }
  });

  it('collect runs a writer over results in memory', () => {
    assert.equal(
      collect((out) => ({ file: (r) => out(`${r.displayPath}\n`), end: () => out('.') }), [{ filePath: '/x', displayPath: 'x', messages: [] }]),
      'x\n.',
    );
  });
});
