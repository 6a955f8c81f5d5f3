import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSetup, lint } from '../../server/src/engine';
import { lintFiles } from '../../server/src/api';
import { clearConfigCache, resolveConfig } from '../../server/src/config/load-config';
import { PackErrors } from '../../server/src/packs/diagnostics';
import { packNameCandidates, splitPresetRef } from '../../server/src/packs/resolve';
import { builtinPackDir } from '../../server/src/packs/builtin';
import { loadPack } from '../../server/src/packs/load-pack';
import { ROOT } from '../helpers/fixtures';
import { tempFiles } from '../helpers/temp-files';

const COOP = join(ROOT, 'test', 'fixtures', 'packs', 'transit-coop');
const EXAMPLE = join(ROOT, 'examples', 'packs', 'cx-association-titles');

function ids(file: string): string[] {
  clearConfigCache();
  return lintFiles([file])[0]
    .findings.map((f) => `${f.ruleId}:${f.severity}`)
    .sort();
}

function tempDir(files: Record<string, string> = {}): string {
  return tempFiles('cx-packs-', files);
}

/** A project with the example pack installed as node_modules/@cxpa/cx-lint-pack-titles. */
function cxpaProject(config: object, posting: string): { dir: string; file: string } {
  const dir = tempDir({ '.cxlintrc.json': JSON.stringify({ root: true, ...config }), 'job.md': posting });
  cpSync(EXAMPLE, join(dir, 'node_modules', '@cxpa', 'cx-lint-pack-titles'), { recursive: true });
  return { dir, file: join(dir, 'job.md') };
}

const HEAD_OF_CX =
  '# Head of Customer Experience\n\n## Responsibilities\n\n- Run the voice-of-customer programme with operations, IT and marketing\n- Report customer satisfaction to the board\n';

