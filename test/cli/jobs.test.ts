import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, copyFixture, removeDir, run } from './run';
import { spawnSync } from 'node:child_process';

/** The basic fixture plus `n` more postings in nested folders. */
function manyFiles(dir: string, n: number): void {
  const renamed = readFileSync(join(dir, 'renamed.md'), 'utf8');
  const initiative = readFileSync(join(dir, 'initiative.md'), 'utf8');
  const clean = readFileSync(join(dir, 'clean.md'), 'utf8');
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `team-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `posting-${String(i).padStart(3, '0')}.md`), [renamed, initiative, clean][i % 3]);
  }
}

describe('CLI --jobs and progress', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('basic');
    manyFiles(dir, 60);
  });
  afterEach(() => removeDir(dir));

  it('--jobs 3 gives output identical to --jobs 1 (stylish, sarif, junit) with the same exit code', () => {
    for (const format of ['stylish', 'sarif', 'junit']) {
      const one = run(dir, ['--format', format, '--jobs', '1']);
      const three = run(dir, ['--format', format, '--jobs', '3']);
      assert.equal(one.status, 0, one.stderr);
      assert.equal(three.status, one.status, format);
      assert.equal(three.stdout, one.stdout, format);
      assert.equal(three.stderr, one.stderr, format);
    }
  });

  it('--jobs keeps stderr notes in file order and fatal files in place', () => {
    writeFileSync(join(dir, 'team-0', 'aa-binary.md'), Buffer.from([0, 1, 2]));
    writeFileSync(join(dir, 'team-5', 'zz-binary.md'), Buffer.from([0, 1, 2]));
    const one = run(dir, ['--format', 'json']);
    const four = run(dir, ['--format', 'json', '--jobs', '4']);
    assert.notEqual(one.status, 2, 'a skipped file is not a usage error');
    assert.equal(four.status, one.status);
    assert.equal(four.stdout, one.stdout);
    assert.equal(four.stderr, one.stderr);
    assert.match(four.stderr, /^cx-lint: team-0\/aa-binary\.md: binary[^\n]*\ncx-lint: team-5\/zz-binary\.md: binary/);
  });

  it('--jobs with a config error fails like --jobs 1 (exit 2)', () => {
    const bad = run(dir, ['--jobs', '2', '--rule', 'no-such-rule=error']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--rule: .*no-such-rule/);
    assert.equal(run(dir, ['--jobs', '0']).status, 2);
    assert.equal(run(dir, ['--jobs', 'x']).status, 2);
  });

  it('no progress on stderr when it is not a terminal', () => {
    const r = run(dir, ['--format', 'json', '--jobs', '2']);
    assert.equal(r.stderr, '');
  });

  it('progress on a terminal for more than 50 files, erased at the end; none for 50 or fewer', () => {
    const preload = join(dir, 'tty.cjs');
    writeFileSync(preload, "Object.defineProperty(process.stderr, 'isTTY', { value: true });\n");
    const env = { ...process.env, NO_COLOR: '1' };
    const r = spawnSync(process.execPath, ['--require', preload, CLI, '--format', 'json'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /\rcx-lint: \d+\/63 files/);
    assert.match(r.stderr, /cx-lint: 63\/63 files/);
    assert.ok(r.stderr.endsWith('\r\x1b[K'));
    JSON.parse(r.stdout);
    const few = spawnSync(process.execPath, ['--require', preload, CLI, 'team-0', 'team-1'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(few.stderr, '');
  });
});
