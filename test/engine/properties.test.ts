import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/engine';
import { lintText } from '../../server/src/api';

// Fragments that exercise the rules: real duty phrases, traps, markup and odd text.
const words = fc.constantFrom(
  'Answer inbound calls',
  'live chats',
  'Resolve tickets within SLA',
  'average handle time',
  'Upsell accessories at the till',
  'hit sales targets',
  'journey mapping',
  'root cause',
  'NPS',
  'customers',
  'clients',
  'team members',
  'internal customers',
  'not',
  'no cold calling',
  'without quotas',
  'own the customer experience',
  'our CX initiative',
  'a 6-month CX pilot',
  'with marketing and product',
  'train frontline staff',
  'reports to the CEO',
  'CXO',
  'ACX-200',
  'Head of CX',
  '**bold**',
  '_em_',
  '`code`',
  '[link](http://x)',
  'émoji 🎉',
  'עברית',
  'e\u0301',
  '\u0000',
  '<!-- cx-lint-disable -->',
  '<!-- cx-lint-enable -->',
  '<!-- cx-lint-disable-next-line -->',
  '&amp;',
  '\\*',
  '|',
  '---',
  'Customer Experience',
  'Specialist',
  'Manager',
  'Director of',
);
const sentence = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom(
      'Customer Experience Associate',
      'CX Manager',
      'Head of CX',
      "What you'll do",
      'Responsibilities',
      'About us',
      'Requirements',
      'Benefits',
      'Purpose',
      'Reports to',
      'Key accountabilities',
      'Your impact',
      'Customer Success Manager',
      'Notes',
    ),
  )
  .map(([d, t]) => `${'#'.repeat(d)} ${t}`);
const block = fc.oneof(
  heading,
  sentence,
  fc.array(sentence, { minLength: 1, maxLength: 6 }).map((items) => items.map((s) => `- ${s}`).join('\n')),
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((s, i) => `${i + 1}. ${s}`).join('\n')),
  fc
    .array(sentence, { minLength: 1, maxLength: 3 })
    .map((items) => `| Duty | Share |\n|---|---|\n${items.map((s) => `| ${s.replace(/\|/g, '/')} | 20% |`).join('\n')}`),
  fc.constantFrom(
    '---\ntitle: Customer Experience Associate\ntype: posting\n---',
    '---\ntitle: [unclosed\n---',
    '```\ncode: own the customer experience\n```',
    '> quoted: Answer inbound calls',
  ),
);
const doc = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([blocks, eol, bom]) => (bom ? '\uFEFF' : '') + blocks.join('\n\n').replace(/\n/g, eol));

describe('properties: on generated documents the engine never misbehaves', () => {
  it('never throws, and every range (findings, related, fix edits) lies inside the document', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const r = lintText(text);
        for (const f of r.findings) {
          assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `finding range ${JSON.stringify(f.range)}`);
          for (const rel of f.related) assert.ok(rel.range.start >= 0 && rel.range.end <= text.length);
          for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applying every safe fix gives a document that lints without error and without the fixed finding', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const r = lintText(text);
        const safe = r.findings.flatMap((f) => f.fixes.filter((x) => x.safe).map((x) => ({ f, x })));
        if (!safe.length) return;
        const after = applyEdits(
          text,
          safe.flatMap(({ x }) => x.edits),
        ).text;
        const again = lintText(after);
        // A finding left without a safe fix (its sentence keeps a time limit) may say the same words.
        const same = (g: (typeof r.findings)[number], doc: string, f: (typeof r.findings)[number]) =>
          g.ruleId === f.ruleId &&
          g.data.match === f.data.match &&
          g.data.match !== undefined &&
          doc.slice(g.range.start, g.range.end) === text.slice(f.range.start, f.range.end);
        const unfixed = r.findings.filter((g) => !g.fixes.some((x) => x.safe));
        for (const { f } of safe) {
          const stillThere = again.findings.filter((g) => same(g, after, f)).length > unfixed.filter((g) => same(g, text, f)).length;
          assert.ok(!stillThere, `${f.ruleId} re-triggered on "${f.data.match}"`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps line endings: inserted text uses the document's own line ending", () => {
    fc.assert(
      fc.property(doc, (text) => {
        if (!text.includes('\r\n')) return;
        for (const f of lintText(text).findings)
          for (const fix of f.fixes) {
            const after = applyEdits(text, fix.edits).text;
            assert.ok(!/[^\r]\n/.test(after.replace(/^\n/, '')) || /[^\r]\n/.test(text), `fix "${fix.title}" introduced a bare LF`);
          }
      }),
      { numRuns: 200 },
    );
  });

  it('is a pure function of its input: the same text gives the same findings', () => {
    fc.assert(
      fc.property(doc, (text) => assert.deepEqual(lintText(text), lintText(text))),
      { numRuns: 100 },
    );
  });
});
