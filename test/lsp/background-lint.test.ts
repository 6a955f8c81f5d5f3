import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ABANDON_AFTER_MS, BackgroundLinter, type BackgroundRequest, type BackgroundResponse } from '../../server/src/lsp/background-lint';

/**
 * The large-document queue (server/src/lsp/background-lint.ts) with a stand-in worker
 * whose "lint" is a busy wait of `text` milliseconds, so that replies can be made to
 * arrive while the main thread is busy — the races a review found.
 */
const FAKE_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
const forgotten = [];
let done = 0;
parentPort.on('message', (m) => {
  if ('forget' in m) { forgotten.push(m.forget); return; }
  if (m.text === 'crash') process.exit(3);
  const until = Date.now() + Number(m.text); while (Date.now() < until) {}
  parentPort.postMessage({ ok: true, uri: m.uri, version: m.version, result: { threadId, forgotten: [...forgotten], done: ++done }, reused: 0 });
});
`;

const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    /* the main thread parsing a big message, say */
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const req = (uri: string, version: number, workMs: number | 'crash'): BackgroundRequest => ({
  uri,
  version,
  text: String(workMs),
  settings: {} as BackgroundRequest['settings'],
  folders: [],
});
type Reply = { uri: string; version: number; result?: { threadId: number; forgotten: string[]; done: number }; ok: boolean } | undefined;
const view = (r: BackgroundResponse | undefined): Reply => r && { uri: r.uri, version: r.version, ok: r.ok, ...(r.ok ? { result: r.result as never } : {}) };

describe('background lint queue (large documents)', function () {
  this.timeout(30_000);
  let dir: string;
  let linter: BackgroundLinter;
  const logs: string[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-lint-bg-'));
    writeFileSync(join(dir, 'worker.js'), FAKE_WORKER);
  });
  beforeEach(() => {
    logs.length = 0;
    linter = new BackgroundLinter(join(dir, 'worker.js'), (m) => logs.push(m));
  });
  afterEach(() => linter.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a newer version answers the running one with undefined, lets it finish in the same worker, then lints the newer one', async () => {
    const v1 = linter.lint(req('X', 1, 300));
    await sleep(100);
    const v2 = linter.lint(req('X', 2, 10));
    assert.equal(await v1, undefined);
    const r2 = view(await v2);
    assert.equal(r2?.version, 2);
    assert.equal(r2?.result?.done, 2, 'version 1 ran to the end in the same worker (which keeps its parsed sections)');
  });

  it('a reply already in flight when a newer version arrives is not handed to the newer job', async () => {
    await linter.lint(req('X', 1, 10)); // warm worker
    const v3 = linter.lint(req('X', 3, 100));
    busy(400); // the worker finishes v3 and posts while this thread is busy
    const v4 = linter.lint(req('X', 4, 10));
    assert.equal(await v3, undefined);
    assert.deepEqual([view(await v4)?.uri, view(await v4)?.version], ['X', 4]);
  });

  it('closing a document whose reply is in flight does not hand that reply to the next job', async () => {
    await linter.lint(req('W', 1, 10));
    const y = linter.lint(req('Y', 1, 100));
    const z = linter.lint(req('Z', 1, 10));
    busy(400);
    linter.forget('Y');
    assert.equal(await y, undefined);
    const rz = view(await z);
    assert.deepEqual([rz?.uri, rz?.version], ['Z', 1]);
    assert.deepEqual(rz?.result?.forgotten, ['Y'], 'the worker was told to drop Y before linting Z');
  });

  it('a worker that dies answers its job with an error, and the next job gets a new worker', async () => {
    const first = view(await linter.lint(req('A', 1, 10)));
    const crashed = await linter.lint(req('B', 1, 'crash'));
    assert.equal(crashed?.ok, false);
    assert.match(crashed && !crashed.ok ? crashed.reason : '', /exited/);
    const after = view(await linter.lint(req('C', 1, 10)));
    assert.equal(after?.ok, true);
    assert.notEqual(after?.result?.threadId, first?.result?.threadId);
  });

  it(`a superseded lint still running ${ABANDON_AFTER_MS} ms after it started is abandoned: the worker restarts and the newer version is linted`, async () => {
    const first = view(await linter.lint(req('A', 1, 10)));
    const hung = linter.lint(req('T', 1, 120_000)); // a hostile document that takes minutes
    await sleep(100);
    const next = linter.lint(req('T', 2, 10));
    assert.equal(await hung, undefined);
    const r = view(await next);
    assert.deepEqual([r?.uri, r?.version, r?.ok], ['T', 2, true]);
    assert.notEqual(r?.result?.threadId, first?.result?.threadId, 'a new worker');
    assert.ok(
      logs.some((l) => /abandoned T v1/.test(l)),
      logs.join('\n'),
    );
  });
});
