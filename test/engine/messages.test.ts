import assert from 'node:assert/strict';
import { lintText } from '../../server/src/api';

/** What the title rules' messages say about what they counted (issue 15: "say what was counted"). */
const renamed = (text: string) => {
  const f = lintText(text).findings.find((x) => x.ruleId === 'cx-renamed-customer-service');
  assert.ok(f, 'reported as Customer Service renamed');
  return f;
};

const CONTACT_DUTIES = [
  'Answer inbound calls from customers',
  'Reply to customer emails within 24 hours',
  'Resolve tickets in our queue',
  'Log complaints and escalate them to a team leader',
  'Process refunds and credits',
  'Meet average handle time targets',
];

describe('messages: what was counted', () => {
  it('a list of duties and nothing else: the count needs no explanation', () => {
    const f = renamed(`# Customer Experience Associate\n\n## What you'll do\n\n${CONTACT_DUTIES.map((d) => `- ${d}`).join('\n')}\n`);
    assert.equal(f.data.counted, '');
    assert.match(f.message, /^Reads as Customer Service renamed: 6 of 6 duties handle customer contacts/);
  });

  it('a sentence about the role counted with six bullets: "7 of 7 duties (6 list items and 1 sentence)"', () => {
    const text = `# Customer Experience Associate\n\n## What you'll do\n\nYou will answer calls and chats from customers.\n\n${CONTACT_DUTIES.map((d) => `- ${d}`).join('\n')}\n`;
    const f = renamed(text);
    assert.match(f.message, /: 7 of 7 duties \(6 list items and 1 sentence\) handle customer contacts/);
    assert.equal(f.related.length, 7);
    assert.equal(f.related[0].message, 'You will answer calls and chats from customers.');
  });

  it('a filler line left out: "not counting “Other duties as assigned”"', () => {
    const f = renamed(
      `# Customer Experience Associate\n\n## What you'll do\n\n${[...CONTACT_DUTIES, 'Other duties as assigned'].map((d) => `- ${d}`).join('\n')}\n`,
    );
    assert.match(f.message, /: 6 of 6 duties \(not counting “Other duties as assigned”\) handle/);
  });

  it('evidence rows are the duties’ own words, capped at eight with the rest counted', () => {
    const duties = [...CONTACT_DUTIES, ...CONTACT_DUTIES.map((d) => `${d} (B2B)`)];
    const f = renamed(`# Customer Experience Associate\n\n## What you'll do\n\n${duties.map((d) => `- ${d}`).join('\n')}\n`);
    assert.deepEqual(
      f.related.map((r) => r.message),
      duties.slice(0, 8),
    );
    assert.equal(f.relatedOmitted, 4);
  });

  it('a long duty is cut at a word end', () => {
    const long = 'Answer inbound calls and live chats from customers about bills, top-ups and lost phones';
    const f = renamed(`# Customer Experience Associate\n\n## What you'll do\n\n${[long, ...CONTACT_DUTIES].map((d) => `- ${d}`).join('\n')}\n`);
    assert.equal(f.related[0].message, 'Answer inbound calls and live chats from customers about…');
  });
});
