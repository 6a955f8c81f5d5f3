/**
 * Issue 15, "Bugs", through the real language server over stdio: settings errors are
 * settings errors; config mistakes are placed at their key or value with the nearest
 * valid name; .cxlintrc.json is JSON with comments; a pack's package.json marker is no
 * config; the "Reports to" fix neither repeats nor invents; Lint All Postings counts
 * and keeps its results; fix-all says when there is nothing to fix; one preferred fix;
 * and (issue 13) no lockfile above the workspace folder in Restricted Mode.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers/fixtures';
import { applyTo, exampleWorkspacePerTest, TestClient } from './client';
import { CLI } from '../cli/run';

const RENAMED = 'customer-experience-associate.md';
const PACK = join(ROOT, 'examples', 'packs', 'cx-association-titles');

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

/** A CX charter whose reporting line names no executive (cx-no-executive-sponsor fires). */
const charter = (reportsTo: string, frontMatter = '') =>
  `${frontMatter}# Head of Customer Experience — Role Charter\n\n## Purpose\n\nMake customer experience part of how every team works.\n\n## Accountabilities\n\n- Run the voice-of-the-customer programme with product and operations\n- Lead the customer experience team\n${reportsTo}`;

describe('language server: issue 15 bugs', function () {
  this.timeout(60_000);
  const lsp = exampleWorkspacePerTest('cx-lint-lsp-15-');

  describe('1. errors in the cxLint.rules setting', () => {
    for (const withConfig of [false, true]) {
      it(`are settings errors (Open Settings, output), on no file, and linting goes on with the rest (${withConfig ? 'with' : 'without'} a .cxlintrc.json)`, async () => {
        if (withConfig) writeFileSync(join(lsp.dir, '.cxlintrc.json'), '{ "rules": { "cx-as-initiative": "warning" } }\n');
        const settings = { rules: { 'cx-renamed-customer-servic': 'off', 'cx-renamed-sales': ['warning', { minShare: 7 }], 'cx-no-voice-of-customer': 'off' } };
        lsp.client = await TestClient.start({
          rootDir: lsp.dir,
          settings,
          messageActions: true,
          pick: (p) => p.actions?.find((a) => a.title === 'Open Settings') ?? null,
        });
        const uri = lsp.client.uri(RENAMED);
        await lsp.client.open(uri, readFileSync(join(lsp.dir, RENAMED), 'utf8'));
        // Linted: the misspelt entry is left out, the valid one ("off") applies.
        const diags = await lsp.client.diagnosticsFor(uri, (d) => d.length > 0);
        assert.ok(codes(diags).includes('cx-renamed-customer-service'), codes(diags).join(','));
        assert.ok(!codes(diags).includes('cx-no-voice-of-customer'), 'the valid setting applies');
        assert.ok(!codes(diags).includes('config-error'));
        const m = await lsp.client.messages.next((x) => /settings error/.test(x.message), 'the settings error', true);
        assert.match(m.message, /cxLint\.rules/);
        assert.deepEqual(
          m.actions?.map((a) => a.title),
          ['Open Settings'],
        );
        const open = await lsp.client.notifications.next((n) => n.method === 'cxLint/openSettings', 'open settings', true);
        assert.deepEqual(open.params, { query: 'cxLint.rules' });
        const log = await lsp.client.logs.next(
          (l) => /unknown rule "cx-renamed-customer-servic".*Did you mean "cx-renamed-customer-service"/.test(l.message),
          'the error in the output',
          true,
        );
        assert.ok(log);
        await lsp.client.logs.next(
          (l) => /option "minShare" of rule "cx-renamed-sales" must be a number from 0 to 1 \(got 7\)/.test(l.message),
          'the option error in the output',
          true,
        );
        // Never blamed on a file: not the folder, not .cxlintrc.json, not the document.
        assert.deepEqual(
          lsp.client.diagnostics.all.filter((p) => p.diagnostics.some((d) => d.code === 'config-error')),
          [],
        );
        assert.ok(!lsp.client.diagnostics.all.some((p) => p.uri === pathToFileURL(lsp.dir).href || p.uri === lsp.client!.uri('.cxlintrc.json')));
        const status = await lsp.client.statuses.next(() => true, 'a status', true);
        assert.equal(status.state, 'ok');
      });
    }

    it('8. a client that declares message actions but refuses window/showMessageRequest gets a plain notification, with no unhandled rejection', async () => {
      lsp.client = await TestClient.start({
        rootDir: lsp.dir,
        settings: { rules: { 'no-such-rule': 'error' } },
        messageActions: true,
        showMessageRequest: false,
      });
      const uri = lsp.client.uri(RENAMED);
      await lsp.client.open(uri, readFileSync(join(lsp.dir, RENAMED), 'utf8'));
      const m = await lsp.client.messages.next((x) => /settings error/.test(x.message), 'the settings error as a notification');
      assert.equal(m.type, 2);
      assert.equal(await lsp.client.hover(uri, { line: 2, character: 0 }), null);
      assert.doesNotMatch(lsp.client.stderr, /unhandled rejection/);
    });
  });

  describe('2 and 3. config mistakes are placed at their key or value; .cxlintrc.json is JSON with comments', () => {
    const rcDiagnostics = async (text: string) => {
      writeFileSync(join(lsp.dir, '.cxlintrc.json'), text);
      lsp.client = await TestClient.start({ rootDir: lsp.dir });
      await lsp.client.open(lsp.client.uri(RENAMED), readFileSync(join(lsp.dir, RENAMED), 'utf8'));
      const p = await lsp.client.diagnostics.next(
        (x) => x.uri === lsp.client!.uri('.cxlintrc.json') && x.diagnostics.length > 0,
        'errors in .cxlintrc.json',
        true,
      );
      return p.diagnostics;
    };

    it('an unknown preset: at its entry, with the nearest preset', async () => {
      const [d] = await rcDiagnostics('{\n  // house style\n  "extends": [\n    "cx-core/recomended"\n  ],\n}\n');
      assert.deepEqual(d.range.start, { line: 3, character: 4 });
      assert.match(String(d.message), /unknown preset "cx-core\/recomended".*Did you mean "cx-core\/recommended"\?/);
    });

    it('unknown and mistyped options and rules: each at its key or value, saying what is allowed', async () => {
      const ds = await rcDiagnostics(
        [
          '{',
          '  "rules": {',
          '    "cx-renamed-sale": "warning",',
          '    "cx-renamed-customer-service": ["warning", {',
          '      "minShar": 0.4,',
          '      "minShare": -1,',
          '      "class": "customer"',
          '    }]',
          '  }',
          '}',
          '',
        ].join('\n'),
      );
      const at = (re: RegExp) => ds.find((d) => re.test(String(d.message)))?.range.start;
      assert.deepEqual(at(/unknown rule "cx-renamed-sale".*Did you mean "cx-renamed-sales"/), { line: 2, character: 4 });
      assert.deepEqual(at(/no option "minShar".*Did you mean "minShare"\?.*Its options: minShare \(a number from 0 to 1\)/), { line: 4, character: 6 });
      assert.deepEqual(at(/option "minShare" .* must be a number from 0 to 1 \(got -1\)/), { line: 5, character: 18 });
      assert.deepEqual(at(/no option "class"/), { line: 6, character: 6 });
      assert.ok(!ds.some((d) => d.range.start.line === 0 && d.range.start.character === 0), 'nothing at 1:1');
    });

    it('a JSON syntax error says JSON, at the place; comments and trailing commas are fine', async () => {
      const [d] = await rcDiagnostics('{\n  /* ok */ "rules": {}\n  "root": true\n}\n');
      assert.match(String(d.message), /^JSON syntax error: expected "," between items/);
      assert.doesNotMatch(String(d.message), /YAML/);
      assert.deepEqual(d.range.start, { line: 2, character: 2 });
    });
  });

  it('4. the example pack: its package.json marker is not a config, and its README is linted', async () => {
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const uri = pathToFileURL(join(lsp.dir, 'packs', 'cx-association-titles', 'README.md')).href;
    await lsp.client.open(uri, readFileSync(join(lsp.dir, 'packs', 'cx-association-titles', 'README.md'), 'utf8'));
    await lsp.client.diagnosticsFor(uri);
    const status = await lsp.client.statuses.next(() => true, 'a status', true);
    assert.equal(status.state, 'ok', status.message);
    assert.ok(!lsp.client.diagnostics.all.some((p) => p.uri.endsWith('package.json')), 'nothing published on package.json');
  });

  describe('5. the "Reports to" fix', () => {
    const sponsorFinding = async (text: string) => {
      lsp.client ??= await TestClient.start({ rootDir: lsp.dir });
      const uri = lsp.client.uri(`charter-${lsp.client.docs.size}.md`);
      await lsp.client.open(uri, text);
      const diags = await lsp.client.diagnosticsFor(uri);
      const d = diags.find((x) => x.code === 'cx-no-executive-sponsor');
      assert.ok(d, `the rule fires: ${codes(diags).join(',')}`);
      return { uri, d, actions: await lsp.client.codeActions(uri, d.range, [d]) };
    };

    for (const [where, text] of [
      ['a line', charter('\nReports to: Director of Operations\n')],
      ['a bold label', charter('\n**Reports to:** Director of Operations\n')],
      ['a table', charter('\n| Role | |\n|---|---|\n| Reports to | Director of Operations |\n')],
      ['front matter', charter('', '---\ntype: charter\nreports_to: Director of Operations\n---\n')],
    ] as const) {
      it(`is not offered when the charter already says "Reports to" (${where})`, async () => {
        const { actions } = await sponsorFinding(text);
        assert.ok(!actions.some((a) => /Reports to/.test(a.title)), actions.map((a) => a.title).join(' | '));
      });
    }

    it('inserts a placeholder, never an invented executive, and the rule keeps reporting until it is filled', async () => {
      const text = charter('');
      const { uri, actions } = await sponsorFinding(text);
      const fix = actions.find((a) => /Reports to/.test(a.title));
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      const after = applyTo(text, fix.edit!, uri);
      const added = after.slice(after.indexOf('## Reports to'));
      assert.ok(after.includes('## Reports to'), after);
      assert.match(added, /TODO/);
      assert.doesNotMatch(added, /CEO|Chief Executive|Officer/i);
      await lsp.client!.applyWorkspaceEdit(fix.edit!);
      const diags = await lsp.client!.diagnosticsFor(uri);
      assert.ok(codes(diags).includes('cx-no-executive-sponsor'), 'still reported');
      const again = await lsp.client!.codeActions(uri, diags.find((x) => x.code === 'cx-no-executive-sponsor')!.range, []);
      assert.ok(!again.some((a) => /Reports to/.test(a.title)), 'not offered a second time');
    });
  });

  describe('6. Lint All Postings', () => {
    const cliCounts = () => {
      const r = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: lsp.dir, encoding: 'utf8' });
      const results = (JSON.parse(r.stdout) as { results: Array<{ messages: unknown[] }> }).results;
      return { files: results.length, findings: results.reduce((n, x) => n + x.messages.length, 0) };
    };

    it('counts open documents once, as files and as findings, as the CLI counts the same folder', async () => {
      const expected = cliCounts();
      lsp.client = await TestClient.start({ rootDir: lsp.dir });
      for (const f of [RENAMED, 'customer-service-advisor.md', 'head-of-cx-charter.md'])
        await lsp.client.open(lsp.client.uri(f), readFileSync(join(lsp.dir, f), 'utf8'));
      const res = (await lsp.client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.lintWorkspace', arguments: [] })) as {
        files: number;
        findings: number;
      };
      assert.deepEqual({ files: res.files, findings: res.findings }, expected);
    });

    it('keeps a file’s results when it is opened and closed unchanged', async () => {
      lsp.client = await TestClient.start({ rootDir: lsp.dir });
      await lsp.client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.lintWorkspace', arguments: [] });
      const uri = lsp.client.uri(RENAMED);
      const before = lsp.client.diagnostics.all.filter((p) => p.uri === uri).at(-1)!.diagnostics;
      assert.ok(before.length > 0);
      await lsp.client.open(uri, readFileSync(join(lsp.dir, RENAMED), 'utf8'));
      await lsp.client.diagnosticsFor(uri);
      const seen = lsp.client.diagnostics.all.length;
      await lsp.client.close(uri);
      const after = await lsp.client.diagnostics.next(
        (p) => p.uri === uri && lsp.client!.diagnostics.all.indexOf(p) >= seen,
        'diagnostics after the close',
        true,
      );
      assert.deepEqual(codes(after.diagnostics), codes(before));
    });

    it('a restarted server told the workspace was linted (initializationOptions.lintWorkspace) publishes its results again', async () => {
      lsp.client = await TestClient.start({ rootDir: lsp.dir, initializationOptions: { debounceMs: 0, lintWorkspace: true } });
      const p = await lsp.client.diagnostics.next((x) => x.uri === lsp.client!.uri(RENAMED), 'the results of a file that is not open', true);
      assert.ok(codes(p.diagnostics).includes('cx-renamed-customer-service'));
    });
  });

  it('7. Fix All Safe Problems with nothing safe to fix says so', async () => {
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const uri = lsp.client.uri(RENAMED);
    await lsp.client.open(uri, readFileSync(join(lsp.dir, RENAMED), 'utf8'));
    assert.ok((await lsp.client.diagnosticsFor(uri)).length > 0);
    const r = (await lsp.client.conn.sendRequest('workspace/executeCommand', { command: 'cx-lint.applyFixAll', arguments: [uri] })) as { applied: boolean };
    assert.equal(r.applied, false);
    const m = await lsp.client.messages.next((x) => /nothing safe to fix/.test(x.message), 'the feedback', true);
    assert.equal(m.type, 3);
    assert.match(m.message, /quick fixes/);
  });

  it('8. two packs offering a fix for the same text: exactly one action is preferred', async () => {
    mkdirSync(join(lsp.dir, 'house', 'rules', 'house-initiative'), { recursive: true });
    writeFileSync(join(lsp.dir, 'house', 'pack.yaml'), 'name: house\nversion: 1.0.0\nrules: rules/*/rule.yaml\n');
    writeFileSync(
      join(lsp.dir, 'house', 'rules', 'house-initiative', 'rule.yaml'),
      'id: house-initiative\nseverity: warning\ndescription: House wording.\nappliesTo:\n  - kinds: [posting, charter]\ncheck:\n  type: phrase\n  class: initiative-framing\n  scope: role\nmessage: "“{match}” sounds temporary."\nfixes:\n  - type: substitute\n    title: Replace “{original}” with “{replacement}” (house)\n',
    );
    writeFileSync(join(lsp.dir, '.cxlintrc.json'), '{ "packs": ["./house"] }');
    lsp.client = await TestClient.start({ rootDir: lsp.dir });
    const uri = lsp.client.uri('initiative.md');
    await lsp.client.open(
      uri,
      '# Customer Experience Manager\n\n## Responsibilities\n\n- Lead our new CX initiative with operations and marketing\n- Run journey mapping with product teams\n',
    );
    const diags = await lsp.client.diagnosticsFor(uri);
    const both = diags.filter((d) => d.code === 'cx-as-initiative' || d.code === 'house-initiative');
    assert.equal(both.length, 2, codes(diags).join(','));
    const actions = await lsp.client.codeActions(uri, both[0].range, both);
    assert.equal(actions.filter((a) => /^Replace/.test(a.title)).length, 2);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, preferred.map((a) => a.title).join(' | '));
    // The more severe finding's fix (house-initiative is a warning, cx-as-initiative info).
    assert.match(preferred[0].title, /\(house\)$/);
  });

  it('issue 13: in Restricted Mode no lockfile above the workspace folder is read (trusted, it is)', async () => {
    const base = mkdtempSync(join(tmpdir(), 'cx-lint-lock-'));
    try {
      const ws = join(base, 'ws');
      mkdirSync(ws);
      cpSync(PACK, join(ws, 'pack'), { recursive: true });
      writeFileSync(join(ws, '.cxlintrc.json'), JSON.stringify({ packs: ['./pack'] }));
      // Above the workspace: a lockfile that has not reviewed the pack.
      writeFileSync(join(base, 'cx-lint.lock.json'), JSON.stringify({ lockfileVersion: 1, engine: '1.0.0', packs: {} }));
      const posting = readFileSync(join(ROOT, 'examples', RENAMED), 'utf8');
      for (const trusted of [true, false]) {
        const c = (lsp.client = await TestClient.start({ rootDir: ws, initializationOptions: { debounceMs: 0, workspaceTrusted: trusted } }));
        const uri = c.uri('a.md');
        await c.open(uri, posting);
        const status = await c.statuses.next(() => true, 'a status', true);
        if (trusted) {
          assert.equal(status.state, 'error');
          assert.match(status.message ?? '', /cx-lint\.lock\.json/);
        } else {
          assert.equal(status.state, 'ok', status.message);
          assert.ok(codes(await c.diagnosticsFor(uri)).includes('cx-renamed-customer-service'));
        }
        await c.stop();
        lsp.client = undefined;
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
