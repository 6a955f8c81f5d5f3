import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { readTextSafely, READ_CAPS, SafeReadError } from '../fs/safe-read';
import { PackError, PackErrors } from '../packs/diagnostics';
import { loadConfigFor, type ResolvedConfig } from '../packs/config';
import { LOCKFILE_NAME, LockfileError, LockVerifier, readLockfile } from '../packs/lockfile';
import type { Settings } from './settings';

export type DocumentConfig =
  | { ok: true; cfg: ResolvedConfig; /** path relative to the config root, for `kinds` globs */ relPath?: string; excluded: string | undefined }
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
  try {
    // Restricted Mode: nothing outside the workspace folder (with no folder, nothing outside the document's own).
    const confineTo = settings.trusted ? undefined : (folder ?? dirname(probe));
    cfg = loadConfigFor(probe, { configFile, overrides: { rules: settings.rules, titles: settings.titles }, cwd: folder, confineTo });
  } catch (e) {
    if (e instanceof PackErrors) return { ok: false, errors: e.errors };
    if (e instanceof PackError) return { ok: false, errors: [e] };
    const where = configFile ?? probe;
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? `config file not found (setting cxLint.configFile): ${where}` : `cannot load the configuration: ${err.message ?? String(e)}`;
    return { ok: false, errors: [new PackError(where, 1, 1, reason)] };
  }
  const lockProblems = folder ? checkLockfile(folder, cfg) : [];
  if (lockProblems.length) return { ok: false, errors: lockProblems };
  const relPath = path ? toPosix(relative(cfg.baseDir, path)) : undefined;
  return { ok: true, cfg, relPath, excluded: path ? excludedBy(path, folder, cfg, settings) : undefined };
}

/** Why a document is not linted, or undefined. Config `exclude` is relative to the config root; settings to the workspace folder. */
function excludedBy(path: string, folder: string | undefined, cfg: ResolvedConfig, settings: Settings): string | undefined {
  const fromConfig = toPosix(relative(cfg.baseDir, path));
  if (cfg.config.exclude?.length && !fromConfig.startsWith('..') && picomatch(cfg.config.exclude, { dot: true })(fromConfig)) return 'excluded by the config file';
  const fromFolder = folder ? toPosix(relative(folder, path)) : toPosix(path);
  if (settings.exclude.length && picomatch(settings.exclude, { dot: true })(fromFolder)) return 'excluded by cxLint.exclude';
  if (settings.include.length && !picomatch(settings.include, { dot: true })(fromFolder)) return 'not in cxLint.include';
  return undefined;
}

/** Verifiers per workspace folder, rebuilt when the lockfile's text changes; cleared when packs change. */
const verifiers = new Map<string, { text: string; verifier: LockVerifier | PackError }>();

export function clearLockCache(): void {
  verifiers.clear();
}

/**
 * As in the CLI, a cx-lint.lock.json in the workspace folder pins third-party packs:
 * a pack that changed since it was locked is reported in the lockfile, and the
 * documents it governs are not linted with it.
 */
function checkLockfile(folder: string, cfg: ResolvedConfig): PackError[] {
  const file = join(folder, LOCKFILE_NAME);
  let text: string;
  try {
    text = readTextSafely(file, READ_CAPS.config);
  } catch (e) {
    if (!(e instanceof SafeReadError) || e.problem === 'missing') return [];
    return [new PackError(file, 1, 1, `${e.reason}; not read, so packs cannot be checked against it.`)];
  }
  let hit = verifiers.get(folder);
  if (!hit || hit.text !== text) {
    let verifier: LockVerifier | PackError;
    try {
      verifier = new LockVerifier(file, readLockfile(file));
    } catch (e) {
      verifier = new PackError(file, 1, 1, e instanceof LockfileError ? e.message.replace(`${file}: `, '') : String(e));
    }
    verifiers.set(folder, (hit = { text, verifier }));
  }
  if (hit.verifier instanceof PackError) return [hit.verifier];
  return hit.verifier.problems(cfg.packs).map((m) => new PackError(file, 1, 1, m));
}
