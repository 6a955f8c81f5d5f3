import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintCost, MAIN_THREAD_MAX_COST } from '../../server/src/lsp/server';
import { WORKSPACE_LIMITS } from '../../server/src/lsp/workspace-files';
import { exampleWorkspacePerTest, TestClient } from './client';

const RENAMED = 'customer-experience-associate.md';

/** Resolves with the exit code, or rejects after `ms`: a server that stays up fails the test instead of hanging it. */
function exited(client: TestClient, ms: number): Promise<number | null> {
  if (client.proc.exitCode !== null) return Promise.resolve(client.proc.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server is still running ${ms} ms later; stderr: ${client.stderr}`)), ms);
    client.proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('language server hardening (issue 13)', function () {
  this.timeout(60_000);
  const lsp = exampleWorkspacePerTest('cx-lint-lsp-hard-');

  for (const [what, frame] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{oops'],
  ] as const) {
    it(`a framing error (${what}) is logged on stderr and the server exits with 1, so that the client restarts it`, async () => {
      lsp.client = await TestClient.start({ rootDir: lsp.dir });
      lsp.client.proc.stdin!.write(frame);
      assert.equal(await exited(lsp.client, 15_000), 1);
      assert.match(
        lsp.client.stderr,
        /\[cx-lint\] language server: cannot read the client's messages \(.+\); exiting so that the editor can restart the server\./,
      );
    });
  }

  it('a didChange that reuses the didOpen version is linted (no stale diagnostics)', async () => {
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const uri = lsp.client.uri(RENAMED);
    const text = readFileSync(join(lsp.dir, RENAMED), 'utf8');
    await lsp.client.open(uri, text);
    assert.ok((await lsp.client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    // Same version number (1) as the open, new text: a posting with nothing to find.
    const fixed = '# Notes\n\nNothing to see here.\n';
    await lsp.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: fixed }] });
    const p = await lsp.client.diagnostics.next((x) => x.uri === uri && x.diagnostics.length === 0, 'diagnostics of the changed text');
    assert.equal(p.version, 1);
  });

  it('a client without window/showMessageRequest gets config errors as window/showMessage, with no unhandled rejection', async () => {
    writeFileSync(join(lsp.dir, '.cxlintrc.json'), '{"rules": {"no-such-rule": "error"}}');
    lsp.client = await TestClient.start({ rootDir: lsp.dir, showMessageRequest: false });
    const uri = lsp.client.uri(RENAMED);
    await lsp.client.open(uri, readFileSync(join(lsp.dir, RENAMED), 'utf8'));
    const m = await lsp.client.messages.next((x) => /configuration error/.test(x.message), 'the configuration error message');
    assert.equal(m.type, 1);
    // Requests after it are answered: the server is alive and well.
    assert.equal(await lsp.client.hover(uri, { line: 0, character: 0 }), null);
    assert.doesNotMatch(lsp.client.stderr, /unhandled rejection/);
  });

  it('lints an ordinary posting on the main thread, without starting the worker', async () => {
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const uri = lsp.client.uri('posting.md');
    const base = readFileSync(join(lsp.dir, RENAMED), 'utf8');
    const notes = Array.from({ length: 40 }, (_, i) => `Note ${i}: we keep the queue short and the answers kind.`).join('\n\n');
    const text = `${base}\n## Notes\n\n${notes}\n`;
    assert.ok(text.length > 2048 && lintCost(text) <= MAIN_THREAD_MAX_COST);
    await lsp.client.open(uri, text);
    assert.ok((await lsp.client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    const stats = (await lsp.client.conn.sendRequest('cxLint/stats', {})) as { parseCaches: number; workerRunning: boolean };
    assert.equal(stats.parseCaches, 1, 'parsed on the main thread');
    assert.equal(stats.workerRunning, false, 'no worker started');
  });

  it(`lints documents weighing over ${MAIN_THREAD_MAX_COST} (lint-cost.ts) in the worker as you type; hover waits for the current text`, async () => {
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const uri = lsp.client.uri('long.md');
    const base = readFileSync(join(lsp.dir, RENAMED), 'utf8');
    // A tight list of short items: cheap in characters, costly in blocks.
    const notes = Array.from({ length: 400 }, (_, i) => `- Note ${i}`).join('\n');
    const text = `${base}\n## Notes\n\n${notes}\n`;
    assert.ok(text.length < 12_000 && lintCost(text) > MAIN_THREAD_MAX_COST);
    await lsp.client.open(uri, text);
    assert.ok((await lsp.client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    // An edit (not a save) is linted too, and hover right after it answers from the new text.
    const v = await lsp.client.replace(uri, '# Customer Experience Associate', '# Release Notes');
    const hover = await lsp.client.hover(uri, { line: 0, character: 3 });
    assert.equal(hover, null, 'no finding on the retitled heading');
    const after = await lsp.client.diagnostics.next((p) => p.uri === uri && p.version === v, 'publish after the edit', true);
    assert.ok(!after.diagnostics.some((d) => d.code === 'cx-renamed-customer-service'));
    const stats = (await lsp.client.conn.sendRequest('cxLint/stats', {})) as { parseCaches: number };
    assert.equal(stats.parseCaches, 0, 'not parsed on the main thread');
  });

  it('an 80 KB paragraph of `*a` is answered: diagnostics with one markup-not-parsed note, then hover', async () => {
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const uri = lsp.client.uri('stars.md');
    const text = `${readFileSync(join(lsp.dir, RENAMED), 'utf8')}\n${'*a'.repeat(40_000)}\n`;
    await lsp.client.open(uri, text);
    const diags = await lsp.client.diagnosticsFor(uri);
    assert.equal(diags.filter((d) => d.code === 'markup-not-parsed').length, 1);
    assert.equal(await lsp.client.hover(uri, { line: 0, character: 0 }).then((h) => h !== undefined), true);
  });

  it(`workspace lint stops at ${WORKSPACE_LIMITS.maxFiles} postings, says so, and skips ignored folders`, async function () {
    this.timeout(180_000);
    const many = join(lsp.dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < WORKSPACE_LIMITS.maxFiles + 50; i++) writeFileSync(join(many, `p${String(i).padStart(5, '0')}.md`), '# Notes\n');
    mkdirSync(join(lsp.dir, 'aaa-ignored'));
    writeFileSync(join(lsp.dir, 'aaa-ignored', 'x.md'), readFileSync(join(lsp.dir, RENAMED)));
    writeFileSync(join(lsp.dir, '.gitignore'), 'aaa-ignored/\n');
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const res = (await lsp.client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.lintWorkspace', arguments: [] })) as {
      files: number;
      stopped?: Array<{ folder: string; reason: string }>;
    };
    assert.equal(res.files, WORKSPACE_LIMITS.maxFiles);
    assert.deepEqual(res.stopped, [{ folder: lsp.dir, reason: `more than ${WORKSPACE_LIMITS.maxFiles} Markdown files` }]);
    const warning = await lsp.client.messages.next((m) => /stopped looking/.test(m.message), 'the warning', true);
    assert.equal(warning.type, 2);
    assert.ok(
      !lsp.client.diagnostics.all.some((p) => p.uri === pathToFileURL(join(lsp.dir, 'aaa-ignored', 'x.md')).href),
      'a .gitignore’d folder is not linted',
    );
  });
});
