import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfUnchanged } from '../../server/src/cli/fix';
import { copyFixture, removeDir, run } from './run';

function snapshot(dir: string): Map<string, Buffer> {
  const m = new Map<string, Buffer>();
  for (const f of readdirSync(dir)) m.set(f, readFileSync(join(dir, f)));
  return m;
}

describe('CLI --fix and --fix-dry-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('basic');
  });
  afterEach(() => removeDir(dir));

  it('--fix rewrites only the safe-fixable file, exactly, and leaves the others byte-identical', () => {
    const crlf = readFileSync(join(dir, 'renamed.md'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'renamed-crlf.md'), crlf);
    const before = snapshot(dir);
    const original = readFileSync(join(dir, 'initiative.md'), 'utf8');
    const r = run(dir, ['--fix', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const after = snapshot(dir);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no temp files are left behind');
    for (const [name, buf] of before) if (name !== 'initiative.md') assert.ok(buf.equals(after.get(name)!), `${name} is unchanged`);
    assert.equal(after.get('renamed-crlf.md')!.toString('utf8'), crlf);
    assert.equal(readFileSync(join(dir, 'initiative.md'), 'utf8'), original.replace('Lead our new CX initiative across', 'Lead our new CX programme across'));
    const out = JSON.parse(r.stdout);
    const init = out.results.find((x: any) => x.filePath === 'initiative.md');
    assert.deepEqual(init.messages, [], 'the fixed finding is no longer reported');
    assert.ok(out.results.find((x: any) => x.filePath === 'renamed.md').messages.length, 'remaining findings are reported');
  });

  it('--fix keeps CRLF line endings in a fixed file', () => {
    const f = join(dir, 'initiative.md');
    const original = readFileSync(f, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(f, original);
    const r = run(dir, ['--fix', 'initiative.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(f, 'utf8'), original.replace('our new CX initiative', 'our new CX programme'));
  });

  it('--fix-dry-run prints a diff and changes nothing', () => {
    const before = snapshot(dir);
    const r = run(dir, ['--fix-dry-run']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^--- a\/initiative\.md\n\+\+\+ b\/initiative\.md\n@@ -2,7 \+2,7 @@\n/);
    assert.match(r.stdout, /\n-- Lead our new CX initiative across all 40 branches\n\+- Lead our new CX programme across all 40 branches\n/);
    assert.doesNotMatch(r.stdout, /renamed\.md|clean\.md/);
    const after = snapshot(dir);
    for (const [name, buf] of before) assert.ok(buf.equals(after.get(name)!), `${name} is unchanged`);
    assert.equal(after.size, before.size);
  });

  it('--fix and --fix-dry-run together is a usage error', () => {
    const r = run(dir, ['--fix', '--fix-dry-run']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
});

describe('CLI fix writing', () => {
  it('does not write a file whose content changed since it was read', () => {
    const dir = copyFixture('basic');
    try {
      const f = join(dir, 'clean.md');
      const read = readFileSync(f, 'utf8');
      writeFileSync(f, read + 'edited elsewhere\n');
      assert.equal(writeIfUnchanged(f, read, 'fixed\n'), false);
      assert.equal(readFileSync(f, 'utf8'), read + 'edited elsewhere\n');
      assert.equal(writeIfUnchanged(f, read + 'edited elsewhere\n', 'fixed\n'), true);
      assert.equal(readFileSync(f, 'utf8'), 'fixed\n');
      assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
    } finally {
      removeDir(dir);
    }
  });
});
