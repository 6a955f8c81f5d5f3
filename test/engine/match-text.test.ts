import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePattern, fold, MATCH_CLASSES, PATTERN_FLAGS } from '../../server/src/engine/match/patterns';
import { compileClass, Negation, scanClass } from '../../server/src/engine/match/lexicon';
import { allMatches } from '../helpers/regex-matches';

/**
 * Phrase patterns are compiled with cheap ASCII-range classes (MATCH_CLASSES.*.fast)
 * and run on fold(text), which replaces every character that is not ASCII, General
 * Punctuation, a letter or a digit. These tests hold that to what the patterns mean:
 * the Unicode property classes (MATCH_CLASSES.*.unicode) run on the text only
 * lower-cased, as cx-lint matched before decision 107.
 */

/** What fold() did before: lower case, same length, nothing replaced. */
function lowerOnly(text: string): string {
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** The same pattern written with the Unicode property classes. */
function asMeant(source: string): string {
  let s = source;
  for (const c of Object.values(MATCH_CLASSES)) s = s.split(c.fast).join(c.unicode);
  return s;
}

// Characters of every kind that meets a word boundary: ASCII, curly quotes and dashes,
// no-break and ideographic spaces, symbols, emoji (astral), astral letters, combining
// marks, other scripts' letters and digits, a lone surrogate.
const CHARS = [
  'a',
  'c',
  'x',
  'e',
  's',
  'C',
  'X',
  ' ',
  '-',
  "'",
  '_',
  '1',
  '0',
  '.',
  ',',
  '/',
  '&',
  ':',
  '\n',
  '\u2019',
  '\u2013',
  '\u2014',
  '\u2010',
  '\u2022',
  '\u00a0',
  '\u3000',
  '\u202f',
  '\u2009',
  '\u00e9',
  '\u00c9',
  '\u0301',
  '\u00a3',
  '\u20ac',
  '\u00a9',
  '\u2192',
  '\u25cf',
  '\u00b7',
  '\u00b2',
  '\u00bd',
  '\u00aa',
  '\u00b5',
  '\u0130',
  '\u00df',
  '\u05e2',
  '\u0416',
  '\u0661',
  '\u4e2d',
  '\u{1F389}',
  '\u{1D5F0}',
  '\u{1D7EC}',
  '\ud800',
  '\ufeff',
  '\u0000',
  '\u007f',
  '\u0085',
];
const PIECES = [...CHARS, 'cx', 'customer', 'customers', 'service', 'team', 'member', 'cx-200', 'e-mail', "o'neil", 'caf\u00e9'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

// Every construct of the pattern language that compiles to one of the classes.
const PATTERNS = [
  'customer',
  'cx',
  'custom*',
  'caf\u00e9',
  'customer service',
  'customer ..2 service',
  'cx ..1 (team|member+)',
  '[the] customer+',
  '# customers',
  "o'neil",
  'e-mail',
  'team & member',
];

describe('matching text: fast classes on fold(text) find what the Unicode classes find on the text', () => {
  it('fold keeps the length and every letter and digit, and replaces only what is neither nor ASCII or General Punctuation', () => {
    fc.assert(
      fc.property(text, (t) => {
        const f = fold(t);
        const l = lowerOnly(t);
        assert.equal(f.length, t.length);
        for (let i = 0; i < t.length; i++) {
          if (f[i] === l[i]) continue;
          assert.ok(f[i] === ' ' || f[i] === '\x01', `U+${t.charCodeAt(i).toString(16)} became U+${f.charCodeAt(i).toString(16)}`);
          assert.ok(!/[\p{L}\p{N}]/u.test(l.slice(i, i + 1)), 'a letter or digit was replaced');
        }
      }),
      { numRuns: 500 },
    );
  });

  for (const p of PATTERNS) {
    it(`"${p}": the same matches as the pattern with Unicode classes`, () => {
      const source = compilePattern(p).source;
      for (const c of Object.values(MATCH_CLASSES)) assert.ok(!source.includes(c.unicode), 'the compiled pattern uses a property class');
      const fast = new RegExp(source, PATTERN_FLAGS);
      const meant = new RegExp(asMeant(source), PATTERN_FLAGS);
      fc.assert(
        fc.property(text, (t) => assert.deepEqual(allMatches(fast, fold(t)), allMatches(meant, lowerOnly(t)), JSON.stringify(t))),
        { numRuns: 400 },
      );
    });
  }

  it('the classes mean what they say on a known text (the property test above can fail)', () => {
    const source = compilePattern('customer').source;
    const meant = new RegExp(asMeant(source), PATTERN_FLAGS);
    // A letter glued before: no match; a symbol or emoji before: a match, as written.
    assert.deepEqual(allMatches(meant, lowerOnly('\u00e9customer \u00a9customer \u{1F389}customer')), [
      [11, 19],
      [22, 30],
    ]);
    assert.deepEqual(allMatches(new RegExp(source, PATTERN_FLAGS), fold('\u00e9customer \u00a9customer \u{1F389}customer')), [
      [11, 19],
      [22, 30],
    ]);
  });

  it('a raw regex entry naming a symbol reads the text as written (fold has replaced the symbol)', () => {
    const negation = new Negation({ cues: ['not'], strictCues: ['not'], nonCues: [], window: 3 }, /[.;]/g);
    const cls = compileClass('pay', { match: [{ regex: '\u00a3\\d+k' }, { regex: '\\d+k' }, 'commission'], exclude: [{ regex: '\u20ac\\d+k' }] });
    const t = 'Salary \u00a345k plus commission; \u20ac40k in Dublin';
    const found = scanClass(cls, t, negation).map((m) => t.slice(m.start, m.end));
    // "£45k" by the first entry; "€40k" is excluded by a regex that names the euro sign.
    assert.deepEqual(found, ['\u00a345k', 'commission']);
  });
});
