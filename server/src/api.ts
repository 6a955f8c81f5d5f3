/**
 * The Node API: `require('cx-lint')`. The same engine, config and packs as the CLI
 * and the language server.
 */
import { relative, resolve } from 'node:path';
import { DEFAULT_FORMAT, FORMAT_NAMES, FORMATS, isFormatName, ruleDescriber, type FormatName } from './report/formats';
import { toFileResult } from './report/results';
import { collect } from './report/stream';
import { packageVersion } from './packs/builtin';
import { fileTooLargeResult, lint, type LintResult, type ParseCache } from './engine';
import { readTextSafely, SafeReadError } from './fs/safe-read';
import { resolveConfig, loadConfigFor, type ConfigData, type ResolvedConfig } from './config/load-config';
import { LockChecks, LockfileError } from './config/lockfile';

export { applyEdits, ENGINE_VERSION, ParseCache } from './engine';
export type { Finding, Fix, LintResult, Reading, Severity, TextEdit, OffsetRange } from './engine';
export { formatReading } from './engine';
export type { ConfigData, ResolvedConfig } from './config/load-config';
export { PackError, PackErrors } from './packs/diagnostics';
export { LockfileError } from './config/lockfile';

// Compiling packs is the expensive part; one compiled setup per config object.
const setups = new WeakMap<object, ResolvedConfig>();
let defaultSetup: ResolvedConfig | undefined;

export interface LintTextOptions {
  /** Used for `kinds` globs and messages; nothing is read from it. */
  filePath?: string;
  /** A config object (as in .cxlintrc.json), or a resolved config from loadConfig(). */
  config?: ConfigData | ResolvedConfig;
  /**
   * For an editor or watcher that re-lints one document as it changes: keep one
   * `new ParseCache()` per document and pass it each time; unchanged sections are not
   * parsed again. The result is the same with or without it.
   */
  cache?: ParseCache;
  /** Also return how the document was read (`result.reading`): kind, title, sections, duties and their classes. */
  reading?: boolean;
}

function isResolved(c: ConfigData | ResolvedConfig): c is ResolvedConfig {
  return 'setup' in c && 'packs' in c;
}

const locks = new LockChecks();

/**
 * As in the CLI and the language server: the lockfile that governs `filePath`
 * (nearest at or above its folder, or the config file's) must list each third-party
 * pack with the same hash, or LockfileError is thrown.
 */
function checkLock(cfg: ResolvedConfig, filePath: string, configFile?: string): ResolvedConfig {
  const { lockfile, problems } = locks.check(filePath, cfg.packs, configFile);
  if (problems.length) throw new LockfileError(`${lockfile}: ${problems.join('\n')}`, lockfile);
  return cfg;
}

function configFor(opts: LintTextOptions): ResolvedConfig {
  const c = opts.config;
  if (!c) return (defaultSetup ??= resolveConfig({}, process.cwd()));
  if (isResolved(c)) return c;
  let r = setups.get(c);
  // Globs in a config object are relative to the working directory, as in ESLint, and
  // so are its packs: the lockfile is the one that governs the working directory.
  if (!r) setups.set(c, (r = checkLock(resolveConfig(c, process.cwd()), resolve(process.cwd(), '__cx-lint__.md'))));
  return r;
}

/** Lints a string. Pure given its inputs: no file is read unless a config names packs. */
export function lintText(text: string, opts: LintTextOptions = {}): LintResult & { filePath?: string } {
  const cfg = configFor(opts);
  const rel = opts.filePath ? relative(cfg.baseDir, resolve(opts.filePath)) : undefined;
  return { filePath: opts.filePath, ...lint(text, cfg.setup, { filePath: rel, parseCache: opts.cache, reading: opts.reading }) };
}

export interface LoadConfigOptions {
  configFile?: string;
  /** false: do not check packs against cx-lint.lock.json (the CLI's --no-lockfile). */
  lockfile?: boolean;
}

/**
 * Finds and resolves the configuration that applies to a file (nearest .cxlintrc*,
 * cascading to root: true), and checks its third-party packs against the lockfile
 * that governs the file (LockfileError when one is missing or changed).
 */
export function loadConfig(filePath: string, opts: LoadConfigOptions = {}): ResolvedConfig {
  const cfg = loadConfigFor(filePath, { configFile: opts.configFile });
  return opts.lockfile === false ? cfg : checkLock(cfg, filePath, opts.configFile);
}

export interface FileLintResult extends LintResult {
  filePath: string;
  /** The text that was linted (ranges index into it). */
  source: string;
}

/** Lints files on disk, each with the config that applies to it. */
export function lintFiles(paths: string[], opts: LoadConfigOptions = {}): FileLintResult[] {
  return paths.map((p) => {
    const cfg = loadConfig(p, opts);
    // Only a regular file is read, and none past maxFileSize (it gets the file-too-large finding unread).
    let source: string;
    try {
      source = readTextSafely(p, cfg.setup.maxFileSize);
    } catch (e) {
      if (e instanceof SafeReadError && e.problem === 'too-large') return { ...fileTooLargeResult(e.size!, cfg.setup.maxFileSize), filePath: p, source: '' };
      throw e;
    }
    return { ...lintText(source, { filePath: p, config: cfg }), filePath: p, source };
  });
}

export type { FormatName } from './report/formats';

/**
 * Formats results exactly as the CLI would print them. `text` (or `source`) is
 * needed to turn offsets into lines and columns. SARIF describes the rules from
 * `config` (by default the config that applies to the first file, as the CLI does).
 * The github format does not write a step summary from here.
 */
export function formatResults(
  results: Array<LintResult & { filePath: string; source?: string; text?: string }>,
  format: FormatName = DEFAULT_FORMAT,
  opts: { cwd?: string; color?: boolean; config?: ConfigData | ResolvedConfig } = {},
): string {
  if (!isFormatName(format)) throw new Error(`unknown format "${String(format)}" (use ${FORMAT_NAMES.slice(0, -1).join(', ')} or ${FORMAT_NAMES.at(-1)})`);
  const cwd = opts.cwd ?? process.cwd();
  const files = results
    .map((r) => toFileResult(resolve(cwd, r.filePath), relative(cwd, resolve(cwd, r.filePath)).replace(/\\/g, '/'), r.source ?? r.text ?? '', r))
    .sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  const describe = ruleDescriber(() => {
    if (opts.config) return configFor({ config: opts.config }).setup;
    if (!files.length) return undefined;
    try {
      return loadConfigFor(files[0].filePath).setup;
    } catch {
      return undefined;
    }
  });
  const ctx = { tool: { name: 'cx-lint', version: packageVersion() }, color: opts.color ?? false, describe, env: {} };
  return collect((out) => FORMATS[format].open(out, ctx), files);
}
