import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfUnchanged } from '../../server/src/cli/fix';
import { readForLint } from '../../server/src/config/read-file';
import { copyFixture, removeDir, run } from './run';

/** Lines of stderr that mention `name`. */
const mentions = (stderr: string, name: string) => stderr.split('\n').filter((l) => l.includes(name));

/** filePath → [rule ids, fatal] from --format json. */
function byFile(stdout: string): Record<string, [string[], string | null]> {
  const out: Record<string, [string[], string | null]> = {};
  for (const r of JSON.parse(stdout).results) out[r.filePath] = [r.messages.map((m: any) => m.ruleId), r.fatal ?? null];
  return out;
}

describe('CLI: files that cannot be linted are reported once with a reason, and the run goes on', function () {
  this.timeout(60_000);
  let dir: string;
  // The exit code of the fixture's own files: a skipped file must not change it.
  let without: number | null;
  before(() => {
    const clean = copyFixture('basic');
    without = run(clean, []).status;
    removeDir(clean);
  });
  beforeEach(() => (dir = copyFixture('basic')));
  afterEach(() => removeDir(dir));

  it('a file without read permission is reported and skipped', () => {
    writeFileSync(join(dir, 'secret.md'), '# CX Manager\n');
    chmodSync(join(dir, 'secret.md'), 0o000);
    // Root reads any file, so as root the CLI runs as "nobody" (the folder opened up for it).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chmodSync(dir, 0o755);
      for (const f of readdirSync(dir)) if (f !== 'secret.md') chmodSync(join(dir, f), statSync(join(dir, f)).isDirectory() ? 0o755 : 0o644);
    }
    const who = asRoot ? { uid: 65534, gid: 65534 } : {};
    const r = run(dir, [], who);
    assert.equal(r.status, asRoot ? run(dir, ['clean.md', 'initiative.md', 'renamed.md'], who).status : without, r.stderr);
    assert.deepEqual(mentions(r.stderr, 'secret.md'), ['cx-lint: secret.md: cannot be read (permission denied); not linted']);
  });

  it('a symbolic link loop named on the command line is reported; a folder walk does not follow links, so it ends', () => {
    symlinkSync(join(dir, 'b.md'), join(dir, 'a.md'));
    symlinkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    symlinkSync(dir, join(dir, 'loop'));
    const walk = run(dir, ['--format', 'json']);
    assert.equal(walk.status, without, walk.stderr);
    assert.equal(walk.stderr, '');
    assert.deepEqual(Object.keys(byFile(walk.stdout)), ['clean.md', 'initiative.md', 'renamed.md']);
    const r = run(dir, ['--format', 'json', 'a.md', 'b.md', 'renamed.md', 'initiative.md', 'clean.md']);
    assert.equal(r.status, without, r.stderr);
    assert.equal(r.stderr, 'cx-lint: a.md: is a symbolic link loop; not linted\ncx-lint: b.md: is a symbolic link loop; not linted\n');
    const got = byFile(r.stdout);
    assert.deepEqual(got['a.md'], [[], 'is a symbolic link loop; not linted']);
    assert.deepEqual(got['renamed.md'][0], ['cx-renamed-customer-service']);
  });

  it('a named file whose target was deleted is reported with its reason', () => {
    // The honest way to have a file vanish before it is read without racing the CLI:
    // a link whose target was deleted. readForLint's own "deleted" reason is tested below.
    writeFileSync(join(dir, 'target.md'), '# CX Manager\n');
    symlinkSync(join(dir, 'target.md'), join(dir, 'gone.md'));
    unlinkSync(join(dir, 'target.md'));
    const r = run(dir, ['gone.md', 'renamed.md']);
    assert.equal(r.status, run(dir, ['renamed.md']).status);
    assert.deepEqual(mentions(r.stderr, 'gone.md'), ['cx-lint: gone.md: is a symbolic link to a file that does not exist; not linted']);
    assert.match(r.stdout, /renamed\.md/);
  });

  it('binary files (a NUL byte in the first 8 KB) and UTF-16 files are skipped with their reason; a NUL later on is text', () => {
    writeFileSync(join(dir, 'photo.md'), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(16)]));
    writeFileSync(join(dir, 'word-export.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Customer Experience Associate\n', 'utf16le')]));
    writeFileSync(join(dir, 'late-nul.md'), `${readFileSync(join(dir, 'renamed.md'), 'utf8')}\n${'filler line\n'.repeat(1000)}\u0000\n`);
    const r = run(dir, ['--format', 'json']);
    assert.equal(r.status, without);
    assert.equal(
      r.stderr,
      'cx-lint: photo.md: binary file (contains NUL bytes); not linted\ncx-lint: word-export.md: is UTF-16 text; cx-lint reads UTF-8 (save it as UTF-8); not linted\n',
    );
    assert.deepEqual(byFile(r.stdout)['late-nul.md'], [['cx-renamed-customer-service'], null]);
  });

  it('invalid UTF-8 is linted with U+FFFD and a note, and --fix never writes it back', () => {
    const f = join(dir, 'initiative.md');
    const bytes = Buffer.concat([readFileSync(f), Buffer.from('- Caf\xe9 in Windows-1252\n', 'latin1')]);
    writeFileSync(f, bytes);
    const lintRun = run(dir, ['--format', 'json', 'initiative.md']);
    assert.equal(lintRun.stderr, 'cx-lint: initiative.md: not valid UTF-8; linted with U+FFFD in place of the bad bytes\n');
    assert.deepEqual(byFile(lintRun.stdout)['initiative.md'], [['cx-as-initiative'], null]);
    const fixRun = run(dir, ['--fix', 'initiative.md']);
    assert.equal(fixRun.stderr, 'cx-lint: initiative.md: not valid UTF-8; linted with U+FFFD in place of the bad bytes, not fixed\n');
    assert.ok(readFileSync(f).equals(bytes), 'the bytes on disk are untouched');
    assert.equal(run(dir, ['--fix-dry-run', 'initiative.md']).stdout, '', 'no diff is offered either');
  });

  it('a configuration that cannot be parsed: reported once, its files skipped, every other file linted, exit 2', () => {
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'team', '.cxlintrc.json'), '{\n  "rules": { "cx-as-initiative": }\n}\n');
    for (const name of ['one.md', 'two.md', 'three.md']) writeFileSync(join(dir, 'team', name), readFileSync(join(dir, 'renamed.md')));
    for (const jobs of ['1', '3']) {
      const r = run(dir, ['--format', 'json', '--jobs', jobs]);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(mentions(r.stderr, 'configuration error').length, 1, r.stderr);
      // Read as JSON (issue 15): a missing value is a JSON syntax error, reported once.
      assert.equal(mentions(r.stderr, 'JSON syntax error: expected a value').length, 1, r.stderr);
      assert.match(r.stderr, /^cx-lint: configuration error\n.*team[\\/]\.cxlintrc\.json:2:\d+/);
      const got = byFile(r.stdout);
      assert.deepEqual(got['team/one.md'], [[], 'configuration error; not linted']);
      assert.deepEqual(got['renamed.md'], [['cx-renamed-customer-service'], null]);
      assert.deepEqual(got['initiative.md'], [['cx-as-initiative'], null]);
    }
  });

  it('a file over maxFileSize is not linted and gets one file-too-large info finding; the exit code is unaffected', () => {
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ maxFileSize: 3000 }));
    writeFileSync(join(dir, 'long.md'), `${readFileSync(join(dir, 'renamed.md'), 'utf8')}\n${'More text about the role.\n'.repeat(60)}`);
    const r = run(dir, ['--format', 'json']);
    assert.equal(r.status, without, r.stderr);
    assert.equal(r.stderr, '');
    const long = JSON.parse(r.stdout).results.find((x: any) => x.filePath === 'long.md');
    assert.deepEqual(
      long.messages.map((m: any) => [m.ruleId, m.severity, m.line, m.column]),
      [['file-too-large', 'info', 1, 1]],
    );
    assert.match(long.messages[0].message, /raise "maxFileSize"/);
    assert.deepEqual(byFile(r.stdout)['renamed.md'][0], ['cx-renamed-customer-service'], 'smaller files are linted');
    const text = run(dir, ['long.md']);
    assert.match(text.stdout, /1:1\s+info\s+Not linted: this file is [\d.]+ KiB \(\d+ bytes\), more than the limit of 2\.9 KiB \(3000 bytes\).*file-too-large/);
  });
});

