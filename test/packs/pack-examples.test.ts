import assert from 'node:assert/strict';
import { loadPack } from '../../server/src/packs/load-pack';
import { builtinPackDir } from '../../server/src/packs/builtin';
import { runPackExamples } from '../../server/src/packs/pack-test';

describe('pack examples: every rule of cx-core passes its embedded valid/invalid examples', () => {
  const { loaded, errors } = loadPack(builtinPackDir());
  it('the built-in pack loads without errors', () =>
    assert.deepEqual(
      errors.map((e) => e.message),
      [],
    ));
  const results = loaded ? runPackExamples(loaded.pack) : [];
  it('every rule has at least one valid and one invalid example', () => {
    for (const r of loaded!.pack.rules) {
      assert.ok(r.examples?.valid?.length, `${r.id} has no valid example`);
      assert.ok(r.examples?.invalid?.length, `${r.id} has no invalid example`);
    }
  });
  for (const r of results) {
    it(`${r.ruleId}: ${r.kind} example "${r.name}"`, () => assert.ok(r.ok, r.problem));
  }
});
