import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintCost, MAIN_THREAD_MAX_COST } from '../../server/src/lsp/server';
import { WORKSPACE_LIMITS } from '../../server/src/lsp/workspace-files';
import { ROOT } from '../helpers/fixtures';
import { TestClient } from './client';

const RENAMED = 'customer-experience-associate.md';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-lint-lsp-hard-'));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

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
  let dir: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    dir = workspace();
  });
  afterEach(async () => {
    if (client && client.proc.exitCode === null && client.proc.signalCode === null) await client.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [what, frame] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{oops'],
  ] as const) {
    it(`a framing error (${what}) is logged on stderr and the server exits with 1, so that the client restarts it`, async () => {
      client = await TestClient.start({ rootDir: dir });
      client.proc.stdin!.write(frame);
      assert.equal(await exited(client, 15_000), 1);
      assert.match(client.stderr, /\[cx-lint\] language server: cannot read the client's messages \(.+\); exiting so that the editor can restart the server\./);
    });
  }

  it('a didChange that reuses the didOpen version is linted (no stale diagnostics)', async () => {
    client = await TestClient.start({ rootDir: dir });
    const uri = client.uri(RENAMED);
    const text = readFileSync(join(dir, RENAMED), 'utf8');
    await client.open(uri, text);
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    // Same version number (1) as the open, new text: a posting with nothing to find.
    const fixed = '# Notes\n\nNothing to see here.\n';
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: fixed }] });
    const p = await client.diagnostics.next((x) => x.uri === uri && x.diagnostics.length === 0, 'diagnostics of the changed text');
    assert.equal(p.version, 1);
  });

  it('a client without window/showMessageRequest gets config errors as window/showMessage, with no unhandled rejection', async () => {
    writeFileSync(join(dir, '.cxlintrc.json'), '{"rules": {"no-such-rule": "error"}}');
    client = await TestClient.start({ rootDir: dir, showMessageRequest: false });
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    const m = await client.messages.next((x) => /configuration error/.test(x.message), 'the configuration error message');
    assert.equal(m.type, 1);
    // Requests after it are answered: the server is alive and well.
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
    assert.doesNotMatch(client.stderr, /unhandled rejection/);
  });

  it('lints an ordinary posting on the main thread, without starting the worker', async () => {
    client = await TestClient.start({ rootDir: dir });
    const uri = client.uri('posting.md');
    const base = readFileSync(join(dir, RENAMED), 'utf8');
    const notes = Array.from({ length: 40 }, (_, i) => `Note ${i}: we keep the queue short and the answers kind.`).join('\n\n');
    const text = `${base}\n## Notes\n\n${notes}\n`;
    assert.ok(text.length > 2048 && lintCost(text) <= MAIN_THREAD_MAX_COST);
    await client.open(uri, text);
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    const stats = (await client.conn.sendRequest('cxLint/stats', {})) as { parseCaches: number; workerRunning: boolean };
    assert.equal(stats.parseCaches, 1, 'parsed on the main thread');
    assert.equal(stats.workerRunning, false, 'no worker started');
  });

  it(`lints documents weighing over ${MAIN_THREAD_MAX_COST} (lint-cost.ts) in the worker as you type; hover waits for the current text`, async () => {
    client = await TestClient.start({ rootDir: dir });
    const uri = client.uri('long.md');
    const base = readFileSync(join(dir, RENAMED), 'utf8');
    // A tight list of short items: cheap in characters, costly in blocks.
    const notes = Array.from({ length: 400 }, (_, i) => `- Note ${i}`).join('\n');
    const text = `${base}\n## Notes\n\n${notes}\n`;
    assert.ok(text.length < 12_000 && lintCost(text) > MAIN_THREAD_MAX_COST);
    await client.open(uri, text);
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    // An edit (not a save) is linted too, and hover right after it answers from the new text.
    const v = await client.replace(uri, '# Customer Experience Associate', '# Release Notes');
    const hover = await client.hover(uri, { line: 0, character: 3 });
    assert.equal(hover, null, 'no finding on the retitled heading');
    const after = await client.diagnostics.next((p) => p.uri === uri && p.version === v, 'publish after the edit', true);
    assert.ok(!after.diagnostics.some((d) => d.code === 'cx-renamed-customer-service'));
    const stats = (await client.conn.sendRequest('cxLint/stats', {})) as { parseCaches: number };
    assert.equal(stats.parseCaches, 0, 'not parsed on the main thread');
  });

  it('an 80 KB paragraph of `*a` is answered: diagnostics with one markup-not-parsed note, then hover', async () => {
    client = await TestClient.start({ rootDir: dir });
    const uri = client.uri('stars.md');
    const text = `${readFileSync(join(dir, RENAMED), 'utf8')}\n${'*a'.repeat(40_000)}\n`;
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri);
    assert.equal(diags.filter((d) => d.code === 'markup-not-parsed').length, 1);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }).then((h) => h !== undefined), true);
  });

  it(`workspace lint stops at ${WORKSPACE_LIMITS.maxFiles} postings, says so, and skips ignored folders`, async function () {
    this.timeout(180_000);
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < WORKSPACE_LIMITS.maxFiles + 50; i++) writeFileSync(join(many, `p${String(i).padStart(5, '0')}.md`), '# Notes\n');
    mkdirSync(join(dir, 'aaa-ignored'));
    writeFileSync(join(dir, 'aaa-ignored', 'x.md'), readFileSync(join(dir, RENAMED)));
    writeFileSync(join(dir, '.gitignore'), 'aaa-ignored/\n');
    client = await TestClient.start({ rootDir: dir });
    const res = (await client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.lintWorkspace', arguments: [] })) as { files: number; stopped?: Array<{ folder: string; reason: string }> };
    assert.equal(res.files, WORKSPACE_LIMITS.maxFiles);
    assert.deepEqual(res.stopped, [{ folder: dir, reason: `more than ${WORKSPACE_LIMITS.maxFiles} Markdown files` }]);
    const warning = await client.messages.next((m) => /stopped looking/.test(m.message), 'the warning', true);
    assert.equal(warning.type, 2);
    assert.ok(!client.diagnostics.all.some((p) => p.uri === pathToFileURL(join(dir, 'aaa-ignored', 'x.md')).href), 'a .gitignore’d folder is not linted');
  });
});
