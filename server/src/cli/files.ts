import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing, reported once each. */
  missing: string[];
}

const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'];

/** Paths, folders and globs → a sorted, de-duplicated list of Markdown files. */
export function expandPaths(args: string[], cwd: string, exclude: string[] = []): Expanded {
  const files = new Set<string>();
  const missing: string[] = [];
  const ignore = [...DEFAULT_IGNORE, ...exclude];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, { cwd, absolute: true, ignore, dot: false, followSymbolicLinks: false });
      if (!found.length) missing.push(arg);
      for (const f of found) files.add(f);
      continue;
    }
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(arg);
      continue;
    }
    if (st.isDirectory()) {
      const found = globSync('**/*.{md,markdown}', { cwd: abs, absolute: true, ignore, followSymbolicLinks: false });
      for (const f of found) files.add(f);
    } else {
      files.add(abs);
    }
  }
  return { files: [...files].sort((a, b) => (relative(cwd, a) < relative(cwd, b) ? -1 : 1)), missing };
}
