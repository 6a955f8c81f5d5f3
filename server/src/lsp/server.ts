import { sep } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type ExecuteCommandParams,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentChangeEvent,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatReading, lint, type LintResult, type Reading } from '../engine';
import { packageVersion } from '../packs/builtin';
import { isInsideAny } from '../fs/inside';
import { clearConfigCache, CONFIG_NAMES, isFile, type ResolvedConfig } from '../config/load-config';
import type { PackError } from '../packs/diagnostics';
import { codeActions, fixAllEdit, FIX_ALL_KIND, workspaceEdit } from './code-actions';
import { ConfigProblems } from './config-problems';
import { clearLockCache, configForDocument, uriToPath, type DocumentConfig } from './document-config';
import { hoverAt } from './hover';
import { openRuleDocs } from './rule-docs';
import { BackgroundLinter } from './background-lint';
import { lintsOnMainThread } from './lint-cost';
import { publishedDiagnostics } from './published';
import { readingLens } from './reading-lens';
import { OpenDocument, RecentParseCaches, type Linted } from './open-document';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import {
  STATUS_NOTIFICATION,
  STATS_REQUEST,
  COMMANDS,
  type StatusParams,
  type LintWorkspaceResult,
  type ServerStats,
  type ShowReadingResult,
} from './protocol';
import { lintFileFromDisk, lintWorkspaceFiles } from './workspace-lint';

/** How long a document's resolved config is reused without a file-watcher event. */
const CONFIG_TTL_MS = 2000;

/** Default delay between the last keystroke and a lint; `initializationOptions.debounceMs` changes it. */
const DEFAULT_DEBOUNCE_MS = 150;

/**
 * Documents whose lint would hold the main thread for more than a few tens of
 * milliseconds (lint-cost.ts weighs them in one pass) are linted in the background
 * worker, as you type too, so that no document holds hover, code actions or other
 * documents for more than about 50 ms; ordinary postings are linted on the main thread,
 * and the worker is only started when a document needs it (decision 73, revised).
 */
export { MAIN_THREAD_MAX_COST, lintCost } from './lint-cost';

/** How many open documents keep their parsed sections (RecentParseCaches). */
const MAX_PARSE_CACHES = 4;

/** How long hover and code actions wait for the background lint of the current text. */
const WAIT_FOR_LINT_MS = 3000;

