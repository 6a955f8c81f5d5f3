import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateDocument, postingSet, singleDocument, type Archetype } from '../../bench/corpus';
import { writeCorpus } from '../../bench/write-corpus';
import { lint } from '../../server/src/engine';
import { loadConfigFor } from '../../server/src/config/load-config';
import { ROOT } from '../helpers/fixtures';

function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(`${relative(dir, p)}\u0000`).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

describe('bench corpus generator', function () {
  this.timeout(60_000);

  it('writes the same bytes for the same seed, and different bytes for another seed', () => {
    const base = mkdtempSync(join(tmpdir(), 'cx-lint-corpus-'));
    try {
      const a = writeCorpus(join(base, 'a'), 7, 40);
      const b = writeCorpus(join(base, 'b'), 7, 40);
      const c = writeCorpus(join(base, 'c'), 8, 40);
      assert.equal(treeHash(a.root), treeHash(b.root));
      assert.notEqual(treeHash(a.root), treeHash(c.root));
      assert.equal(a.bytes, b.bytes);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('file i is the same in every set size, and sizes land in their bands', () => {
    const small = postingSet(3, 50);
    const large = postingSet(3, 2000);
    assert.deepEqual(large.slice(0, 50), small);
    const kb = large.map((f) => f.size / 1024);
    assert.ok(kb.every((k) => (k >= 2 && k <= 8) || (k >= 30 && k <= 100)));
    const big = kb.filter((k) => k >= 30).length;
    assert.ok(big > 10 && big < 100, `${big} large postings of 2000`);
    for (const f of large.slice(0, 40)) {
      const text = generateDocument(3, f.index, f.size).text;
      const bytes = Buffer.byteLength(text);
      assert.ok(bytes >= f.size && bytes < f.size + 4096, `${f.name}: ${bytes} bytes for a target of ${f.size}`);
    }
    assert.ok(Buffer.byteLength(singleDocument(3, '100kb.md', 100 * 1024)) >= 100 * 1024);
  });

  it('mixes honest postings (quiet) with anti-pattern ones the real engine flags', () => {
    const setup = loadConfigFor(join(ROOT, 'bench', 'probe.md')).setup;
    const rulesOf = (a: Archetype, i: number) => lint(generateDocument(11, i, 4096, a).text, setup).findings.map((f) => f.ruleId);
    const n = 15;
    const count = (a: Archetype, pred: (ids: string[]) => boolean) => Array.from({ length: n }, (_, i) => rulesOf(a, i)).filter(pred).length;
    for (const honest of ['honest-service', 'honest-sales', 'other-role'] as const)
      assert.equal(
        count(honest, (ids) => ids.length > 0),
        0,
        `${honest}: honest postings must be quiet`,
      );
    // Generated anti-pattern postings are flagged most of the time, not always: some draw
    // too few duties of their kind for a rule's threshold, as real postings do.
    assert.ok(count('renamed-service', (ids) => ids.includes('cx-renamed-customer-service')) > n / 2);
    assert.ok(count('renamed-sales', (ids) => ids.length > 0) > n / 2);
    assert.ok(count('genuine-cx', (ids) => ids.length === 0) > n / 2);
  });
});
