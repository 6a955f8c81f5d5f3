import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePattern, fold, indexWords, LeadIndex, PhraseSet } from '../../server/src/engine/match/patterns';
import { allMatches } from '../helpers/regex-matches';

// Patterns whose first words are as common as "the" and "a", with a rarer word each
// needs (what the scan checks for first), beside ones that need no word at all.
const WITH_NEEDS = [
  '(our|the|a|an|# month) [new|first] (customer experience|cx) [transformation] {initiative}',
  '(pilot|campaign|project) to (improve+|fix+) (the|our) (customer|guest) experience',
  '(launch+|kick+ off) (a|our|the) [new] (customer experience|cx) (initiative|pilot)',
];
const WORDS = [
  'the',
  'a',
  'our',
  'new',
  'first',
  'customer',
  'experience',
  'cx',
  'initiative',
  'pilot',
  'campaign',
  'project',
  'to',
  'improve',
  'fixes',
  'guest',
  'launched',
  'kick',
  'off',
  '6',
  'month',
  'transformation',
  'and',
  'team',
];

describe('phrase sets: the words a pattern needs', () => {
  it('a pattern needs its rarest required word, never an optional one or the commonest words', () => {
    assert.deepEqual(compilePattern(WITH_NEEDS[0]).need, { exact: ['initiative'], prefixes: [], number: false });
    assert.equal(compilePattern('..2 refund+').need?.exact.includes('refund'), true);
    assert.equal(compilePattern('[customer] ... complaint*').need?.prefixes.includes('complaint'), true);
  });

  it('a text with none of the needed words gives no match, and the scan finds what the alternation finds', () => {
    const leads = new LeadIndex();
    const set = new PhraseSet(WITH_NEEDS, leads);
    const alone = new PhraseSet(WITH_NEEDS);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.constantFrom(' ', ', ', ' - '), (words, sep) => {
        const text = words.join(sep);
        const folded = fold(text);
        const expected = allMatches(set.alternation(), folded);
        assert.deepEqual(set.scan(indexWords(folded, leads, text)), expected);
        assert.deepEqual(alone.scan(indexWords(folded, undefined, text)), expected);
      }),
      { numRuns: 500 },
    );
  });

  it('each pattern tried alone where its first word is gives what the alternation gives, overlapping leads and order included', () => {
    // Leads shared by several patterns, `word*` prefixes and `#`, a longer pattern
    // before a shorter one with the same start, and an optional first word.
    const patterns = ['customer service', 'customer service desk+', 'cust* care team', '# (calls|chats) a day', '[the] customer queue', 'care ..2 queue'];
    const vocab = ['the', 'customer', 'customers', 'custody', 'service', 'desk', 'desks', 'care', 'team', 'queue', '40', 'calls', 'chats', 'a', 'day'];
    const leads = new LeadIndex();
    const set = new PhraseSet(patterns, leads);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocab), { maxLength: 25 }), fc.boolean(), (words, overlapping) => {
        const text = words.join(' ');
        const folded = fold(text);
        const re = set.alternation();
        const expected = overlapping ? overlappingMatches(re, folded) : allMatches(re, folded);
        assert.deepEqual(set.scan(indexWords(folded, leads, text), overlapping), expected);
      }),
      { numRuns: 500 },
    );
  });

  it('sets sharing one index (and its need sets) each find what their own alternation finds on one shared word index', () => {
    // The need sets are filed once per distinct word list and checked as bits made on
    // the first scan of a text: whichever set scans first, each must see the same bits.
    const other = ['customer service', 'customer service desk+', 'cust* care team', '# (calls|chats) a day', 'the customer queue', 'first pilot'];
    const leads = new LeadIndex();
    const a = new PhraseSet(WITH_NEEDS, leads);
    const b = new PhraseSet(other, leads);
    const vocab = [...WORDS, 'service', 'desk', 'care', 'queue', 'calls', 'day'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocab), { maxLength: 30 }), fc.boolean(), (words, bFirst) => {
        const text = words.join(' ');
        const folded = fold(text);
        const index = indexWords(folded, leads, text);
        const order: Array<[PhraseSet, RegExp]> = [
          [a, a.alternation()],
          [b, b.alternation()],
        ];
        if (bFirst) order.reverse();
        for (const [set, re] of order) assert.deepEqual(set.scan(index), allMatches(re, folded));
      }),
      { numRuns: 500 },
    );
  });
});

/** Every match of a global regex, each search resuming just after the last match's start. */
function overlappingMatches(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length) out.push([m.index, m.index + m[0].length]);
    re.lastIndex = m.index + 1;
  }
  return out;
}
