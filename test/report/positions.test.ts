import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toRange } from '../../server/src/lsp/convert';
import { LineIndex } from '../../server/src/report/positions';
import { run } from '../cli/run';
import { ROOT } from '../helpers/fixtures';
import { TestClient } from '../lsp/client';

describe('report: the CLI and the editor count lines and columns alike', function () {
  this.timeout(60000);

  it('every offset of any text (astral characters, CR, LF, CRLF) gets the position the server gives it', () => {
    const piece = fc.constantFrom('a', ' ', 'é', '\u{1F600}', '\r', '\n', '\r\n', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const idx = new LineIndex(text);
        const doc = TextDocument.create('file:///x.md', 'markdown', 0, text);
        for (let o = 0; o <= text.length; o++) {
          const { start } = toRange(doc, { start: o, end: o });
          assert.deepEqual(idx.at(o), { line: start.line + 1, column: start.character + 1 }, `offset ${o} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a CRLF posting with astral characters: the CLI json report and the published diagnostics point at the same places', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-lint-positions-'));
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
    const rel = 'customer-experience-associate.md';
    // An emoji (two UTF-16 units) at the start of every line, and CRLF line breaks.
    const text = readFileSync(join(dir, rel), 'utf8')
      .split('\n')
      .map((l) => (l.trim() && !/^(#|---|[-*] |\|)/.test(l) ? `\u{1F4DE} ${l}` : l))
      .join('\r\n');
    writeFileSync(join(dir, rel), text);
    const client = await TestClient.start({ rootDir: dir });
    try {
      const cli = run(dir, ['--format', 'json', rel]);
      const messages = (
        JSON.parse(cli.stdout) as { results: Array<{ messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }> }> }
      ).results[0].messages;
      assert.ok(messages.length > 0, `the posting has findings: ${cli.stderr}`);
      const uri = client.uri(rel);
      await client.open(uri, text);
      const diags = await client.diagnosticsFor(uri);
      const key = (ruleId: unknown, a: number, b: number, c: number, d: number) => `${String(ruleId)} ${a}:${b}-${c}:${d}`;
      assert.deepEqual(
        diags.map((d) => key(d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1)).sort(),
        messages.map((m) => key(m.ruleId, m.line, m.column, m.endLine, m.endColumn)).sort(),
      );
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
