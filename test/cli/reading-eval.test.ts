/**
 * The reading view (`cx-lint --print-reading`) and the evaluation on real postings
 * (`npm run eval`), both through their real entry points. The evaluation runs on a
 * small cache and manifest written here, so the test needs no posting text.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { removeDir, run } from './run';

const POSTING =
  '# Customer Experience Agent\n\n## Responsibilities\n\n- Answer inbound calls from customers\n- Resolve tickets within the SLA\n\n## About you\n\n- Calm on the phone\n';

describe('cli: --print-reading', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-reading-'));
    writeFileSync(join(dir, 'agent.md'), POSTING);
  });
  after(() => removeDir(dir));

  it('shows the kind, the title parse, each section and each duty with the words that decided its classes', () => {
    const r = run(dir, ['--print-reading', 'agent.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^kind: posting \(a title and posting sections\)$/m);
    assert.match(r.stdout, /form role, level frontline, role noun "Agent", CX term "Customer Experience"/);
    assert.match(r.stdout, /Responsibilities {2}→ duties/);
    assert.match(r.stdout, /About you {2}→ requirements/);
    assert.match(r.stdout, /service-contact: Answer inbound calls/);
    assert.match(r.stdout, /cx-renamed-customer-service: 2 of 2 counted duties/);
    assert.match(r.stdout, /findings:\n {2}cx-renamed-customer-service \(warning\)/);
  });
  it('--format json gives the same reading as data', () => {
    const r = run(dir, ['--print-reading', 'agent.md', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    assert.equal(j.kind, 'posting');
    assert.equal(j.duties.length, 2);
    assert.deepEqual(j.duties[0].classes.find((c: { class: string }) => c.class === 'service-contact').words, ['Answer inbound calls']);
    assert.ok(j.findings.some((f: { ruleId: string }) => f.ruleId === 'cx-renamed-customer-service'));
  });
  it('marks the tasks split out of a sentence that lists several, and their kind in JSON', () => {
    writeFileSync(
      join(dir, 'advert.md'),
      '---\ntitle: CX Associate\njob_type: part_time\n---\nYou will answer chats and emails, track parcels, issue refunds and update orders.\n',
    );
    const r = run(dir, ['--print-reading', 'advert.md']);
    assert.match(r.stdout, /^ +5 {2}task: track parcels$/m);
    const j = JSON.parse(run(dir, ['--print-reading', 'advert.md', '--format', 'json']).stdout);
    assert.deepEqual(
      j.duties.map((d: { kind: string }) => d.kind),
      ['task', 'task', 'task', 'task'],
    );
  });
  it('a missing file is a clear error with exit 2', () => {
    const r = run(dir, ['--print-reading', 'nope.md']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--print-reading: nope\.md/);
  });
});

describe('npm run eval (out/scripts/eval.js)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-eval-'));
    const records = [
      {
        id: 'service-one',
        family: 'service',
        confidence: 'high',
        labels: { R1: false, R2: true, R3: false },
        original_expected: { R1: false, R2: false, R3: false },
      },
      {
        id: 'sales-one',
        family: 'sales',
        confidence: 'medium',
        labels: { R1: false, R2: false, R3: true },
        original_expected: { R1: false, R2: false, R3: false },
      },
      {
        id: 'clerk-one',
        family: 'backoffice',
        confidence: 'low',
        labels: { R1: true, R2: false, R3: false },
        original_expected: { R1: false, R2: false, R3: false },
      },
    ];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(records));
    const body = {
      'service-one': '## Responsibilities\n\n- Answer inbound calls from customers\n- Resolve tickets within the SLA\n',
      // Labelled R3 but written so that nothing is selling: a miss the report must list.
      'sales-one': '## Responsibilities\n\n- Keep the office tidy\n- Water the plants\n',
      'clerk-one': '## Responsibilities\n\n- Reconcile the ledger\n- File supplier invoices\n',
    };
    for (const [id, text] of Object.entries(body)) {
      writeFileSync(join(dir, `${id}.md`), `# Office Assistant\n\n${text}`);
      writeFileSync(join(dir, `${id}.retitled.md`), `# Customer Experience Associate\n\n${text}`);
    }
  });
  after(() => removeDir(dir));

  it('prints TP/FP/FN, precision and recall per rule, the two halves and every miss', () => {
    const jsonOut = join(dir, 'figures.json');
    const r = spawnSync(process.execPath, [join(ROOT, 'out', 'scripts', 'eval.js'), dir, '--json', jsonOut], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\| R2 `cx-renamed-customer-service` \| 1\/0\/0 \| 1\.00 \| 1\.00 \|/);
    assert.match(r.stdout, /\| R3 `cx-renamed-sales` \| 0\/0\/1 \| – \| 0\.00 \|/);
    // R1 is labelled at low confidence: it counts in "all" only.
    assert.match(r.stdout, /\| R1 `cx-title-without-customer` \| 0\/1\/0 \| 0\.00 \| – \| 1\/1\/0 \| 0\.50 \| 1\.00 \|/);
    assert.match(r.stdout, /### Half A/);
    assert.match(r.stdout, /### Half B/);
    assert.match(r.stdout, /FN R3 \[medium, sales, half [AB]\] sales-one: posting/);
    assert.match(r.stdout, /Originals \(un-retitled\) with an R1–R3 finding they should not have: 0/);
    const figures = JSON.parse(readFileSync(jsonOut, 'utf8'));
    assert.equal(figures.documents, 3);
    assert.deepEqual(figures.whole.R2.highMedium, { tp: 1, fp: 0, fn: 0 });
  });
  it('says what is wrong when the manifest is missing', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'out', 'scripts', 'eval.js'), join(dir, 'nowhere')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no manifest at .*nowhere.*name it as the second argument/);
  });
});
