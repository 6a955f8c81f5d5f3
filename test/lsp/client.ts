/**
 * A small LSP client for tests: spawns the real server (`node dist/server.js --stdio`)
 * and speaks JSON-RPC to it with vscode-languageserver-protocol. Every wait is on a
 * notification or a response, never on a timer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../helpers/fixtures';

export const SERVER = join(ROOT, 'dist', 'server.js');

export interface Status {
  state: string;
  message?: string;
  findings: number;
  packs: string[];
}

type Waiter<T> = { pred: (v: T) => boolean; resolve: (v: T) => void; reject: (e: Error) => void; what: string; timer: NodeJS.Timeout };

/** Resolves when `pred` holds for a value pushed later (or the latest one already seen). */
class Stream<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];
  push(v: T): void {
    this.all.push(v);
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred(v)) return true;
      clearTimeout(w.timer);
      w.resolve(v);
      return false;
    });
  }
  /** Waits for the next value satisfying `pred` (values already seen are not considered unless `includeSeen`). */
  next(pred: (v: T) => boolean, what: string, includeSeen = false, ms = 15000): Promise<T> {
    if (includeSeen) {
      const hit = [...this.all].reverse().find(pred);
      if (hit) return Promise.resolve(hit);
    }
    return new Promise((resolve, reject) => {
      // A deadline, not a sleep: fails the test with a message instead of hanging mocha.
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({ pred, resolve, reject, what, timer });
    });
  }
}

export interface ClientOptions {
  rootDir: string;
  /** Returned for workspace/configuration (section cxLint); null when absent, as Neovim does. */
  settings?: Record<string, unknown> | null;
  initializationOptions?: Record<string, unknown>;
  /** Declare workspace/configuration support (default true). */
  configuration?: boolean;
  /** Extra node flags for the server process (e.g. --expose-gc). */
  execArgv?: string[];
  /** Answer window/showMessageRequest (default true); false: the client lacks it, as some editors do. */
  showMessageRequest?: boolean;
  /** Declare window.showMessage (message action items), as VS Code does (default false). */
  messageActions?: boolean;
  /** Answer window/showDocument (default true); false: the client lacks it (LSP before 3.16). */
  showDocument?: boolean;
  /** The action picked on a window/showMessageRequest (default: none, as when the user dismisses it). */
  pick?: (p: { type: number; message: string; actions?: Array<{ title: string }> }) => { title: string } | null;
}

