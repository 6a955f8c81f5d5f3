/**
 * A long editing session against the real server: 1,000 documents opened and closed,
 * 10,000 rapid incremental edits across several documents with requests cancelled out
 * of order, and config changes mid-stream. Afterwards the diagnostics must equal a
 * fresh lint of the final text, closed documents must hold none, and memory must come
 * back near where it started. The numbers are printed (README "What cx-lint promises").
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
// The bench's seeded PRNG (mulberry32), so a failing soak can be replayed.
import { rng } from '../../bench/corpus';
import { lintText, loadConfig } from '../../server/src/api';
import type { ServerStats } from '../../server/src/lsp/protocol';
import { ROOT } from '../helpers/fixtures';
import { TestClient } from './client';

const WORDS = [
  'customer',
  'calls',
  'journey',
  'initiative',
  'own the customer experience',
  'tickets',
  'NPS',
  'with product and operations',
  '\n- ',
  '\n## Responsibilities\n',
  'é',
  '🙂',
  '\r\n',
  'pilot',
  'handle time',
];

type Stats = ServerStats;

const MB = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

describe('language server soak (1,000 documents, 10,000 edits)', function () {
  this.timeout(600000);
  let dir: string;
  let client: TestClient;
  const stats = () => client.conn.sendRequest('cxLint/stats', { gc: true }) as Promise<Stats>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-soak-'));
    cpSync(join(ROOT, 'examples'), dir, { recursive: true, filter: (s) => !s.includes(join('examples', 'packs')) });
    client = await TestClient.start({ rootDir: dir, execArgv: ['--expose-gc'], initializationOptions: { debounceMs: 5 } });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives, stays exact and returns its memory', async () => {
    const samples = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    // Warm up (pack compiled, code paths hot) before taking the baseline.
    const warm = client.uri('warm.md');
    await client.open(warm, samples[0]);
    await client.diagnosticsFor(warm);
    await client.close(warm);
    const base = await stats();
    assert.equal(base.gc, true);

    // Phase 1: 1,000 documents opened (in batches of 50) and closed.
    const t1 = Date.now();
    for (let b = 0; b < 20; b++) {
      const uris = Array.from({ length: 50 }, (_, i) => client.uri(`many/doc-${b * 50 + i}.md`));
      await Promise.all(uris.map((u, i) => client.open(u, samples[(b + i) % samples.length] + `\n<!-- ${u} -->\n`)));
      await Promise.all(uris.map((u) => client.diagnosticsFor(u)));
      await Promise.all(uris.map((u) => client.close(u)));
      await Promise.all(uris.map((u) => client.diagnostics.next((p) => p.uri === u && p.diagnostics.length === 0, `empty publish for closed ${u}`, true)));
    }
    const openClose = Date.now() - t1;
    const afterOpenClose = await stats();
    assert.equal(afterOpenClose.documents, 0);
    assert.equal(afterOpenClose.linted, 0, 'no lint results kept for closed documents');
    assert.equal(afterOpenClose.parseCaches, 0, 'no parse caches kept for closed documents');

    // Phase 2: 10,000 edits over 5 open documents, cancelled requests, config changes.
    const random = rng(20261123);
    const uris = samples.slice(0, 5).map((_, i) => client.uri(`edit-${i}.md`));
    for (let i = 0; i < uris.length; i++) await client.open(uris[i], samples[i]);
    const rc = join(dir, '.cxlintrc.json');
    const pending: Array<{ cts: CancellationTokenSource; p: Promise<unknown> }> = [];
    const t2 = Date.now();
    for (let n = 0; n < 10000; n++) {
      const uri = uris[Math.floor(random() * uris.length)];
      const doc = client.docs.get(uri)!;
      const len = doc.getText().length;
      const at = Math.floor(random() * (len + 1));
      const r = random();
      if (r < 0.6 || len < 200) {
        await client.change(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: WORDS[Math.floor(random() * WORDS.length)] }]);
      } else {
        const end = Math.min(len, at + 1 + Math.floor(random() * 12));
        await client.change(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: '' }]);
      }
      if (n % 50 === 0) {
        const cts = new CancellationTokenSource();
        const method = random() < 0.5 ? 'textDocument/hover' : 'textDocument/codeAction';
        const pos = doc.positionAt(Math.floor(random() * len));
        const params =
          method === 'textDocument/hover'
            ? { textDocument: { uri }, position: pos }
            : { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } };
        pending.push({
          cts,
          p: client.conn.sendRequest(method, params, cts.token).then(
            () => 'done',
            (e: { code?: number }) => e.code,
          ),
        });
      }
      if (n % 170 === 0 && pending.length) {
        // Cancel a random earlier request: some are answered already, some are not.
        pending.splice(Math.floor(random() * pending.length), 1)[0].cts.cancel();
      }
      if (n === 3000) writeFileSync(rc, JSON.stringify({ rules: { 'cx-as-initiative': 'off', 'cx-silo-ownership': 'error' } }));
      if (n === 6000) writeFileSync(rc, '{ "rules": { "cx-as-initiative": "loud" } }');
      if (n === 7000) writeFileSync(rc, JSON.stringify({ rules: { 'cx-no-voice-of-customer': 'off' } }));
      if (n === 3000 || n === 6000 || n === 7000)
        await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
      // Edits arrive faster than the debounce, so nothing would be linted until they stop:
      // wait for the broken config to be reported before typing on.
      if (n === 6000) await client.diagnostics.next((p) => p.uri === pathToFileURL(rc).href && p.diagnostics.length > 0, 'the broken config reported');
    }
    for (const x of pending) x.cts.cancel();
    const outcomes = await Promise.all(pending.map((x) => x.p));
    assert.ok(
      outcomes.every((o) => o === 'done' || o === -32800),
      `requests answered or cancelled: ${[...new Set(outcomes)].join(',')}`,
    );
    const edits = Date.now() - t2;

    // Final state: each document's last publish is for its final version and equals a fresh lint.
    for (const uri of uris) {
      const diags = await client.diagnosticsFor(uri);
      const text = client.text(uri);
      const file = join(dir, uri.slice(uri.lastIndexOf('/') + 1));
      const expected = lintText(text, { filePath: file, config: loadConfig(file) }).findings;
      const doc = client.docs.get(uri)!;
      assert.deepEqual(
        diags.map((d) => [d.code, doc.offsetAt(d.range.start), doc.offsetAt(d.range.end), d.severity]),
        expected.map((f) => [f.ruleId, f.range.start, f.range.end, { error: 1, warning: 2, info: 3, hint: 4 }[f.severity]]),
        `${uri} matches a fresh lint`,
      );
      assert.ok(!diags.some((d) => d.code === 'cx-no-voice-of-customer'), 'the last config applies');
    }
    const rcUri = pathToFileURL(rc).href;
    // The fixed config's cleared publish may come after the documents' last ones (a
    // loaded machine re-lints them first): wait for it rather than race it.
    const lastRc = () => client.diagnostics.all.filter((p) => p.uri === rcUri).at(-1);
    if (lastRc()?.diagnostics.length) await client.diagnostics.next((p) => p.uri === rcUri && p.diagnostics.length === 0, 'the fixed config cleared');
    const rcPublishes = client.diagnostics.all.filter((p) => p.uri === rcUri);
    assert.ok(
      rcPublishes.some((p) => p.diagnostics.length > 0),
      'the broken config was shown',
    );
    assert.deepEqual(rcPublishes.at(-1)!.diagnostics, [], 'and cleared when fixed');

    for (const uri of uris) await client.close(uri);
    await Promise.all(uris.map((u) => client.diagnostics.next((p) => p.uri === u && p.diagnostics.length === 0, `cleared ${u}`, true)));
    const end = await stats();
    assert.equal(end.documents, 0);
    assert.equal(end.linted, 0);
    assert.equal(end.parseCaches, 0);
    assert.equal(end.timers, 0, 'no lint left queued for closed documents');
    assert.equal(end.configErrors, 0);
    const grown = end.heapUsed - base.heapUsed;
    console.log(
      `      soak: 1,000 open/close in ${(openClose / 1000).toFixed(1)} s; 10,000 edits in ${(edits / 1000).toFixed(1)} s; ` +
        `heap ${MB(base.heapUsed)} → ${MB(afterOpenClose.heapUsed)} after open/close → ${MB(end.heapUsed)} at the end (${grown >= 0 ? '+' : ''}${MB(grown)}); RSS ${MB(base.rss)} → ${MB(end.rss)}`,
    );
    // A leak of even 10 KB per document or per 100 edits would exceed this.
    assert.ok(grown < 10 * 1048576, `heap grew by ${MB(grown)}`);
  });
});
