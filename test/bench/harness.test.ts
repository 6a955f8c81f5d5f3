import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures';

// Runs the real harness on 20 generated files (no peers, no language server). It checks
// that every part runs and reports, never how fast anything is.
describe('bench harness (smoke)', function () {
  this.timeout(60_000);
  it('npm run bench -- --smoke prints the ratio table and writes matching JSON', () => {
    const runJs = join(ROOT, 'out', 'bench', 'run.js');
    assert.ok(existsSync(runJs), 'out/bench/run.js is built by npm run build');
    const tmp = mkdtempSync(join(tmpdir(), 'cx-lint-bench-'));
    try {
      const r = spawnSync(process.execPath, [runJs, '--smoke', '--no-lsp', '--tmp', tmp], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^\| CLI --jobs 1 \/ parse-only, 20 postings \| [\d.]+× wall/m);
      assert.match(r.stdout, /^\| CLI peak RSS \/ parse-only peak RSS, 20 postings \|/m);
      assert.match(r.stdout, /^\| lint \/ parse in process, 5kb\.md \|/m);
      assert.match(r.stdout, /Language server: skipped/);
      const json = JSON.parse(readFileSync(join(tmp, 'quick.json'), 'utf8'));
      assert.equal(json.files, 20);
      assert.equal(json.machine.node, process.version);
      for (const k of ['floor1k', 'j1k', 'j2k']) assert.ok(json.cli[k].ms > 0 && json.cli[k].status !== null, k);
      // The CLI really linted: exit 0 or 1 (findings), never 2 (a crash or bad config).
      assert.ok(json.cli.j1k.status <= 1 && json.cli.j2k.status <= 1);
      assert.equal(readFileSync(join(tmp, 'quick.md'), 'utf8'), r.stdout);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
