import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, removeDir, run } from './run';

describe('CLI output formats', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('basic');
  });
  afterEach(() => removeDir(dir));

  it('stylish lists each finding with its position and rule', () => {
    const r = run(dir, []);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /renamed\.md\n\s+1:4\s+warning\s+.*cx-renamed-customer-service/);
    assert.match(r.stdout, /initiative\.md\n\s+5:8\s+info\s+.*cx-as-initiative/);
    assert.doesNotMatch(r.stdout, /clean\.md/);
  });

  it('json reports every file, sorted, with counts, fixability and positions', () => {
    const r = run(dir, ['--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.tool.name, 'cx-lint');
    assert.match(out.tool.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(
      out.results.map((x: any) => x.filePath),
      ['clean.md', 'initiative.md', 'renamed.md'],
    );
    const [clean, initiative, renamed] = out.results;
    assert.deepEqual(clean.messages, []);
    assert.equal(clean.kind, 'posting');
    assert.deepEqual(initiative.messages, [
      {
        ruleId: 'cx-as-initiative',
        severity: 'info',
        message: initiative.messages[0].message,
        line: 5,
        column: 8,
        endLine: 5,
        endColumn: 29,
        fixable: true,
        suggestions: 0,
      },
    ]);
    assert.equal(initiative.infoCount, 1);
    assert.equal(renamed.messages[0].ruleId, 'cx-renamed-customer-service');
    assert.equal(renamed.messages[0].fixable, false);
    assert.ok(renamed.messages[0].suggestions >= 1);
    assert.deepEqual([renamed.errorCount, renamed.warningCount, renamed.infoCount, renamed.hintCount], [0, 1, 0, 0]);
  });

  it('sarif is version 2.1.0 with rules, levels, regions and fingerprints stable across runs', () => {
    const first = run(dir, ['--format', 'sarif']);
    assert.equal(first.status, 0, first.stderr);
    const log = JSON.parse(first.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'cx-lint');
    assert.ok(driver.version && driver.informationUri);
    assert.deepEqual(
      driver.rules.map((x: any) => x.id),
      ['cx-as-initiative', 'cx-renamed-customer-service'],
    );
    for (const rule of driver.rules) {
      assert.match(rule.helpUri, new RegExp(`${rule.id}/README\\.md$`));
      assert.ok(rule.shortDescription.text.length > 10);
    }
    assert.equal(driver.rules[0].defaultConfiguration.level, 'note');
    assert.equal(driver.rules[1].defaultConfiguration.level, 'warning');
    const results = log.runs[0].results;
    assert.equal(results.length, 2);
    const [init, renamed] = results;
    assert.equal(init.level, 'note');
    assert.equal(init.ruleIndex, 0);
    assert.equal(renamed.level, 'warning');
    assert.equal(renamed.ruleIndex, 1);
    assert.equal(init.locations[0].physicalLocation.artifactLocation.uri, 'initiative.md');
    assert.deepEqual(init.locations[0].physicalLocation.region, { startLine: 5, startColumn: 8, endLine: 5, endColumn: 29 });
    assert.match(init.message.text, /our new CX initiative/);
    const second = JSON.parse(run(dir, ['--format', 'sarif']).stdout);
    assert.deepEqual(
      second.runs[0].results.map((x: any) => x.partialFingerprints),
      results.map((x: any) => x.partialFingerprints),
    );
    assert.notEqual(init.partialFingerprints['cxLint/v1'], renamed.partialFingerprints['cxLint/v1']);
  });

  it('sarif fingerprints survive lines being added above the finding', () => {
    const before = JSON.parse(run(dir, ['--format', 'sarif', 'initiative.md']).stdout).runs[0].results[0];
    const f = join(dir, 'initiative.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace("## What you'll do", "Intro line.\n\n## What you'll do"));
    const after = JSON.parse(run(dir, ['--format', 'sarif', 'initiative.md']).stdout).runs[0].results[0];
    assert.notEqual(after.locations[0].physicalLocation.region.startLine, before.locations[0].physicalLocation.region.startLine);
    assert.deepEqual(after.partialFingerprints, before.partialFingerprints);
  });

  it('github prints one escaped workflow command per finding', () => {
    const r = run(dir, ['--format', 'github']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0],
      /^::notice file=initiative\.md,line=5,col=8,endLine=5,endColumn=29,title=cx-lint \(cx-as-initiative\)::Makes customer experience sound temporary: “our new CX initiative”/,
    );
    // The message's colon is kept; a property's would be escaped.
    assert.match(lines[1], /^::warning file=renamed\.md,line=1,col=4,.*title=cx-lint \(cx-renamed-customer-service\)::.*renamed: \d of 7 duties/);
  });

  it('github escapes %, newlines, colons and commas in file names', () => {
    writeFileSync(join(dir, 'a,b:c%.md'), readFileSync(join(dir, 'initiative.md')));
    const r = run(dir, ['--format', 'github', 'a,b:c%.md']);
    assert.match(r.stdout, /^::notice file=a%2Cb%3Ac%25\.md,line=5,/);
  });

  it('github writes a step summary table when a level has more than 10 annotations', () => {
    const text = readFileSync(join(dir, 'initiative.md'), 'utf8');
    for (let i = 0; i < 11; i++) writeFileSync(join(dir, `copy-${String(i).padStart(2, '0')}.md`), text);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = run(dir, ['--format', 'github', '.'], { env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(r.stdout.trimEnd().split('\n').length, 13);
    const table = readFileSync(summary, 'utf8');
    assert.match(table, /\| file \| line:col \| severity \| rule \| message \|/);
    assert.equal(table.split('\n').filter((l) => l.startsWith('| copy-')).length, 11);
    assert.match(table, /\| renamed\.md \| 1:4 \| warning \|/);
  });

  it('github writes no summary for 10 or fewer annotations of each level', () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    run(dir, ['--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(readFileSync(summary, 'utf8'), '');
  });

  it('junit has one suite per file, failures for warnings and a passing case for a clean file', () => {
    const r = run(dir, ['--format', 'junit']);
    assert.equal(r.status, 0, r.stderr);
    const x = r.stdout;
    assert.match(x, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="cx-lint" tests="3" failures="1" errors="0">/);
    assert.equal(x.match(/<testsuite /g)?.length, 3);
    assert.match(x, /<testsuite name="clean\.md" tests="1" failures="0" errors="0">\n\s+<testcase classname="clean\.md" name="clean\.md"\/>/);
    assert.match(x, /<testcase classname="renamed\.md" name="cx-renamed-customer-service 1:4">\n\s+<failure message="[^"]*" type="warning">/);
    assert.match(
      x,
      /<testsuite name="initiative\.md" tests="1" failures="0" errors="0">\n\s+<testcase classname="initiative\.md" name="cx-as-initiative 5:8">\n\s+<system-out>/,
    );
  });

  it('junit escapes XML special characters', () => {
    writeFileSync(join(dir, 'a&b<c>"q".md'), readFileSync(join(dir, 'initiative.md')));
    const r = run(dir, ['--format', 'junit', 'a&b<c>"q".md']);
    assert.match(r.stdout, /<testsuite name="a&amp;b&lt;c&gt;&quot;q&quot;\.md"/);
    assert.doesNotMatch(r.stdout, /a&b/);
  });

  it('--output-file writes the report to a file and nothing to stdout', () => {
    const r = run(dir, ['--format', 'json', '--output-file', 'reports/cx.json']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(dir, 'reports', 'cx.json'), 'utf8')).results.length, 3);
  });

  it('--quiet reports errors only', () => {
    const out = JSON.parse(run(dir, ['--format', 'json', '--quiet']).stdout);
    assert.equal(out.results.flatMap((x: any) => x.messages).length, 0);
    const withError = JSON.parse(run(dir, ['--format', 'json', '--quiet', '--rule', 'cx-renamed-customer-service=error']).stdout);
    assert.deepEqual(
      withError.results.flatMap((x: any) => x.messages.map((m: any) => m.ruleId)),
      ['cx-renamed-customer-service'],
    );
  });
});
