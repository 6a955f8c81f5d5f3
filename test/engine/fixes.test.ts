import assert from 'node:assert/strict';
import { applyEdits, type Finding } from '../../server/src/engine';
import { lintText } from '../../server/src/api';

const renamed = (title: string, eol = '\n') =>
  [`# ${title}`, '', "## What you'll do", '', '- Answer inbound calls and live chats from customers', '- Resolve tickets within our 24-hour SLA', '- Meet average handle time targets', ''].join(eol);

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
    const text = '\uFEFF---\r\ntitle: Customer Experience Associate\r\ntype: posting\r\n---\r\n\r\n## What you\'ll do\r\n\r\n- Answer inbound calls from customers\r\n- Resolve tickets within SLA\r\n- Meet average handle time targets\r\n';
    const r = lintText(text);
    const f = r.findings.find((x) => x.ruleId === 'cx-renamed-customer-service');
    assert.ok(f);
    assert.equal(text.slice(f.range.start, f.range.end), 'Customer Experience Associate');
    const retitle = applyEdits(text, fixNamed(r.findings, 'cx-renamed-customer-service', 'Retitle').edits).text;
    assert.equal(retitle, text.replace('title: Customer Experience Associate', 'title: Customer Service Associate'));
    const insert = applyEdits(text, fixNamed(r.findings, 'cx-renamed-customer-service', 'Add').edits).text;
    assert.ok(insert.startsWith('\uFEFF---\r\n'));
    assert.ok(!/[^\r]\n/.test(insert), 'no bare LF introduced');
    assert.match(insert, /- Meet average handle time targets\r\n- Find the root causes/);
  });

  it('inserted duties continue a numbered list with the next numbers', () => {
    const text = '# Customer Experience Associate\n\n## Responsibilities\n\n1. Answer inbound calls\n2. Resolve tickets within SLA\n3. Meet average handle time targets\n\n## Benefits\n\n- Pension\n';
    const out = applyEdits(text, fixNamed(lintText(text).findings, 'cx-renamed-customer-service', 'Add').edits).text;
    assert.match(out, /3\. Meet average handle time targets\n4\. Find the root causes[^\n]*\n5\. Feed customer feedback[^\n]*\n\n## Benefits/);
  });

  it('a substitution keeps the capital letter and non-ASCII text around it', () => {
    const text = '# Customer Experience Manager\n\n## Responsibilities\n\n- Own the customer experience for Café Zoë’s 40 sites 🎉\n- Work with marketing and operations\n';
    const f = lintText(text).findings.find((x) => x.ruleId === 'cx-silo-ownership');
    assert.ok(f);
    assert.equal(text.slice(f.range.start, f.range.end), 'Own the customer experience');
    const out = applyEdits(text, f.fixes[0].edits).text;
    assert.match(out, /- Enable every team to own the customer experience for Café Zoë’s 40 sites 🎉\n/);
  });

  it('initiative wording has a safe fix that fix-all may apply, and applying it clears the finding', () => {
    const text = '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our new CX initiative with operations and marketing\n- Survey customers quarterly\n';
    const f = lintText(text).findings.find((x) => x.ruleId === 'cx-as-initiative');
    assert.ok(f?.fixes[0].safe);
    const out = applyEdits(text, f.fixes[0].edits).text;
    assert.ok(!lintText(out).findings.some((x) => x.ruleId === 'cx-as-initiative'));
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
