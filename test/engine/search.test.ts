import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lastAtOrBefore } from '../../server/src/engine';
import { ClauseStarts, clauseEnd } from '../../server/src/engine/match/lexicon';
import { insideAny } from '../../server/src/engine/parse/search';
import { JsonSource } from '../../server/src/packs/json-source';

/** The definition, by walking: the last index whose key is at most `at`, or 0. */
function linear(keys: number[], at: number): number {
  let found = 0;
  keys.forEach((k, i) => {
    if (k <= at) found = i;
  });
  return found;
}

describe('lastAtOrBefore: the one binary search (clause starts, text blocks, JSON positions)', () => {
  it('finds what a linear walk finds, for any sorted keys (ties included) and any position', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }), fc.integer({ min: -5, max: 60 }), (raw, at) => {
        const keys = [...raw].sort((a, b) => a - b);
        // A run of equal keys: the walk keeps the last, and so must the search.
        assert.equal(
          lastAtOrBefore(keys, at, (k) => k),
          linear(keys, at),
        );
      }),
    );
  });

  it('insideAny (labels, lead-in lists) answers what a linear walk over sorted, disjoint ranges answers', () => {
    const ranges = fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 12 }).map((gaps) => {
      let at = 0;
      return gaps.map(([gap, len]) => ({ start: (at += gap), end: (at += len) }));
    });
    fc.assert(
      fc.property(ranges, fc.nat(300), fc.nat(30), (rs, start, len) => {
        const inner = { start, end: start + len };
        assert.equal(
          insideAny(rs, inner),
          rs.some((r) => r.start <= inner.start && inner.end <= r.end),
        );
      }),
    );
  });

  it('ClauseStarts.before gives the start of the clause a position is in', () => {
    const text = 'Answer calls; no cold calling, but we sell. Then rest';
    const clauses = new ClauseStarts(text, clauseEnd({ breaks: ['but'] }));
    assert.equal(clauses.before(0), 0);
    assert.equal(clauses.before(text.indexOf('calls')), 0);
    assert.equal(clauses.before(text.indexOf('cold')), text.indexOf(';') + 1);
    assert.equal(clauses.before(text.indexOf('sell')), text.indexOf('but') + 3);
    assert.equal(clauses.before(text.indexOf('rest')), text.indexOf('.') + 1);
  });

  it('a JSON config error is placed at its line and column', () => {
    const src = new JsonSource('x.json', '{\n  "rules": {},\n  "root": true,\n    "rules": {}\n}\n');
    const [e] = src.errors();
    assert.match(e.reason, /"rules" appears twice/);
    assert.deepEqual([e.line, e.column], [4, 5]);
  });
});
