import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, type LintResult } from '../../server/src/engine';
import { lintText } from '../../server/src/api';
import { ROOT, renamedServicePosting } from '../helpers/fixtures';

/**
 * Mutation and random-Markdown fuzzing, and one named test per awkward input.
 * What must hold for any text (checkInvariants): lint does not throw; every range
 * (finding, related, fix edit) is inside the text and does not split a surrogate pair;
 * the edits of one fix do not overlap, apply cleanly, and the result lints again.
 */

const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const corpus = readdirSync(CORPUS, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.md') && !f.endsWith('INDEX.md'))
  .sort()
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

function checkRange(text: string, r: { start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end), `${what}: integer offsets ${JSON.stringify(r)}`);
  assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${what}: ${JSON.stringify(r)} outside 0..${text.length}`);
  assert.ok(!splitsPair(text, r.start) && !splitsPair(text, r.end), `${what}: ${JSON.stringify(r)} splits a surrogate pair`);
}

/**
 * The promises every lint result keeps, whatever the text. Returns the result.
 * `relint: false` (for the multi-megabyte inputs) still applies every fix but does not
 * lint each result again; the fuzz runs above do that on ordinary sizes.
 */
function checkInvariants(text: string, { relint = true } = {}): LintResult {
  const r = lintText(text);
  for (const f of r.findings) {
    checkRange(text, f.range, `${f.ruleId} range`);
    for (const rel of f.related) checkRange(text, rel.range, `${f.ruleId} related`);
    for (const fix of f.fixes) {
      const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
      edits.forEach((e, i) => {
        checkRange(text, e.range, `${f.ruleId} fix "${fix.title}" edit`);
        if (i > 0) assert.ok(e.range.start >= edits[i - 1].range.end, `${f.ruleId} fix "${fix.title}": edits overlap`);
      });
      const applied = applyEdits(text, fix.edits);
      assert.equal(applied.skipped.length, 0, `${f.ruleId} fix "${fix.title}" did not apply cleanly`);
      if (relint) lintText(applied.text);
    }
  }
  return r;
}

// ---- arbitraries -------------------------------------------------------------------

const markdownBits = fc.constantFrom(
  '# Customer Experience Manager',
  '## Responsibilities',
  "## What you'll do",
  '- Answer inbound calls and live chats',
  '1. Resolve tickets within SLA',
  '> quoted duty: hit sales targets',
  '```',
  '~~~',
  '    indented code',
  '| Duty | Share |',
  '|---|---|',
  '| Answer calls | 80% |',
  '---',
  '***',
  '<!-- cx-lint-disable -->',
  '<!-- cx-lint-enable -->',
  '<!-- cx-lint-disable-next-line -->',
  '<div>',
  '</div>',
  '[ref]: http://x',
  '[ref]',
  '* * *',
  '- [ ] task',
  '+ plus item',
  '\\',
  '  ',
  '\t- tabbed',
  'title: CX',
  'own the customer experience 🎉',
  'עברית and العربية',
  'Cafe\u0301 customers',
  '\u0000',
  '\uFEFF',
  '\u200B',
  '\u2028',
  '<br>',
  '**bold _em_**',
  '`code`',
  '&nbsp;',
  '![img](x.png)',
  '#',
);
const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

type Mutation =
  | { op: 'insert'; at: number; line: string }
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap-headings'; a: number; b: number }
  | { op: 'random'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: markdownBits }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap-headings' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('random' as const), at: fc.nat(), text: fc.string({ unit: 'grapheme', maxLength: 20 }) }),
);

