/**
 * Issue 13, "workspace lint must be bounded", over stdio against the real server: an
 * editor opened on `file:///` hands the server the whole disk as its workspace folder.
 * README, "Language server guarantees": Lint All Postings walks it one directory at a
 * time (the server keeps answering), skips what the CLI skips, and stops at
 * WORKSPACE_LIMITS (2,000 postings or 50,000 files and folders per workspace folder),
 * saying so in a warning and in the command's result (`stopped`); it can be cancelled.
 */
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WORKSPACE_LIMITS } from '../../server/src/lsp/workspace-files';
import { TestClient } from './client';

/** Resolves as `p` does, or rejects after `ms`: a request that is never answered fails the test instead of hanging it. */
function answered<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

// Folders the walk prunes by name (as the CLI does): dot folders, node_modules, .git, dist, out.
const PRUNED = (segment: string) => segment.startsWith('.') || ['node_modules', 'dist', 'out'].includes(segment);

describe('language server: a workspace folder of file:/// (the filesystem root) costs a bounded walk, not the disk', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('Lint All Postings stops looking within the limits, says so, publishes only on postings the CLI would lint, and the server keeps answering', async function () {
    if (process.platform === 'win32') this.skip(); // file:/// is not a folder there
    const c = (client = await TestClient.start({ rootDir: '/' }));
    assert.equal(c.init?.capabilities.executeCommandProvider?.commands?.includes('cx-lint.lintWorkspace'), true);
    const started = c.progress.next(
      (p) => p.value.kind === 'begin' && p.value.message === 'Linting workspace postings',
      'the progress of the workspace lint',
      false,
      10_000,
    );
    const result = c.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.lintWorkspace', arguments: [] }) as Promise<{
      files: number;
      findings: number;
      stopped?: Array<{ folder: string; reason: string }>;
    }>;
    const { token, value } = await started;
    assert.equal(value.cancellable, true);

    // The walk of the whole disk stops at a limit and says so in a warning (type 2).
    const warning = await c.messages.next((m) => /stopped looking/.test(m.message), 'the warning that the walk of / stopped', true, 10_000);
    assert.equal(warning.type, 2);
    assert.match(
      warning.message,
      new RegExp(
        `^cx-lint: workspace lint of / stopped looking after more than (${WORKSPACE_LIMITS.maxFiles} Markdown files|${WORKSPACE_LIMITS.maxEntries} files and folders); linted the first \\d+ postings found\\.`,
      ),
    );

    // Walking did not stop the server answering requests.
    const stats = (await answered(c.conn.sendRequest('cxLint/stats', {}), 10_000, 'cxLint/stats during the workspace lint')) as { documents: number };
    assert.equal(stats.documents, 0);

    // What it found is linted file by file and can be cancelled between files (so the test does not depend on what this disk holds).
    await c.conn.sendNotification('window/workDoneProgress/cancel', { token });
    const res = await answered(result, 10_000, 'cx-lint.lintWorkspace on file:///');
    assert.equal(res.stopped?.length, 1, JSON.stringify(res));
    assert.equal(res.stopped[0].folder, '/');
    assert.match(
      res.stopped[0].reason,
      new RegExp(`^more than (${WORKSPACE_LIMITS.maxFiles} Markdown files|${WORKSPACE_LIMITS.maxEntries} files and folders)$`),
    );
    assert.ok(res.files <= WORKSPACE_LIMITS.maxFiles, `${res.files} files linted`);

    // Every publish is on a Markdown file the CLI's walk would lint: never inside a dot folder, node_modules, dist or out.
    for (const p of c.diagnostics.all) {
      assert.ok(p.uri.startsWith('file:///'), p.uri);
      const path = fileURLToPath(p.uri);
      assert.equal(pathToFileURL(path).href, p.uri);
      assert.match(path, /\.(?:md|markdown)$/i, p.uri);
      assert.deepEqual(path.split('/').filter(PRUNED), [], p.uri);
    }
    assert.ok(c.diagnostics.all.length <= WORKSPACE_LIMITS.maxFiles, `${c.diagnostics.all.length} publishes`);

    // The server is alive, logged nothing fatal, and still answers.
    assert.equal(c.proc.exitCode, null);
    assert.doesNotMatch(c.stderr, /Unhandled|RangeError|Maximum call stack|EMFILE/);
    assert.ok(!c.logs.all.some((l) => /internal error/.test(l.message)), c.logs.all.map((l) => l.message).join('\n'));
    await answered(c.conn.sendRequest('cxLint/stats', {}), 10_000, 'cxLint/stats after the workspace lint');
  });
});
