import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createSetup, lint, type PackData } from '../../server/src/engine';
import { loadPack } from '../../server/src/packs/load-pack';
import { ROOT } from '../helpers/fixtures';

/**
 * The share check's `alsoWhen` (decision 146), in a pack of its own: its classes add to
 * the share only when a counted duty has one of `anyOf`. A pack author's view, through
 * the real engine; cx-core's use of it is tested with real layouts.
 */
describe('share check: alsoWhen', () => {
  const core = loadPack(join(ROOT, 'rules', 'cx-core')).loaded!.pack;
  const pack = (alsoWhen?: { anyOf: string[]; classes: string[] }): PackData => ({
    name: 'toy',
    version: '1.0.0',
    vocabulary: core.vocabulary,
    lexicons: {
      phones: { match: ['answer+ ..2 (call+|phone+)'] },
      desklead: { match: ['lead+ ..2 desk'] },
      meetings: { match: ['huddle+', 'one-to-one+'] },
    },
    rules: [
      {
        id: 'toy-desk',
        severity: 'warning',
        description: 'a desk job',
        appliesTo: [{ kinds: ['posting'] }],
        check: { type: 'share', class: 'phones', with: ['desklead'], minShare: 0.5, minCount: 2, ...(alsoWhen ? { alsoWhen } : {}) },
        message: '{count} of {total}',
      },
    ],
  });
  const posting = (first: string) =>
    `# Desk Associate\n\n## Duties\n\n- ${first}\n- Answer calls from the public\n- Run the morning huddle\n- Hold one-to-ones each month\n- Order stationery and printer paper for the whole office\n`;
  const fired = (p: PackData, text: string) => lint(text, createSetup([p])).findings.filter((f) => f.ruleId === 'toy-desk');

  it('counts its classes toward the share when a duty has an anyOf class, and only then', () => {
    const when = { anyOf: ['desklead'], classes: ['meetings'] };
    const leads = fired(pack(when), posting('Lead the front desk'));
    assert.equal(leads.length, 1);
    assert.equal(leads[0].message, '4 of 5');
    // The same meetings in a role that does not lead the desk: 2 of 5, below half.
    assert.equal(fired(pack(when), posting('Answer the phones at lunch')).length, 0);
    // Without alsoWhen the meetings never count: 2 of 5 either way.
    assert.equal(fired(pack(), posting('Lead the front desk')).length, 0);
  });
});

/**
 * The share check's `alsoUnlessRival` (decision 150): an `also` class it names counts a
 * duty only when that duty has no `yieldsTo` class.
 */
describe('share check: alsoUnlessRival', () => {
  const core = loadPack(join(ROOT, 'rules', 'cx-core')).loaded!.pack;
  const pack = (alsoUnlessRival?: string[]): PackData => ({
    name: 'toy',
    version: '1.0.0',
    vocabulary: core.vocabulary,
    lexicons: {
      phones: { match: ['answer+ ..2 (call+|phone+)'] },
      people: { match: ['customer+'] },
      selling: { match: ['sell+'] },
    },
    rules: [
      {
        id: 'toy-desk',
        severity: 'warning',
        description: 'a desk job',
        appliesTo: [{ kinds: ['posting'] }],
        check: {
          type: 'share',
          class: 'phones',
          also: ['people'],
          yieldsTo: ['selling'],
          minShare: 0.5,
          minCount: 2,
          ...(alsoUnlessRival ? { alsoUnlessRival } : {}),
        },
        message: '{count} of {total}',
      },
    ],
  });
  const posting =
    '# Desk Associate\n\n## Duties\n\n- Answer calls from the public\n- Answer the phones at lunch\n- Sell gift cards to customers at the desk\n- Order stationery for the whole office\n- File the weekly timesheets for payroll\n';
  const fired = (p: PackData) => lint(posting, createSetup([p])).findings.filter((f) => f.ruleId === 'toy-desk');

  it('a rival’s duty does not count by an alsoUnlessRival class alone; without the option it does', () => {
    // Without the option the selling line counts by its customers: 3 of 5.
    const plain = fired(pack());
    assert.equal(plain.length, 1);
    assert.equal(plain[0].message, '3 of 5');
    // With it, the selling line is the rival's: 2 of 5, below half.
    assert.equal(fired(pack(['people'])).length, 0);
  });
});
