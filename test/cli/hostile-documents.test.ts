import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './run';

const POSTING =
  "# Customer Experience Associate\n\n## What you'll do\n\n- Answer inbound calls and live chats from customers\n- Resolve tickets within our 24-hour SLA\n\n";

/** The built CLI, killed after `ms`: a regression that hangs fails here instead of hanging the suite. */
function lintDir(cwd: string, args: string[], ms = 120_000) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: ms, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.signal, null, `cx-lint ${args.join(' ')} was still running after ${ms} ms`);
  return r;
}

describe('CLI on hostile documents (issue 13): bounded work, no stack overflow, same output with --jobs', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-hostile-docs-'));
    writeFileSync(join(dir, 'a-stars.md'), `${POSTING}${'*a'.repeat(80_000)}\n`); // 160 KB of `*a`
    writeFileSync(join(dir, 'b-brackets.md'), `${POSTING}${'['.repeat(600_000)}\n`); // 600 KB of `[`
    writeFileSync(join(dir, 'c-quotes.md'), `${POSTING}${'>'.repeat(3000)} deep\n`); // 3,000 nested blockquotes
    writeFileSync(join(dir, 'd-lists.md'), `${POSTING}${'> - '.repeat(3000)}deeper\n`);
    writeFileSync(join(dir, 'e-posting.md'), POSTING);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lints every file, reports each, and --jobs 2 prints exactly what --jobs 1 does', () => {
    const one = lintDir(dir, ['--format', 'json', '--jobs', '1', '.']);
    const two = lintDir(dir, ['--format', 'json', '--jobs', '2', '.']);
    assert.ok(one.status === 0 || one.status === 1, `exit ${one.status}: ${one.stderr}`);
    assert.doesNotMatch(one.stderr, /Maximum call stack|RangeError/);
    const report = (JSON.parse(one.stdout) as { results: Array<{ filePath: string; messages: Array<{ ruleId: string }> }> }).results;
    assert.equal(report.length, 5);
    const ids = (f: (typeof report)[number]) => f.messages.map((m) => m.ruleId);
    for (const name of ['a-stars.md', 'b-brackets.md']) {
      const file = report.find((f) => f.filePath.endsWith(name))!;
      assert.equal(ids(file).filter((id) => id === 'markup-not-parsed').length, 1, name);
    }
    for (const file of report) assert.ok(ids(file).includes('cx-renamed-customer-service'), file.filePath);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.status, one.status);
  });
});
