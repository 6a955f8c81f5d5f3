/**
 * Language-server latency: starts `node dist/server.js --stdio`, speaks LSP over
 * stdio, and measures didChange → publishDiagnostics for small incremental edits
 * (debounce switched off with initializationOptions.debounceMs = 0), and the
 * server's memory with 20 postings open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { percentile } from './stats';

export interface LspDocResult {
  name: string;
  bytes: number;
  changes: number;
  timeouts: number;
  p50: number;
  p95: number;
  max: number;
}
export interface LspResult {
  skipped?: string;
  docs: LspDocResult[];
  /** Peak and current RSS (MB) of a fresh server after opening 20 postings. */
  rss20?: { peakMB: number; currentMB: number };
  /** While a 5 MB document is linted: the slowest hover / code action answer (ms). */
  bigDocBlocking?: { hoverMaxMs: number; codeActionMaxMs: number; requests: number; firstRequestMs: number; serverLongestBlockMs: number };
}

/** The language server's default cxLint.largeFileSize (characters). */
const LARGE_FILE_SIZE = 1048576;

interface Diag {
  uri: string;
  version?: number;
}

class Client {
  readonly conn: ProtocolConnection;
  private waiters: Array<{ uri: string; version: number; resolve: () => void }> = [];
  constructor(readonly proc: ChildProcess) {
    this.conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Diag) => {
      // A server that reports versions must reach the version we sent; one that does not counts its next publish.
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || (p.version !== undefined && p.version !== null && p.version < w.version)) return true;
        w.resolve();
        return false;
      });
    });
    // Answer whatever the server asks (configuration, registrations, progress) with nothing.
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    for (const m of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh'])
      this.conn.onRequest(m, () => null);
    this.conn.listen();
  }
  diagnostics(uri: string, version: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      const waiter = {
        uri,
        version,
        resolve: () => {
          clearTimeout(t);
          resolve(true);
        },
      };
      this.waiters.push(waiter);
    });
  }
}

function rssOf(pid: number): { peakMB: number; currentMB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(/^(\w+):\s+(\d+)/m.exec(status.split('\n').find((l) => l.startsWith(k + ':')) ?? '')?.[2] ?? NaN);
    return { peakMB: kb('VmHWM') / 1024, currentMB: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** Starts `node <serverJs> --stdio` and initialises it with the debounce switched off. */
async function startServer(serverJs: string, root: string): Promise<Client> {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const client = new Client(proc);
  await client.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: {
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      workspace: { configuration: true },
    },
    initializationOptions: { debounceMs: 0 },
  });
  client.conn.sendNotification('initialized', {});
  return client;
}

async function stopServer(client: Client): Promise<void> {
  await client.conn.sendRequest('shutdown').catch(() => null);
  client.conn.sendNotification('exit');
  client.conn.dispose();
  client.proc.kill();
}

export async function benchLsp(opts: {
  serverJs: string;
  root: string;
  docs: Array<{ name: string; file: string }>;
  postings: string[];
  changes: number;
  bigDoc?: string;
}): Promise<LspResult> {
  if (!existsSync(opts.serverJs)) return { skipped: `${opts.serverJs} does not exist (the language server is not built in this checkout)`, docs: [] };
  const result: LspResult = { docs: [] };
  // Latency: one server types into each document in turn.
  let client = await startServer(opts.serverJs, opts.root);
  let { conn } = client;
  try {
    for (const d of opts.docs) {
      const text = readFileSync(d.file, 'utf8');
      const uri = pathToFileURL(d.file).href;
      let version = 1;
      const first = client.diagnostics(uri, version, 120_000);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      await first;
      // Type into the middle of a line about half way down, one character at a time, then delete it again.
      const at = text.indexOf('\n', Math.floor(text.length / 2));
      const lines = text.slice(0, at).split('\n');
      const line = lines.length - 1;
      const character = lines[line].length;
      const times: number[] = [];
      let timeouts = 0;
      let typed = 0;
      // Above the server's size cap (cxLint.largeFileSize, 1 MiB) a document is linted on
      // save, in a worker, not on each change: measure change + save → diagnostics there.
      const large = text.length > LARGE_FILE_SIZE;
      const changes = large ? Math.min(opts.changes, 20) : opts.changes;
      for (let i = 0; i < changes; i++) {
        version++;
        const insert = i % 20 < 10;
        const change = insert
          ? { range: { start: { line, character: character + typed }, end: { line, character: character + typed } }, text: 'x' }
          : { range: { start: { line, character: character + typed - 1 }, end: { line, character: character + typed } }, text: '' };
        typed += insert ? 1 : -1;
        const done = client.diagnostics(uri, version, 10_000);
        const t0 = performance.now();
        conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        if (large) conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
        if (await done) times.push(performance.now() - t0);
        else timeouts++;
      }
      conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      result.docs.push({
        name: large ? `${d.name} (on save, worker)` : d.name,
        bytes: Buffer.byteLength(text),
        changes,
        timeouts,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: Math.max(...times),
      });
    }
  } finally {
    await stopServer(client);
  }

  // Memory with 20 postings open, in a fresh server (the documents above would set its
  // peak), then the 5 MB document in that same server.
  client = await startServer(opts.serverJs, opts.root);
  ({ conn } = client);
  try {
    for (const file of opts.postings.slice(0, 20)) {
      const uri = pathToFileURL(file).href;
      const seen = client.diagnostics(uri, 1, 30_000);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
      await seen;
    }
    result.rss20 = rssOf(client.proc.pid!);

    if (opts.bigDoc) {
      // Open a 5 MB document, then keep asking for hover and code actions on a small one
      // until the big one's diagnostics arrive. The server also times its own longest
      // main-thread stall meanwhile (cxLint/stats).
      const small = pathToFileURL(opts.postings[0]).href;
      const big = pathToFileURL(opts.bigDoc).href;
      const bigDone = client.diagnostics(big, 1, 300_000);
      let finished = false;
      void bigDone.then(() => (finished = true));
      await conn.sendRequest('cxLint/stats', { blocking: 'start' });
      conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: big, languageId: 'markdown', version: 1, text: readFileSync(opts.bigDoc, 'utf8') },
      });
      let hoverMax = 0;
      let actionMax = 0;
      let requests = 0;
      let firstRequestMs = 0;
      const pos = { line: 0, character: 3 };
      const until = performance.now() + 300_000;
      while (!finished && performance.now() < until) {
        const t0 = performance.now();
        await conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: pos }).catch(() => null);
        const hover = performance.now() - t0;
        // The first request queues behind the 5 MB message itself: the client serialising
        // it and the pipe carrying it, before the server can read anything else.
        if (requests === 0) firstRequestMs = hover;
        else hoverMax = Math.max(hoverMax, hover);
        const t1 = performance.now();
        await conn
          .sendRequest('textDocument/codeAction', { textDocument: { uri: small }, range: { start: pos, end: pos }, context: { diagnostics: [] } })
          .catch(() => null);
        actionMax = Math.max(actionMax, performance.now() - t1);
        requests += 2;
        await new Promise((r) => setTimeout(r, 5));
      }
      await bigDone;
      const stats = (await conn.sendRequest('cxLint/stats', { blocking: 'stop' })) as { longestBlockMs?: number };
      result.bigDocBlocking = { hoverMaxMs: hoverMax, codeActionMaxMs: actionMax, requests, firstRequestMs, serverLongestBlockMs: stats.longestBlockMs ?? NaN };
    }
  } finally {
    await stopServer(client);
  }
  return result;
}
