/**
 * Issue 15, "What users of markdownlint and Vale expect", through the real language
 * server over stdio: a minimum severity (Vale's MinAlertLevel) and hint findings that
 * are visible; an output that says what the server uses; a starter config that loads.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { STARTER_CONFIG } from '../../client/src/starter-config';
import { packageVersion } from '../../server/src/packs/builtin';
import { exampleWorkspacePerTest, TestClient } from './client';

const CHARTER = 'head-of-cx-charter.md';
const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const HINT = 4;

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('language server: what users of markdownlint and Vale expect', function () {
  this.timeout(60_000);
  const lsp = exampleWorkspacePerTest('cx-lint-lsp-settings-');

  async function openCharter(settings: Record<string, unknown>): Promise<{ client: TestClient; uri: string; diags: Diagnostic[] }> {
    const client = (lsp.client = await TestClient.start({ rootDir: lsp.dir, settings }));
    const uri = client.uri(CHARTER);
    await client.open(uri, readFileSync(join(lsp.dir, CHARTER), 'utf8'));
    return { client, uri, diags: await client.diagnosticsFor(uri) };
  }

  describe('cxLint.minSeverity', () => {
    it('publishes only findings at or above it, and re-lints when it changes', async () => {
      const { client, uri, diags } = await openCharter({ minSeverity: 'warning' });
      // The charter has one warning (cx-silo-ownership) and two info findings.
      assert.deepEqual(codes(diags), ['cx-silo-ownership']);
      assert.ok(diags.every((d) => d.severity! <= WARNING));
      client.settings = { minSeverity: 'info' };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const after = await client.diagnostics.next((p) => p.uri === uri && p.diagnostics.length === 3, 'the info findings back');
      assert.deepEqual(codes(after.diagnostics), ['cx-as-initiative', 'cx-no-executive-sponsor', 'cx-silo-ownership']);
    });

    it('hides the rules below it from hover and quick fixes too', async () => {
      const { client, uri } = await openCharter({ minSeverity: 'error' });
      const text = client.text(uri);
      const line = text.split('\n').findIndex((l) => l.includes('CX initiative'));
      const at = { line, character: text.split('\n')[line].indexOf('CX initiative') + 1 };
      const range = { start: { line, character: 0 }, end: { line, character: 80 } };
      assert.equal(await client.hover(uri, at), null, 'no hover for a finding that is not shown');
      const hidden = await client.codeActions(uri, range, []);
      assert.ok(!hidden.some((a) => /initiative/i.test(a.title)), hidden.map((a) => a.title).join(' | '));
      // The same place with every severity shown: the hover and the fix are there.
      client.settings = {};
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.diagnostics.next((p) => p.uri === uri && p.diagnostics.length === 3, 'every finding');
      assert.ok(await client.hover(uri, at));
      const shown = await client.codeActions(uri, range, []);
      assert.ok(
        shown.some((a) => /initiative/i.test(a.title)),
        shown.map((a) => a.title).join(' | '),
      );
    });

    it('falls back to every severity for a value it does not know', async () => {
      const { diags } = await openCharter({ minSeverity: 'warn' });
      assert.equal(diags.length, 3);
    });
  });

  describe('cxLint.enable (what the toggle command writes)', () => {
    it('off: clears the diagnostics and reports the disabled state; on again: lints again', async () => {
      const { client, uri, diags } = await openCharter({});
      assert.equal(diags.length, 3);
      client.settings = { enable: false };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.diagnostics.next((p) => p.uri === uri && p.diagnostics.length === 0, 'diagnostics cleared');
      await client.statuses.next((st) => st.state === 'disabled', 'the disabled status', true);
      client.settings = { enable: true };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.diagnostics.next((p) => p.uri === uri && p.diagnostics.length === 3, 'the findings back');
      await client.statuses.next((st) => st.state === 'ok', 'the ok status');
    });
  });

  describe('the output', () => {
    it('logs the server version, the config files and packs in use, and each config error', async () => {
      const rc = join(lsp.dir, '.cxlintrc.json');
      writeFileSync(rc, JSON.stringify({ packs: ['./packs/cx-association-titles'] }));
      const { client } = await openCharter({});
      const said = (re: RegExp, what: string) => client.logs.next((l) => re.test(l.message), what, true);
      await said(new RegExp(`^\\[cx-lint\\] cx-lint-language-server ${packageVersion().replace(/\./g, '\\.')} \\(Node v`), 'the version');
      const used = await said(/configuration for /, 'the configuration in use');
      assert.ok(used.message.includes(`configuration for ${lsp.dir}: config file ${rc}; packs: cx-core@`), used.message);
      assert.ok(/packs: cx-core@\d+\.\d+\.\d+ \(built-in\), /.test(used.message), used.message);
      assert.ok(used.message.endsWith(`(built-in), @cxpa/cx-lint-pack-titles@1.0.0 from ${join(lsp.dir, 'packs', 'cx-association-titles')}`), used.message);
      // Said once, not on every keystroke.
      const uri = client.uri(CHARTER);
      await client.replace(uri, 'Purpose', 'Purpose of the role');
      await client.diagnosticsFor(uri);
      assert.equal(client.logs.all.filter((l) => /configuration for /.test(l.message)).length, 1);
      // A broken config: its error is logged, and the fixed one is described again.
      writeFileSync(rc, '{ "rules": { "cx-as-initiativ": "off" } }');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.cxlintrc.json'), type: 2 }] });
      await said(/configuration error: .*unknown rule "cx-as-initiativ"/, 'the config error');
      writeFileSync(rc, '{}');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.cxlintrc.json'), type: 2 }] });
      await client.logs.next((l) => /configuration for .*packs: cx-core@[^,]*$/.test(l.message), 'the fixed configuration, cx-core only');
    });
  });

  describe('the starter configuration (Create Configuration File)', () => {
    it('loads without an error, and so does every example in its comments', async () => {
      assert.match(STARTER_CONFIG, /^\s*\/\/ /m, 'it has comments');
      const uncommented = STARTER_CONFIG.replace(/^(\s*)\/\/ (".*)$/gm, '$1$2');
      assert.notEqual(uncommented, STARTER_CONFIG);
      for (const text of [STARTER_CONFIG, uncommented]) {
        writeFileSync(join(lsp.dir, '.cxlintrc.json'), text);
        const { client, diags } = await openCharter({});
        assert.ok(!diags.some((d) => d.code === 'config-error'), JSON.stringify(diags));
        assert.deepEqual(codes(diags), ['cx-as-initiative', 'cx-no-executive-sponsor', 'cx-silo-ownership']);
        await client.statuses.next((st) => st.state === 'ok', 'the ok status', true);
        assert.ok(!client.diagnostics.all.some((p) => p.diagnostics.some((d) => d.code === 'config-error')));
        await client.stop();
      }
    });
  });

  describe('"warn", as ESLint users type it', () => {
    it('is read as warning in the cxLint.rules setting, with no settings error', async () => {
      const { client, diags } = await openCharter({ rules: { 'cx-as-initiative': 'warn' } });
      assert.equal(diags.find((d) => d.code === 'cx-as-initiative')?.severity, WARNING);
      // The status follows any settings error of the same lint on the same stream.
      await client.statuses.next((st) => st.state === 'ok', 'the status', true);
      assert.ok(!client.messages.all.some((m) => /settings error/.test(m.message)), client.messages.all.map((m) => m.message).join('\n'));
      assert.ok(!client.logs.all.some((l) => /settings error/.test(l.message)));
    });
  });

  describe('hint findings', () => {
    it('are published as Information by default, so VS Code lists them in the Problems panel', async () => {
      const { diags } = await openCharter({ rules: { 'cx-silo-ownership': 'hint' } });
      const silo = diags.find((d) => d.code === 'cx-silo-ownership');
      assert.equal(silo?.severity, INFORMATION);
    });

    it('are published as hints with cxLint.hintsAs: "hint"', async () => {
      const { diags } = await openCharter({ rules: { 'cx-silo-ownership': 'hint' }, hintsAs: 'hint' });
      assert.equal(diags.find((d) => d.code === 'cx-silo-ownership')?.severity, HINT);
      assert.ok(diags.filter((d) => d.code !== 'cx-silo-ownership').every((d) => d.severity === INFORMATION));
    });

    it('count as hints for cxLint.minSeverity, whatever they are shown as', async () => {
      const { diags } = await openCharter({ rules: { 'cx-silo-ownership': 'hint', 'cx-as-initiative': 'error' }, minSeverity: 'info' });
      assert.deepEqual(codes(diags), ['cx-as-initiative', 'cx-no-executive-sponsor']);
      assert.equal(diags.find((d) => d.code === 'cx-as-initiative')?.severity, ERROR);
    });
  });
});