/**
 * Wires the engine to an LSP connection: documents, diagnostics, code actions,
 * hover, commands, settings and config watching. Nothing in here may throw out of a
 * handler: a broken config or a crashing rule becomes a diagnostic or a log line.
 *
 * State is one `OpenDocument` per open document (open-document.ts) plus what
 * concerns the workspace; the handlers are the named functions below, registered at
 * the end.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** The server's record of each open document; created on open, disposed on close. */
  const open = new Map<string, OpenDocument>();
  let folders: string[] = [];
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let initSettings: unknown;
  // VS Code's Restricted Mode sends false; other clients have no such notion (trusted).
  let trusted = true;
  let pushedSettings: unknown;
  const caps = {
    configuration: false,
    versionedEdits: false,
    watchDynamic: false,
    configDynamic: false,
    progress: false,
    folders: false,
    messageActions: false,
    codeLensRefresh: false,
  };
  let lastGeneration = 0;
  const parseCaches = new RecentParseCaches(MAX_PARSE_CACHES);

  // Files that are not open, linted from disk by Lint All Postings (workspace-lint.ts).
  const workspaceFiles = new Set<string>(); // uris it published
  const diskSettings = new Map<string, Promise<Settings>>();
  const diskConfigErrors = new Map<string, PackError[]>();
  // Lint All Postings has run (or the client asked for it at start, after a restart):
  // closed files then keep their findings from disk.
  let workspaceLinted = false;
  let lintWorkspaceAtStart = false;

  // What the loaded configs read, so that a change to one of those files re-lints.
  const knownPackDirs = new Set<string>();
  const knownConfigFiles = new Set<string>();
  let packsLabel: string[] = [];
  // Configurations already described in the output (logConfigInUse); cleared when they may change.
  const loggedConfigs = new Set<string>();

  const log = (msg: string) => connection.console.log(`[cx-lint] ${msg}`);
  /** Fire-and-forget requests to the client may be refused (e.g. no showMessageRequest support): log, never crash. */
  const quiet = (p: Promise<unknown>) => void p.catch((e) => log(`client request failed: ${(e as Error).message ?? String(e)}`));
  // The bundle itself is the worker script (see main.ts).
  const background = new BackgroundLinter(__filename, log);
  let backgroundReused = 0;
  const problems = new ConfigProblems({
    connection,
    publish: (uri, diagnostics) => publish(uri, diagnostics),
    log,
    publishedElsewhere: (uri) => open.has(uri) || workspaceFiles.has(uri),
    messageActions: () => caps.messageActions,
    quiet,
  });
  const showMessage = (type: MessageType, message: string) => problems.showMessage(type, message);

  // ---- lifecycle ------------------------------------------------------------

  function onInitialize(params: InitializeParams): InitializeResult {
    const c = params.capabilities;
    caps.configuration = !!c.workspace?.configuration;
    caps.versionedEdits = !!c.workspace?.workspaceEdit?.documentChanges;
    caps.watchDynamic = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    caps.configDynamic = !!c.workspace?.didChangeConfiguration?.dynamicRegistration;
    caps.progress = !!c.window?.workDoneProgress;
    // vscode-languageserver throws when folder events are subscribed to without client support.
    caps.folders = !!c.workspace?.workspaceFolders;
    // Clients that say so (VS Code does) get notifications with buttons (window/showMessageRequest).
    caps.messageActions = !!c.window?.showMessage;
    caps.codeLensRefresh = !!c.workspace?.codeLens?.refreshSupport;
    const opts = (params.initializationOptions ?? {}) as { debounceMs?: unknown; settings?: unknown; workspaceTrusted?: unknown; lintWorkspace?: unknown };
    // A restarted server is told that the workspace had been linted, and lints it again.
    lintWorkspaceAtStart = opts.lintWorkspace === true;
    trusted = opts.workspaceTrusted !== false;
    if (typeof opts.debounceMs === 'number' && opts.debounceMs >= 0) debounceMs = opts.debounceMs;
    initSettings = opts.settings;
    const wf = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    folders = wf?.length ? wf : params.rootUri ? [uriToPath(params.rootUri)].filter((p): p is string => !!p) : params.rootPath ? [params.rootPath] : [];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cx-lint-language-server', version: packageVersion() },
    };
  }

  function onInitialized(): void {
    log(
      `cx-lint-language-server ${packageVersion()} (Node ${process.version}); workspace folders: ${folders.join(', ') || 'none'}${trusted ? '' : '; Restricted Mode'}`,
    );
    if (caps.configDynamic) quiet(connection.client.register(DidChangeConfigurationNotification.type, { section: 'cxLint' }));
    if (caps.watchDynamic) {
      // Config files anywhere, and pack files (manifests, rules, docs) wherever they live.
      quiet(
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${CONFIG_NAMES.join(',')}}` }, { globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/cx-lint.lock.json' }],
        }),
      );
    }
    if (caps.folders) connection.workspace.onDidChangeWorkspaceFolders(onDidChangeWorkspaceFolders);
    if (lintWorkspaceAtStart) quiet(lintWorkspace());
  }

  function onDidChangeWorkspaceFolders(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
    folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
    for (const d of open.values()) d.config = undefined;
    relintAll();
  }

  // ---- settings -------------------------------------------------------------

  function fetchSettings(uri: string): Promise<Settings> {
    return caps.configuration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'cxLint' }).then(
          (v) => normalizeSettings(v ?? pushedSettings ?? initSettings, trusted),
          () => normalizeSettings(pushedSettings ?? initSettings, trusted),
        )
      : Promise.resolve(normalizeSettings(pushedSettings ?? initSettings, trusted));
  }

  /** A document's settings, asked once until they change (open documents keep them on their record). */
  function getSettings(uri: string): Promise<Settings> {
    const d = open.get(uri);
    if (!d) {
      let p = diskSettings.get(uri);
      if (!p) diskSettings.set(uri, (p = fetchSettings(uri)));
      return p;
    }
    const p = (d.settings ??= fetchSettings(uri));
    return p.then((s) => {
      // The record of a document closed meanwhile is gone; writing to it does no harm.
      d.settingsNow = s;
      return s;
    });
  }

  function onDidChangeConfiguration(params: DidChangeConfigurationParams): void {
    const s = (params.settings ?? {}) as Record<string, unknown>;
    if (s.cxLint !== undefined) pushedSettings = s.cxLint;
    diskSettings.clear();
    loggedConfigs.clear();
    for (const d of open.values()) {
      d.settings = undefined;
      d.config = undefined;
    }
    relintAll();
    // cxLint.codeLens may have changed: the client asks again.
    if (caps.codeLensRefresh) quiet(connection.sendRequest('workspace/codeLens/refresh'));
  }

  // ---- documents ------------------------------------------------------------

  function onDidOpen(e: TextDocumentChangeEvent<TextDocument>): void {
    const { uri } = e.document;
    open.get(uri)?.dispose(); // a second didOpen without a close: start afresh
    open.set(uri, new OpenDocument(uri, ++lastGeneration));
    // The open document's own lint publishes now; what the workspace lint knew of it goes.
    workspaceFiles.delete(uri);
    diskSettings.delete(uri);
    diskConfigErrors.delete(uri);
    schedule(uri, 0);
  }

  function onDidChangeContent(e: TextDocumentChangeEvent<TextDocument>): void {
    const d = open.get(e.document.uri);
    if (!d) return;
    if (d.justOpened) {
      d.justOpened = false; // the open itself, already scheduled
      return;
    }
    d.generation = ++lastGeneration;
    const s = d.settingsNow;
    if ((s && s.run === 'onSave') || isLarge(e.document, s)) return; // large documents: on open and save only
    schedule(d.uri, debounceMs);
  }

  function onDidSave(e: TextDocumentChangeEvent<TextDocument>): void {
    const s = open.get(e.document.uri)?.settingsNow;
    if (s?.run === 'onSave' || isLarge(e.document, s)) schedule(e.document.uri, 0);
  }

  function onDidClose(e: TextDocumentChangeEvent<TextDocument>): void {
    const uri = e.document.uri;
    const d = open.get(uri);
    if (d) {
      open.delete(uri);
      if (d.inBackground) background.forget(uri);
      parseCaches.drop(d);
      d.dispose();
    }
    const path = uriToPath(uri);
    const folder = path && folders.filter((f) => isInsideAny([f], path)).sort((a, b) => b.length - a.length)[0];
    if (workspaceLinted && path && folder && isFile(path)) {
      // After Lint All Postings a closed posting keeps its findings: those of the file on
      // disk (the editor's unsaved text is gone), as the workspace lint would publish them.
      quiet(
        lintFileFromDisk(diskLintHost(), path, folder).then((r) => {
          if (open.has(uri)) return; // reopened meanwhile: its own lint publishes
          if (!r || !('findings' in r)) publish(uri, []);
          finish();
        }),
      );
      return;
    }
    publish(uri, []); // no stale diagnostics for a closed document
    finish();
  }

  // ---- linting --------------------------------------------------------------

  function schedule(uri: string, delay: number): void {
    const d = open.get(uri);
    if (!d) return;
    clearTimeout(d.timer);
    // Only the latest request survives: a keystroke cancels the lint queued for the one before.
    d.timer = setTimeout(() => {
      d.timer = undefined;
      d.linting++;
      quiet(
        lintOpen(d).finally(() => {
          d.linting--;
          d.wakeWaiters();
        }),
      );
    }, delay);
  }

  function relintAll(): void {
    for (const d of documents.all()) schedule(d.uri, 0);
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    quiet(connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) }));
  }

  /** Lints the current text of an open document and publishes, unless a newer version arrived meanwhile. */
  async function lintOpen(d: OpenDocument): Promise<void> {
    const doc = documents.get(d.uri);
    if (!doc) return;
    const version = doc.version;
    const generation = d.generation;
    const settings = await getSettings(d.uri);
    const now = documents.get(d.uri);
    if (!now || open.get(d.uri) !== d || d.generation !== generation) return; // stale: a newer run is queued
    if (!settings.enable) {
      d.linted = undefined;
      d.configErrors = [];
      publish(d.uri, [], version);
      return finish('disabled', 'cx-lint is disabled (cxLint.enable)');
    }
    if (offMainThread(now, settings)) {
      parseCaches.drop(d); // the worker keeps this document's sections now
      d.inBackground = true;
      return lintInBackground(d, now, settings);
    }
    if (d.inBackground) {
      d.inBackground = false; // shrank below the size cap
      background.forget(d.uri);
    }
    const r = lintDocument(d, now, settings);
    if (d.generation !== generation) return;
    publish(d.uri, r ? publishedDiagnostics(now, r.result.findings, settings) : [], version);
    finish();
  }

  /** Linted on open and save only (cxLint.largeFileSize), in the worker. */
  function isLarge(doc: TextDocument, settings: Settings | undefined): boolean {
    return doc.getText().length > (settings?.largeFileSize ?? DEFAULT_SETTINGS.largeFileSize);
  }

  /** Linted in the worker (as you type too, unless large). */
  function offMainThread(doc: TextDocument, settings: Settings | undefined): boolean {
    return !lintsOnMainThread(doc.getText()) || isLarge(doc, settings);
  }

  /** Large documents: config on this thread (cached), the lint itself in the worker, so requests keep flowing. */
  async function lintInBackground(d: OpenDocument, doc: TextDocument, settings: Settings): Promise<void> {
    const { version } = doc;
    const generation = d.generation;
    const dc = resolveFor(d, settings);
    if (!dc) {
      publish(d.uri, [], version);
      return finish();
    }
    const res = await background.lint({ uri: d.uri, version: generation, text: doc.getText(), settings, folders });
    if (!res || d.generation !== generation || open.get(d.uri) !== d) return; // superseded by a newer text
    if (!res.ok) {
      log(`background lint of ${d.uri} failed: ${res.reason}`);
      d.linted = undefined;
      publish(d.uri, [], version);
      return finish();
    }
    backgroundReused = res.reused;
    d.linted = { generation, version, result: res.result, cfg: dc.cfg, relPath: dc.relPath };
    publish(d.uri, publishedDiagnostics(doc, res.result.findings, settings), version);
    finish();
  }

  /**
   * Finding and reading the config files costs about as much as linting a small posting
   * (a stat per folder up to the root), so a document's config is reused while it is
   * fresh: until a watched file or the settings change, or for CONFIG_TTL_MS at most,
   * for clients that do not watch files (Neovim 0.7) and watchers that drop events.
   */
  function documentConfig(d: OpenDocument, settings: Settings): DocumentConfig {
    const hit = d.config;
    const now = Date.now();
    if (hit && hit.settings === settings && now - hit.at < CONFIG_TTL_MS) return hit.dc;
    const dc = configForDocument(d.uri, settings, folders);
    d.config = { at: now, settings, dc };
    return dc;
  }

  /** The config for a document, recording its errors; undefined when it has errors or is excluded. */
  function resolveFor(d: OpenDocument, settings: Settings): { cfg: ResolvedConfig; relPath: string | undefined } | undefined {
    const dc = documentConfig(d, settings);
    if (!dc.ok) {
      d.linted = undefined;
      d.configErrors = dc.errors;
      return undefined;
    }
    d.configErrors = [];
    d.settingsProblems = dc.settingsProblems;
    remember(dc.cfg);
    if (dc.excluded) {
      d.linted = undefined;
      return undefined;
    }
    return { cfg: dc.cfg, relPath: dc.relPath };
  }

  /** Lints one document synchronously; records config errors. Undefined when not linted. */
  function lintDocument(d: OpenDocument, doc: TextDocument, settings: Settings): Linted | undefined {
    const dc = resolveFor(d, settings);
    if (!dc) return undefined;
    let result: LintResult;
    try {
      result = lint(doc.getText(), dc.cfg.setup, { filePath: dc.relPath, parseCache: parseCaches.take(d) });
    } catch (e) {
      // An engine bug must not take the editor's linting down with it.
      log(`internal error linting ${d.uri}: ${(e as Error).stack ?? String(e)}`);
      d.linted = undefined;
      return undefined;
    }
    d.linted = { generation: d.generation, version: doc.version, result, cfg: dc.cfg, relPath: dc.relPath };
    return d.linted;
  }

  /** The lint of a document's current version, computing it now when the queued run has not happened yet. */
  function current(d: OpenDocument, doc: TextDocument): Linted | undefined {
    if (d.current) return d.current;
    const settings = d.settingsNow ?? normalizeSettings(pushedSettings ?? initSettings, trusted);
    if (!settings.enable) return undefined;
    // Longer documents are linted in the background; answering from a stale result could misplace edits.
    if (offMainThread(doc, settings)) return undefined;
    return lintDocument(d, doc, settings);
  }

  /**
   * current(), but for a document linted in the background as you type, waits (at most
   * WAIT_FOR_LINT_MS) for the lint of its current text, which a change always queues.
   */
  async function settled(uri: string, token?: CancellationToken): Promise<{ doc: TextDocument; l: Linted } | undefined> {
    const deadline = Date.now() + WAIT_FOR_LINT_MS;
    for (;;) {
      const doc = documents.get(uri);
      const d = open.get(uri);
      if (!doc || !d) return undefined;
      const l = current(d, doc);
      if (l) return { doc, l };
      // Large documents wait for a save; asking would only delay the answer.
      if (isLarge(doc, d.settingsNow ?? (await getSettings(uri)))) return undefined;
      const left = deadline - Date.now();
      if (!d.pending || left <= 0 || token?.isCancellationRequested) return undefined;
      await d.waitForLint(left);
    }
  }

  function remember(cfg: ResolvedConfig): void {
    for (const p of cfg.packs) knownPackDirs.add(p.dir);
    for (const f of cfg.files) knownConfigFiles.add(f);
    packsLabel = cfg.packs.map((p) => `${p.pack.name}@${p.pack.version}`);
    logConfigInUse(cfg);
  }

  /**
   * Says in the output which config files and packs lint the documents under a config's
   * folder, once per configuration (again after a config, pack or setting changes), so
   * that "why is this rule on?" starts with a look at the output.
   */
  function logConfigInUse(cfg: ResolvedConfig): void {
    const packFiles = new Set(cfg.packs.flatMap((p) => p.files));
    const configFiles = cfg.files.filter((f) => !packFiles.has(f));
    const packs = cfg.packs.map((p) => `${p.pack.name}@${p.pack.version} ${cfg.sources.get(p) === '(built-in)' ? '(built-in)' : `from ${p.dir}`}`);
    const line = `configuration for ${cfg.baseDir}: ${configFiles.length ? `config file${configFiles.length > 1 ? 's' : ''} ${configFiles.join(', ')}` : 'no config file (the defaults)'}; packs: ${packs.join(', ')}`;
    if (loggedConfigs.has(line)) return;
    loggedConfigs.add(line);
    log(line);
  }

  /** Every document's config errors: open documents', then those of files linted from disk. */
  function* allConfigErrors(): Iterable<[string, PackError[]]> {
    for (const d of open.values()) if (d.configErrors.length) yield [d.uri, d.configErrors];
    yield* diskConfigErrors;
  }

  /** Shows config and settings problems where they belong, and reports status. */
  function finish(state?: StatusParams['state'], message?: string): void {
    const firstError = problems.showConfigErrors(allConfigErrors(), folders);
    problems.showSettingsProblems([...open.values()].map((d) => d.settingsProblems));
    let findings = 0;
    for (const d of open.values()) findings += d.linted?.result.findings.length ?? 0;
    const status: StatusParams = firstError
      ? { state: 'error', message: `configuration error: ${firstError.message}`, findings, packs: packsLabel }
      : { state: state ?? 'ok', message, findings, packs: packsLabel };
    quiet(connection.sendNotification(STATUS_NOTIFICATION, status));
  }

  // ---- config and pack files ------------------------------------------------

  function onDidChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    const relevant = params.changes.some((c) => {
      const p = uriToPath(c.uri);
      if (!p) return false;
      const base = p.slice(p.lastIndexOf(sep) + 1);
      if (CONFIG_NAMES.includes(base) || base === 'cx-lint.lock.json' || knownConfigFiles.has(p)) return true;
      for (const d of knownPackDirs) if (p.startsWith(d + sep)) return true;
      return false;
    });
    if (!relevant) return;
    log('configuration or pack changed; re-linting open documents');
    clearConfigCache();
    clearLockCache();
    background.reloadConfigs();
    for (const d of open.values()) d.config = undefined;
    knownConfigFiles.clear();
    knownPackDirs.clear();
    loggedConfigs.clear();
    relintAll();
    if (workspaceFiles.size) quiet(lintWorkspace());
  }

  // ---- features -------------------------------------------------------------

  async function onCodeAction(params: CodeActionParams, token: CancellationToken) {
    if (!documents.get(params.textDocument.uri) || token.isCancellationRequested) return null;
    const { doc, l } = (await settled(params.textDocument.uri, token)) ?? {};
    if (!doc || !l || token.isCancellationRequested) return [];
    return codeActions({ doc, result: l.result, setup: l.cfg.setup, relPath: l.relPath, versioned: caps.versionedEdits }, params.range, params.context.only);
  }

  async function onHover(params: HoverParams, token: CancellationToken) {
    if (!documents.get(params.textDocument.uri) || token.isCancellationRequested) return null;
    const { doc, l } = (await settled(params.textDocument.uri, token)) ?? {};
    return doc && l ? hoverAt(doc, l.result, l.cfg.setup, params.position) : null;
  }

  async function onExecuteCommand(params: ExecuteCommandParams) {
    if (params.command === COMMANDS.openRuleDocs) return openRuleDocs(connection, params.arguments);
    if (params.command === COMMANDS.applyFixAll) return applyFixAll(params.arguments?.[0] as string | { uri: string } | undefined);
    if (params.command === COMMANDS.lintWorkspace) return lintWorkspace();
    if (params.command === COMMANDS.showReading) return showReading(params.arguments?.[0]);
    return null;
  }

  /**
   * How an open document's current text was read, computed on the first request for
   * it (a second lint with the reading, of the same setup and parse cache). Undefined
   * when it is not linted, or linted in the background (too costly for this thread).
   */
  async function readingOf(uri: string, token?: CancellationToken): Promise<{ reading: Reading; l: Linted } | undefined> {
    const d = open.get(uri);
    const { doc, l } = (await settled(uri, token)) ?? {};
    if (!d || !doc || !l || open.get(uri) !== d || d.inBackground || offMainThread(doc, d.settingsNow)) return undefined;
    if (d.reading?.generation !== l.generation) {
      let reading: Reading | undefined;
      try {
        reading = lint(doc.getText(), l.cfg.setup, { filePath: l.relPath, parseCache: parseCaches.take(d), reading: true }).reading;
      } catch (e) {
        log(`internal error reading ${uri}: ${(e as Error).stack ?? String(e)}`);
      }
      d.reading = { generation: l.generation, reading };
    }
    return d.reading.reading ? { reading: d.reading.reading, l } : undefined;
  }

  async function onCodeLens(params: CodeLensParams, token: CancellationToken): Promise<CodeLens[]> {
    const uri = params.textDocument.uri;
    const settings = open.has(uri) ? await getSettings(uri) : undefined;
    if (!settings?.enable || !settings.codeLens || token.isCancellationRequested) return [];
    const r = await readingOf(uri, token);
    const lens = r && readingLens(uri, r.reading, r.l.cfg.setup);
    return lens ? [lens] : [];
  }

  async function showReading(arg: unknown): Promise<ShowReadingResult | null> {
    const uri = typeof arg === 'string' ? arg : (arg as { uri?: unknown } | undefined)?.uri;
    if (typeof uri !== 'string') return null;
    const r = await readingOf(uri);
    if (!r) {
      showMessage(MessageType.Info, 'cx-lint: this document is not linted, so there is no reading to show.');
      return null;
    }
    return { text: formatReading(r.reading, r.l.relPath ?? uriToPath(uri) ?? uri) };
  }

  async function applyFixAll(arg: string | { uri: string } | undefined): Promise<{ applied: boolean; reason?: string }> {
    const uri = typeof arg === 'string' ? arg : arg?.uri;
    if (!uri || !documents.get(uri)) return { applied: false, reason: 'document is not open' };
    const { doc, l } = (await settled(uri)) ?? {};
    if (!doc) return { applied: false, reason: 'document is not open' };
    const edit = l && fixAllEdit({ doc, result: l.result, setup: l.cfg.setup, relPath: l.relPath });
    if (!edit) {
      // Said, not just returned: a command that does nothing silently looks broken.
      const n = l?.result.findings.length ?? 0;
      const why = !l
        ? 'this document is not linted'
        : n
          ? `none of its ${n} finding${n === 1 ? ' has a' : 's has a'} safe fix; see the quick fixes (Ctrl+.) for each`
          : 'it has no findings';
      showMessage(MessageType.Info, `cx-lint: nothing safe to fix in this document: ${why}.`);
      return { applied: false, reason: 'nothing to fix' };
    }
    const r = await connection.workspace.applyEdit({ label: 'cx-lint: fix all', edit: workspaceEdit({ doc, versioned: caps.versionedEdits }, [edit]) });
    return { applied: r.applied, reason: r.failureReason };
  }

  /** What lintWorkspaceFiles and lintFileFromDisk need of the server. */
  function diskLintHost() {
    return {
      settingsFor: getSettings,
      publish: (uri: string, diagnostics: Diagnostic[]) => {
        // Opened meanwhile (a workspace lint at start runs while the editor opens files):
        // the document's own lint, of the editor's text, publishes.
        if (open.has(uri)) return;
        workspaceFiles.add(uri);
        publish(uri, diagnostics);
      },
      onConfigError: (uri: string, errors: PackError[]) => {
        if (open.has(uri)) return; // its own lint records its config errors
        if (errors.length) diskConfigErrors.set(uri, errors);
        else diskConfigErrors.delete(uri);
      },
      log,
      onMainThread: lintsOnMainThread,
      lintInBackground: async (uri: string, text: string, settings: Settings) => {
        const res = await background.lint({ uri, version: ++lastGeneration, text, settings, folders });
        // The worker keeps the sections of documents it lints; this one is not open.
        if (!open.has(uri)) background.forget(uri);
        if (res && !res.ok) log(`background lint of ${uri} failed: ${res.reason}`);
        return res?.ok ? res.result : undefined;
      },
    };
  }

  async function lintWorkspace(): Promise<LintWorkspaceResult> {
    workspaceLinted = true;
    const progress = caps.progress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('cx-lint', 0, 'Linting workspace postings', true);
    try {
      const res = await lintWorkspaceFiles({
        ...diskLintHost(),
        folders,
        isOpen: (uri) => open.has(uri),
        openFindings: async (uri) => (await settled(uri))?.l.result.findings.length,
        settingsFor: getSettings,
        cancelled: () => !!progress?.token.isCancellationRequested,
        report: (done, total, message) => progress?.report(total ? Math.round((done / total) * 100) : 0, message ?? `${done}/${total}`),
        warn: (message) => showMessage(MessageType.Warning, message),
      });
      finish();
      return res;
    } finally {
      progress?.done();
    }
  }

  // Diagnostics for soak tests and bug reports: memory and what the server holds.
  // Only while asked for: an idle editor's server should not wake up every few ms.
  let stalls: IntervalHistogram | undefined;
  function onStats(params: { gc?: boolean; blocking?: 'start' | 'stop' } | undefined): ServerStats {
    const g = globalThis as { gc?: () => void };
    if (params?.gc && g.gc) g.gc();
    const m = process.memoryUsage();
    const longestBlockMs = stalls ? stalls.max / 1e6 : undefined;
    if (params?.blocking === 'start') {
      stalls?.disable();
      stalls = monitorEventLoopDelay({ resolution: 5 });
      stalls.enable();
    } else if (params?.blocking === 'stop') {
      stalls?.disable();
      stalls = undefined;
    }
    const records = [...open.values()];
    return {
      heapUsed: m.heapUsed,
      rss: m.rss,
      documents: documents.all().length,
      linted: records.filter((d) => d.linted).length,
      timers: records.filter((d) => d.timer).length,
      configErrors: records.filter((d) => d.configErrors.length).length + diskConfigErrors.size,
      workspaceFiles: workspaceFiles.size,
      parseCaches: parseCaches.size,
      backgroundReused,
      workerRunning: background.hasWorker,
      ...(longestBlockMs !== undefined ? { longestBlockMs } : {}),
      gc: !!g.gc,
    };
  }

  // ---- registration ---------------------------------------------------------

  connection.onInitialize(onInitialize);
  connection.onInitialized(onInitialized);
  connection.onShutdown(() => background.dispose());
  connection.onDidChangeConfiguration(onDidChangeConfiguration);
  connection.onDidChangeWatchedFiles(onDidChangeWatchedFiles);
  connection.onCodeAction(onCodeAction);
  connection.onHover(onHover);
  connection.onCodeLens(onCodeLens);
  connection.onExecuteCommand(onExecuteCommand);
  connection.onRequest(STATS_REQUEST, onStats);
  documents.onDidOpen(onDidOpen);
  documents.onDidChangeContent(onDidChangeContent);
  documents.onDidSave(onDidSave);
  documents.onDidClose(onDidClose);
  documents.listen(connection);
  connection.listen();
}