function mutate(doc: string, muts: Mutation[], eol: string | null): string {
  const lines = doc.split(/\r\n|\r|\n/);
  for (const m of muts) {
    const at = (m as { at?: number }).at ?? 0;
    const i = lines.length ? at % lines.length : 0;
    switch (m.op) {
      case 'insert':
        lines.splice(i, 0, m.line);
        break;
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        if (lines.length) lines.splice(i, 0, lines[i]);
        break;
      case 'swap-headings': {
        const hs = lines.map((l, k) => (/^#{1,6}\s/.test(l) ? k : -1)).filter((k) => k >= 0);
        if (hs.length >= 2) {
          const [x, y] = [hs[m.a % hs.length], hs[m.b % hs.length]];
          [lines[x], lines[y]] = [lines[y], lines[x]];
        }
        break;
      }
      case 'random': {
        const l = lines[i] ?? '';
        const cut = at % (l.length + 1);
        lines[i] = l.slice(0, cut) + m.text + l.slice(cut);
        break;
      }
    }
  }
  // null keeps the corpus's own line ending; otherwise every line ends in `eol`.
  return lines.join(eol ?? (doc.includes('\r\n') ? '\r\n' : '\n'));
}

const mutatedPosting = fc
  .tuple(fc.constantFrom(...corpus), fc.array(mutation, { maxLength: 8 }), fc.option(lineEnding), fc.boolean())
  .map(([doc, muts, eol, bom]) => (bom ? '\uFEFF' : '') + mutate(doc, muts, eol));

const randomMarkdown = fc
  .array(fc.oneof({ weight: 3, arbitrary: markdownBits }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) }), { maxLength: 40 })
  .chain((parts) =>
    fc.tuple(fc.constant(parts), fc.array(fc.constantFrom('\n', '\r\n', '\r', ' ', '\n\n'), { minLength: parts.length, maxLength: parts.length })),
  )
  .map(([parts, seps]) => parts.map((p, i) => p + seps[i]).join(''));

describe('fuzz: mutated postings and random Markdown never break the engine', function () {
  this.timeout(120_000);

  it(`every corpus posting (${corpus.length}) keeps the invariants`, () => {
    assert.ok(corpus.length >= 20, 'the corpus was found');
    for (const doc of corpus) checkInvariants(doc);
  });

  it('mutated postings (lines inserted, deleted, duplicated, headings swapped, random text, line endings) keep the invariants', () => {
    fc.assert(
      fc.property(mutatedPosting, (text) => void checkInvariants(text)),
      { numRuns: 150 },
    );
  });

  it('random Markdown, including arbitrary code units and lone surrogates, keeps the invariants', () => {
    fc.assert(
      fc.property(randomMarkdown, (text) => void checkInvariants(text)),
      { numRuns: 200 },
    );
  });

  it('applying every safe fix of a mutated posting at once is clean and lints again', () => {
    fc.assert(
      fc.property(mutatedPosting, (text) => {
        const edits = lintText(text).findings.flatMap((f) =>
          f.fixes
            .filter((x) => x.safe)
            .slice(0, 1)
            .flatMap((x) => x.edits),
        );
        const out = applyEdits(text, edits);
        checkInvariants(out.text);
      }),
      { numRuns: 100 },
    );
  });
});

// ---- named awkward inputs -----------------------------------------------------------

const RENAMED = renamedServicePosting();

function ids(r: LintResult): string[] {
  return r.findings.map((f) => f.ruleId);
}

