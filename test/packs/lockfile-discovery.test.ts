import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintFiles, loadConfig } from '../../server/src/api';
import { clearConfigCache } from '../../server/src/config/load-config';
import { removeDir, run } from '../cli/run';
import { TestClient } from '../lsp/client';

const JOB = '# Customer Experience Coordinator\n\n## Responsibilities\n\n- Prepare weekly reports for ratepayers\n';

/**
 * A project whose root holds the config, a house pack and cx-lint.lock.json, with the
 * posting in a subfolder; the pack is changed after it was locked.
 */
function changedAfterLock(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-lockfind-'));
  mkdirSync(join(dir, 'packs', 'house'), { recursive: true });
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'packs', 'house', 'pack.yaml'), 'name: house\nversion: 1.0.0\n');
  writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, packs: ['./packs/house'] }));
  writeFileSync(join(dir, 'sub', 'job.md'), JOB);
  const lock = run(dir, ['pack', 'lock']);
  assert.equal(lock.status, 0, lock.stderr);
  writeFileSync(join(dir, 'packs', 'house', 'pack.yaml'), 'name: house\nversion: 1.0.0\nlexicons:\n  customer:\n    match: [ratepayer+]\n');
  return dir;
}

describe('the lockfile is found like a config: nearest at or above the linted file', function () {
  this.timeout(40000);
  let dir: string;
  beforeEach(() => (dir = changedAfterLock()));
  afterEach(() => removeDir(dir));

  it('CLI run from a subfolder: the changed pack stops the run (exit 2), naming ../cx-lint.lock.json', () => {
    const r = run(join(dir, 'sub'), ['job.md']);
    assert.equal(r.status, 2, r.stdout);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^cx-lint: lockfile check failed \(\.\.[\\/]cx-lint\.lock\.json\)\npack "house" at .* has changed since \.\.[\\/]cx-lint\.lock\.json was written/,
    );
  });

  it('CLI given an absolute path from an unrelated folder: the changed pack stops the run', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'cx-lockfind-cwd-'));
    try {
      const r = run(elsewhere, [join(dir, 'sub', 'job.md')]);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, /pack "house" at .* has changed since .*cx-lint\.lock\.json was written/);
      assert.equal(run(elsewhere, [join(dir, 'sub', 'job.md'), '--no-lockfile']).status, 0);
    } finally {
      removeDir(elsewhere);
    }
  });

  it('CLI with --config naming a config elsewhere: the lockfile beside that config governs', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'cx-lockfind-cwd-'));
    try {
      writeFileSync(join(elsewhere, 'job.md'), JOB);
      const r = run(elsewhere, ['--config', join(dir, '.cxlintrc.json'), 'job.md']);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, /pack "house" at .* has changed since/);
    } finally {
      removeDir(elsewhere);
    }
  });

  it('Node API: loadConfig and lintFiles throw LockfileError; { lockfile: false } skips the check', () => {
    clearConfigCache();
    const file = join(dir, 'sub', 'job.md');
    assert.throws(
      () => lintFiles([file]),
      (e: Error) => /pack "house" at .* has changed since .*cx-lint\.lock\.json was written/.test(e.message),
    );
    assert.throws(() => loadConfig(file), /has changed since/);
    assert.equal(lintFiles([file], { lockfile: false }).length, 1);
  });

  it('language server with the subfolder opened as the workspace: the lockfile above it is checked', async () => {
    const client = await TestClient.start({ rootDir: join(dir, 'sub') });
    try {
      const uri = client.uri('job.md');
      await client.open(uri, readFileSync(join(dir, 'sub', 'job.md'), 'utf8'));
      // The lockfile is outside the workspace folder, so its error is shown on the
      // document it governs, with the lockfile's path (decision 42), not published on it.
      const err = await client.diagnostics.next(
        (x) => x.uri === uri && x.diagnostics.some((d) => d.code === 'config-error'),
        'the lockfile above the workspace folder reported on the document',
        true,
      );
      assert.match(String(err.diagnostics[0].message), /cx-lint\.lock\.json:1:1: pack "house" .* has changed since/);
      assert.ok(
        err.diagnostics.every((d) => d.code === 'config-error'),
        'the document is not linted with the changed pack',
      );
      const lockUri = pathToFileURL(join(dir, 'cx-lint.lock.json')).href;
      assert.deepEqual(
        client.diagnostics.all.filter((x) => x.uri === lockUri),
        [],
        'nothing published on the lockfile outside the workspace',
      );
    } finally {
      await client.stop();
    }
  });
});

describe('with --config, one config serves folders under different lockfiles', () => {
  it('each folder is checked against its own lockfile, not only the first folder linted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-lockfind-'));
    try {
      mkdirSync(join(dir, 'packs', 'house'), { recursive: true });
      writeFileSync(join(dir, 'packs', 'house', 'pack.yaml'), 'name: house\nversion: 1.0.0\n');
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, packs: ['./packs/house'] }));
      for (const d of ['a', 'z']) {
        mkdirSync(join(dir, d));
        writeFileSync(join(dir, d, 'job.md'), JOB);
      }
      assert.equal(run(dir, ['pack', 'lock']).status, 0);
      writeFileSync(join(dir, 'z', 'cx-lint.lock.json'), JSON.stringify({ lockfileVersion: 1, engine: '1.0.0', packs: {} }));
      const r = run(dir, ['--config', '.cxlintrc.json', 'a/job.md', 'z/job.md']);
      assert.equal(r.status, 2, r.stdout);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /lockfile check failed \(z[\\/]cx-lint\.lock\.json\)\npack "house" \(.*\) is not in z[\\/]cx-lint\.lock\.json/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('the lockfile hashes what is loaded', () => {
  it('a pack.yaml linked out of the pack cannot be locked (its target could change freely): pack lock and lint refuse it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-lockfind-'));
    try {
      mkdirSync(join(dir, 'packs', 'house'), { recursive: true });
      writeFileSync(join(dir, 'outside.yaml'), 'name: house\nversion: 1.0.0\n');
      symlinkSync(join(dir, 'outside.yaml'), join(dir, 'packs', 'house', 'pack.yaml'));
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, packs: ['./packs/house'] }));
      writeFileSync(join(dir, 'job.md'), JOB);
      const lock = run(dir, ['pack', 'lock']);
      assert.equal(lock.status, 2, lock.stdout);
      assert.match(lock.stderr, /pack\.yaml:1:1: this manifest is a link that leaves the pack folder; it was not read/);
      rmSync(join(dir, 'packs', 'house', 'pack.yaml'));
      writeFileSync(join(dir, 'packs', 'house', 'pack.yaml'), readFileSync(join(dir, 'outside.yaml')));
      assert.equal(run(dir, ['pack', 'lock']).status, 0, 'the same manifest copied into the pack locks');
    } finally {
      removeDir(dir);
    }
  });
});
