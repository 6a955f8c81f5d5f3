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

  it('--fix does not claim to fix "our CX initiative through its first year": still fixed-term, left as written and still reported', () => {
    const still =
      '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our CX initiative through its first year with operations\n- Survey customers every quarter and share the results\n';
    const fine =
      '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our new CX initiative with operations and marketing\n- Survey customers every quarter and share the results\n';
    writeFileSync(join(dir, 'first-year.md'), still);
    writeFileSync(join(dir, 'ongoing.md'), fine);
    const dry = run(dir, ['--fix-dry-run', 'first-year.md', 'ongoing.md']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.doesNotMatch(dry.stdout, /first-year\.md/, 'no diff for the fixed-term sentence');
    assert.match(dry.stdout, /^\+- Lead our new CX programme with operations and marketing$/m, 'the plain swap is still applied');
    const r = run(dir, ['--fix', '--format', 'json', 'first-year.md', 'ongoing.md']);
    assert.equal(readFileSync(join(dir, 'first-year.md'), 'utf8'), still);
    assert.equal(readFileSync(join(dir, 'ongoing.md'), 'utf8'), fine.replace('CX initiative', 'CX programme'));
    const left = JSON.parse(r.stdout).results.find((x: any) => x.filePath === 'first-year.md');
    assert.ok(
      left.messages.some((m: any) => m.ruleId === 'cx-as-initiative'),
      'still reported after --fix',
    );
  });

  it('--fix never inserts duties: the insert-duties fixes are TODO suggestions, so a renamed service role is left as written', () => {
    const text =
      '# Customer Experience Associate\n\n## Responsibilities\n\n- Answer inbound calls and live chats from customers\n- Resolve tickets within our 24-hour SLA\n- Meet average handle time targets\n';
    writeFileSync(join(dir, 'service.md'), text);
    const dry = run(dir, ['--fix-dry-run', 'service.md']);
    assert.equal(dry.stdout, '');
    const r = run(dir, ['--fix', '--format', 'json', 'service.md']);
    assert.equal(readFileSync(join(dir, 'service.md'), 'utf8'), text);
    const f = JSON.parse(r.stdout).results[0].messages.find((m: any) => m.ruleId === 'cx-renamed-customer-service');
    assert.ok(f, 'still reported');
    // Applying the editor's suggestion by hand inserts a TODO, and the rule still reports.
    const withTodo = text + '- TODO: describe a duty that improves the experience, not one that handles contacts\n';
    writeFileSync(join(dir, 'service.md'), withTodo);
    const again = run(dir, ['--format', 'json', 'service.md']);
    const g = JSON.parse(again.stdout).results[0].messages.find((m: any) => m.ruleId === 'cx-renamed-customer-service');
    assert.ok(g, 'a TODO duty does not silence the rule');
    assert.equal(g.message, f.message, 'and is not counted as a duty');
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
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.endsWith('.tmp')),
        [],
      );
    } finally {
      removeDir(dir);
    }
  });
});