export class TestClient {
  readonly diagnostics = new Stream<PublishDiagnosticsParams>();
  readonly statuses = new Stream<Status>();
  readonly messages = new Stream<{ type: number; message: string; actions?: Array<{ title: string }> }>();
  readonly logs = new Stream<{ type: number; message: string }>();
  readonly notifications = new Stream<{ method: string; params: unknown }>();
  /** window/showDocument requests: what the server asked the editor to show. */
  readonly shownDocuments = new Stream<{ uri: string; external?: boolean; takeFocus?: boolean }>();
  /** $/progress notifications: the token of a work-done progress (to cancel it) and its reports. */
  readonly progress = new Stream<{ token: string | number; value: { kind: string; title?: string; message?: string; cancellable?: boolean } }>();
  readonly docs = new Map<string, TextDocument>();
  settings: Record<string, unknown> | null;
  configurationRequests = 0;
  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
    readonly rootDir: string,
    settings: Record<string, unknown> | null,
    public init?: InitializeResult,
  ) {
    this.settings = settings;
  }

  stderr = '';

  static async start(opts: ClientOptions): Promise<TestClient> {
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { cwd: opts.rootDir, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new TestClient(proc, conn, opts.rootDir, opts.settings ?? null);
    proc.stderr!.on('data', (d) => (c.stderr += String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => c.diagnostics.push(p));
    conn.onNotification('cxLint/status', (p: Status) => c.statuses.push(p));
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => c.messages.push(p));
    if (opts.showMessageRequest ?? true)
      conn.onRequest('window/showMessageRequest', (p: { type: number; message: string; actions?: Array<{ title: string }> }) => {
        c.messages.push(p);
        return opts.pick?.(p) ?? null;
      });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => c.logs.push(p));
    conn.onNotification('cxLint/openSettings', (p: unknown) => c.notifications.push({ method: 'cxLint/openSettings', params: p }));
    conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      c.configurationRequests++;
      return p.items.map((i) => (i.section === 'cxLint' ? c.settings : null));
    });
    if (opts.showDocument ?? true)
      conn.onRequest('window/showDocument', (p: { uri: string; external?: boolean }) => {
        c.shownDocuments.push(p);
        return { success: true };
      });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string } }) => c.progress.push(p));
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      c.applyWorkspaceEdit(p.edit);
      return { applied: true };
    });
    conn.listen();
    c.init = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(opts.rootDir).href,
      workspaceFolders: [{ uri: pathToFileURL(opts.rootDir).href, name: 'ws' }],
      initializationOptions: opts.initializationOptions ?? { debounceMs: 0 },
      capabilities: {
        workspace: {
          configuration: opts.configuration ?? true,
          workspaceEdit: { documentChanges: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: {
          workDoneProgress: true,
          ...((opts.showDocument ?? true) ? { showDocument: { support: true } } : {}),
          ...(opts.messageActions ? { showMessage: { messageActionItem: { additionalPropertiesSupport: false } } } : {}),
        },
      },
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  uri(rel: string): string {
    return pathToFileURL(join(this.rootDir, rel)).href;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  async open(uri: string, text: string): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const d = this.docs.get(uri)!;
    const next = TextDocument.update(d, changes, d.version + 1);
    this.docs.set(uri, next);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  /** Replaces `from` (first occurrence) with `to` as one incremental change. */
  async replace(uri: string, from: string, to: string): Promise<number> {
    const d = this.docs.get(uri)!;
    const at = d.getText().indexOf(from);
    if (at < 0) throw new Error(`"${from}" not in ${uri}`);
    return this.change(uri, [{ range: { start: d.positionAt(at), end: d.positionAt(at + from.length) }, text: to }]);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics published for the document's current version. */
  async diagnosticsFor(uri: string, pred: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const version = this.docs.get(uri)?.version;
    const p = await this.diagnostics.next(
      (x) => x.uri === uri && (version === undefined || x.version === version) && pred(x.diagnostics),
      `diagnostics for ${uri} v${version}`,
      true,
    );
    return p.diagnostics;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<
      CodeAction[]
    >;
  }

  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
  }

  /** Applies a WorkspaceEdit to the client's copies and sends the didChange, as an editor would. */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    const perUri: Array<[string, Array<{ range: Range; newText: string }>, number | null | undefined]> = [];
    for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc) perUri.push([dc.textDocument.uri, dc.edits as any, dc.textDocument.version]);
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.push([uri, edits, undefined]);
    for (const [uri, edits, version] of perUri) {
      const d = this.docs.get(uri);
      if (!d) throw new Error(`edit for a document that is not open: ${uri}`);
      if (version !== undefined && version !== null && version !== d.version) throw new Error(`edit for version ${version}, document is at ${d.version}`);
      const text = TextDocument.applyEdits(d, edits);
      await this.change(uri, [{ text }]);
    }
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) throw new Error(`the server died (exit ${this.proc.exitCode}): ${this.stderr}`);
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) await new Promise((r) => this.proc.once('exit', r));
  }
}

/** Applies edits to a text (what the editor would show after a code action). */
export function applyTo(text: string, edit: WorkspaceEdit, uri: string): string {
  const d = TextDocument.create(uri, 'markdown', 0, text);
  const edits = edit.documentChanges?.flatMap((dc) => ('textDocument' in dc && dc.textDocument.uri === uri ? dc.edits : [])) ?? edit.changes?.[uri] ?? [];
  return TextDocument.applyEdits(d, edits as any);
}

/**
 * A fresh copy of examples/ for each test of the enclosing suite, and the server that
 * test starts (assign it to `client`), stopped if still running and removed after it.
 */
export function exampleWorkspacePerTest(prefix: string): { dir: string; client: TestClient | undefined } {
  const ws: { dir: string; client: TestClient | undefined } = { dir: '', client: undefined };
  beforeEach(() => {
    ws.dir = mkdtempSync(join(tmpdir(), prefix));
    cpSync(join(ROOT, 'examples'), ws.dir, { recursive: true });
  });
  afterEach(async () => {
    const client = ws.client;
    if (client && client.proc.exitCode === null && client.proc.signalCode === null) await client.stop();
    ws.client = undefined;
    rmSync(ws.dir, { recursive: true, force: true });
  });
  return ws;
}
