/**
 * cx-lint's additions to LSP, shared by the server and the VS Code client. Other
 * editors can ignore the notification and call the commands through
 * workspace/executeCommand.
 */
export const STATUS_NOTIFICATION = 'cxLint/status';

export interface StatusParams {
  /** ok: linting; error: a config or pack could not be loaded; disabled: cxLint.enable is false. */
  state: 'ok' | 'error' | 'disabled';
  message?: string;
  /** Findings across open documents. */
  findings: number;
  /** Loaded packs as name@version, built-in first. */
  packs: string[];
}

/**
 * Sent when the user picks "Open Settings" on a settings error: the client opens its
 * settings at `query` (VS Code: the Settings editor filtered to cxLint.rules).
 */
export const OPEN_SETTINGS_NOTIFICATION = 'cxLint/openSettings';

export const COMMANDS = {
  /** Arguments: [uri] or [{ uri }]. Applies every safe fix through workspace/applyEdit. */
  applyFixAll: 'cx-lint.applyFixAll',
  /** No arguments. Lints every posting in the workspace folders, publishing diagnostics for files that are not open. */
  lintWorkspace: 'cx-lint.lintWorkspace',
  /**
   * Arguments: [uri]. How the open document was read (what `cx-lint --print-reading`
   * prints): `{ text }`, or null when it is not linted. The reading code lens runs it;
   * VS Code's client shows the text in a read-only tab.
   */
  showReading: 'cx-lint.showReading',
  /**
   * Arguments: [url] of a rule's documentation (a finding's codeDescription.href). The
   * server asks the client to show it (window/showDocument); the VS Code client opens
   * it itself, rendered in the Markdown preview.
   */
  openRuleDocs: 'cx-lint.openRuleDocs',
} as const;

export interface ShowReadingResult {
  text: string;
}

export interface LintWorkspaceResult {
  files: number;
  findings: number;
  skipped: Array<{ file: string; reason: string }>;
  /** Folders whose walk stopped at a limit (server/src/lsp/workspace-files.ts), and why. */
  stopped?: Array<{ folder: string; reason: string }>;
}

/**
 * Request `cxLint/stats` (params `{ gc?: boolean; blocking?: 'start' | 'stop' }`): heap and
 * RSS in bytes, and counts of what the server holds. `blocking: 'start'` starts timing the
 * main thread's longest stall; later calls report it (and 'stop' ends the timing). For
 * tests and the benchmark.
 */
export const STATS_REQUEST = 'cxLint/stats';

export interface ServerStats {
  heapUsed: number;
  rss: number;
  documents: number;
  linted: number;
  timers: number;
  configErrors: number;
  workspaceFiles: number;
  /** Open documents with a parse cache (incremental re-linting). */
  parseCaches: number;
  /** Sections whose parse the last background (large-document) lint reused from the one before. */
  backgroundReused: number;
  /** Whether the background worker is running (it starts only when a document needs it, and stops when idle). */
  workerRunning: boolean;
  /** Longest time the main thread could not answer, since `blocking: 'start'` (ms, ±5). */
  longestBlockMs?: number;
  /** Whether the server runs with --expose-gc, so `gc: true` collected garbage first. */
  gc: boolean;
}
