import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, removeDir, run } from './run';

describe('CLI --baseline and --write-baseline', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('basic');
  });
  afterEach(() => removeDir(dir));

  it('--write-baseline records every finding in a versioned JSON file and exits 0', () => {
    const r = run(dir, ['--write-baseline', 'ci/baseline.json', '--rule', 'cx-renamed-customer-service=error']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /recorded 2 findings in ci\/baseline\.json/);
    const b = JSON.parse(readFileSync(join(dir, 'ci', 'baseline.json'), 'utf8'));
    assert.equal(b.version, 1);
    assert.equal(b.tool, 'cx-lint');
    assert.deepEqual(
      b.findings.map((f: any) => [f.filePath, f.ruleId]),
      [
        ['initiative.md', 'cx-as-initiative'],
        ['renamed.md', 'cx-renamed-customer-service'],
      ],
    );
    for (const f of b.findings) assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
  });

  it('linting against the baseline reports nothing and exits 0, even after lines move', () => {
    const opts = ['--rule', 'cx-renamed-customer-service=error'];
    assert.equal(run(dir, [...opts]).status, 1);
    assert.equal(run(dir, ['--write-baseline', 'baseline.json', ...opts]).status, 0);
    const p = join(dir, 'initiative.md');
    writeFileSync(p, '\n\n\n' + readFileSync(p, 'utf8'));
    const r = run(dir, ['--baseline', 'baseline.json', '--format', 'json', ...opts]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.results.map((x: any) => x.messages.length),
      [0, 0, 0],
    );
  });

  it('a new posting (a renamed copy) is the only thing reported', () => {
    assert.equal(run(dir, ['--write-baseline', 'baseline.json']).status, 0);
    copyFileSync(join(dir, 'renamed.md'), join(dir, 'cx-agent-emea.md'));
    const r = run(dir, ['--baseline', 'baseline.json', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const reported = JSON.parse(r.stdout).results.flatMap((x: any) => x.messages.map((m: any) => `${x.filePath} ${m.ruleId}`));
    assert.deepEqual(reported, ['cx-agent-emea.md cx-renamed-customer-service']);
  });

  it('a second identical finding in the same file is new (occurrence index)', () => {
    assert.equal(run(dir, ['--write-baseline', 'baseline.json']).status, 0);
    const p = join(dir, 'initiative.md');
    const text = readFileSync(p, 'utf8');
    const line = text.split('\n').find((l) => l.includes('CX initiative'))!;
    writeFileSync(p, text + '\n' + line + '\n');
    const r = run(dir, ['--baseline', 'baseline.json', '--format', 'json']);
    const msgs = JSON.parse(r.stdout).results.flatMap((x: any) => x.messages.map((m: any) => `${x.filePath} ${m.ruleId}`));
    assert.deepEqual(msgs, ['initiative.md cx-as-initiative']);
  });

  it('baseline fingerprints are the SARIF partialFingerprints', () => {
    assert.equal(run(dir, ['--write-baseline', 'baseline.json']).status, 0);
    const b = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    const sarif = JSON.parse(run(dir, ['--format', 'sarif']).stdout);
    assert.deepEqual(
      b.findings.map((f: any) => f.fingerprint),
      sarif.runs[0].results.map((x: any) => x.partialFingerprints['cxLint/v1']),
    );
  });

  it('a missing or malformed baseline is a usage error (exit 2)', () => {
    const missing = run(dir, ['--baseline', 'nope.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--baseline: cannot read baseline .*nope\.json: ENOENT/);
    writeFileSync(join(dir, 'bad.json'), '{"version": 7}');
    const bad = run(dir, ['--baseline', 'bad.json']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /is not a cx-lint baseline \(version 1\)/);
    assert.equal(run(dir, ['--baseline', 'a.json', '--write-baseline', 'b.json']).status, 2);
  });
});
