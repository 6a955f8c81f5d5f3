/**
 * Issue 13, item 3: only regular files are read, each with a size cap. Named pipes,
 * devices and huge (sparse) files are generated here at run time, wherever cx-lint
 * reads a file: documents, configs, rule READMEs, fixtures, pack files, the lockfile
 * and baselines. Every run has a timeout: a CLI that waits on a pipe or reads
 * /dev/zero forever fails the test instead of hanging it.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashFileSafely, readBytesSafely, READ_CAPS, SafeReadError } from '../../server/src/fs/safe-read';
import { ROOT } from '../helpers/fixtures';
import { run } from './run';

const EXAMPLE_PACK = join(ROOT, 'examples', 'packs', 'cx-association-titles');
const RULE = 'cxpa-acronym-stack';
const HANG = { timeout: 60_000 };
const POSTING = '# CX/UX/EX Lead\n\n## Responsibilities\n\n- Interview customers about the checkout journey\n';

/** A sparse file of `bytes`: no disk space, but a reader that trusts its size would allocate it all. */
function sparse(file: string, bytes: number): void {
  writeFileSync(file, '');
  truncateSync(file, bytes);
}

describe('only regular files are read, each with a size cap (issue 13, item 3)', function () {
  this.timeout(180_000);
  let dir: string;
  let pack: string;
  before(function () {
    if (process.platform === 'win32') this.skip(); // named pipes and /dev/zero
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-special-'));
    pack = join(dir, 'pack');
    cpSync(EXAMPLE_PACK, pack, { recursive: true });
    writeFileSync(join(dir, 'a.md'), POSTING);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const usePack = () =>
    writeFileSync(
      join(dir, '.cxlintrc.json'),
      JSON.stringify({ packs: ['./pack'], extends: ['cx-core/recommended', '@cxpa/cx-lint-pack-titles/recommended'] }),
    );

  it('a named pipe or a link to /dev/zero named on the command line is refused at once; the other files are linted', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    const r = run(dir, ['--format', 'json', 'pipe.md', 'zero.md', 'a.md'], HANG);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /pipe\.md: is not a regular file \(a device, socket or pipe\); not linted/);
    assert.match(r.stderr, /zero\.md: is not a regular file \(a device, socket or pipe\); not linted/);
    assert.ok(JSON.parse(r.stdout).results.some((x: { filePath: string }) => x.filePath === 'a.md'));
  });

  it('a config that is a named pipe (found, or named by --config) is a configuration error, not a hang', () => {
    execFileSync('mkfifo', [join(dir, 'cfg.json')]);
    const named = run(dir, ['--config', 'cfg.json', 'a.md'], HANG);
    assert.equal(named.status, 2, named.stderr);
    assert.match(named.stderr, /cfg\.json:1:1: is not a regular file \(a device, socket or pipe\); not read as a config\./);
    execFileSync('mkfifo', [join(dir, '.cxlintrc.json')]);
    const found = run(dir, ['a.md'], HANG);
    assert.equal(found.status, 2, found.stderr);
    assert.match(found.stderr, /\.cxlintrc\.json:1:1: is not a regular file/);
  });

  it('a 100 MB .cxlintrc.json is refused by its size, unread', () => {
    sparse(join(dir, '.cxlintrc.json'), 100 * 1024 * 1024);
    const r = run(dir, ['a.md'], HANG);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /\.cxlintrc\.json:1:1: is 100\.0 MB, more than the 2\.0 MB cx-lint reads of such a file; not read as a config\./);
  });

  it('--explain: a rule README that is a named pipe, or a link to /dev/zero, is an error that says so', () => {
    usePack();
    const readme = join(pack, 'rules', RULE, 'README.md');
    rmSync(readme);
    execFileSync('mkfifo', [readme]);
    const pipe = run(dir, ['--explain', RULE], HANG);
    assert.equal(pipe.status, 2, pipe.stderr);
    assert.match(pipe.stderr, /README\.md: is not a regular file \(a device, socket or pipe\); not read/);
    rmSync(readme);
    symlinkSync('/dev/zero', readme);
    // Refused as a device here, or as a link leaving the pack: either way, at once and by name.
    const zero = run(dir, ['--explain', RULE], HANG);
    assert.notEqual(zero.status, null, 'the CLI read /dev/zero without end');
    assert.equal(zero.status, 2, zero.stderr);
    assert.match(zero.stderr, /README\.md/);
  });

  it('pack test: a fixture that is a named pipe fails that fixture with the reason; the others run', () => {
    const fixture = join(pack, 'rules', RULE, 'fixtures', 'valid', 'zz-pipe.md');
    execFileSync('mkfifo', [fixture]);
    const r = run(dir, ['pack', 'test', 'pack'], HANG);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`✖ ${RULE}: valid "fixtures/valid/zz-pipe\\.md": is not a regular file \\(a device, socket or pipe\\); not read`));
    assert.match(r.stdout, /passed, 1 failed/);
  });

  it('a pack manifest that is a named pipe, named in "packs" or found in its folder, is a pack error at that file', () => {
    mkdirSync(join(dir, 'pipe-pack'));
    execFileSync('mkfifo', [join(dir, 'pipe-pack', 'pack.yaml')]);
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./pipe-pack/pack.yaml'] }));
    const r = run(dir, ['a.md'], HANG);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /pipe-pack\/pack\.yaml:1:1: is not a regular file \(a device, socket or pipe\); not read\./);
    // Named by its folder: found as the manifest, and refused the same way.
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./pipe-pack'] }));
    const byFolder = run(dir, ['a.md'], HANG);
    assert.equal(byFolder.status, 2, byFolder.stderr);
    assert.match(byFolder.stderr, /pipe-pack\/pack\.yaml:1:1: is not a regular file \(a device, socket or pipe\); not read\./);
  });

  it('pack lock refuses a 1.5 GB sparse file in a pack folder without reading it; a locked lint reports it instead of hashing it', () => {
    usePack();
    const lock = run(dir, ['pack', 'lock'], HANG);
    assert.equal(lock.status, 0, lock.stderr);
    sparse(join(pack, 'huge.bin'), 1.5 * 1024 * 1024 * 1024);
    const locked = run(dir, ['a.md'], HANG);
    assert.equal(locked.status, 2, locked.stderr);
    assert.match(
      locked.stderr,
      /pack "@cxpa\/cx-lint-pack-titles" at .* cannot be checked against cx-lint\.lock\.json: .*huge\.bin: is 1536\.0 MB, more than the 8\.0 MB cx-lint reads of such a file; every file in a pack folder is hashed for the lockfile/,
    );
    const relock = run(dir, ['pack', 'lock'], HANG);
    assert.equal(relock.status, 2, relock.stderr);
    assert.match(relock.stderr, /huge\.bin: is 1536\.0 MB.*Remove it from the pack folder\./);
  });

  it('a lockfile or a baseline that is a named pipe is an error that says so', () => {
    usePack(); // a lockfile is read only for a config with a third-party pack
    execFileSync('mkfifo', [join(dir, 'cx-lint.lock.json')]);
    const lock = run(dir, ['a.md'], HANG);
    assert.equal(lock.status, 2, lock.stderr);
    assert.match(
      lock.stderr,
      /lockfile check failed \(cx-lint\.lock\.json\)\ncannot read the lockfile \(it is not a regular file \(a device, socket or pipe\)\)/,
    );
    rmSync(join(dir, 'cx-lint.lock.json'));
    execFileSync('mkfifo', [join(dir, 'base.json')]);
    const base = run(dir, ['--baseline', 'base.json', 'a.md'], HANG);
    assert.equal(base.status, 2, base.stderr);
    assert.match(base.stderr, /cannot read baseline .*base\.json: is not a regular file/);
  });

  it('the Node API: lintFiles refuses a named pipe at once, and gives a file over maxFileSize its one finding unread', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    sparse(join(dir, 'big.md'), 11 * 1024 * 1024);
    const script = `
      const { lintFiles } = require(${JSON.stringify(join(ROOT, 'dist', 'api.js'))});
      const big = lintFiles(['big.md'])[0];
      console.log(JSON.stringify(big.findings.map((f) => f.ruleId)));
      try { lintFiles(['pipe.md']); console.log('read'); } catch (e) { console.log(e.message); }`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['["file-too-large"]', 'pipe.md: is not a regular file (a device, socket or pipe)']);
  });

  describe('fs/safe-read', () => {
    it('refuses a file over the cap by its size, before reading it, and a folder', () => {
      const f = join(dir, 'big');
      sparse(f, 3 * 1024 * 1024);
      assert.throws(
        () => readBytesSafely(f, READ_CAPS.config),
        (e: unknown) => e instanceof SafeReadError && e.problem === 'too-large' && e.size === 3 * 1024 * 1024,
      );
      assert.throws(
        () => readBytesSafely(dir, READ_CAPS.config),
        (e: unknown) => e instanceof SafeReadError && e.problem === 'folder',
      );
      assert.throws(
        () => readBytesSafely(join(dir, 'nope'), READ_CAPS.config),
        (e: unknown) => e instanceof SafeReadError && e.problem === 'missing' && e.code === 'ENOENT',
      );
      assert.equal(readBytesSafely(join(dir, 'a.md'), POSTING.length).toString(), POSTING);
    });

    it('hashes in chunks exactly what hashing the whole file gives, header first', () => {
      const f = join(dir, 'data');
      writeFileSync(f, Buffer.alloc(200_000, 'x'));
      const streamed = createHash('sha256');
      hashFileSafely(streamed, f, READ_CAPS.hashedFile, (size) => `data\u0000${size}\u0000`);
      const whole = createHash('sha256').update('data\u0000200000\u0000').update(readFileSync(f));
      assert.equal(streamed.digest('hex'), whole.digest('hex'));
    });
  });
});
