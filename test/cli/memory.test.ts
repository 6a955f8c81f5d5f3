import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shapeDocument } from '../../bench/shapes-gen';
import { CLI, removeDir } from './run';

/**
 * Issue 13 item 11, through the real binary: the CLI's memory on one long tight list
 * grows with the list, not faster. A tight list has no blank line to cut at, so before
 * decision 72 it was one parse holding every event (a 2 MiB list peaked at 659 MB,
 * 9 MB at 2 GB); now chunks may start at a bullet in column 0 (README, "Performance by
 * document shape": 333 MB at 2 MiB, 566 MB at 4 MiB).
 *
 * Peak RSS is read in the child itself, as bench/shapes.ts does: a preloaded script
 * records process.resourceUsage().maxRSS when the CLI's process exits (worker threads
 * included), so no external program (GNU time) is needed. Only the stated bounds are
 * checked: an absolute one at 2 MiB and the ratio of the two runs, never a time.
 */

const MIB = 1024 * 1024;

/** Lints `file` in `dir` with the built CLI and returns its exit status, JSON report and peak RSS in MB. */
function lintMeasured(dir: string, file: string): { status: number | null; kinds: Array<string | null>; rssMB: number } {
  const rssFile = join(dir, `${file}.rss`);
  const r = spawnSync(process.execPath, ['--require', join(dir, 'peak-rss.js'), CLI, '--format', 'json', file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 110_000,
    maxBuffer: 64 * MIB,
    env: { ...process.env, NO_COLOR: '1', CX_PEAK_RSS_FILE: rssFile },
  });
  assert.equal(r.signal, null, `cx-lint ${file} was killed (${r.signal}): it hung or ran out of time`);
  assert.doesNotMatch(r.stderr, /heap out of memory|Maximum call stack|RangeError/, r.stderr);
  const report = JSON.parse(r.stdout) as { results: Array<{ filePath: string; kind: string | null; messages: Array<{ ruleId: string }> }> };
  assert.deepEqual(
    report.results.map((f) => f.filePath),
    [file],
  );
  assert.ok(!report.results[0].messages.some((m) => m.ruleId === 'file-too-large'), 'linted in full, not refused for its size');
  return { status: r.status, kinds: report.results.map((f) => f.kind), rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

describe('CLI memory on a long tight list grows linearly (issue 13 item 11)', function () {
  // Two lints of 2 and 4 MiB: about 10 s on the shared 2-core machine; the timeout only stops a hang.
  this.timeout(240_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-memory-'));
    writeFileSync(
      join(dir, 'peak-rss.js'),
      "process.on('exit', () => require('fs').writeFileSync(process.env.CX_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
    );
    // A posting whose duties are one tight list ("- Answer customer call number 1 and log it in the CRM", …, no blank line).
    writeFileSync(join(dir, 'list-2mib.md'), shapeDocument('long list', 2 * MIB));
    writeFileSync(join(dir, 'list-4mib.md'), shapeDocument('long list', 4 * MIB));
  });
  after(() => removeDir(dir));

  it('peak RSS is under 600 MB for a 2 MiB list, and at most 2.5× that for a 4 MiB one', () => {
    const two = lintMeasured(dir, 'list-2mib.md');
    const four = lintMeasured(dir, 'list-4mib.md');
    for (const r of [two, four]) {
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}`);
      assert.deepEqual(r.kinds, ['posting'], 'read as a posting, so the whole lint ran');
    }
    const ratio = four.rssMB / two.rssMB;
    const measured = `peak RSS ${two.rssMB.toFixed(0)} MB at 2 MiB, ${four.rssMB.toFixed(0)} MB at 4 MiB (${ratio.toFixed(2)}×)`;
    assert.ok(two.rssMB > 50, `${measured}: not a real measure (Node alone takes more)`);
    assert.ok(two.rssMB < 600, measured);
    assert.ok(ratio <= 2.5, measured);
  });
});
