import { sep } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, ParseCache, type LintResult } from '../engine';
import { packageVersion } from '../packs/builtin';
import { isInsideAny } from '../fs/inside';
import { readTextSafely, READ_CAPS } from '../fs/safe-read';
import { clearConfigCache, CONFIG_NAMES, isFile, type ResolvedConfig } from '../packs/config';
import type { PackError } from '../packs/diagnostics';
import { codeActions, fixAllEdit, FIX_ALL_KIND, workspaceEdit } from './code-actions';
import { SOURCE, toDiagnostic } from './convert';
import { clearLockCache, configForDocument, uriToPath, type DocumentConfig } from './document-config';
import { hoverAt } from './hover';
import { openRuleDocs } from './rule-docs';
import { BackgroundLinter } from './background-lint';
import { lintsOnMainThread } from './lint-cost';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { STATUS_NOTIFICATION, STATS_REQUEST, COMMANDS, OPEN_SETTINGS_NOTIFICATION, type StatusParams, type LintWorkspaceResult, type ServerStats } from './protocol';
import { lintFileFromDisk, lintWorkspaceFiles } from './workspace-lint';

/** The button on a settings error (decision 85). */
const OPEN_SETTINGS = 'Open Settings';

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

/**
 * Open documents linted on the main thread whose parsed sections are kept, so that an
 * edit re-parses only its own section: the most recently linted ones. A posting's
 * sections take about a megabyte; one being edited keeps its own, and a document
 * edited again after falling out re-parses in full once (a few ms on this thread).
 */
export const MAX_PARSE_CACHES = 4;

/** How long hover and code actions wait for the background lint of the current text. */
const WAIT_FOR_LINT_MS = 3000;

interface Linted {
  /** The text's generation (see `generations`): versions alone may repeat. */
  generation: number;
  version: number;
  result: LintResult;
  cfg: ResolvedConfig;
  relPath: string | undefined;
}

