import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { lintText, loadConfig } from '../../server/src/api';
import { applyEdits, fixText } from '../../server/src/engine';
import { ROOT } from '../helpers/fixtures';
import { applyTo, exampleWorkspacePerTest, SERVER, TestClient, type ClientOptions } from './client';

const RENAMED = 'customer-experience-associate.md';
const CHARTER = 'head-of-cx-charter.md';

/** What the engine (through the Node API, with the config that applies on disk) finds in `text`. */
function engineFindings(dir: string, rel: string, text: string) {
  const file = join(dir, rel);
  return lintText(text, { filePath: file, config: loadConfig(file) }).findings;
}

describe('language server over stdio', function () {
  this.timeout(30000);
  // A fresh copy of examples/ per test; the helper stops the server and removes the copy after it.
  const lsp = exampleWorkspacePerTest('cx-lint-lsp-');
  let dir: string;
  let client: TestClient;
  /** Starts the server on this test's workspace (again, for a test that needs other options). */
  async function start(opts: Omit<ClientOptions, 'rootDir'> = {}): Promise<void> {
    dir = lsp.dir;
    client = lsp.client = await TestClient.start({ rootDir: dir, ...opts });
  }

  beforeEach(() => start());

  it('declares incremental sync, quick fixes, fix-all, hover, the reading code lens and its commands', () => {
    const caps = client.init!.capabilities;
    assert.equal((caps.textDocumentSync as any).change, 2);
    assert.deepEqual((caps.codeActionProvider as any).codeActionKinds, ['quickfix', 'source.fixAll.cx-lint']);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(caps.executeCommandProvider?.commands, ['cx-lint.applyFixAll', 'cx-lint.lintWorkspace', 'cx-lint.showReading', 'cx-lint.openRuleDocs']);
    assert.equal(client.init!.serverInfo?.name, 'cx-lint-language-server');
  });

  it('publishes on open the same findings as the engine, with code, docs link, related evidence and data', async () => {
    for (const rel of [RENAMED, CHARTER]) {
      const uri = client.uri(rel);
      const text = readFileSync(join(dir, rel), 'utf8');
      await client.open(uri, text);
      const diags = await client.diagnosticsFor(uri);
      const expected = engineFindings(dir, rel, text);
      assert.ok(expected.length > 0, `${rel} has findings`);
      const doc = client.docs.get(uri)!;
      assert.deepEqual(
        diags.map((d) => [d.code, doc.offsetAt(d.range.start), doc.offsetAt(d.range.end), d.message]),
        expected.map((f) => [f.ruleId, f.range.start, f.range.end, f.message]),
      );
      for (const d of diags) {
        assert.equal(d.source, 'cx-lint');
        const href = d.codeDescription?.href;
        assert.ok(href && existsSync(fileURLToPath(href)), `docs link resolves: ${href}`);
        assert.ok(href.endsWith(`/${d.code}/README.md`));
        assert.equal((d.data as any).ruleId, d.code);
      }
    }
    // Title-level finding: the related information points at the offending duties.
    const renamed = await client.diagnosticsFor(client.uri(RENAMED));
    const title = renamed.find((d) => d.code === 'cx-renamed-customer-service')!;
    assert.equal(title.severity, 2);
    assert.equal(title.range.start.line, 0);
    assert.ok(title.relatedInformation!.length >= 5);
    assert.ok(title.relatedInformation!.every((r) => r.location.uri === client.uri(RENAMED) && r.location.range.start.line > 0));
  });

  it('maps every severity: error, warning, info and hint (with cxLint.hintsAs "hint"; by default hints are published as Information)', async () => {
    const uri = client.uri(CHARTER);
    client.settings = { rules: { 'cx-as-initiative': 'error', 'cx-no-executive-sponsor': 'hint' }, hintsAs: 'hint' };
    await client.open(uri, readFileSync(join(dir, CHARTER), 'utf8'));
    const diags = await client.diagnosticsFor(uri);
    const sev = Object.fromEntries(diags.map((d) => [d.code, d.severity]));
    assert.equal(sev['cx-as-initiative'], 1);
    assert.equal(sev['cx-silo-ownership'], 2);
    assert.equal(sev['cx-no-executive-sponsor'], 4);
    client.settings = { rules: { 'cx-as-initiative': 'info' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const after = await client.diagnostics.next(
      (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'cx-as-initiative' && d.severity === 3),
      'info severity',
    );
    assert.ok(after);
  });

  it('follows incremental edits: retitling removes the finding, and publishes carry the version', async () => {
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    const v = await client.replace(uri, 'Customer Experience Associate', 'Customer Service Associate');
    const after = await client.diagnosticsFor(uri);
    assert.equal(client.diagnostics.all.at(-1)!.version, v);
    assert.ok(!after.some((d) => d.code === 'cx-renamed-customer-service'));
    await client.replace(uri, 'Customer Service Associate', 'Customer Experience Associate');
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
  });

  it('coalesces rapid edits and never publishes a stale version', async () => {
    await client.stop();
    await start({ initializationOptions: { debounceMs: 30 } });
    const uri = client.uri(CHARTER);
    await client.open(uri, readFileSync(join(dir, CHARTER), 'utf8'));
    await client.diagnosticsFor(uri);
    const before = client.diagnostics.all.length;
    let last = 0;
    for (let i = 0; i < 40; i++) {
      const d = client.docs.get(uri)!;
      last = await client.change(uri, [
        { range: { start: d.positionAt(0), end: d.positionAt(0) }, text: i % 2 ? '' : '' },
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' },
      ]);
    }
    const final = await client.diagnosticsFor(uri);
    const published = client.diagnostics.all.slice(before).filter((p) => p.uri === uri);
    assert.ok(published.length < 40, `edits were coalesced (${published.length} publishes for 40 edits)`);
    const versions = published.map((p) => p.version!);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions only go up',
    );
    assert.equal(versions.at(-1), last);
    assert.deepEqual(
      final.map((d) => d.code),
      engineFindings(dir, CHARTER, client.text(uri)).map((f) => f.ruleId),
    );
  });

  it('offers each fix as a quick fix whose edit gives the engine’s fixed text', async () => {
    const uri = client.uri(RENAMED);
    const text = readFileSync(join(dir, RENAMED), 'utf8');
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri);
    const findings = engineFindings(dir, RENAMED, text);
    let checked = 0;
    for (const f of findings) {
      const d = diags.find((x) => x.code === f.ruleId)!;
      const actions = await client.codeActions(uri, d.range, [d]);
      for (const fix of f.fixes) {
        const a = actions.find((x) => x.title === fix.title);
        assert.ok(a, `action "${fix.title}" offered; got ${actions.map((x) => x.title).join(' | ')}`);
        assert.equal(a.kind, 'quickfix');
        assert.equal(applyTo(text, a.edit!, uri), applyEdits(text, fix.edits).text);
        checked++;
      }
    }
    assert.ok(checked >= 1);
    const retitle = (await client.codeActions(uri, diags[0].range, [diags[0]])).filter((a) => a.isPreferred);
    assert.equal(retitle.length, 1, 'exactly one preferred fix');
  });

  it('applies every quick fix of every rule’s invalid examples to the expected document', async function () {
    this.timeout(120000);
    const rulesDir = join(ROOT, 'rules', 'cx-core', 'rules');
    const { readdirSync } = await import('node:fs');
    let applied = 0;
    for (const rule of readdirSync(rulesDir)) {
      const inv = join(rulesDir, rule, 'fixtures', 'invalid');
      if (!existsSync(inv)) continue;
      for (const name of readdirSync(inv)) {
        const text = readFileSync(join(inv, name), 'utf8');
        const rel = `fx-${rule}-${name}`;
        writeFileSync(join(dir, rel), text);
        const uri = client.uri(rel);
        await client.open(uri, text);
        const diags = await client.diagnosticsFor(uri);
        const findings = engineFindings(dir, rel, text);
        for (const f of findings) {
          const d = diags.find((x) => x.code === f.ruleId && client.docs.get(uri)!.offsetAt(x.range.start) === f.range.start)!;
          assert.ok(d, `${rel}: diagnostic for ${f.ruleId}`);
          const actions = await client.codeActions(uri, d.range, [d]);
          for (const fix of f.fixes) {
            const a = actions.find((x) => x.title === fix.title && x.diagnostics?.[0]?.code === f.ruleId);
            assert.ok(a, `${rel}: "${fix.title}"`);
            assert.equal(applyTo(text, a.edit!, uri), applyEdits(text, fix.edits).text, `${rel}: ${fix.title}`);
            applied++;
          }
          // The disable actions silence exactly this finding and keep every other one.
          const name = loadConfig(join(dir, rel)).setup.allRules.find((r) => r.data.id === f.ruleId)?.data.title;
          assert.ok(name, `${f.ruleId} has a title`);
          for (const title of [`Turn off “${name}” for this line`, `Turn off “${name}” for this file`]) {
            const a = actions.find((x) => x.title === title);
            if (!a && title.endsWith('line')) continue; // not offered inside front matter
            assert.ok(a, `${rel}: "${title}"`);
            const out = applyTo(text, a.edit!, uri);
            const remaining = engineFindings(dir, rel, out);
            assert.ok(!remaining.some((r) => r.ruleId === f.ruleId && (title.endsWith('file') || r.message === f.message)), `${rel}: ${title} silences it`);
            const others = (xs: typeof findings) => xs.filter((r) => r.ruleId !== f.ruleId).map((r) => r.ruleId);
            assert.deepEqual(others(remaining), others(findings), `${rel}: ${title} leaves other findings`);
            applied++;
          }
        }
        await client.close(uri);
      }
    }
    assert.ok(applied > 50, `applied ${applied} actions`);
  });

  it('fix-all applies the safe fixes, as a source action and as a command, exactly like cx-lint --fix', async () => {
    const uri = client.uri(CHARTER);
    // The charter's "lead our CX initiative through its first year" stays fixed-term after
    // a swap, so it is not safe (issue 15); a plain "our new CX initiative" is.
    const original = readFileSync(join(dir, CHARTER), 'utf8');
    const text = original.replace('## Mandate\n\n', '## Mandate\n\n- Lead our new CX initiative with marketing and operations\n');
    assert.notEqual(text, original);
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const expected = fixText(text, loadConfig(join(dir, CHARTER)).setup, CHARTER).text;
    assert.ok(expected.includes('- Lead our new CX programme with marketing and operations\n'));
    assert.ok(expected.includes('lead our CX initiative through its first year'), 'the fixed-term sentence is left for the writer');
    assert.notEqual(expected, text);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.cx-lint'],
    );
    assert.equal(applyTo(text, actions[0].edit!, uri), expected);
    // The command asks the client to apply the edit (workspace/applyEdit).
    const r = (await client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.applyFixAll', arguments: [uri] })) as any;
    assert.equal(r.applied, true);
    assert.equal(client.text(uri), expected);
    const after = await client.diagnosticsFor(uri);
    const left = after.filter((d) => d.code === 'cx-as-initiative');
    assert.equal(left.length, 1, 'only the fixed-term sentence is still reported');
    assert.match(expected.split('\n')[left[0].range.start.line], /through its first year/);
    const none = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.cx-lint']);
    assert.deepEqual(none, [], 'nothing left to fix');
  });

  it('keeps CRLF line ends, the BOM and non-ASCII text when fixing', async () => {
    const uri = client.uri('crlf.md');
    const text =
      '\uFEFF---\r\ntitle: Customer Experience Manager\r\n---\r\n\r\n# Customer Experience Manager — Zürich 🌍\r\n\r\n## Responsibilities\r\n\r\n- Lead our new CX initiative with operations, marketing and product\r\n- Run the voice-of-the-customer programme with interviews and NPS\r\n';
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const [all] = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.cx-lint']);
    const out = applyTo(text, all.edit!, uri);
    assert.ok(out.startsWith('\uFEFF---\r\n'));
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF introduced');
    assert.ok(out.includes('Zürich 🌍'));
    assert.ok(out.includes('CX programme'));
    const diags = await client.diagnosticsFor(uri);
    const d = diags.find((x) => x.code === 'cx-as-initiative')!;
    const fileAction = (await client.codeActions(uri, d.range, [d])).find((a) => a.title.endsWith('for this file'))!;
    const disabled = applyTo(text, fileAction.edit!, uri);
    assert.ok(disabled.startsWith('\uFEFF---\r\ntitle: Customer Experience Manager\r\n---\r\n<!-- cx-lint-disable-file cx-as-initiative -->\r\n'));
  });

  it('hover: the rule by name, why, a better example, then the evidence lines capped — the verdict is not repeated', async () => {
    const uri = client.uri(RENAMED);
    const text = readFileSync(join(dir, RENAMED), 'utf8');
    await client.open(uri, text);
    const [d] = await client.diagnosticsFor(uri);
    const h = await client.hover(uri, d.range.start);
    const value = (h!.contents as { value: string }).value;
    assert.match(value, /^\*\*Customer Service renamed\*\* · `cx-renamed-customer-service` \(warning\) · cx-core \d+\.\d+\.\d+\n/);
    // Editors show the diagnostic's message with the hover: the verdict once, not twice.
    assert.ok(!value.includes(String(d.message)), 'the message is not repeated');
    assert.doesNotMatch(value, /Reads as/);
    const order = ['**Why it matters:**', '**Better:**', '**Based on:**', '**Fixes:**', '[Rule documentation]'].map((x) => value.indexOf(x));
    assert.ok(
      order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])),
      `in reading order: ${order.join(',')}`,
    );
    // The example counts 6 contact-handling duties: five lines, then how many more.
    const evidence = value.split('\n').filter((l) => /^- (Ln \d+: |and \d+ more$)/.test(l));
    assert.deepEqual(evidence, [
      '- Ln 11: Answer inbound calls and live chats from customers about…',
      '- Ln 12: Work through the email queue and reply to every customer…',
      '- Ln 13: Process refunds, credits and number transfers within your…',
      "- Ln 14: Log complaints and escalate anything you can't resolve to…",
      '- Ln 15: Meet your average handle time and contacts-per-hour targets',
      '- and 1 more',
    ]);
    assert.ok(value.includes(d.codeDescription!.href));
    assert.deepEqual(h!.range, d.range);
    assert.equal(await client.hover(uri, { line: 2, character: 0 }), null);
  });

  it('Problems panel rows: each related line is the duty’s own words, short, without the rule’s class list', async () => {
    const uri = client.uri(RENAMED);
    const text = readFileSync(join(dir, RENAMED), 'utf8');
    await client.open(uri, text);
    const d = (await client.diagnosticsFor(uri)).find((x) => x.code === 'cx-renamed-customer-service')!;
    const rows = d.relatedInformation!.map((r) => [r.location.range.start.line + 1, r.message]);
    assert.deepEqual(
      rows.map(([line]) => line),
      [11, 12, 13, 14, 15, 16],
    );
    for (const [line, message] of rows) {
      const source = text.split('\n')[(line as number) - 1].replace(/^- /, '');
      assert.ok(String(message).length <= 60, `short: ${message}`);
      assert.ok(source.startsWith(String(message).replace(/…$/, '')), `line ${line}: the duty's words (${message})`);
    }
    assert.match(String(d.message), /^Reads as Customer Service renamed: 6 of 6 duties \(not counting “Other duties as assigned”\) handle customer contacts/);
  });

  it('menus name rules in words; "Learn more" asks the editor to show the rule’s page', async () => {
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    const d = (await client.diagnosticsFor(uri)).find((x) => x.code === 'cx-renamed-customer-service')!;
    const titles = (await client.codeActions(uri, d.range, [d])).map((a) => a.title);
    assert.ok(titles.includes('Turn off “Customer Service renamed” for this line'), titles.join(' | '));
    assert.ok(titles.includes('Turn off “Customer Service renamed” for this file'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.includes('cx-renamed-customer-service')), 'no rule id in the menu');
    const learn = (await client.codeActions(uri, d.range, [d])).find((a) => a.title === 'Learn more about “Customer Service renamed”')!;
    assert.ok(learn, titles.join(' | '));
    assert.equal(learn.edit, undefined);
    assert.deepEqual(learn.command, { title: learn.title, command: 'cx-lint.openRuleDocs', arguments: [d.codeDescription!.href] });
    assert.ok(client.init!.capabilities.executeCommandProvider!.commands.includes('cx-lint.openRuleDocs'));
    const r = await client.conn.sendRequest('workspace/executeCommand', learn.command);
    assert.deepEqual(r, { opened: true });
    const shown = await client.shownDocuments.next((x) => x.uri === d.codeDescription!.href, 'window/showDocument', true);
    assert.match(shown.uri, /^file:.*\/rules\/cx-core\/rules\/cx-renamed-customer-service\/README\.md$/);
    assert.equal(shown.external, false);
  });

  it('re-lints open documents when a config file changes', async () => {
    const uri = client.uri(CHARTER);
    await client.open(uri, readFileSync(join(dir, CHARTER), 'utf8'));
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'cx-as-initiative'));
    const rc = join(dir, '.cxlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'cx-as-initiative': 'off' } }));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 1 }] });
    const p = await client.diagnostics.next((x) => x.uri === uri && !x.diagnostics.some((d) => d.code === 'cx-as-initiative'), 'rule turned off');
    assert.ok(p.diagnostics.length > 0, 'other findings remain');
  });

  it('shows a broken config as a diagnostic in that file, keeps serving, and clears it when fixed', async () => {
    const uri = client.uri(CHARTER);
    await client.open(uri, readFileSync(join(dir, CHARTER), 'utf8'));
    await client.diagnosticsFor(uri);
    // Unopened files linted by the workspace command share the config; their errors must clear too.
    await client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.lintWorkspace' });
    const rc = join(dir, '.cxlintrc.json');
    const rcUri = pathToFileURL(rc).href;
    writeFileSync(rc, '{\n  "rules": {\n    "cx-as-initiative": "loud"\n  }\n}\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 1 }] });
    const err = await client.diagnostics.next((x) => x.uri === rcUri && x.diagnostics.length > 0, 'config diagnostics');
    assert.equal(err.diagnostics[0].severity, 1);
    assert.equal(err.diagnostics[0].code, 'config-error');
    assert.equal(err.diagnostics[0].range.start.line, 2, 'points at the bad value');
    const status = await client.statuses.next((s) => s.state === 'error', 'error status', true);
    assert.match(status.message!, /configuration error/);
    const msg = await client.messages.next((m) => /cx-lint: configuration error/.test(m.message), 'an error message', true);
    assert.equal(msg.type, 1);
    // Still alive: answers a hover, and the document's findings are cleared rather than stale.
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
    writeFileSync(rc, '{ "rules": { "cx-as-initiative": "error" } }\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
    await client.diagnostics.next((x) => x.uri === rcUri && x.diagnostics.length === 0, 'config diagnostics cleared');
    await client.diagnostics.next((x) => x.uri === uri && x.diagnostics.some((d) => d.code === 'cx-as-initiative' && d.severity === 1), 'findings back', true);
    await client.statuses.next((s) => s.state === 'ok', 'ok status', true);
  });

  it('invalid YAML in a config is located too', async () => {
    const uri = client.uri(CHARTER);
    const rc = join(dir, '.cxlintrc.yaml');
    writeFileSync(rc, 'rules:\n  cx-as-initiative: [error\n');
    await client.open(uri, readFileSync(join(dir, CHARTER), 'utf8'));
    const err = await client.diagnostics.next((x) => x.uri === pathToFileURL(rc).href && x.diagnostics.length > 0, 'yaml error', true);
    assert.ok(err.diagnostics[0].range.start.line >= 1);
  });

  it('uses editor settings: rule overrides, extra title terms, include/exclude and enable', async () => {
    const uri = client.uri(CHARTER);
    client.settings = { rules: { 'cx-as-initiative': 'off' } };
    await client.open(uri, readFileSync(join(dir, CHARTER), 'utf8'));
    const d1 = await client.diagnosticsFor(uri);
    assert.ok(d1.length > 0 && !d1.some((d) => d.code === 'cx-as-initiative'));
    assert.ok(client.configurationRequests > 0);
    client.settings = { exclude: ['head-of-*.md'] };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnostics.next((x) => x.uri === uri && x.diagnostics.length === 0, 'excluded document cleared');
    client.settings = { enable: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.statuses.next((s) => s.state === 'disabled', 'disabled status');
    client.settings = { titles: { family: ['Member Happiness'] } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const doc = '# Member Happiness Lead\n\n## Responsibilities\n\n- Maintain the internal wiki\n- Organise the office move\n';
    const u2 = client.uri('member.md');
    await client.open(u2, doc);
    const d2 = await client.diagnosticsFor(u2);
    assert.ok(
      d2.some((d) => d.code === 'cx-title-without-customer'),
      `extra title term applies: ${d2.map((d) => d.code)}`,
    );
  });

  it('settings from initializationOptions when the client has no workspace/configuration (other editors)', async () => {
    await client.stop();
    await start({ configuration: false, initializationOptions: { debounceMs: 0, settings: { rules: { 'cx-as-initiative': 'off' } } } });
    const uri = client.uri(CHARTER);
    await client.open(uri, readFileSync(join(dir, CHARTER), 'utf8'));
    const d = await client.diagnosticsFor(uri);
    assert.ok(d.length > 0 && !d.some((x) => x.code === 'cx-as-initiative'));
    assert.equal(client.configurationRequests, 0);
  });

  it('re-lints when a pack file changes (a house pack adds "ratepayers" as customers)', async () => {
    const house = join(dir, 'house');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(house);
    writeFileSync(join(house, 'pack.yaml'), 'name: house\nversion: 1.0.0\n');
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./house'] }));
    const uri = client.uri('coop.md');
    await client.open(
      uri,
      '# Customer Experience Coordinator\n\n## Responsibilities\n\n- Prepare weekly reports for ratepayers\n- Maintain the shared drive and meeting minutes\n',
    );
    const before = await client.diagnosticsFor(uri);
    assert.ok(
      before.some((d) => d.code === 'cx-title-without-customer'),
      before.map((d) => d.code).join(','),
    );
    writeFileSync(join(house, 'pack.yaml'), 'name: house\nversion: 1.0.1\nlexicons:\n  customer:\n    match: [ratepayer+]\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(house, 'pack.yaml')).href, type: 2 }] });
    const after = await client.diagnostics.next(
      (x) => x.uri === uri && !x.diagnostics.some((d) => d.code === 'cx-title-without-customer'),
      'ratepayers are customers now',
    );
    assert.ok(after);
    const s = await client.statuses.next((x) => x.packs.includes('house@1.0.1'), 'status lists the new pack version', true);
    assert.equal(s.state, 'ok');
  });

  it('verifies third-party packs against cx-lint.lock.json, as the CLI does', async () => {
    const house = join(dir, 'house');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(house);
    writeFileSync(join(house, 'pack.yaml'), 'name: house\nversion: 1.0.0\n');
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ packs: ['./house'] }));
    const lock = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'pack', 'lock'], { cwd: dir, encoding: 'utf8' });
    assert.equal(lock.status, 0, lock.stderr);
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    assert.ok((await client.diagnosticsFor(uri)).length > 0, 'locked pack: linted');
    writeFileSync(join(house, 'pack.yaml'), 'name: house\nversion: 1.0.0\nlexicons:\n  customer:\n    match: [ratepayer+]\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(house, 'pack.yaml')).href, type: 2 }] });
    const lockUri = pathToFileURL(join(dir, 'cx-lint.lock.json')).href;
    const err = await client.diagnostics.next((x) => x.uri === lockUri && x.diagnostics.length > 0, 'lockfile diagnostic');
    assert.match(String(err.diagnostics[0].message), /pack "house" .* has changed since/);
    await client.diagnostics.next((x) => x.uri === uri && x.diagnostics.length === 0, 'not linted with a changed pack', true);
    const relock = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'pack', 'lock'], { cwd: dir, encoding: 'utf8' });
    assert.equal(relock.status, 0, relock.stderr);
    const cleared = client.diagnostics.next((x) => x.uri === lockUri && x.diagnostics.length === 0, 'lockfile diagnostic cleared');
    const again = client.diagnostics.next((x) => x.uri === uri && x.diagnostics.length > 0, 'linted again');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lockUri, type: 2 }] });
    await Promise.all([cleared, again]);
  });

  it('with run: onSave, lints on open and save but not while typing', async () => {
    client.settings = { run: 'onSave' };
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'cx-renamed-customer-service'));
    const v = await client.replace(uri, 'Customer Experience Associate', 'Customer Service Associate');
    // A round trip after the edit: with onType (debounce 0) a publish for v would be due by now.
    await client.hover(uri, { line: 0, character: 0 });
    await client.hover(uri, { line: 0, character: 0 });
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.diagnostics.next((x) => x.uri === uri && x.version === v, 'publish after save', true);
    const forV = client.diagnostics.all.filter((x) => x.uri === uri && x.version === v);
    assert.equal(forV.length, 1, 'one publish for the edited version, from the save');
    assert.ok(!forV[0].diagnostics.some((d) => d.code === 'cx-renamed-customer-service'));
  });

  it('cxLint.include limits linting to matching documents', async () => {
    client.settings = { include: ['postings/**'] };
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    assert.deepEqual(await client.diagnosticsFor(uri), []);
    const inside = client.uri('postings/a.md');
    await client.open(inside, readFileSync(join(dir, RENAMED), 'utf8'));
    assert.ok((await client.diagnosticsFor(inside)).length > 0);
  });

  it('lints a large document in a background worker: requests keep answering, edits wait for save', async function () {
    this.timeout(120000);
    client.settings = { largeFileSize: 200000 };
    const base = readFileSync(join(dir, CHARTER), 'utf8');
    const filler = Array.from({ length: 6000 }, (_, i) => `The team keeps note ${i} of how its quarterly planning went and what it changed.`).join('\n\n');
    const text = `${base}\n## Notes\n\n${filler}\n`;
    assert.ok(text.length > 400000);
    const uri = client.uri('big-charter.md');
    await client.open(uri, text);
    // Sent right after the open: answered while the worker lints, i.e. before the publish.
    const hover = await client.hover(uri, { line: 0, character: 0 });
    assert.equal(hover, null);
    assert.equal(client.diagnostics.all.filter((p) => p.uri === uri).length, 0, 'hover answered before the lint finished');
    const diags = await client.diagnosticsFor(uri);
    const doc = client.docs.get(uri)!;
    assert.deepEqual(
      diags.map((d) => [d.code, doc.offsetAt(d.range.start)]),
      engineFindings(dir, 'big-charter.md', text).map((f) => [f.ruleId, f.range.start]),
    );
    // Typing in a large document does not lint; saving does.
    const v = await client.replace(uri, 'our CX initiative', 'our CX programme');
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
    assert.deepEqual(actions, [], 'no actions from a stale result');
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await client.diagnostics.next((p) => p.uri === uri && p.version === v, 'publish after save', true);
    assert.ok(!after.diagnostics.some((d) => d.code === 'cx-as-initiative'));
    assert.equal(client.diagnostics.all.filter((p) => p.uri === uri && p.version === v).length, 1);
    // The worker kept the document's sections: the save re-parsed only the edited one,
    // and the result is a fresh lint's.
    const edited = client.docs.get(uri)!;
    assert.deepEqual(
      after.diagnostics.map((d) => [d.code, edited.offsetAt(d.range.start), edited.offsetAt(d.range.end)]),
      engineFindings(dir, 'big-charter.md', edited.getText()).map((f) => [f.ruleId, f.range.start, f.range.end]),
    );
    const stats = (await client.conn.sendRequest('cxLint/stats', {})) as { backgroundReused: number };
    assert.ok(stats.backgroundReused > 50, `sections reused by the save's lint: ${stats.backgroundReused}`);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    assert.ok((await client.diagnosticsFor(uri)).length > 0);
    await client.close(uri);
    const p = await client.diagnostics.next((x) => x.uri === uri, 'publish after close');
    assert.deepEqual(p.diagnostics, []);
  });

  it('lints the whole workspace on request, not only open documents', async () => {
    const r = (await client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.lintWorkspace' })) as any;
    assert.equal(r.files, 6);
    const uris = new Set(client.diagnostics.all.filter((p) => p.diagnostics.length).map((p) => p.uri));
    for (const rel of [RENAMED, CHARTER]) assert.ok(uris.has(client.uri(rel)), rel);
    const total = client.diagnostics.all.reduce((n, p) => n + p.diagnostics.length, 0);
    assert.equal(r.findings, total);
  });

  it('answers a cancelled request without dying', async () => {
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    const [d] = await client.diagnosticsFor(uri);
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
    const cts = new CancellationTokenSource();
    const pending = client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }, cts.token);
    cts.cancel();
    const outcome = await pending.then(
      (v) => ({ ok: true, v }),
      (e) => ({ ok: false, code: e.code }),
    );
    assert.ok(outcome.ok || (outcome as any).code === -32800, JSON.stringify(outcome));
    const actions = (await client.codeActions(uri, d.range, [d])) as CodeAction[];
    assert.ok(actions.length > 0);
  });

  it('reports status with the loaded packs and the finding count', async () => {
    const uri = client.uri(RENAMED);
    await client.open(uri, readFileSync(join(dir, RENAMED), 'utf8'));
    const diags: Diagnostic[] = await client.diagnosticsFor(uri);
    const s = await client.statuses.next((x) => x.findings === diags.length, 'status', true);
    assert.equal(s.state, 'ok');
    assert.ok(s.packs.some((p) => p.startsWith('cx-core@')));
  });
});

describe('cx-lint-language-server binary', () => {
  it('without a transport, prints usage and exits 2 instead of a stack trace', () => {
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage: cx-lint-language-server --stdio/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });
  it('--version prints the package version', () => {
    const r = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
