/**
 * Issue 15: a code lens above the title summarising how the posting was read, whose
 * command returns the reading `cx-lint --print-reading` prints; through the real
 * language server over stdio.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { run } from '../cli/run';
import { exampleWorkspacePerTest, TestClient } from './client';

const codeLenses = (client: TestClient, uri: string) => client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Promise<CodeLens[]>;

describe('language server: the reading code lens', function () {
  this.timeout(60_000);
  const lsp = exampleWorkspacePerTest('cx-lint-lsp-lens-');

  async function openExample(name: string, settings: Record<string, unknown> = {}) {
    const client = (lsp.client = await TestClient.start({ rootDir: lsp.dir, settings }));
    const uri = client.uri(name);
    await client.open(uri, readFileSync(join(lsp.dir, name), 'utf8'));
    await client.diagnosticsFor(uri);
    return { client, uri };
  }

  it('sits on the title and says how the posting was read', async () => {
    const { client, uri } = await openExample('customer-experience-associate.md');
    const lenses = await codeLenses(client, uri);
    assert.equal(lenses.length, 1);
    const [lens] = lenses;
    assert.deepEqual(lens.range.start, { line: 0, character: 0 });
    // 7 duties (the filler line counts as one; --print-reading lists them), most of them contact handling.
    assert.equal(lens.command?.title, 'CX title · 7 duties: 5 handling contacts, 1 running a contact or frontline team · see reading');
    assert.equal(lens.command?.command, 'cx-lint.showReading');
    assert.deepEqual(lens.command?.arguments, [uri]);
  });

  it('follows the text: a duty that shapes the experience shows up', async () => {
    const { client, uri } = await openExample('customer-experience-associate.md');
    await client.replace(uri, '- Other duties as assigned', '- Map the customer journey for bill disputes and fix the root causes of repeat contacts');
    await client.diagnosticsFor(uri);
    const [lens] = await codeLenses(client, uri);
    assert.match(lens.command!.title, /^CX title · 7 duties: .*\b1 shaping the experience\b/);
  });

  it('its command returns the reading the CLI prints with --print-reading', async () => {
    const name = 'head-of-cx-charter.md';
    const { client, uri } = await openExample(name);
    const [lens] = await codeLenses(client, uri);
    assert.match(lens.command!.title, /^CX charter · \d+ duties/);
    const r = (await client.conn.sendRequest('workspace/executeCommand', { command: lens.command!.command, arguments: lens.command!.arguments })) as {
      text: string;
    };
    const cli = run(lsp.dir, ['--print-reading', name]);
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(r.text, cli.stdout.slice(0, cli.stdout.indexOf('findings:')));
  });

  it('is not shown on a document that is not a posting, nor with cxLint.codeLens off', async () => {
    const { client, uri } = await openExample('customer-experience-associate.md');
    const other = client.uri('notes.md');
    await client.open(other, '# Meeting notes\n\nWe talked about the weather.\n');
    await client.diagnosticsFor(other);
    assert.deepEqual(await codeLenses(client, other), []);
    assert.equal((await codeLenses(client, uri)).length, 1);
    client.settings = { codeLens: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnostics.next((p) => p.uri === uri, 'the re-lint after the change');
    assert.deepEqual(await codeLenses(client, uri), []);
  });
});
