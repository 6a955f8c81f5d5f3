/**
 * The Node API: `require('cx-lint')`. The same engine, config and packs as the CLI
 * and the language server.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, dirname } from 'node:path';
import { lint, type LintResult } from './engine';
import { resolveConfig, loadConfigFor, type ConfigData, type ResolvedConfig } from './packs/config';

export { applyEdits, ENGINE_VERSION } from './engine';
export type { Finding, Fix, LintResult, Severity, TextEdit, OffsetRange } from './engine';
export type { ConfigData, ResolvedConfig } from './packs/config';
export { PackError, PackErrors } from './packs/diagnostics';

// Compiling packs is the expensive part; one compiled setup per config object.
const setups = new WeakMap<object, ResolvedConfig>();
let defaultSetup: ResolvedConfig | undefined;

export interface LintTextOptions {
  /** Used for `kinds` globs and messages; nothing is read from it. */
  filePath?: string;
  /** A config object (as in .cxlintrc.json), or a resolved config from loadConfig(). */
  config?: ConfigData | ResolvedConfig;
}

function isResolved(c: ConfigData | ResolvedConfig): c is ResolvedConfig {
  return 'setup' in c && 'packs' in c;
}

function configFor(opts: LintTextOptions): ResolvedConfig {
  const c = opts.config;
  if (!c) return (defaultSetup ??= resolveConfig({}, process.cwd()));
  if (isResolved(c)) return c;
  let r = setups.get(c);
  // Globs in a config object are relative to the working directory, as in ESLint.
  if (!r) setups.set(c, (r = resolveConfig(c, process.cwd())));
  return r;
}

/** Lints a string. Pure given its inputs: no file is read unless a config names packs. */
export function lintText(text: string, opts: LintTextOptions = {}): LintResult & { filePath?: string } {
  const cfg = configFor(opts);
  const rel = opts.filePath ? relative(cfg.baseDir, resolve(opts.filePath)) : undefined;
  return { filePath: opts.filePath, ...lint(text, cfg.setup, { filePath: rel }) };
}

/** Finds and resolves the configuration that applies to a file (nearest .cxlintrc*, cascading to root: true). */
export function loadConfig(filePath: string, opts: { configFile?: string } = {}): ResolvedConfig {
  return loadConfigFor(filePath, opts);
}

/** Lints files on disk, each with the config that applies to it. */
export function lintFiles(paths: string[], opts: { configFile?: string } = {}): Array<LintResult & { filePath: string }> {
  return paths.map((p) => {
    const cfg = loadConfigFor(p, opts);
    return { filePath: p, ...lintText(readFileSync(p, 'utf8'), { filePath: p, config: cfg }) };
  });
}
