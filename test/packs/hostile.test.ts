import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine';
import { clearConfigCache, resolveConfig } from '../../server/src/config/load-config';
import { PackErrors } from '../../server/src/packs/diagnostics';
import { checkPackFolder } from '../../server/src/packs/pack-test';
import { PACK_LIMITS } from '../../server/src/packs/load-pack';
import { ROOT } from '../helpers/fixtures';
import { HOSTILE_EXPECTATIONS } from '../helpers/hostile-packs';
import { tempFiles } from '../helpers/temp-files';

const HOSTILE = join(ROOT, 'test', 'fixtures', 'packs', 'hostile');

function problems(dir: string): string[] {
  return checkPackFolder(dir).errors.map((e) => e.message);
}

function tempPack(files: Record<string, string>): string {
  return tempFiles('cx-hostile-', files);
}

describe('hostile packs are rejected with a clear, located message', () => {
  for (const [name, re] of HOSTILE_EXPECTATIONS) {
    it(`${name}: ${re.source.slice(0, 70)}`, () => {
      const got = problems(join(HOSTILE, name)).map((m) => m.replace(/\\/g, '/'));
      assert.ok(
        got.some((m) => re.test(m)),
        got.join('\n'),
      );
    });
  }

  it('long-pattern reports the length limit only, not the other oneOf branches', () => {
    assert.equal(problems(join(HOSTILE, 'long-pattern')).length, 1);
  });

  it('a catastrophic-backtracking raw regex is accepted and runs in linear time on a long "aaaa…!" line', () => {
    const cfg = resolveConfig({ packs: [join(HOSTILE, 'backtracking-regex')] }, ROOT);
    // (a+)+$ on 200,000 a's and a "!" takes exponential time on a backtracking engine; re2js is linear.
    // No timing assert: a hang would fail the test by mocha's timeout.
    const line = 'a'.repeat(200_000) + '!';
    const r = lint(`# Customer Experience Manager\n\n## Responsibilities\n\n- ${line}\n- ${'x'.repeat(50_000)}z\n`, cfg.setup);
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId === 'evil-backtracking'),
      [],
    );
    const hit = lint('# Customer Experience Manager\n\n## Responsibilities\n\n- xxxy and aaaa\n', cfg.setup).findings.filter(
      (f) => f.ruleId === 'evil-backtracking',
    );
    assert.deepEqual(
      hit.map((f) => f.data.match),
      ['xxxy', 'aaaa'],
      'the raw regexes do match what they say',
    );
  });

  it('10 MB of lexicon is refused by the size limit before it is parsed', () => {
    const entries: string[] = [];
    for (let i = 0; entries.length * 20 < 10 * 1024 * 1024; i++) entries.push(`      - word${i} term${i}`);
    const dir = tempPack({ 'pack.yaml': `name: huge\nversion: 1.0.0\nlexicons:\n  customer:\n    match:\n${entries.join('\n')}\n` });
    const got = problems(dir);
    assert.equal(got.length, 1);
    assert.match(got[0], /pack\.yaml:1:1: file is 1\d\.\d MB; pack files may be at most 2 MB\./);
  });

  it('10 MB spread over many rule files is refused by the whole-pack limit', () => {
    const files: Record<string, string> = { 'pack.yaml': 'name: spread\nversion: 1.0.0\nrules: rules/*.yaml\n' };
    const pad = '#'.repeat(1024 * 1024 * 1.5);
    for (let i = 0; i < 7; i++)
      files[`rules/r${i}.yaml`] = `${pad}\nid: r${i}\nseverity: info\ndescription: d\nappliesTo: [{}]\ncheck: { type: no-duties }\nmessage: m\n`;
    const got = problems(tempPack(files));
    assert.ok(
      got.some((m) => m.includes(`the pack is over ${PACK_LIMITS.totalBytes / 1048576} MB in all`)),
      got.join('\n'),
    );
  });

  it(`more than ${PACK_LIMITS.patterns} patterns are refused`, () => {
    const classes: string[] = [];
    for (let c = 0; c < 11; c++) classes.push(`  c${c}:\n    match: [${Array.from({ length: 2000 }, (_, i) => `w${c}x${i}`).join(', ')}]`);
    const got = problems(tempPack({ 'pack.yaml': `name: many\nversion: 1.0.0\nlexicons:\n${classes.join('\n')}\n` }));
    assert.ok(
      got.some((m) => /the pack has 22000 patterns; at most 20000 are allowed/.test(m)),
      got.join('\n'),
    );
  });

  it('a rule file that is a link out of the pack is not read', function () {
    const outside = tempPack({ 'secret.yaml': 'id: secret\nseverity: info\ndescription: d\nappliesTo: [{}]\ncheck: { type: no-duties }\nmessage: m\n' });
    const dir = tempPack({ 'pack.yaml': 'name: linky\nversion: 1.0.0\nrules: rules/*.yaml\n' });
    mkdirSync(join(dir, 'rules'));
    try {
      symlinkSync(join(outside, 'secret.yaml'), join(dir, 'rules', 'secret.yaml'));
    } catch {
      this.skip();
    }
    const r = checkPackFolder(dir);
    // Either refused with a message or skipped by the glob (links are not followed): never read.
    const refused = r.errors.some((e) => /link that leaves the pack folder; it was not read/.test(e.message));
    assert.ok(refused || (r.errors.length === 0 && r.pack!.pack.rules.length === 0), r.errors.map((e) => e.message).join('\n'));
    assert.ok(!r.pack?.files.some((f) => f.startsWith(outside)));
  });

  it('duplicate rule ids in a pack are reported at the second id', () => {
    const rule = (id: string) => `id: ${id}\nseverity: info\ndescription: d\nappliesTo: [{}]\ncheck: { type: no-duties }\nmessage: m\n`;
    const got = problems(
      tempPack({ 'pack.yaml': 'name: dupes\nversion: 1.0.0\nrules: rules/*.yaml\n', 'rules/a.yaml': rule('same-id'), 'rules/b.yaml': rule('same-id') }),
    );
    assert.ok(
      got.some((m) => /b\.yaml:1:5: duplicate rule id "same-id" \(also in rules.a\.yaml\)/.test(m)),
      got.join('\n'),
    );
  });

  it('a preset that sets a rule no pack defines is reported at the rule id', () => {
    const got = problems(tempPack({ 'pack.yaml': 'name: typo\nversion: 1.0.0\npresets:\n  strict:\n    rules:\n      cx-renamed-custmer-service: error\n' }));
    assert.ok(
      got.some((m) =>
        /pack\.yaml:6:7: preset "strict" names rule "cx-renamed-custmer-service", which neither this pack nor the packs it builds on define/.test(m),
      ),
      got.join('\n'),
    );
  });

  it('rule globs that leave the pack are refused', () => {
    const got = problems(tempPack({ 'pack.yaml': 'name: globby\nversion: 1.0.0\nrules: ../*/pack.yaml\n' }));
    assert.ok(
      got.some((m) => /pack\.yaml:3:8: rule path "\.\.\/\*\/pack\.yaml" leaves the pack folder/.test(m)),
      got.join('\n'),
    );
  });

  it('a hostile pack named in a config fails resolution with PackErrors (the CLI turns that into exit 2)', () => {
    clearConfigCache();
    for (const name of ['invalid-yaml', 'future-engine', 'docs-escape', 'unsupported-regex']) {
      assert.throws(() => resolveConfig({ packs: [join(HOSTILE, name)] }, ROOT), PackErrors, name);
    }
  });
});
