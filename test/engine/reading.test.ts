import assert from 'node:assert/strict';
import { compilePattern, inflections, PatternError } from '../../server/src/engine';
import { lintText } from '../../server/src/api';

const re = (p: string) => new RegExp(compilePattern(p).source, 'iu');

describe('phrase patterns', () => {
  it('match whole words only: "cx" is not inside CXO or ACX-200', () => {
    assert.ok(re('cx').test('Head of CX'));
    assert.ok(!re('cx').test('our CXO'));
    assert.ok(!re('cx').test('the ACX-200 unit'));
    assert.ok(!re('cx').test('CX-200 scanner'));
  });
  it('word+ covers inflections, including dropped e, y→ies and doubled consonants', () => {
    for (const w of ['resolves', 'resolved', 'resolving']) assert.ok(re('resolve+').test(w), w);
    for (const w of ['replies', 'replied', 'replying']) assert.ok(re('reply+').test(w), w);
    for (const w of ['chatted', 'chatting', 'chats']) assert.ok(re('chat+').test(w), w);
    assert.ok(inflections('call').includes('calling'));
  });
  it('gaps are bounded, alternatives and optionals work, hyphen equals space', () => {
    assert.ok(re('handle+ ... complaint+').test('handle all escalated complaints'));
    assert.ok(!re('handle+ ... complaint+').test('handle one two three four complaints'));
    assert.ok(re('handle+ ..4 complaint+').test('handle one two three four complaints'));
    assert.ok(re('[inbound] call+').test('calls') && re('[inbound] call+').test('inbound calls'));
    assert.ok(re('(live chat+|email+)').test('emails'));
    assert.ok(re('follow-up').test('follow up') && re('follow up').test('follow-up'));
  });
  it('rejects malformed patterns with the column of the problem', () => {
    assert.throws(
      () => compilePattern('(a|b'),
      (e: unknown) => e instanceof PatternError && /missing "\)"/.test(e.message),
    );
    assert.throws(() => compilePattern('a ..99 b'), PatternError);
    assert.throws(() => compilePattern('[a]'), /at least one required word/);
    // "[…]" is an optional word, never a character class: "licen[cs]e" would never match.
    assert.throws(() => compilePattern('licen[cs]e renewal+'), /optional word, not a character class/);
    assert.ok(re('[driving] (licence|license) renewal+').test('licence renewals'));
  });
});

describe('reading titles: role noun, level and form', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['Customer Experience Specialist', 'role', 'specialist'],
    ['CX Agent', 'role', 'frontline'],
    ['Head of CX', 'role', 'leadership'],
    ['Director of Customer Experience', 'role', 'leadership'],
    ['VP, Customer Experience', 'role', 'leadership'],
    ['Chief Customer Officer', 'role', 'leadership'],
    ['Customer Experience Specialist (Remote, EMEA) – 12-month contract', 'role', 'specialist'],
    ['Staff Software Engineer, CX Applications', 'team', undefined],
    ['Data Analyst – Customer Experience', 'team', undefined],
    ['Backend Engineer, Patient Experience', 'team', undefined],
    ['Product Manager, Customer Experience', 'team', undefined],
    ['CX Designer', 'discipline', undefined],
    ['Customer Success Manager', 'none', 'manager'],
    ['Customer Service Advisor', 'none', 'frontline'],
    ['Senior Manager, CXO Office', 'none', 'manager'],
  ];
  for (const [title, form, level] of cases) {
    it(`"${title}" → ${form}${level ? `, ${level}` : ''}`, () => {
      const r = lintText(`# ${title}\n\n## Responsibilities\n\n- Work with customers\n`);
      assert.equal(r.title?.form, form);
      if (level) assert.equal(r.title?.level, level);
    });
  }
});

