import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROKEN_PIPE_EXIT } from '../../server/src/cli/broken-pipe';
import { CLI, removeDir } from './run';

/** Runs the CLI, closes its standard output after the first chunk (like `| head -1`), and waits for it to end. */
function closeAfterFirstChunk(cwd: string, args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      resolve({ code, signal, stderr });
    });
  });
}

describe('cx-lint … | head -1 (issue 13 item 15)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    // Each posting reports 300 phrase findings: far more report than a pipe holds
    // (64 KB), so cx-lint is still writing when the reader leaves.
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-pipe-'));
    const duties = Array.from({ length: 300 }, (_, i) => `- Lead our customer experience initiative number ${i}.`).join('\n');
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `posting-${i}.md`), `# Customer Experience Manager\n\n## Responsibilities\n\n${duties}\n`);
  });
  after(() => removeDir(dir));

  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    for (const jobs of ['1', '2']) {
      it(`--format ${format} --jobs ${jobs}: exits quietly with ${BROKEN_PIPE_EXIT} when the reader goes away`, async () => {
        const r = await closeAfterFirstChunk(dir, ['--format', format, '--jobs', jobs, '.']);
        assert.equal(r.signal, null, 'not killed');
        assert.equal(r.stderr, '');
        assert.equal(r.code, BROKEN_PIPE_EXIT);
      });
    }
  }
});