/**
 * Wires the engine to an LSP connection: documents, diagnostics, code actions,
 * hover, commands, settings and config watching. Nothing in here may throw out of a
 * handler: a broken config or a crashing rule becomes a diagnostic or a log line.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let initSettings: unknown;
  // VS Code's Restricted Mode sends false; other clients have no such notion (trusted).
  let trusted = true;
  let pushedSettings: unknown;
  const caps = { configuration: false, versionedEdits: false, watchDynamic: false, configDynamic: false, progress: false, folders: false, messageActions: false };

  const settingsCache = new Map<string, Promise<Settings>>();
  const settingsNow = new Map<string, Settings>();
  const linted = new Map<string, Linted>();
  // Each open document's parsed sections: a keystroke re-parses only the section it is in.
  const parseCaches = new Map<string, ParseCache>();
  const timers = new Map<string, NodeJS.Timeout>();
  // Every text an open document has had gets a new number. Clients number versions, but
  // some reuse one (a didChange with the didOpen's version): the generation, not the
  // version, says whether a lint is of the current text.
  const generations = new Map<string, number>();
  let lastGeneration = 0;
  // didOpen also fires onDidChangeContent; that one is the open itself.
  const justOpened = new Set<string>();
  // Hover and code actions waiting for a background lint of the current text.
  const lintWaiters = new Map<string, Array<() => void>>();
  // Lints under way per document (a newer one may start while an older one awaits).
  const linting = new Map<string, number>();
  const configErrors = new Map<string, PackError[]>(); // document uri → errors of its config
  // document uri → problems with the cxLint.rules setting (in no file: shown as settings errors)
  const settingsProblems = new Map<string, string[]>();
  let lastSettingsText = '';
  let errorFilesShown = new Set<string>(); // config/pack file uris holding published error diagnostics
  let errorDocsShown = new Set<string>(); // document uris showing errors of files outside the workspace
  let lastErrorText = '';
  const workspaceFiles = new Set<string>(); // uris published by lintWorkspace that are not open
  const knownPackDirs = new Set<string>();
  const configCache = new Map<string, { at: number; settings: Settings; dc: DocumentConfig }>();
  const knownConfigFiles = new Set<string>();
  let packsLabel: string[] = [];
  // Lint All Postings has run (or the client asked for it at start, after a restart):
  // closed files then keep their findings from disk.
  let workspaceLinted = false;
  let lintWorkspaceAtStart = false;

  const log = (msg: string) => connection.console.log(`[cx-lint] ${msg}`);
  // The bundle itself is the worker script (see main.ts).
  const background = new BackgroundLinter(__filename, log);
  let backgroundReused = 0;
  // Documents the worker has linted (and keeps parsed sections of).
  const inBackground = new Set<string>();
  connection.onShutdown(() => background.dispose());
  /** Fire-and-forget requests to the client may be refused (e.g. no showMessageRequest support): log, never crash. */
  const quiet = (p: Promise<unknown>) => void p.catch((e) => log(`client request failed: ${(e as Error).message ?? String(e)}`));

  connection.onInitialize((params): InitializeResult => {
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
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cx-lint-language-server', version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    if (caps.configDynamic) quiet(connection.client.register(DidChangeConfigurationNotification.type, { section: 'cxLint' }));
    if (caps.watchDynamic) {
      // Config files anywhere, and pack files (manifests, rules, docs) wherever they live.
      quiet(
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${CONFIG_NAMES.join(',')}}` }, { globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/cx-lint.lock.json' }],
        }),
      );
    }
    if (caps.folders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
        configCache.clear();
        relintAll();
      });
    }
    if (lintWorkspaceAtStart) quiet(lintWorkspace());
  });

  // ---- settings -------------------------------------------------------------

  function getSettings(uri: string): Promise<Settings> {
    let p = settingsCache.get(uri);
    if (!p) {
      p = caps.configuration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'cxLint' }).then(
            (v) => normalizeSettings(v ?? pushedSettings ?? initSettings, trusted),
            () => normalizeSettings(pushedSettings ?? initSettings, trusted),
          )
        : Promise.resolve(normalizeSettings(pushedSettings ?? initSettings, trusted));
      settingsCache.set(uri, p);
    }
    return p.then((s) => {
      settingsNow.set(uri, s);
      return s;
    });
  }

  connection.onDidChangeConfiguration((params) => {
    const s = (params.settings ?? {}) as Record<string, unknown>;
    if (s.cxLint !== undefined) pushedSettings = s.cxLint;
    settingsCache.clear();
    configCache.clear();
    relintAll();
  });

  // ---- linting --------------------------------------------------------------

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    // Only the latest request survives: a keystroke cancels the lint queued for the one before.
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        linting.set(uri, (linting.get(uri) ?? 0) + 1);
        quiet(
          lintOpen(uri).finally(() => {
            const left = linting.get(uri)! - 1;
            if (left) linting.set(uri, left);
            else linting.delete(uri);
            wakeWaiters(uri);
          }),
        );
      }, delay),
    );
  }

  function relintAll(): void {
    for (const d of documents.all()) schedule(d.uri, 0);
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    quiet(connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) }));
  }

  /** Lints the current text of an open document and publishes, unless a newer version arrived meanwhile. */
  async function lintOpen(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const generation = generations.get(uri);
    const settings = await getSettings(uri);
    const now = documents.get(uri);
    if (!now || generations.get(uri) !== generation) return; // stale: a newer run is queued
    if (!settings.enable) {
      linted.delete(uri);
      configErrors.delete(uri);
      publish(uri, [], version);
      return finish('disabled', 'cx-lint is disabled (cxLint.enable)');
    }
    if (offMainThread(now, settings)) {
      parseCaches.delete(uri); // the worker keeps this document's sections now
      inBackground.add(uri);
      return lintInBackground(now, settings);
    }
    if (inBackground.delete(uri)) background.forget(uri); // shrank below the size cap
    const r = lintDocument(now, settings);
    if (generations.get(uri) !== generation) return;
    publish(uri, r ? r.result.findings.map((f) => toDiagnostic(now, f)) : [], version);
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

  function wakeWaiters(uri: string): void {
    const waiting = lintWaiters.get(uri);
    lintWaiters.delete(uri);
    for (const wake of waiting ?? []) wake();
  }

  /** Large documents: config on this thread (cached), the lint itself in the worker, so requests keep flowing. */
  async function lintInBackground(doc: TextDocument, settings: Settings): Promise<void> {
    const { uri, version } = doc;
    const generation = generations.get(uri)!;
    const dc = resolveFor(doc, settings);
    if (!dc) {
      publish(uri, [], version);
      return finish();
    }
    const res = await background.lint({ uri, version: generation, text: doc.getText(), settings, folders });
    if (!res || generations.get(uri) !== generation) return; // superseded by a newer text
    if (!res.ok) {
      log(`background lint of ${uri} failed: ${res.reason}`);
      linted.delete(uri);
      publish(uri, [], version);
      return finish();
    }
    backgroundReused = res.reused;
    linted.set(uri, { generation, version, result: res.result, cfg: dc.cfg, relPath: dc.relPath });
    publish(uri, res.result.findings.map((f) => toDiagnostic(doc, f)), version);
    finish();
  }

  /**
   * Finding and reading the config files costs about as much as linting a small posting
   * (a stat per folder up to the root), so a document's config is reused while it is
   * fresh: until a watched file or the settings change, or for CONFIG_TTL_MS at most,
   * for clients that do not watch files (Neovim 0.7) and watchers that drop events.
   */
  function documentConfig(uri: string, settings: Settings): DocumentConfig {
    const hit = configCache.get(uri);
    const now = Date.now();
    if (hit && hit.settings === settings && now - hit.at < CONFIG_TTL_MS) return hit.dc;
    const dc = configForDocument(uri, settings, folders);
    configCache.set(uri, { at: now, settings, dc });
    return dc;
  }

  /** The config for a document, recording its errors; undefined when it has errors or is excluded. */
  function resolveFor(doc: TextDocument, settings: Settings): { cfg: ResolvedConfig; relPath: string | undefined } | undefined {
    const dc = documentConfig(doc.uri, settings);
    if (!dc.ok) {
      linted.delete(doc.uri);
      configErrors.set(doc.uri, dc.errors);
      return undefined;
    }
    configErrors.delete(doc.uri);
    if (dc.settingsProblems.length) settingsProblems.set(doc.uri, dc.settingsProblems);
    else settingsProblems.delete(doc.uri);
    remember(dc.cfg);
    if (dc.excluded) {
      linted.delete(doc.uri);
      return undefined;
    }
    return { cfg: dc.cfg, relPath: dc.relPath };
  }

  /** Lints one document synchronously; records config errors. Undefined when not linted. */
  function lintDocument(doc: TextDocument, settings: Settings): Linted | undefined {
    const dc = resolveFor(doc, settings);
    if (!dc) return undefined;
    let result: LintResult;
    try {
      // Most recently linted last; only the last few keep their sections (see MAX_PARSE_CACHES).
      const parseCache = parseCaches.get(doc.uri) ?? new ParseCache();
      parseCaches.delete(doc.uri);
      parseCaches.set(doc.uri, parseCache);
      for (const uri of parseCaches.keys()) {
        if (parseCaches.size <= MAX_PARSE_CACHES) break;
        parseCaches.delete(uri);
      }
      result = lint(doc.getText(), dc.cfg.setup, { filePath: dc.relPath, parseCache });
    } catch (e) {
      // An engine bug must not take the editor's linting down with it.
      log(`internal error linting ${doc.uri}: ${(e as Error).stack ?? String(e)}`);
      linted.delete(doc.uri);
      return undefined;
    }
    const entry = { generation: generations.get(doc.uri) ?? 0, version: doc.version, result, cfg: dc.cfg, relPath: dc.relPath };
    linted.set(doc.uri, entry);
    return entry;
  }

  /** The lint of a document's current version, computing it now when the queued run has not happened yet. */
  function current(doc: TextDocument): Linted | undefined {
    const hit = linted.get(doc.uri);
    if (hit && hit.generation === generations.get(doc.uri)) return hit;
    const settings = settingsNow.get(doc.uri) ?? normalizeSettings(pushedSettings ?? initSettings, trusted);
    if (!settings.enable) return undefined;
    // Longer documents are linted in the background; answering from a stale result could misplace edits.
    if (offMainThread(doc, settings)) return undefined;
    return lintDocument(doc, settings);
  }

  /**
   * current(), but for a document linted in the background as you type, waits (at most
   * WAIT_FOR_LINT_MS) for the lint of its current text, which a change always queues.
   */
  async function settled(uri: string, token?: { isCancellationRequested: boolean }): Promise<{ doc: TextDocument; l: Linted } | undefined> {
    const deadline = Date.now() + WAIT_FOR_LINT_MS;
    for (;;) {
      const doc = documents.get(uri);
      if (!doc) return undefined;
      const l = current(doc);
      if (l) return { doc, l };
      // Large documents wait for a save; asking would only delay the answer.
      if (isLarge(doc, settingsNow.get(uri) ?? (await getSettings(uri)))) return undefined;
      const pending = timers.has(uri) || linting.has(uri);
      const left = deadline - Date.now();
      if (!pending || left <= 0 || token?.isCancellationRequested) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        lintWaiters.set(uri, [...(lintWaiters.get(uri) ?? []), () => (clearTimeout(timer), resolve())]);
      });
    }
  }

  function remember(cfg: ResolvedConfig): void {
    for (const p of cfg.packs) knownPackDirs.add(p.dir);
    for (const f of cfg.files) knownConfigFiles.add(f);
    packsLabel = cfg.packs.map((p) => `${p.pack.name}@${p.pack.version}`);
  }

  /**
   * Publishes config errors into the files they are in when those are inside a
   * workspace folder; an error in a file outside (a config can name any path) is shown
   * on the document whose config it broke, never on the outside file. Clears fixed
   * ones, and reports status.
   */
  function finish(state?: StatusParams['state'], message?: string): void {
    const byFile = new Map<string, PackError[]>();
    const byDoc = new Map<string, PackError[]>();
    for (const [docUri, errs] of configErrors) {
      for (const e of errs) {
        // A folder (a config that could not say which file) is not a document to show diagnostics in.
        if (isInsideAny(folders, e.file) && isFile(e.file)) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
        else byDoc.set(docUri, [...(byDoc.get(docUri) ?? []), e]);
      }
    }
    const unique = (errs: PackError[]) => {
      const seen = new Set<string>();
      return errs.filter((e) => !seen.has(e.message) && seen.add(e.message));
    };
    const nowShown = new Set<string>();
    for (const [file, errs] of byFile) {
      const uri = pathToFileURL(file).href;
      nowShown.add(uri);
      publish(uri, unique(errs).map((e) => configDiagnostic(e)));
    }
    for (const uri of errorFilesShown) if (!nowShown.has(uri)) publish(uri, []);
    errorFilesShown = nowShown;
    for (const [uri, errs] of byDoc) publish(uri, unique(errs).map((e) => outsideConfigDiagnostic(e)));
    // A document whose config now works was re-published by its lint; one that is not open was not.
    for (const uri of errorDocsShown) if (!byDoc.has(uri) && !documents.get(uri) && !workspaceFiles.has(uri)) publish(uri, []);
    errorDocsShown = new Set(byDoc.keys());
    const all = [...byFile.values(), ...byDoc.values()];
    // Sorted and unique: the same errors reached through several documents are one message.
    const errorText = [...new Set(all.flat().map((e) => e.message))].sort().join('\n');
    if (errorText && errorText !== lastErrorText) {
      const first = all[0][0];
      for (const m of errorText.split('\n')) log(`configuration error: ${m}`);
      // A notification, not window/showMessageRequest (which not every client has, and
      // whose refusal would be an unhandled rejection): there is nothing to choose.
      showMessage(MessageType.Error, `cx-lint: configuration error: ${first.message}${all.length > 1 || all[0].length > 1 ? ' (more in the Problems panel)' : ''}`);
    }
    lastErrorText = errorText;
    reportSettingsProblems();
    let findings = 0;
    for (const l of linted.values()) findings += l.result.findings.length;
    const status: StatusParams = errorText
      ? { state: 'error', message: `configuration error: ${all[0][0].message}`, findings, packs: packsLabel }
      : { state: state ?? 'ok', message, findings, packs: packsLabel };
    quiet(connection.sendNotification(STATUS_NOTIFICATION, status));
  }

  /**
   * Problems with the cxLint.rules setting are the settings' own: logged, and shown once
   * as a notification with an "Open Settings" button (window/showMessageRequest, when the
   * client has it; a plain notification otherwise or when it refuses), never as a
   * diagnostic on a file. The entries they concern were left out; linting goes on.
   */
  function reportSettingsProblems(): void {
    const all = [...new Set([...settingsProblems.values()].flat())].sort();
    const text = all.join('\n');
    if (text === lastSettingsText) return;
    lastSettingsText = text;
    if (!all.length) return;
    for (const m of all) log(`settings error: cxLint.rules: ${m}`);
    const message = `cx-lint: settings error in cxLint.rules: ${all[0]}${all.length > 1 ? ` (and ${all.length - 1} more in the cx-lint output)` : ''} The other settings still apply.`;
    if (!caps.messageActions) return showMessage(MessageType.Warning, message);
    const open = { title: OPEN_SETTINGS };
    connection.window.showWarningMessage(message, open).then(
      (choice) => {
        if (choice?.title === OPEN_SETTINGS) quiet(connection.sendNotification(OPEN_SETTINGS_NOTIFICATION, { query: 'cxLint.rules' }));
      },
      (e) => {
        // The client declared window.showMessage but refused the request: say it the plain way.
        log(`client request failed: ${(e as Error).message ?? String(e)}`);
        showMessage(MessageType.Warning, message);
      },
    );
  }

  function showMessage(type: MessageType, message: string): void {
    quiet(connection.sendNotification(ShowMessageNotification.type, { type, message }));
  }

  function configDiagnostic(e: PackError): Diagnostic {
    const line = Math.max(0, e.line - 1);
    const character = Math.max(0, e.column - 1);
    let end = character + 1;
    try {
      const text = readTextSafely(e.file, READ_CAPS.config).split(/\r?\n|\r/)[line];
      if (text !== undefined) end = Math.max(character + 1, text.length);
    } catch {
      /* the file may be gone (or not a regular file); a one-character range still points at it */
    }
    return { range: { start: { line, character }, end: { line, character: end } }, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config-error', message: e.reason };
  }

  /** An error in a file outside the workspace, shown at the top of the document it concerns, with the file's path. */
  function outsideConfigDiagnostic(e: PackError): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config-error', message: e.message };
  }

  // ---- documents ------------------------------------------------------------

  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    generations.set(e.document.uri, ++lastGeneration);
    workspaceFiles.delete(e.document.uri);
    schedule(e.document.uri, 0);
  });

  documents.onDidChangeContent((e) => {
    const { uri } = e.document;
    if (justOpened.delete(uri)) return; // the open itself, already scheduled
    generations.set(uri, ++lastGeneration);
    const s = settingsNow.get(uri);
    if ((s && s.run === 'onSave') || isLarge(e.document, s)) return; // large documents: on open and save only
    schedule(uri, debounceMs);
  });

  documents.onDidSave((e) => {
    const s = settingsNow.get(e.document.uri);
    if (s?.run === 'onSave' || isLarge(e.document, s)) schedule(e.document.uri, 0);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    if (inBackground.delete(uri)) background.forget(uri);
    generations.delete(uri);
    justOpened.delete(uri);
    wakeWaiters(uri);
    linted.delete(uri);
    parseCaches.delete(uri);
    configErrors.delete(uri);
    settingsProblems.delete(uri);
    configCache.delete(uri);
    settingsCache.delete(uri);
    settingsNow.delete(uri);
    const path = uriToPath(uri);
    const folder = path && folders.filter((f) => isInsideAny([f], path)).sort((a, b) => b.length - a.length)[0];
    if (workspaceLinted && path && folder && isFile(path)) {
      // After Lint All Postings a closed posting keeps its findings: those of the file on
      // disk (the editor's unsaved text is gone), as the workspace lint would publish them.
      quiet(
        lintFileFromDisk(diskLintHost(), path, folder).then((r) => {
          if (documents.get(uri)) return; // reopened meanwhile: its own lint publishes
          if (!r || !('findings' in r)) publish(uri, []);
          finish();
        }),
      );
      return;
    }
    publish(uri, []); // no stale diagnostics for a closed document
    finish();
  });

  // ---- config and pack files ------------------------------------------------

  connection.onDidChangeWatchedFiles((params) => {
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
    configCache.clear();
    knownConfigFiles.clear();
    knownPackDirs.clear();
    relintAll();
    if (workspaceFiles.size) quiet(lintWorkspace());
  });

  // ---- features -------------------------------------------------------------

  connection.onCodeAction(async (params, token) => {
    if (!documents.get(params.textDocument.uri) || token.isCancellationRequested) return null;
    const { doc, l } = (await settled(params.textDocument.uri, token)) ?? {};
    if (!doc || !l || token.isCancellationRequested) return [];
    return codeActions({ doc, result: l.result, setup: l.cfg.setup, relPath: l.relPath, versioned: caps.versionedEdits }, params.range, params.context.only);
  });

  connection.onHover(async (params, token) => {
    if (!documents.get(params.textDocument.uri) || token.isCancellationRequested) return null;
    const { doc, l } = (await settled(params.textDocument.uri, token)) ?? {};
    return doc && l ? hoverAt(doc, l.result, l.cfg.setup, params.position) : null;
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command === COMMANDS.openRuleDocs) return openRuleDocs(connection, params.arguments);
    if (params.command === COMMANDS.applyFixAll) {
      const arg = params.arguments?.[0] as string | { uri: string } | undefined;
      const uri = typeof arg === 'string' ? arg : arg?.uri;
      if (!uri || !documents.get(uri)) return { applied: false, reason: 'document is not open' };
      const { doc, l } = (await settled(uri)) ?? {};
      if (!doc) return { applied: false, reason: 'document is not open' };
      const edit = l && fixAllEdit({ doc, result: l.result, setup: l.cfg.setup, relPath: l.relPath });
      if (!edit) {
        // Said, not just returned: a command that does nothing silently looks broken.
        const n = l?.result.findings.length ?? 0;
        const why = !l ? 'this document is not linted' : n ? `none of its ${n} finding${n === 1 ? ' has a' : 's has a'} safe fix; see the quick fixes (Ctrl+.) for each` : 'it has no findings';
        showMessage(MessageType.Info, `cx-lint: nothing safe to fix in this document: ${why}.`);
        return { applied: false, reason: 'nothing to fix' };
      }
      const r = await connection.workspace.applyEdit({ label: 'cx-lint: fix all', edit: workspaceEdit({ doc, versioned: caps.versionedEdits }, [edit]) });
      return { applied: r.applied, reason: r.failureReason };
    }
    if (params.command === COMMANDS.lintWorkspace) return lintWorkspace();
    return null;
  });

  /** What lintWorkspaceFiles and lintFileFromDisk need of the server. */
  function diskLintHost() {
    return {
      settingsFor: getSettings,
      publish: (uri: string, diagnostics: Diagnostic[]) => {
        // Opened meanwhile (a workspace lint at start runs while the editor opens files):
        // the document's own lint, of the editor's text, publishes.
        if (documents.get(uri)) return;
        workspaceFiles.add(uri);
        publish(uri, diagnostics);
      },
      onConfigError: (uri: string, errors: PackError[]) => (errors.length ? configErrors.set(uri, errors) : configErrors.delete(uri)),
      log,
      onMainThread: lintsOnMainThread,
      lintInBackground: async (uri: string, text: string, settings: Settings) => {
        const res = await background.lint({ uri, version: ++lastGeneration, text, settings, folders });
        // The worker keeps the sections of documents it lints; this one is not open.
        if (!documents.get(uri)) background.forget(uri);
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
        isOpen: (uri) => !!documents.get(uri),
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
  connection.onRequest(STATS_REQUEST, (params: { gc?: boolean; blocking?: 'start' | 'stop' } | undefined): ServerStats => {
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
    return {
      heapUsed: m.heapUsed,
      rss: m.rss,
      documents: documents.all().length,
      linted: linted.size,
      timers: timers.size,
      configErrors: configErrors.size,
      workspaceFiles: workspaceFiles.size,
      parseCaches: parseCaches.size,
      backgroundReused,
      workerRunning: background.hasWorker,
      ...(longestBlockMs !== undefined ? { longestBlockMs } : {}),
      gc: !!g.gc,
    };
  });

  documents.listen(connection);
  connection.listen();
}
