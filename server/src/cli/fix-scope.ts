import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import { isInside } from '../fs/inside';
import { isDir } from '../config/files';

/**
 * Which files `--fix` may rewrite (docs/decisions.md 52). A file is writable when it
 * was named on the command line (a link named there is written through), or when its
 * real path lies inside the real path of the working folder or of a folder the
 * command line names (a folder, or a glob's fixed part: `../drafts/*.md` names
 * `../drafts`). A config's `include` globs name nothing: they say what to lint, and a
 * glob through a linked folder, `../` or an absolute path in a shared config must not
 * let a run rewrite files elsewhere. Neither does a link found by a folder walk.
 */
export class FixScope {
  private readonly roots: string[];
  private readonly named = new Set<string>();

  constructor(paths: string[], cwd: string) {
    this.roots = [real(cwd)];
    for (const arg of paths) {
      if (isDynamicPattern(arg)) {
        this.roots.push(real(resolve(cwd, picomatch.scan(arg).base || '.')));
        continue;
      }
      const abs = resolve(cwd, arg);
      if (isDir(abs)) this.roots.push(real(abs));
      else this.named.add(abs);
    }
  }

  /** Why `file` (as listed for linting) may not be rewritten, or undefined when it may. */
  refusal(file: string): string | undefined {
    if (this.named.has(file)) return undefined;
    let target: string;
    try {
      target = realpathSync(file);
    } catch {
      return undefined; // gone or unreadable: writing it reports why
    }
    if (this.roots.some((r) => isInside(r, target))) return undefined;
    return `is outside the working folder and the folders named on the command line (its real path is ${target}); not fixed. Name the file or its folder on the command line to fix it`;
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