describe('reading and writing files safely (the functions the CLI uses)', () => {
  let dir: string;
  beforeEach(() => (dir = copyFixture('basic')));
  afterEach(() => removeDir(dir));

  it('readForLint: a file deleted before it is read is reported as such', () => {
    const f = join(dir, 'clean.md');
    unlinkSync(f);
    assert.deepEqual(readForLint(f, 1e6), { ok: false, reason: 'no longer exists (deleted while cx-lint ran); not linted' });
  });

  it('readForLint: a file over the limit is not read, and its size is given', () => {
    const f = join(dir, 'clean.md');
    assert.deepEqual(readForLint(f, 10), { ok: false, reason: 'too large', tooLarge: statSync(f).size });
  });

  it('writeIfUnchanged replaces the file by rename, keeps its mode, leaves no temp file, and writes through a link', () => {
    const f = join(dir, 'clean.md');
    chmodSync(f, 0o640);
    const before = statSync(f);
    const text = readFileSync(f, 'utf8');
    assert.equal(writeIfUnchanged(f, text, '\uFEFF# Fixed\r\n- é 🎉\r\n'), true);
    const after = statSync(f);
    assert.notEqual(after.ino, before.ino, 'a new file was renamed into place');
    assert.equal(after.mode & 0o777, 0o640);
    assert.ok(readFileSync(f).equals(Buffer.from('\uFEFF# Fixed\r\n- é 🎉\r\n', 'utf8')), 'BOM, CRLF and non-ASCII written as given');
    symlinkSync(f, join(dir, 'link.md'));
    assert.equal(writeIfUnchanged(join(dir, 'link.md'), '\uFEFF# Fixed\r\n- é 🎉\r\n', 'again\n'), true);
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readFileSync(f, 'utf8'), 'again\n');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.endsWith('.tmp')),
      [],
    );
  });

  it('writeIfUnchanged does nothing when the file is gone or differs by one byte', () => {
    const f = join(dir, 'clean.md');
    const text = readFileSync(f, 'utf8');
    writeFileSync(
      f,
      text.replace(/.$/s, (c) => (c === '\n' ? '\r\n' : c + 'x')),
    );
    assert.equal(writeIfUnchanged(f, text, 'fixed\n'), false);
    unlinkSync(f);
    assert.equal(writeIfUnchanged(f, text, 'fixed\n'), false);
    assert.deepEqual(readdirSync(dir).sort(), ['.cxlintrc.json', 'initiative.md', 'renamed.md']);
  });
});