describe('pack resolution: names, presets, load order', () => {
  it('expands short npm names ESLint-style, the name as written first', () => {
    assert.deepEqual(packNameCandidates('transit-coop'), ['transit-coop', 'cx-lint-pack-transit-coop']);
    assert.deepEqual(packNameCandidates('cx-lint-pack-x'), ['cx-lint-pack-x']);
    assert.deepEqual(packNameCandidates('@cxpa'), ['@cxpa/cx-lint-pack']);
    assert.deepEqual(packNameCandidates('@cxpa/titles'), ['@cxpa/titles', '@cxpa/cx-lint-pack-titles']);
    assert.deepEqual(packNameCandidates('@cxpa/cx-lint-pack-titles'), ['@cxpa/cx-lint-pack-titles']);
  });

  it('splits extends entries into pack and preset', () => {
    assert.deepEqual(splitPresetRef('cx-core'), { pack: 'cx-core', preset: 'recommended' });
    assert.deepEqual(splitPresetRef('cx-core/strict'), { pack: 'cx-core', preset: 'strict' });
    assert.deepEqual(splitPresetRef('@cxpa/strict'), { pack: '@cxpa', preset: 'strict' });
    assert.deepEqual(splitPresetRef('@cxpa/cx-lint-pack/strict'), { pack: '@cxpa/cx-lint-pack', preset: 'strict' });
    assert.deepEqual(splitPresetRef('@cxpa/cx-lint-pack-titles'), { pack: '@cxpa/cx-lint-pack-titles', preset: 'recommended' });
  });

  describe('an npm package under a fixture node_modules (cx-lint-pack-transit-coop, pack in a subfolder)', () => {
    it('adds "riders" to the customer class: an honest rider-facing CX role is not reported', () => {
      assert.ok(!ids(join(COOP, 'postings', 'riders.md')).some((x) => x.startsWith('cx-title-without-customer')));
    });
    it('without the pack the same posting is reported (the pack is what changed it)', () => {
      const text = readFileSync(join(COOP, 'postings', 'riders.md'), 'utf8');
      const setup = resolveConfig({}, COOP).setup;
      assert.ok(lint(text, setup).findings.some((f) => f.ruleId === 'cx-title-without-customer'));
    });
    it('removes "visitors" from the customer class: a depot-tour role is reported', () => {
      assert.ok(ids(join(COOP, 'postings', 'depot-visitors.md')).includes('cx-title-without-customer:warning'));
    });
    it('its preset turns a rule off and raises another, and its own rule reports with a safe fix', () => {
      const got = ids(join(COOP, 'postings', 'passengers.md'));
      assert.deepEqual(got, ['cx-no-voice-of-customer:warning', 'transit-say-riders:info']);
      const f = lintFiles([join(COOP, 'postings', 'passengers.md')])[0].findings.find((x) => x.ruleId === 'transit-say-riders')!;
      assert.equal(f.pack.name, 'transit-coop');
      assert.deepEqual(
        f.fixes.map((x) => [x.title, x.safe]),
        [['Replace “passengers” with “riders”', true]],
      );
      assert.match(f.docsUrl!, /cx-lint-pack-transit-coop\/pack\/rules\/transit-say-riders\/README\.md$/);
    });
  });

  describe('the example pack as @cxpa/cx-lint-pack-titles', () => {
    it('extends: ["@cxpa/cx-lint-pack-titles/strict"] alone loads the pack and applies its preset (which extends cx-core/strict)', () => {
      const p = cxpaProject({ extends: ['@cxpa/cx-lint-pack-titles/strict'] }, HEAD_OF_CX);
      const got = ids(p.file);
      clearConfigCache();
      const cfg = resolveConfig({ extends: ['@cxpa/cx-lint-pack-titles/strict'] }, p.dir);
      assert.equal(cfg.lint.rules!['cx-no-executive-sponsor'], 'warning', 'cx-core/strict applied through the preset');
      assert.ok(got.includes('cxpa-senior-role-names-standards:info'), got.join());
      rmSync(p.dir, { recursive: true, force: true });
    });
    it('the short name and the full npm name (= the manifest name) pick the same preset', () => {
      const results = ['@cxpa/titles/strict', '@cxpa/cx-lint-pack-titles/strict'].map((ext) => {
        const p = cxpaProject({ packs: ['@cxpa/titles'], extends: ['cx-core/recommended', ext] }, HEAD_OF_CX);
        const r = ids(p.file);
        rmSync(p.dir, { recursive: true, force: true });
        return r;
      });
      assert.deepEqual(results[0], results[1]);
      assert.ok(results[0].includes('cxpa-senior-role-names-standards:info'));
    });
    it('recommended leaves the off-by-default rule off', () => {
      const p = cxpaProject({ extends: ['cx-core/recommended', '@cxpa/cx-lint-pack-titles'] }, HEAD_OF_CX);
      assert.ok(!ids(p.file).some((x) => x.startsWith('cxpa-senior-role-names-standards')));
      rmSync(p.dir, { recursive: true, force: true });
    });
    it('its raw-regex rule reports stacked acronyms', () => {
      const p = cxpaProject(
        { extends: ['cx-core/recommended', '@cxpa/titles/recommended'] },
        '# CX/UX/EX Lead\n\n## Responsibilities\n\n- Interview customers about the checkout journey\n',
      );
      assert.ok(ids(p.file).includes('cxpa-acronym-stack:info'));
      rmSync(p.dir, { recursive: true, force: true });
    });
    it('an unknown preset names the known ones', () => {
      const p = cxpaProject({ extends: ['@cxpa/titles/loud'] }, HEAD_OF_CX);
      assert.throws(
        () => ids(p.file),
        (e: PackErrors) => /unknown preset "@cxpa\/titles\/loud".*has no preset "loud".*@cxpa\/cx-lint-pack-titles\/strict/s.test(e.message),
      );
      rmSync(p.dir, { recursive: true, force: true });
    });
    it('a pack that is not installed says which npm names were tried', () => {
      const dir = tempDir({ '.cxlintrc.json': '{"root": true, "packs": ["@nobody/titles"]}', 'job.md': HEAD_OF_CX });
      assert.throws(
        () => ids(join(dir, 'job.md')),
        (e: PackErrors) =>
          /\.cxlintrc\.json:1:26: cannot find pack "@nobody\/titles" \(tried npm packages "@nobody\/titles", "@nobody\/cx-lint-pack-titles"/.test(e.message),
      );
    });
  });

  describe('a pack extending another pack (manifest "extends")', () => {
    const base = {
      'base/pack.yaml': 'name: base\nversion: 1.0.0\nengine: ^1.0.0\nlexicons:\n  house-jargon:\n    match: [synergy, circle back]\n',
      'house/pack.yaml':
        'name: house\nversion: 1.0.0\nextends: [../base]\nrules: rules/*.yaml\npresets:\n  recommended:\n    extends: [cx-core/strict]\n    rules: { house-jargon: warning }\n',
      'house/rules/jargon.yaml':
        'id: house-jargon\nseverity: info\ndescription: Jargon.\nappliesTo: [{ kinds: [posting] }]\ncheck: { type: phrase, class: house-jargon }\nmessage: "Jargon: {match}."\n',
      'job.md': '# Customer Experience Manager\n\n## Responsibilities\n\n- Circle back with customers who complained, with operations and IT\n',
    };
    it('loads the base first, uses its lexicon class, and the preset chain applies', () => {
      const dir = tempDir({ ...base, '.cxlintrc.json': '{"root": true, "packs": ["./house"], "extends": ["house/recommended"]}' });
      clearConfigCache();
      const cfg = resolveConfig({ packs: [join(dir, 'house')], extends: ['house/recommended'] }, dir);
      assert.deepEqual(
        cfg.packs.map((p) => p.pack.name),
        ['cx-core', 'base', 'house'],
      );
      assert.equal(cfg.lint.rules!['house-jargon'], 'warning');
      assert.equal(cfg.lint.rules!['cx-no-executive-sponsor'], 'warning', 'cx-core/strict came in through the preset extends');
      assert.ok(ids(join(dir, 'job.md')).includes('house-jargon:warning'));
    });
    it('a pack preset can set rule options, which reach the compiled check', () => {
      const dir = tempDir({
        ...base,
        'house/pack.yaml': base['house/pack.yaml'].replace(
          'rules: { house-jargon: warning }',
          'rules: { house-jargon: warning, cx-renamed-customer-service: [error, { minShare: 0.9 }] }',
        ),
      });
      const cfg = resolveConfig({ packs: [join(dir, 'house')], extends: ['house/recommended'] }, dir);
      const r = cfg.setup.rules.find((x) => x.data.id === 'cx-renamed-customer-service')!;
      assert.equal(r.severity, 'error');
      assert.equal((r.check as { minShare: number }).minShare, 0.9);
    });
    it('a cycle of extends is an error, not a hang', () => {
      const dir = tempDir({ ...base, 'base/pack.yaml': 'name: base\nversion: 1.0.0\nextends: [../house]\nlexicons:\n  house-jargon:\n    match: [synergy]\n' });
      assert.throws(
        () => resolveConfig({ packs: [join(dir, 'house')] }, dir),
        (e: PackErrors) => /extend each other in a cycle/.test(e.message),
      );
    });
    it('an unknown lexicon class is reported at its line and column in the rule file', () => {
      const dir = tempDir({ ...base, 'house/pack.yaml': 'name: house\nversion: 1.0.0\nrules: rules/*.yaml\n' });
      assert.throws(
        () => resolveConfig({ packs: [join(dir, 'house')] }, dir),
        (e: PackErrors) =>
          e.errors.some((x) => x.file.endsWith('jargon.yaml') && x.line === 5 && x.column === 31 && /lexicon class "house-jargon"/.test(x.reason)),
      );
    });
    it('two different packs with one name are an error', () => {
      const dir = tempDir({ ...base, 'copy/pack.yaml': 'name: base\nversion: 2.0.0\n' });
      assert.throws(
        () => resolveConfig({ packs: [join(dir, 'base'), join(dir, 'copy')] }, dir),
        (e: PackErrors) => /two different packs are called "base"/.test(e.message),
      );
    });
  });

  describe('lexicon merging', () => {
    const core = loadPack(builtinPackDir()).loaded!.pack;
    const text = '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our new CX initiative with operations and marketing\n';
    it('an entry with the same pattern as an earlier pack replaces it in place (new replacement)', () => {
      const entry = core.lexicons!['initiative-framing'].match.find((e) => typeof e !== 'string' && /initiative/.test(e.match ?? '')) as { match: string };
      assert.ok(entry, 'cx-core has an initiative substitution');
      const over = {
        name: 'over',
        version: '1.0.0',
        rules: [],
        lexicons: { 'initiative-framing': { match: [{ match: entry.match, replace: 'practice', safe: true }] } },
      };
      const f = lint(text, createSetup([core, over as any])).findings.find((x) => x.ruleId === 'cx-as-initiative')!;
      assert.match(f.fixes[0].title, /“practice”/);
      assert.equal(createSetup([core, over as any]).classes.get('initiative-framing')!.entries.length, core.lexicons!['initiative-framing'].match.length);
    });
    it('remove deletes an entry by its pattern text', () => {
      const entries = core.lexicons!['initiative-framing'].match.map((e) => (typeof e === 'string' ? e : e.match!));
      const over = { name: 'over', version: '1.0.0', rules: [], lexicons: { 'initiative-framing': { match: [], remove: entries } } };
      assert.ok(!lint(text, createSetup([core, over as any])).findings.some((x) => x.ruleId === 'cx-as-initiative'));
    });
  });
});
