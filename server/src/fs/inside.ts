import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** Whether path `p` is `dir` or lies under it (by name: no file system access). */
export function isInside(dir: string, p: string): boolean {
  const rel = relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Whether `p` leads out of `dir`: it is outside by name, or it exists and its real path
 * (every symbolic link resolved) is outside the real `dir`. A path inside that does
 * not exist does not leave: reading it fails on its own, with its own message.
 */
export function leaves(dir: string, p: string): boolean {
  if (!isInside(resolve(dir), resolve(p))) return true;
  let real: string;
  try {
    real = realpathSync(p);
  } catch {
    return false;
  }
  try {
    return !isInside(realpathSync(dir), real);
  } catch {
    return true;
  }
}

/** Whether `p` lies under one of `dirs`, each taken by name or with its links resolved (pack paths are real paths). */
export function isInsideAny(dirs: string[], p: string): boolean {
  return dirs.some((d) => {
    if (isInside(d, p)) return true;
    try {
      return isInside(realpathSync(d), p);
    } catch {
      return false;
    }
  });
}
