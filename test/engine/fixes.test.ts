import assert from 'node:assert/strict';
import { applyEdits, type Finding } from '../../server/src/engine';
import { lintText } from '../../server/src/api';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, renamedServicePosting } from '../helpers/fixtures';

const renamed = (title: string, eol = '\n') => renamedServicePosting(title).join(eol);

function fixNamed(findings: Finding[], ruleId: string, startsWith: string) {
  const f = findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `no ${ruleId} finding`);
  const fix = f.fixes.find((x) => x.title.startsWith(startsWith));
  assert.ok(fix, `no fix starting "${startsWith}" in ${f.fixes.map((x) => x.title).join(', ')}`);
  return fix;
}

describe('fixes: edits rewrite exactly what they should and nothing else', () => {
  it('a retitle keeps the level word and the title noise', () => {
    const text = renamed('Senior Customer Experience Specialist (Remote, EMEA) – 12-month contract');
    const fix = fixNamed(lintText(text).findings, 'cx-renamed-customer-service', 'Retitle');
    assert.equal(fix.safe, false, 'retitles are suggestions');
    const out = applyEdits(text, fix.edits).text;
    assert.equal(out.split('\n')[0], '# Senior Customer Service Specialist (Remote, EMEA) – 12-month contract');
    assert.equal(out.slice(out.indexOf('\n')), text.slice(text.indexOf('\n')));
  });

  it('"Head of CX" becomes "Head of Customer Service"', () => {
    const fix = fixNamed(lintText(renamed('Head of CX')).findings, 'cx-renamed-customer-service', 'Retitle');
    assert.equal(fix.title, 'Retitle to “Head of Customer Service”');
  });

  it('works through a BOM, CRLF line endings and front matter without touching them', () => {
    const text =
      "\uFEFF---\r\ntitle: Customer Experience Associate\r\ntype: posting\r\n---\r\n\r\n## What you'll do\r\n\r\n- Answer inbound calls from customers\r\n- Resolve tickets within SLA\r\n- Meet average handle time targets\r\n";
    const r = lintText(text);
    const f = r.findings.find((x) => x.ruleId === 'cx-renamed-customer-service');
    assert.ok(f);
    assert.equal(text.slice(f.range.start, f.range.end), 'Customer Experience Associate');
    const retitle = applyEdits(text, fixNamed(r.findings, 'cx-renamed-customer-service', 'Retitle').edits).text;
    assert.equal(retitle, text.replace('title: Customer Experience Associate', 'title: Customer Service Associate'));
    const insert = applyEdits(text, fixNamed(r.findings, 'cx-renamed-customer-service', 'Add').edits).text;
    assert.ok(insert.startsWith('\uFEFF---\r\n'));
    assert.ok(!/[^\r]\n/.test(insert), 'no bare LF introduced');
    assert.match(insert, /- Meet average handle time targets\r\n- TODO: describe a duty that improves the experience/);
  });

  it('inserted duties continue a numbered list with the next numbers', () => {
    const text =
      '# Customer Experience Associate\n\n## Responsibilities\n\n1. Answer inbound calls\n2. Resolve tickets within SLA\n3. Meet average handle time targets\n\n## Benefits\n\n- Pension\n';
    const out = applyEdits(text, fixNamed(lintText(text).findings, 'cx-renamed-customer-service', 'Add').edits).text;
    assert.match(out, /3\. Meet average handle time targets\n4\. TODO: describe a duty that improves the experience[^\n]*\n\n## Benefits/);
  });

  it('a substitution keeps the capital letter and non-ASCII text around it', () => {
    const text =
      '# Customer Experience Manager\n\n## Responsibilities\n\n- Own the customer experience for Café Zoë’s 40 sites 🎉\n- Work with marketing and operations\n';
    const f = lintText(text).findings.find((x) => x.ruleId === 'cx-silo-ownership');
    assert.ok(f);
    assert.equal(text.slice(f.range.start, f.range.end), 'Own the customer experience');
    const out = applyEdits(text, f.fixes[0].edits).text;
    assert.match(out, /- Enable every team to own the customer experience for Café Zoë’s 40 sites 🎉\n/);
  });

  it('initiative wording has a safe fix that fix-all may apply, and applying it clears the finding', () => {
    const text =
      '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our new CX initiative with operations and marketing\n- Survey customers quarterly\n';
    const f = lintText(text).findings.find((x) => x.ruleId === 'cx-as-initiative');
    assert.ok(f?.fixes[0].safe);
    const out = applyEdits(text, f.fixes[0].edits).text;
    assert.ok(!lintText(out).findings.some((x) => x.ruleId === 'cx-as-initiative'));
  });

  it('an insert-duties fix inserts a TODO placeholder the rule keeps reporting until it is replaced, never a safe fix', () => {
    // Six of eight duties handle contacts, as in issue 15: boilerplate lines used to clear the warning.
    const text = renamed('Customer Experience Associate');
    const before = lintText(text).findings.find((x) => x.ruleId === 'cx-renamed-customer-service');
    assert.ok(before);
    const fix = fixNamed([before], 'cx-renamed-customer-service', 'Add');
    assert.equal(fix.safe, false, 'inserted duties are never applied by fix-all or --fix');
    const out = applyEdits(text, fix.edits).text;
    assert.match(out, /\n- TODO: [^\n]+\n$/);
    const after = lintText(out).findings.find((x) => x.ruleId === 'cx-renamed-customer-service');
    assert.ok(after, 'the rule still reports while the TODO is there');
    assert.equal(after.message, before.message, 'the TODO is not counted as a duty: same counts');
    // Once the writer replaces the TODO with real experience-shaping work, the rule is satisfied.
    const filled = out.replace(/- TODO: [^\n]+/, '- Find the root causes of repeat contacts and work with the owning teams to remove them');
    assert.ok(!lintText(filled).findings.some((x) => x.ruleId === 'cx-renamed-customer-service'));
  });

  it('every insert-duties fix of cx-core inserts only TODO lines, and its rule keeps reporting after it', () => {
    // Each rule.yaml with an insert-duties fix, on its own invalid examples.
    const cases: [string, string][] = [];
    const dir = join(ROOT, 'rules', 'cx-core', 'rules');
    for (const id of readdirSync(dir)) {
      const rule = parse(readFileSync(join(dir, id, 'rule.yaml'), 'utf8'));
      if (!rule.fixes?.some((f: { type: string }) => f.type === 'insert-duties')) continue;
      for (const ex of rule.examples?.invalid ?? []) cases.push([id, ex.text]);
    }
    assert.ok(new Set(cases.map((c) => c[0])).size >= 6, 'the six insert-duties rules are found');
    for (const [ruleId, text] of cases) {
      const f = lintText(text).findings.find((x) => x.ruleId === ruleId);
      assert.ok(f, `${ruleId} reports on its case`);
      const fix = f.fixes.find((x) => x.title.startsWith('Add'));
      assert.ok(fix, `${ruleId} offers an insert-duties fix`);
      assert.equal(fix.safe, false, ruleId);
      const inserted = fix.edits.map((e) => e.newText).join('');
      const items = inserted.split('\n').filter((l) => /^\s*(?:[-*+]|\d+[.)])\s/.test(l));
      assert.ok(items.length > 0 && items.every((l) => /^\s*(?:[-*+]|\d+[.)])\s+TODO: /.test(l)), `${ruleId} inserts TODO lines only: ${inserted}`);
      const out = applyEdits(text, fix.edits).text;
      assert.ok(
        lintText(out).findings.some((x) => x.ruleId === ruleId),
        `${ruleId} keeps reporting after its fix`,
      );
    }
  });

  it('a substitution that leaves a time limit in the sentence is not safe; one that does not stays safe', () => {
    const still = '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our CX initiative through its first year with operations\n';
    const f = lintText(still).findings.find((x) => x.ruleId === 'cx-as-initiative');
    assert.ok(f);
    assert.equal(f.fixes[0].title, 'Replace “initiative” with “programme”', 'still offered');
    assert.equal(f.fixes[0].safe, false, '"our CX programme through its first year" is still fixed-term');
    for (const limit of ['for its 12-month pilot phase', 'until the end of March', 'for 6 months', 'on a fixed-term basis']) {
      const t = `# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our new CX initiative ${limit}\n`;
      const g = lintText(t).findings.find((x) => x.ruleId === 'cx-as-initiative' && x.fixes.length);
      assert.ok(g, limit);
      assert.equal(g.fixes[0].safe, false, limit);
    }
    // A shop till is no time limit, nor is "every team".
    const till = lintText(
      '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our new CX initiative with every team, from the till to the warehouse\n',
    ).findings.find((x) => x.ruleId === 'cx-as-initiative');
    assert.equal(till?.fixes[0]?.safe, true);
    // "a CX pilot" → "a CX programme": the sentence no longer says pilot, so the swap is safe.
    const pilot = lintText('# Customer Experience Manager\n\n## Responsibilities\n\n- Run a CX pilot with our stores and contact centre\n').findings.find(
      (x) => x.ruleId === 'cx-as-initiative',
    );
    if (pilot?.fixes.length) assert.equal(pilot.fixes[0].safe, true);
  });

  it('posting-missing-duties inserts a section skeleton after the title', () => {
    const text = '# Customer Experience Manager\n\nWe are hiring.\n\n## Benefits\n\n- Pension\n';
    const f = lintText(text).findings.find((x) => x.ruleId === 'posting-missing-duties');
    assert.ok(f);
    const out = applyEdits(text, f.fixes[0].edits).text;
    assert.match(out, /^# Customer Experience Manager\n\n## What you'll do\n\n- Describe the first main duty/);
    assert.ok(out.includes('We are hiring.') && out.includes('- Pension'), 'nothing the user wrote is lost');
  });

  it('overlapping edits are skipped, never merged into corrupt text', () => {
    const r = applyEdits('abcdef', [
      { range: { start: 1, end: 4 }, newText: 'X' },
      { range: { start: 2, end: 5 }, newText: 'Y' },
      { range: { start: 5, end: 6 }, newText: 'Z' },
    ]);
    assert.equal(r.text, 'aXeZ');
    assert.equal(r.skipped.length, 1);
  });
});
