import { lstatSync, statSync } from 'node:fs';
import ignore from 'ignore';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { readTextSafely, READ_CAPS } from '../fs/safe-read';

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing, reported once each. */
  missing: string[];
  /** Folders named like Markdown files (`x.md/`), where a file was expected. */
  folders: string[];
}

export const MARKDOWN_NAME = /\.(md|markdown)$/i;

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

export const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'];

/** The working folder's .gitignore, applied to files found by folders and globs (not to files named explicitly). */
export function gitignoreFilter(cwd: string): (absPath: string) => boolean {
  let text: string;
  try {
    text = readTextSafely(resolve(cwd, '.gitignore'), READ_CAPS.config);
  } catch {
    return () => false;
  }
  const ig = ignore().add(text);
  return (p) => {
    const rel = relative(cwd, p).replace(/\\/g, '/');
    return rel !== '' && !rel.startsWith('..') && ig.ignores(rel);
  };
}

const PACK_MANIFESTS = ['pack.yaml', 'pack.yml', 'pack.json'];

/**
 * Is a file inside a rule pack folder below `root`? A pack's docs and fixtures are
 * written to show anti-patterns, so a folder walk or glob does not lint them (a pack
 * folder named on the command line, or a file named explicitly, still is).
 */
export function inPackBelow(root: string, file: string, cache: Map<string, boolean>): boolean {
  for (let d = dirname(file); d !== root && d.startsWith(root); d = dirname(d)) {
    let isPack = cache.get(d);
    if (isPack === undefined) {
      isPack = PACK_MANIFESTS.some((n) => {
        try {
          return statSync(join(d, n)).isFile();
        } catch {
          return false;
        }
      });
      cache.set(d, isPack);
    }
    if (isPack) return true;
    if (dirname(d) === d) break;
  }
  return false;
}

/** Paths, folders and globs → a sorted, de-duplicated list of Markdown files. */
export function expandPaths(args: string[], cwd: string, exclude: string[] = []): Expanded {
  const ignored = gitignoreFilter(cwd);
  const files = new Set<string>();
  const missing: string[] = [];
  const folders = new Set<string>();
  const packCache = new Map<string, boolean>();
  const add = (found: string[], root: string): number => {
    let n = 0;
    for (const f of found) {
      const p = f.replace(/[\\/]+$/, '');
      if (ignored(p) || inPackBelow(root, p, packCache)) continue;
      if (!isDir(p)) files.add(p);
      else if (MARKDOWN_NAME.test(p)) folders.add(p);
      else continue;
      n++;
    }
    return n;
  };
  const ignore = [...DEFAULT_IGNORE, ...exclude];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, { cwd, absolute: true, ignore, dot: false, followSymbolicLinks: false, onlyFiles: false });
      if (!add(found, resolve(cwd))) missing.push(arg);
      continue;
    }
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      // A link to nothing or a link loop exists by name: it is a file that cannot be
      // read (reported with its reason when linted), not a mistyped argument.
      if (isLink(abs)) files.add(abs);
      else missing.push(arg);
      continue;
    }
    if (st.isDirectory()) {
      add(globSync('**/*.{md,markdown}', { cwd: abs, absolute: true, ignore, followSymbolicLinks: false, onlyFiles: false }), abs);
    } else {
      files.add(abs);
    }
  }
  const byPath = (a: string, b: string) => (relative(cwd, a) < relative(cwd, b) ? -1 : 1);
  return { files: [...files].sort(byPath), missing, folders: [...folders].sort(byPath) };
}
