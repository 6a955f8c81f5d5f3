import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { PackError, PackErrors } from '../packs/diagnostics';
import { loadConfigFor, type ResolvedConfig } from '../config/load-config';
import { LockChecks } from '../config/lockfile';
import { SEVERITIES, type Severity } from '../engine';
import type { Settings } from './settings';

export type DocumentConfig =
  | {
      ok: true;
      cfg: ResolvedConfig;
      /** path relative to the config root, for `kinds` globs */ relPath?: string;
      excluded: string | undefined;
      /** Problems with the cxLint.rules setting (the entries were left out; the rest applies). */
      settingsProblems: string[];
    }
  | { ok: false; errors: PackError[] };

/** A file: URI's path, or undefined for untitled and other schemes (nothing to read on disk). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The workspace folder holding `path`: the deepest one, as in multi-root workspaces. */
export function folderOf(path: string | undefined, folders: string[]): string | undefined {
  if (!path) return folders[0];
  let best: string | undefined;
  for (const f of folders) {
    if ((path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)) && (!best || f.length > best.length)) best = f;
  }
  return best ?? folders[0];
}

const toPosix = (p: string) => p.split(sep).join('/');

/**
 * The resolved config for an open document: the same .cxlintrc discovery as the
 * CLI, plus the editor settings. Config errors come back as located PackErrors so
 * the server can show them in the config file instead of failing.
 */
export function configForDocument(uri: string, settings: Settings, folders: string[]): DocumentConfig {
  const path = uriToPath(uri);
  const folder = folderOf(path, folders);
  const probe = path ?? resolve(folder ?? process.cwd(), 'untitled.md');
  const configFile = settings.configFile ? resolve(folder ?? process.cwd(), settings.configFile) : undefined;
  let cfg: ResolvedConfig;
  // Restricted Mode: nothing outside the workspace folder (with no folder, nothing outside the document's own).
  const confineTo = settings.trusted ? undefined : (folder ?? dirname(probe));
  try {
    cfg = loadConfigFor(probe, { configFile, overrides: { rules: settings.rules, titles: settings.titles }, cwd: folder, confineTo });
  } catch (e) {
    if (e instanceof PackErrors) return { ok: false, errors: e.errors };
    if (e instanceof PackError) return { ok: false, errors: [e] };
    const where = configFile ?? probe;
    const err = e as NodeJS.ErrnoException;
    const reason =
      err.code === 'ENOENT' ? `config file not found (setting cxLint.configFile): ${where}` : `cannot load the configuration: ${err.message ?? String(e)}`;
    return { ok: false, errors: [new PackError(where, 1, 1, reason)] };
  }
  // As in the CLI: the lockfile that governs the document (nearest at or above its
  // folder) pins third-party packs; a changed pack is reported in the lockfile, and the
  // documents it governs are not linted with it.
  const { lockfile, problems } = locks.check(probe, cfg.packs, configFile, confineTo);
  if (problems.length) return { ok: false, errors: problems.map((m) => new PackError(lockfile!, 1, 1, m)) };
  const relPath = path ? toPosix(relative(cfg.baseDir, path)) : undefined;
  return {
    ok: true,
    cfg: atMinSeverity(cfg, settings.minSeverity),
    relPath,
    excluded: path ? excludedBy(path, folder, cfg, settings) : undefined,
    settingsProblems: cfg.settingsProblems,
  };
}

/** Why a document is not linted, or undefined. Config `exclude` is relative to the config root; settings to the workspace folder. */
function excludedBy(path: string, folder: string | undefined, cfg: ResolvedConfig, settings: Settings): string | undefined {
  const fromConfig = toPosix(relative(cfg.baseDir, path));
  if (cfg.config.exclude?.length && !fromConfig.startsWith('..') && picomatch(cfg.config.exclude, { dot: true })(fromConfig))
    return 'excluded by the config file';
  const fromFolder = folder ? toPosix(relative(folder, path)) : toPosix(path);
  if (settings.exclude.length && picomatch(settings.exclude, { dot: true })(fromFolder)) return 'excluded by cxLint.exclude';
  if (settings.include.length && !picomatch(settings.include, { dot: true })(fromFolder)) return 'not in cxLint.include';
  return undefined;
}

const byMinSeverity = new WeakMap<ResolvedConfig, Map<Severity, ResolvedConfig>>();

/**
 * The config with the rules below `min` switched off (cxLint.minSeverity). Switched
 * off, not filtered after the lint: hover, quick fixes and fix-all see only the rules
 * whose findings are shown, and hidden rules cost nothing. The engine's own notices
 * (a file too large, markup left unparsed) are not rules and always show. One derived
 * config per resolved config and level, so its setup is compiled once and shared.
 */
function atMinSeverity(cfg: ResolvedConfig, min: Severity): ResolvedConfig {
  const rank = SEVERITIES.indexOf(min);
  if (rank === SEVERITIES.length - 1) return cfg;
  let levels = byMinSeverity.get(cfg);
  if (!levels) byMinSeverity.set(cfg, (levels = new Map()));
  let out = levels.get(min);
  if (!out) {
    const setup = { ...cfg.setup, rules: cfg.setup.rules.filter((r) => SEVERITIES.indexOf(r.severity) <= rank) };
    levels.set(min, (out = { ...cfg, setup }));
  }
  return out;
}

/** Lockfile verifiers, rebuilt when a lockfile's text changes; cleared when packs change. */
const locks = new LockChecks();

export function clearLockCache(): void {
  locks.clear();
}
