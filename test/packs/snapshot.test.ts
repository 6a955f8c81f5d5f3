import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinPackDir, builtinSnapshot } from '../../server/src/packs/builtin';
import { loadPack } from '../../server/src/packs/load-pack';
import { fromSnapshot, makeSnapshot, type PackSnapshot } from '../../server/src/packs/pack-snapshot';
import { compilePattern, patternRow, primePatterns } from '../../server/src/engine/match/patterns';

/** A snapshot as the build writes it (through JSON). */
function snapshotOf(dir: string): PackSnapshot {
  const { loaded } = loadPack(dir);
  assert.ok(loaded);
  return JSON.parse(JSON.stringify(makeSnapshot(loaded)));
}

describe('built-in pack snapshot', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-snapshot-'));
    cpSync(builtinPackDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the build wrote one, and loading through it gives exactly what loading the files gives', () => {
    const snap = builtinSnapshot();
    assert.ok(snap, 'dist/cx-core.pack.json is missing: run npm run build');
    const direct = loadPack(builtinPackDir());
    const viaSnapshot = loadPack(builtinPackDir(), { snapshot: snap });
    assert.deepEqual(viaSnapshot, direct);
    assert.ok(fromSnapshot(direct.loaded!.dir, direct.loaded!.files[0], snap), 'the snapshot is stale: run npm run build');
  });

  it('carries every pattern of the pack compiled, each exactly as compiling it now gives (decision 108)', () => {
    const snap = builtinSnapshot()!;
    assert.ok(snap.patterns.length > 500, `only ${snap.patterns.length} patterns in the snapshot`);
    for (const row of snap.patterns) assert.deepEqual(row, JSON.parse(JSON.stringify(patternRow(row[0]))), `stale row for "${row[0]}": run npm run build`);
    // Every pattern the built-in setup compiles is there, so a start compiles none.
    const { loaded } = loadPack(builtinPackDir());
    const inSnapshot = new Set(snap.patterns.map((r) => r[0]));
    for (const p of Object.values(loaded!.pack.lexicons ?? {}).flatMap((c) => c.match)) {
      if (typeof p === 'string') assert.ok(inSnapshot.has(p), `"${p}" is not in the snapshot`);
    }
  });

  it('rows of the wrong shape are skipped: their patterns compile as usual', () => {
    primePatterns([['cx-snapshot probe one', 5, true, null], ['cx-snapshot probe two', '(?:x)', 'yes', null], ['cx-snapshot probe three'], 'nonsense']);
    primePatterns({ not: 'rows' });
    for (const p of ['cx-snapshot probe one', 'cx-snapshot probe two', 'cx-snapshot probe three']) {
      const c = compilePattern(p);
      assert.equal(c.body, patternRow(p)[1]);
      assert.ok(new RegExp(c.source, 'u').test(p));
    }
  });

  it('is used for a copy of the pack with the same bytes (paths rebased to the copy)', () => {
    const snap = snapshotOf(builtinPackDir());
    const viaSnapshot = loadPack(dir, { snapshot: snap });
    assert.deepEqual(viaSnapshot, loadPack(dir));
    assert.ok(viaSnapshot.loaded!.files.every((f) => f.startsWith(viaSnapshot.loaded!.dir)));
  });

  it('is ignored when a rule file changed: the change is loaded and validated', () => {
    const snap = snapshotOf(dir);
    const rule = join(dir, 'rules', 'cx-renamed-sales', 'rule.yaml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^severity: \w+/m, 'severity: error'));
    const r = loadPack(dir, { snapshot: snap });
    assert.deepEqual(r, loadPack(dir));
    assert.equal(r.loaded!.pack.rules.find((x) => x.id === 'cx-renamed-sales')!.severity, 'error');

    appendFileSync(rule, '\nnot valid: [\n');
    const broken = loadPack(dir, { snapshot: snap });
    assert.equal(broken.loaded, undefined);
    assert.ok(broken.errors.length > 0);
  });

  it('is ignored when a rule file was added', () => {
    const snap = snapshotOf(dir);
    mkdirSync(join(dir, 'rules', 'zz-extra'));
    cpSync(join(dir, 'rules', 'cx-renamed-sales', 'rule.yaml'), join(dir, 'rules', 'zz-extra', 'rule.yaml'));
    const r = loadPack(dir, { snapshot: snap });
    assert.equal(r.loaded, undefined, 'a duplicate rule id must be reported, not hidden by the snapshot');
    assert.match(r.errors.map((e) => e.message).join('\n'), /duplicate rule id/);
  });
});