describe('reading documents: kind, sections and duties', () => {
  it('a README is not a posting, even with CX in its title', () => {
    const r = lintText('# CX tooling\n\n## Installation\n\nRun npm ci.\n\n## Usage\n\nAnswer calls.\n');
    assert.equal(r.kind, 'other');
    assert.equal(r.findings.length, 0);
  });
  it('front matter type wins over structure', () => {
    assert.equal(lintText('---\ntype: note\n---\n# Customer Experience Associate\n\n## Responsibilities\n\n- Answer calls\n').kind, 'other');
    assert.equal(lintText('---\ntype: charter\n---\n# CX\n\nText.\n').kind, 'charter');
  });
  it('configured kinds globs classify by path', () => {
    const r = lintText('# Customer Experience Associate\n\nAnswer calls all day.\n', { filePath: 'jobs/a.md', config: { kinds: { posting: ['jobs/**'] } } });
    assert.equal(r.kind, 'posting');
  });
  it('front matter that is not YAML is read as no front matter, without throwing', () => {
    const r = lintText('---\n: : [\n---\n# Customer Experience Associate\n\n## Responsibilities\n\n- Answer inbound calls\n- Resolve tickets\n');
    assert.equal(r.title?.text, 'Customer Experience Associate');
  });
  it('control comments: disable/enable ranges, next line and file', () => {
    const base = '# Customer Experience Manager\n\n## Responsibilities\n\n';
    const body = '- Own the customer experience\n- Work with marketing\n- Survey customers\n';
    assert.equal(lintText(base + body).findings.filter((f) => f.ruleId === 'cx-silo-ownership').length, 1);
    assert.equal(
      lintText(base + '<!-- cx-lint-disable-next-line cx-silo-ownership -- agreed with legal -->\n' + body).findings.filter(
        (f) => f.ruleId === 'cx-silo-ownership',
      ).length,
      0,
    );
    assert.equal(
      lintText(
        base + '<!-- cx-lint-disable cx-silo-ownership -->\n' + body + '<!-- cx-lint-enable cx-silo-ownership -->\n- Own the customer experience\n',
      ).findings.filter((f) => f.ruleId === 'cx-silo-ownership').length,
      1,
    );
    assert.equal(lintText('<!-- cx-lint-disable-file -->\n' + base + body).findings.length, 0);
    assert.equal(
      lintText(base + body + '<!-- cx-lint-disable-next-line cx-as-initiative -->\n').findings.filter((f) => f.ruleId === 'cx-silo-ownership').length,
      1,
      'other rules stay on',
    );
  });
  it('rule severities and options come from config', () => {
    const text =
      '# Customer Experience Associate\n\n## Responsibilities\n\n- Answer inbound calls\n- Resolve tickets\n- Plan the team offsite\n- Book travel\n';
    assert.equal(lintText(text).findings.find((f) => f.ruleId === 'cx-renamed-customer-service')?.severity, 'warning');
    assert.equal(
      lintText(text, { config: { rules: { 'cx-renamed-customer-service': 'error' } } }).findings.find((f) => f.ruleId === 'cx-renamed-customer-service')
        ?.severity,
      'error',
    );
    assert.ok(
      !lintText(text, { config: { rules: { 'cx-renamed-customer-service': ['warning', { minShare: 0.75 }] } } }).findings.some(
        (f) => f.ruleId === 'cx-renamed-customer-service',
      ),
    );
    assert.ok(
      !lintText(text, { config: { rules: { 'cx-renamed-customer-service': 'off' } } }).findings.some((f) => f.ruleId === 'cx-renamed-customer-service'),
    );
    assert.throws(
      () => lintText(text, { config: { rules: { 'cx-renamed-customer-service': ['warning', { minShar: 1 }] } } }),
      /has no option "minShar"\. Did you mean "minShare"\?/,
    );
  });
  it('findings carry the documented shape: id, severity, message, range, fixes, docs, pack, related, data', () => {
    const f = lintText('# Customer Experience Associate\n\n## Responsibilities\n\n- Answer inbound calls\n- Resolve tickets\n').findings[0];
    assert.deepEqual(Object.keys(f).sort(), ['data', 'docsUrl', 'fixes', 'message', 'pack', 'range', 'related', 'ruleId', 'severity'].sort());
    assert.equal(f.pack.name, 'cx-core');
    assert.match(f.docsUrl!, /^file:.*rules\/cx-renamed-customer-service\/README\.md$/);
    assert.deepEqual({ count: f.data.count, total: f.data.total }, { count: 2, total: 2 });
    assert.equal(f.related.length, 2);
  });
});
