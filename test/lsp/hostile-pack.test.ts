import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client';

/**
 * Issue 13 item 5 in the editor: a pack pattern that would backtrack exponentially is a
 * located error in the pack, and the server keeps answering instead of hanging on the
 * first document. A hung server would block its main thread, so the test kills it
 * after the timeout rather than waiting on `shutdown`.
 */
describe('language server: a costly pack pattern is an error, not a hang (issue 13 item 5)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-lsp-costly-'));
    mkdirSync(join(dir, 'pack', 'rules'), { recursive: true });
    const pattern = `${'[a] '.repeat(24)}b`;
    writeFileSync(
      join(dir, 'pack', 'pack.yaml'),
      `name: costly\nversion: 1.0.0\nrules: rules/*.yaml\nlexicons:\n  costly:\n    match:\n      - "${pattern}"\n`,
    );
    writeFileSync(
      join(dir, 'pack', 'rules', 'costly.yaml'),
      'id: costly\nseverity: warning\ndescription: Costly.\nappliesTo:\n  - kinds: [posting, charter, other]\ncheck:\n  type: phrase\n  class: costly\n  scope: document\nmessage: "Matched {match}."\n',
    );
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, packs: ['./pack'] }));
    client = await TestClient.start({ rootDir: dir });
  });

  after(async () => {
    if (client && client.proc.exitCode === null) {
      const stopped = client.stop();
      const timer = setTimeout(() => client!.proc.kill('SIGKILL'), 5_000);
      await stopped.catch(() => undefined);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the pattern at its place in pack.yaml and keeps answering', async () => {
    const uri = client!.uri('job.md');
    await client!.open(uri, `# Customer Experience Manager\n\n## Responsibilities\n\n- ${'a '.repeat(40)}c\n`);
    const packUri = pathToFileURL(join(dir, 'pack', 'pack.yaml')).href;
    const err = await client!.diagnostics.next((x) => x.uri === packUri && x.diagnostics.length > 0, 'pack diagnostic', true);
    assert.match(String(err.diagnostics[0].message), /this pattern can be laid over the same words in over a million ways/);
    assert.deepEqual(err.diagnostics[0].range.start, { line: 6, character: 41 }, 'at the item where the count passes the limit');
    assert.equal(await client!.hover(uri, { line: 0, character: 0 }), null, 'still answering');
  });
});