describe('named awkward inputs: each lints, keeps the invariants, and finds what an LF/ASCII copy finds', function () {
  this.timeout(60_000);
  const plain = ids(lintText(RENAMED.join('\n')));
  before(() => assert.ok(plain.includes('cx-renamed-customer-service'), 'the baseline posting is a renamed Customer Service role'));

  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['lone CR (classic Mac)', '\r'],
  ] as const) {
    it(`${name} line endings`, () => {
      const text = RENAMED.join(eol);
      assert.deepEqual(ids(checkInvariants(text)), plain);
    });
  }

  it('mixed line endings (LF, CRLF and CR in one file)', () => {
    const text = RENAMED.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('');
    assert.deepEqual(ids(checkInvariants(text)), plain);
  });

  it('a byte-order mark: ranges index the text with the BOM', () => {
    const text = '\uFEFF' + RENAMED.join('\n');
    const r = checkInvariants(text);
    assert.deepEqual(ids(r), plain);
    const title = r.findings.find((f) => f.ruleId === 'cx-renamed-customer-service')!;
    assert.equal(text.slice(title.range.start, title.range.end).includes('Customer Experience'), true);
  });

  it('NUL bytes inside duties and the title', () => {
    const text = RENAMED.map((l) => l.replace(/ /, ' \u0000')).join('\n');
    checkInvariants(text);
  });

  it('right-to-left text (Hebrew, Arabic) and bidi controls around duties', () => {
    const text = [
      ...RENAMED.slice(0, 4),
      '- \u202Bענה לשיחות נכנסות\u202C',
      '- الرد على المكالمات الواردة من العملاء',
      '- \u200FAnswer inbound calls and live chats from customers\u200F',
      '',
    ].join('\n');
    const r = checkInvariants(text);
    assert.ok(r.title?.text.includes('Customer Experience'));
  });

  it('combining characters (decomposed accents) in the title and duties', () => {
    const text = ['# Customer Expe\u0301rience Associe\u0301', ...RENAMED.slice(1), '- Re\u0301soudre les tickets clients'].join('\n');
    checkInvariants(text);
  });

  it('emoji (surrogate pairs) in the title and duties: no range splits a pair', () => {
    const text = [
      '# 🎉 Customer Experience Associate 🚀',
      '',
      "## What you'll do 👩‍💻",
      '',
      '- 📞 Answer inbound calls and live chats from customers 😀',
      '- 🎫 Resolve tickets within our 24-hour SLA ✅',
      '- ⏱️ Meet average handle time targets 🏁',
      '',
    ].join('\n');
    const r = checkInvariants(text);
    assert.ok(ids(r).includes('cx-renamed-customer-service'), ids(r).join(', '));
  });

  it('a 10,000-item list', () => {
    const text = [...RENAMED.slice(0, 4), ...Array.from({ length: 10_000 }, (_, i) => `- Answer inbound calls and resolve ticket ${i}`), ''].join('\n');
    assert.ok(ids(checkInvariants(text, { relint: false })).includes('cx-renamed-customer-service'));
  });

  it('500-deep nesting: blockquotes, and lists by indentation and on one line', () => {
    checkInvariants(`${RENAMED.join('\n')}\n${'> '.repeat(500)}Answer inbound calls\n`);
    checkInvariants(`${RENAMED.join('\n')}\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- Answer inbound calls`).join('\n')}\n`);
    checkInvariants(`${RENAMED.join('\n')}\n${'- '.repeat(500)}Answer inbound calls\n`);
    checkInvariants(`${RENAMED.join('\n')}\n${'> - '.repeat(250)}Answer inbound calls\n`);
  });

  it('a 5 MB single paragraph', () => {
    const para = 'We answer inbound calls and resolve tickets for customers, not only sales. '.repeat(Math.ceil(5_000_000 / 74));
    const r = checkInvariants(`# Customer Experience Associate\n\n## What you'll do\n\n${para}\n`, { relint: false });
    assert.equal(r.kind, 'posting', 'linted, not skipped: 5 MB is under the default size limit');
  });

  it('front matter that is not YAML, and YAML that is not a mapping', () => {
    for (const fm of [
      'title: [unclosed\n  - : :',
      '{{{ not yaml at all',
      '- a list\n- not a mapping',
      '"just a string"',
      '42',
      '',
      'title: CX Associate\ntitle: duplicate key',
    ]) {
      const text = `---\n${fm}\n---\n${RENAMED.join('\n')}`;
      const r = checkInvariants(text);
      assert.ok(r.title, `front matter ${JSON.stringify(fm)}: the heading still gives the title`);
    }
  });
});
