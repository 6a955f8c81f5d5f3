import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { lintText, type Finding } from '../../server/src/api';
import { lineOf } from '../../server/src/engine';
import { checkPackFolder, expectations, runPackFixtures, type Expectation } from '../../server/src/packs/pack-test';
import { markdownFiles, read, ROOT } from '../helpers/fixtures';

function actual(text: string, findings: Finding[], titleStart: number | undefined): Expectation[] {
  return findings.map((f) => ({
    ruleId: f.ruleId,
    line: titleStart !== undefined && f.range.start === titleStart ? 'title' : lineOf(text, f.range.start),
  }));
}

const key = (e: Expectation) => `${e.ruleId}@${e.line}`;
const sorted = (list: Expectation[]) => list.map(key).sort();

function check(file: string, onlyRule?: string, strictOther = false) {
  const text = read(file);
  const result = lintText(text, { filePath: file });
  let got = actual(text, result.findings, result.title?.range.start);
  // With no title, title-level findings land on the first line; markers say "title".
  if (!result.title) got = got.map((e) => (e.line === 1 && !expectations(text).some((x) => x.line === 1) ? { ...e, line: 'title' as const } : e));
  const want = expectations(text);
  if (onlyRule && !strictOther) {
    const ruleMarked = new Set(want.map((w) => w.ruleId));
    got = got.filter((g) => g.ruleId === onlyRule || ruleMarked.has(g.ruleId));
  }
  assert.deepEqual(
    sorted(got),
    sorted(want),
    `${relative(ROOT, file)} (kind: ${result.kind} — ${result.kindReason}; title form: ${result.title?.form ?? '-'}, level: ${result.title?.level ?? '-'})\n${result.findings.map((f) => `  ${f.ruleId} line ${lineOf(text, f.range.start)}: ${f.message}`).join('\n')}`,
  );
}

describe('rule fixtures: every rule against its own valid and invalid documents', () => {
  const rulesDir = join(ROOT, 'rules', 'cx-core', 'rules');
  it('pass `cx-lint pack test` (its fixture runner, the one pack authors run), which reads every fixture the tests below read', () => {
    const checked = checkPackFolder(join(ROOT, 'rules', 'cx-core'));
    assert.deepEqual(checked.errors, []);
    const results = runPackFixtures(checked.pack!, checked.setup!);
    assert.deepEqual(
      results.filter((r) => !r.ok).map((r) => `${r.ruleId} ${r.name}: ${r.problem}`),
      [],
    );
    const ran = results.map((r) => `${r.ruleId}/${r.name}`).sort();
    const files = readdirSync(rulesDir).flatMap((rule) =>
      (['valid', 'invalid'] as const).flatMap((kind) =>
        markdownFiles(join(rulesDir, rule, 'fixtures', kind)).map((f) => `${rule}/fixtures/${kind}/${basename(f)}`),
      ),
    );
    assert.deepEqual(ran, files.sort());
  });

  for (const rule of readdirSync(rulesDir).sort()) {
    describe(rule, () => {
      for (const file of markdownFiles(join(rulesDir, rule, 'fixtures', 'valid'))) {
        it(`stays quiet on valid/${basename(file)}`, () => {
          const text = read(file);
          const r = lintText(text, { filePath: file });
          const hits = r.findings.filter((f) => f.ruleId === rule);
          assert.equal(
            hits.length,
            0,
            `${basename(file)}: ${hits.map((h) => `line ${lineOf(text, h.range.start)}: ${h.message}`).join('; ')} (kind ${r.kind}, form ${r.title?.form}, level ${r.title?.level})`,
          );
        });
      }
      for (const file of markdownFiles(join(rulesDir, rule, 'fixtures', 'invalid'))) {
        it(`reports exactly the marked findings in invalid/${basename(file)}`, () => check(file, rule));
      }
    });
  }
});

describe('corpus: realistic postings and charters produce exactly their marked findings', () => {
  for (const file of markdownFiles(join(ROOT, 'test', 'fixtures', 'corpus'))) {
    it(basename(file, '.md'), () => check(file));
  }
});

/** Like the CLI's folder walk: files inside a rule pack folder (its docs and fixtures) are not linted by `npm start`. */
function inPack(root: string, file: string): boolean {
  for (let d = dirname(file); d !== root && d.startsWith(root); d = dirname(d)) if (existsSync(join(d, 'pack.yaml'))) return true;
  return false;
}

describe('examples: the documents npm start lints produce exactly their marked findings', () => {
  const root = join(ROOT, 'examples');
  const files = markdownFiles(root);
  it('the example pack under examples/packs is skipped, and is there to skip', () => {
    assert.ok(files.some((f) => inPack(root, f)));
  });
  for (const file of files.filter((f) => !inPack(root, f))) {
    it(basename(file, '.md'), () => check(file));
  }
});
