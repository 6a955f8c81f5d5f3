import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/fixtures';
import { CLI, removeDir, run } from './run';

/** A posting with one safe fix (initiative → programme) and what it becomes. */
const FIXABLE = readFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'basic', 'initiative.md'), 'utf8');
const FIXED = FIXABLE.replace('Lead our new CX initiative across', 'Lead our new CX programme across');
const asRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cx-fix-${prefix}-`));
}

function write(file: string, text = FIXABLE): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('--fix never writes outside the folder being linted unless the command line names the file', function () {
  this.timeout(30000);
  let top: string;
  let proj: string;
  let outside: string;
  beforeEach(() => {
    top = temp('scope');
    proj = join(top, 'proj');
    outside = join(top, 'outside');
    write(join(proj, '.cxlintrc.json'), JSON.stringify({ root: true }));
    write(join(proj, 'local.md'));
    write(join(outside, 'linked', 'a.md'));
    write(join(outside, 'dotdot', 'b.md'));
    write(join(outside, 'absolute', 'c.md'));
    symlinkSync(join(outside, 'linked'), join(proj, 'linked'));
  });
  afterEach(() => removeDir(top));

  it('include globs through a linked folder, with ../ or absolute, lint those files but do not rewrite them; each is reported', () => {
    const include = ['*.md', 'linked/*.md', '../outside/dotdot/*.md', `${join(outside, 'absolute').split('\\').join('/')}/*.md`];
    write(join(proj, '.cxlintrc.json'), JSON.stringify({ root: true, include }));
    const dry = run(proj, ['--fix-dry-run']);
    assert.match(dry.stdout, /^--- a\/local\.md\n/);
    assert.doesNotMatch(dry.stdout, /a\.md\n|b\.md\n|c\.md\n/, '--fix-dry-run refuses the same files');
    const r = run(proj, ['--fix', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    for (const f of [join(outside, 'linked', 'a.md'), join(outside, 'dotdot', 'b.md'), join(outside, 'absolute', 'c.md')])
      assert.equal(readFileSync(f, 'utf8'), FIXABLE, `${f} is untouched`);
    assert.equal(readFileSync(join(proj, 'local.md'), 'utf8'), FIXED, 'the file in the working folder is fixed');
    const notes = r.stderr.trim().split('\n');
    assert.equal(notes.length, 3, r.stderr);
    for (const n of notes)
      assert.match(
        n,
        /^cx-lint: .*\.md: is outside the working folder and the folders named on the command line \(its real path is .*outside.*\); not fixed\. Name the file or its folder on the command line to fix it$/,
      );
    const results = JSON.parse(r.stdout).results;
    assert.equal(results.length, 4, 'every file is still linted and reported');
    assert.ok(
      results.filter((x: any) => x.filePath !== 'local.md').every((x: any) => x.messages.some((m: any) => m.ruleId === 'cx-as-initiative')),
      'unfixed files keep their findings',
    );
  });

  it('a link found by a folder walk is not written through; named on the command line it is', () => {
    symlinkSync(join(outside, 'dotdot', 'b.md'), join(proj, 'notes.md'));
    run(proj, ['--fix', '.']);
    assert.equal(readFileSync(join(outside, 'dotdot', 'b.md'), 'utf8'), FIXABLE);
    const named = run(proj, ['--fix', 'notes.md']);
    assert.equal(named.stderr, '');
    assert.equal(readFileSync(join(outside, 'dotdot', 'b.md'), 'utf8'), FIXED);
  });

  it('files and folders named on the command line, and a glob’s fixed folder, are fixed wherever they are', () => {
    const r = run(proj, ['--fix', '../outside/dotdot/b.md', join(outside, 'absolute'), '../outside/linked/*.md']);
    assert.equal(r.stderr, '');
    for (const f of [join(outside, 'linked', 'a.md'), join(outside, 'dotdot', 'b.md'), join(outside, 'absolute', 'c.md')])
      assert.equal(readFileSync(f, 'utf8'), FIXED, f);
  });
});

describe('--fix keeps what the file was', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => (dir = temp('keep')));
  afterEach(() => removeDir(dir));

  it('keeps modes 664 and 666 (the umask does not apply), leaving no temp file', () => {
    const old = process.umask(0o022);
    try {
      for (const mode of [0o664, 0o666, 0o600]) {
        const f = write(join(dir, `m${mode.toString(8)}.md`));
        chmodSync(f, mode);
      }
      const r = run(dir, ['--fix']);
      assert.equal(r.status, 0, r.stderr);
      for (const mode of [0o664, 0o666, 0o600]) {
        const f = join(dir, `m${mode.toString(8)}.md`);
        assert.equal(readFileSync(f, 'utf8'), FIXED);
        assert.equal((statSync(f).mode & 0o777).toString(8), mode.toString(8), f);
      }
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.endsWith('.tmp')),
        [],
      );
    } finally {
      process.umask(old);
    }
  });

  it('a file with another hard link is rewritten in place: both names show the fix', () => {
    const f = write(join(dir, 'job.md'));
    linkSync(f, join(dir, 'job-copy.txt'));
    const ino = statSync(f).ino;
    const r = run(dir, ['--fix', 'job.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'job-copy.txt'), 'utf8'), FIXED);
    assert.equal(statSync(f).ino, ino);
    assert.equal(statSync(f).nlink, 2);
  });

  it('keeps the owner and group of a file that is not the runner’s (as root: by chown; as another user: in place)', function () {
    if (!asRoot) this.skip();
    // Root fixing nobody's file: the new file is given nobody's owner and group.
    const f = write(join(dir, 'theirs.md'));
    chownSync(f, NOBODY.uid, NOBODY.gid);
    assert.equal(run(dir, ['--fix', 'theirs.md']).status, 0);
    assert.equal(readFileSync(f, 'utf8'), FIXED);
    assert.deepEqual([statSync(f).uid, statSync(f).gid], [NOBODY.uid, NOBODY.gid]);
    // Nobody fixing root's group-writable file in a shared folder: it cannot chown, so
    // it writes in place and the file stays root's, with its mode.
    chmodSync(dir, 0o777);
    const g = write(join(dir, 'shared.md'));
    chmodSync(g, 0o666);
    const r = run(dir, ['--fix', 'shared.md'], NOBODY);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(g, 'utf8'), FIXED);
    assert.deepEqual([statSync(g).uid, statSync(g).gid, statSync(g).mode & 0o777], [0, 0, 0o666]);
  });
});

describe('a file --fix cannot write is reported, and the run goes on', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => (dir = temp('unwritable')));
  afterEach(() => removeDir(dir));

  it('a file with a 240-character name is fixed (the temp file has a short name of its own)', () => {
    const name = `${'a'.repeat(237)}.md`;
    write(join(dir, name));
    const r = run(dir, ['--fix']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, name), 'utf8'), FIXED);
  });

  it('a read-only folder and a read-only file: each said once on stderr, later files still fixed and reported, exit code theirs', function () {
    // Root writes anything, so as root the CLI runs as "nobody" (as in skipped-files.test.ts).
    const who = asRoot ? NOBODY : {};
    chmodSync(dir, 0o755);
    const ro = write(join(dir, 'a-locked-folder', 'job.md'));
    chmodSync(ro, 0o666);
    const rofile = write(join(dir, 'b-shared', 'job.md'));
    chmodSync(join(dir, 'b-shared'), 0o777);
    chmodSync(rofile, 0o444);
    const ok = write(join(dir, 'c-mine', 'job.md'));
    chmodSync(join(dir, 'c-mine'), 0o777);
    chmodSync(ok, 0o666);
    if (asRoot) chownSync(ok, NOBODY.uid, NOBODY.gid);
    chmodSync(join(dir, 'a-locked-folder'), 0o555);
    const r = run(dir, ['--fix', '--format', 'json'], who);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      r.stderr,
      'cx-lint: a-locked-folder/job.md: cannot be written (permission denied); not fixed\n' +
        'cx-lint: b-shared/job.md: cannot be written (permission denied); not fixed\n',
    );
    assert.equal(readFileSync(ro, 'utf8'), FIXABLE);
    assert.equal(readFileSync(rofile, 'utf8'), FIXABLE);
    assert.equal(readFileSync(ok, 'utf8'), FIXED, 'the file after them is still fixed');
    const results = JSON.parse(r.stdout).results.map((x: any) => [x.filePath, x.messages.map((m: any) => m.ruleId).includes('cx-as-initiative')]);
    assert.deepEqual(results, [
      ['a-locked-folder/job.md', true],
      ['b-shared/job.md', true],
      ['c-mine/job.md', false],
    ]);
    // With --jobs 2 the same.
    const again = run(dir, ['--fix', '--format', 'json', '--jobs', '2'], who);
    assert.equal(again.stderr, r.stderr.split('\n').slice(0, 2).join('\n') + '\n');
    assert.equal(again.status, 0);
  });

  it('a write that fails midway (a full disk, simulated by a 1 KB file size limit that binds root too) leaves the file as it was; the run goes on', function () {
    if (process.platform === 'win32') this.skip();
    const padding = `\n${'- Share what customers say with every team\n'.repeat(40)}`;
    const big = write(join(dir, 'a-big.md'), FIXABLE + padding);
    const linked = write(join(dir, 'b-linked.md'), FIXABLE + padding);
    linkSync(linked, join(dir, 'b-linked.txt'));
    const small = write(join(dir, 'c-small.md'));
    // bash's ulimit -f counts 1 KB blocks; Node ignores SIGXFSZ, so a write past it fails with EFBIG.
    const r = spawnSync('bash', ['-c', 'ulimit -f 1 && exec "$0" "$@"', process.execPath, CLI, '--fix'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      r.stderr,
      "cx-lint: a-big.md: cannot be written (over the file system's or the process's file size limit); not fixed\n" +
        "cx-lint: b-linked.md: cannot be written (over the file system's or the process's file size limit); not fixed\n",
    );
    assert.equal(readFileSync(big, 'utf8'), FIXABLE + padding);
    assert.equal(readFileSync(linked, 'utf8'), FIXABLE + padding, 'a file rewritten in place is restored');
    assert.equal(readFileSync(small, 'utf8'), FIXED);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.endsWith('.tmp')),
      [],
    );
  });
});
