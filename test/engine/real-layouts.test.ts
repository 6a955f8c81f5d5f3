/**
 * Layouts that real postings use (docs/how-cx-lint-reads.md §2–§5): each case is a
 * minimal document in our own words, read through the public API.
 */
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/api';

const read = (text: string) => lintText(text, { reading: true });
const reading = (text: string) => read(text).reading!;
const dutyTexts = (text: string) => reading(text).duties.map((d) => d.text);
const ids = (text: string) => lintText(text).findings.map((f) => f.ruleId);

describe('real layouts: front matter', () => {
  it('TOML front matter gives the title, and the finding lands on its value', () => {
    const text = '+++\ntitle = "Customer Experience Agent"\ncompany = "Acme"\n+++\n\n## Responsibilities\n\n- Answer inbound calls\n- Resolve tickets in the queue\n';
    const r = read(text);
    assert.equal(r.title?.text, 'Customer Experience Agent');
    assert.equal(r.title?.source, 'front-matter');
    const f = lintText(text).findings.find((x) => x.ruleId === 'cx-renamed-customer-service')!;
    assert.equal(text.slice(f.range.start, f.range.end), 'Customer Experience Agent');
  });
  it('JSON front matter gives the title', () => {
    const r = read('{\n"title": "CX Associate",\n"location": "Leeds"\n}\n\n## Responsibilities\n\n- Answer calls\n');
    assert.equal(r.title?.text, 'CX Associate');
    assert.equal(r.kind, 'posting');
  });
  for (const key of ['job-title', 'job_title', 'position', 'role']) {
    it(`the title key "${key}" is read`, () => {
      assert.equal(read(`---\n${key}: CX Coordinator\n---\n\n## Duties\n\n- Answer calls\n`).title?.text, 'CX Coordinator');
    });
  }
  it('"title" wins over "position" whatever their order', () => {
    assert.equal(read('---\nposition: Team role\ntitle: CX Lead\n---\n\n## Duties\n\n- Answer calls\n').title?.text, 'CX Lead');
  });
  it('type: Full-time names no kind, so the structure decides', () => {
    const r = read('---\ntitle: CX Agent\ntype: Full-time\n---\n\n## Responsibilities\n\n- Answer calls\n');
    assert.equal(r.kind, 'posting');
    assert.match(r.kindReason, /posting sections/);
  });
  it('type: readme still makes a document other', () => {
    assert.equal(read('---\ntitle: CX Agent\ntype: readme\n---\n\n## Responsibilities\n\n- Answer calls\n').kind, 'other');
  });
  it('YAML that only Jekyll accepts (a quoted value over unindented lines) still gives the title', () => {
    const r = read('---\ntitle: "CX Coordinator"\nexcerpt: "First line:\nSecond line.\n"\n---\n\n## Responsibilities\n\n- Answer calls\n');
    assert.equal(r.title?.text, 'CX Coordinator');
  });
  it('two posting keys and a title make a posting without any heading', () => {
    const r = read('---\ntitle: CX Agent\ncompany: Acme\nsalary: 30k\n---\n\nWe are a shop.\n');
    assert.equal(r.kind, 'posting');
  });
});

describe('real layouts: headings', () => {
  it('a "Responsibilities:" line inside a paragraph opens a duties section', () => {
    const r = reading('# CX Agent\n\nWe are a clinic.\nResponsibilities:\nAnswers incoming calls\nBooks appointments for patients\nQualifications:\nA diploma\n');
    assert.deepEqual(r.sections.map((s) => s.role), ['title', 'duties', 'requirements']);
    assert.deepEqual(r.duties.map((d) => d.text), ['Answers incoming calls', 'Books appointments for patients']);
  });
  it('a bare "Responsibilities" paragraph is a heading', () => {
    const r = reading('# CX Agent\n\n## The role\n\nIntro text here.\n\nResponsibilities\n\n- Answer calls\n\nQualifications\n\n- Two years in retail\n');
    assert.deepEqual(dutyTexts('# CX Agent\n\nResponsibilities\n\n- Answer calls\n\nQualifications\n\n- Two years in retail\n'), ['Answer calls']);
    assert.ok(r.sections.some((s) => s.heading === 'Qualifications' && s.role === 'requirements'));
  });
  it('"The Role" on its own line before the text (a hard break) opens a duties section', () => {
    assert.deepEqual(dutyTexts('# CX Agent\n\n## Job\n\nThe Role  \nAnswer calls from customers. Book appointments.\n'), ['Answer calls from customers.', 'Book appointments.']);
  });
  for (const h of ['🚀 What you will do', '1. Responsibilities', 'Responsibilities:', '### Responsibilities ###', 'As the CX Agent you will:', "Within 3 months, you'll:", 'Your missions']) {
    it(`"${h}" is a duties heading`, () => {
      const heading = h.startsWith('###') ? h : `## ${h}`;
      assert.equal(reading(`# CX Agent\n\n${heading}\n\n- Answer calls\n`).sections[1]?.role, 'duties', h);
    });
  }
  it('"Key objective #1: …" is a duty written as a heading', () => {
    assert.ok(dutyTexts('# CX Manager\n\n## Objectives\n\n### Key objective #1: cut repeat contacts by a third\n\nMore text.\n').includes('cut repeat contacts by a third'));
  });
  it('"What We Do:" is the company, not the role', () => {
    assert.equal(reading('# CX Agent\n\n**What We Do:**\n\nWe sell to customers.\n\n## Responsibilities\n\n- Answer calls\n').sections[1]?.role, 'company');
  });
});

