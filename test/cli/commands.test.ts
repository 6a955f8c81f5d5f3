import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CX_CORE, ROOT } from '../helpers/fixtures';
import { copyFixture, removeDir, run } from './run';

describe('CLI exit codes and commands', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('basic');
  });
  afterEach(() => removeDir(dir));

  it('exits 0 when there is no error-level finding', () => {
    assert.equal(run(dir, []).status, 0);
    assert.equal(run(dir, ['clean.md']).status, 0);
  });

  it('exits 1 when --rule raises a finding to error', () => {
    const r = run(dir, ['--rule', 'cx-renamed-customer-service=error']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /1:4\s+error\s+/);
  });

  it('--rule accepts "warn" as config files do, and reports it as a warning', () => {
    const out = JSON.parse(run(dir, ['--format', 'json', '--rule', 'cx-renamed-customer-service=warn']).stdout);
    const severities = out.results
      .flatMap((x: any) => x.messages)
      .filter((m: any) => m.ruleId === 'cx-renamed-customer-service')
      .map((m: any) => m.severity);
    assert.ok(severities.length > 0);
    assert.deepEqual([...new Set(severities)], ['warning']);
  });

  it('--rule id=off silences a rule', () => {
    const out = JSON.parse(run(dir, ['--format', 'json', '--rule', 'cx-renamed-customer-service=off', '--rule', 'cx-as-initiative=off']).stdout);
    assert.equal(out.results.flatMap((x: any) => x.messages).length, 0);
  });

  it('exits 1 with --max-warnings 0 when there is a warning', () => {
    assert.equal(run(dir, ['--max-warnings', '0']).status, 1);
    assert.equal(run(dir, ['--max-warnings', '1']).status, 0);
  });

  it('exits 2 with a one-line message for an unknown flag, a bad --format or a bad --rule', () => {
    for (const args of [['--bogus'], ['--format', 'xml'], ['--rule', 'cx-as-initiative'], ['--rule', 'cx-as-initiative=loud'], ['--max-warnings', 'many']]) {
      const r = run(dir, args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
  });

  it('exits 2 for an unknown rule in --rule, suggesting close ids', () => {
    const r = run(dir, ['--rule', 'cx-renamed-customer-servce=error']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cx-renamed-customer-service/);
  });

  it('exits 2 for a broken .cxlintrc.json, with file:line:col in stderr', () => {
    writeFileSync(join(dir, '.cxlintrc.json'), '{\n  "root": true,\n  "rules": { "cx-as-initiative": }\n}\n');
    const r = run(dir, []);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.cxlintrc\.json:\d+:\d+/);
  });

  it('exits 2 for a path that does not exist', () => {
    const r = run(dir, ['clean.md', 'nope.md']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nope\.md/);
  });

  it('--help lists every flag', () => {
    const r = run(dir, ['--help']);
    assert.equal(r.status, 0);
    for (const flag of [
      '--config',
      '--format',
      '--output-file',
      '--max-warnings',
      '--quiet',
      '--fix',
      '--fix-dry-run',
      '--stdin',
      '--stdin-filename',
      '--rule',
      '--list-rules',
      '--explain',
      '--print-config',
      '--help',
    ]) {
      assert.ok(r.stdout.includes(flag), flag);
    }
  });

  it('--stdin lints standard input under --stdin-filename', () => {
    const text = readFileSync(join(dir, 'initiative.md'), 'utf8');
    const r = run(dir, ['--stdin', '--stdin-filename', 'jobs/cx-manager.md', '--format', 'json'], { input: text });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.results.length, 1);
    assert.equal(out.results[0].filePath, 'jobs/cx-manager.md');
    assert.equal(out.results[0].messages[0].ruleId, 'cx-as-initiative');
    assert.equal(out.results[0].messages[0].line, 5);
  });

  it('--stdin uses the config found for --stdin-filename', () => {
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, rules: { 'cx-as-initiative': 'error' } }));
    const r = run(dir, ['--stdin', '--stdin-filename', 'x.md'], { input: readFileSync(join(dir, 'initiative.md'), 'utf8') });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /x\.md\n\s+5:8\s+error/);
  });

  it('--stdin reads no more than maxFileSize, as for a file: one file-too-large finding, the exit code unaffected', () => {
    // The lint would be an error (cx-as-initiative set to error) if the text were read.
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, maxFileSize: 3000, rules: { 'cx-as-initiative': 'error' } }));
    const text = readFileSync(join(dir, 'initiative.md'), 'utf8');
    const long = text + '\n' + 'Notes on the role. '.repeat(300);
    assert.ok(Buffer.byteLength(text) <= 3000 && Buffer.byteLength(long) > 3000);
    const r = run(dir, ['--stdin', '--stdin-filename', 'x.md', '--format', 'json'], { input: long });
    assert.equal(r.status, 0, r.stderr);
    const [res] = JSON.parse(r.stdout).results;
    assert.deepEqual(
      res.messages.map((m: any) => [m.ruleId, m.severity, m.line, m.column]),
      [['file-too-large', 'info', 1, 1]],
    );
    assert.match(
      res.messages[0].message,
      /^Not linted: this text is more than the limit of 2\.9 KiB \(3000 bytes\) \(reading stopped at .*\)\. To lint it, raise "maxFileSize"/,
    );
    // Under the cap, the same config lints it.
    const under = run(dir, ['--stdin', '--stdin-filename', 'x.md'], { input: text });
    assert.equal(under.status, 1);
    assert.match(under.stdout, /x\.md\n\s+5:8\s+error/);
  });

  it('--list-rules lists all 12 cx-core rules with severity, pack and description', () => {
    const r = run(dir, ['--list-rules']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(/\s+/)[0]),
      CX_CORE,
    );
    assert.match(r.stdout, /cx-renamed-customer-service\s+warning\s+cx-core@\d+\.\d+\.\d+\s+\S/);
  });

  it('--explain prints the rule README', () => {
    const r = run(dir, ['--explain', 'cx-as-initiative']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, readFileSync(join(ROOT, 'rules', 'cx-core', 'rules', 'cx-as-initiative', 'README.md'), 'utf8'));
  });

  it('--explain of an unknown rule exits 2 listing close ids', () => {
    const r = run(dir, ['--explain', 'cx-as-initiatve']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown rule "cx-as-initiatve".*cx-as-initiative/);
  });

  it('--print-config prints the resolved config for a file', () => {
    writeFileSync(
      join(dir, '.cxlintrc.json'),
      JSON.stringify({ root: true, extends: ['cx-core/strict'], rules: { 'cx-strategy-pillars': 'off', 'cx-renamed-sales': ['warning', { minShare: 0.6 }] } }),
    );
    const r = run(dir, ['--print-config', 'clean.md']);
    assert.equal(r.status, 0, r.stderr);
    const cfg = JSON.parse(r.stdout);
    assert.deepEqual(cfg.extends, ['cx-core/strict']);
    assert.deepEqual(Object.keys(cfg.rules).sort(), CX_CORE);
    assert.equal(cfg.rules['cx-strategy-pillars'], 'off');
    assert.deepEqual(cfg.rules['cx-renamed-sales'], ['warning', { minShare: 0.6 }]);
    assert.equal(cfg.packs[0].name, 'cx-core');
    assert.match(cfg.packs[0].version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof cfg.baseDir, 'string');
    assert.ok(cfg.baseDir.length);
  });

  it('--print-config applies --rule overrides', () => {
    const cfg = JSON.parse(run(dir, ['--print-config', 'clean.md', '--rule', 'cx-as-initiative=error']).stdout);
    assert.equal(cfg.rules['cx-as-initiative'], 'error');
  });
});