describe('real layouts: what is and is not a duty', () => {
  it('paragraph-only postings: duty sentences are found, the blurb is not', () => {
    const d = dutyTexts('---\ntitle: CX Associate\ncompany: Acme\nlocation: Leeds\n---\n\nAcme has made boots since 1920. Under the direction of the office manager, answers the phones. The Associate greets visitors at reception. Applicants need a diploma.\n');
    assert.deepEqual(d, ['Under the direction of the office manager, answers the phones.', 'The Associate greets visitors at reception.']);
  });
  it('physical demands, compliance boilerplate and salary notes are not duties', () => {
    const d = dutyTexts('# CX Agent\n\n## Responsibilities\n\n- Answer calls\n- Sitting: 60-80%\n- Lift up to 25 lbs\n- All duties are carried out in accordance with company policy\n- The salary range for this role may vary by location\n');
    assert.deepEqual(d, ['Answer calls']);
  });
  it('requirement lines inside a duties list are not duties', () => {
    assert.deepEqual(dutyTexts('# CX Agent\n\n## Responsibilities\n\n- Answer calls\n- 2+ years of experience in retail\n- Experience with Zendesk\n- You are a calm communicator\n'), ['Answer calls']);
  });
  it('a heading that is a job title opens no duties section, so the duties section before it keeps its items', () => {
    assert.deepEqual(dutyTexts('# CX Agent\n\n## Responsibilities\n\n- Answer calls\n\n## Benefits\n\n- A pension\n'), ['Answer calls']);
  });
});

describe('real layouts: HTML bodies', () => {
  it('headings, items and paragraphs are read from an HTML block, entities decoded', () => {
    const text = '# CX Agent\n\n<div>We make apps.</div><div><strong>What you&#x2019;ll do</strong></div><ul><li>Answer support tickets</li><li>Reply to customer emails</li></ul><p><b>About you</b></p><ul><li>A year in support</li></ul>\n';
    const r = reading(text);
    assert.deepEqual(r.duties.map((d) => d.text), ['Answer support tickets', 'Reply to customer emails']);
    assert.ok(r.sections.some((s) => s.heading.includes('What you’ll do') && s.role === 'duties'));
    // Ranges point into the HTML source.
    const d = r.duties[0];
    assert.ok(text.split('\n')[d.line - 1].includes('Answer support tickets'));
  });
});

describe('whole-role judgement', () => {
  it('a CX manager running a support team, with no strategy duty, is Customer Service renamed', () => {
    const text = '# Customer Experience Manager\n\n## Responsibilities\n\n- Hire, coach and schedule a team of 12 support agents\n- Own service levels and queue health across chat and email\n- Review tickets and calls for quality every week\n- Report weekly on the team\n';
    assert.ok(ids(text).includes('cx-renamed-customer-service'));
  });
  it('one aspirational line does not rescue a service role', () => {
    assert.ok(ids('# CX Associate\n\n## Responsibilities\n\n- Answer inbound calls and chats\n- Resolve tickets within SLA\n- Help improve the overall customer experience\n').includes('cx-renamed-customer-service'));
  });
  it('a real insight duty does', () => {
    assert.ok(!ids('# CX Associate\n\n## Responsibilities\n\n- Answer inbound calls and chats\n- Resolve tickets within SLA\n- Analyse complaint trends and recommend fixes to the product team\n').includes('cx-renamed-customer-service'));
  });
  it('selling wins over contact handling when there is more of it', () => {
    const found = ids('# CX Specialist\n\n## Responsibilities\n\n- Respond to inbound leads by phone and email\n- Own the full sales cycle from lead to close\n- Hit a monthly revenue quota\n- Negotiate contracts with new business customers\n');
    assert.ok(found.includes('cx-renamed-sales'));
    assert.ok(!found.includes('cx-renamed-customer-service'));
  });
  it('"answer employee questions", "performance reviews" and "automation scripts" are not customer work', () => {
    assert.ok(ids('# CX Coordinator\n\n## Responsibilities\n\n- Answer employee questions about payroll\n- Schedule performance reviews for managers\n- Maintain automation scripts for the finance team\n').includes('cx-title-without-customer'));
  });
  it('users, patrons, members and test takers are customers', () => {
    for (const who of ['users', 'patrons', 'members', 'test takers']) {
      assert.ok(!ids(`# CX Coordinator\n\n## Responsibilities\n\n- Keep ${who} informed of changes\n- File the weekly report\n`).includes('cx-title-without-customer'), who);
    }
  });
});
