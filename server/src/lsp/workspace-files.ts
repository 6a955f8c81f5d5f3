import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import { DEFAULT_IGNORE, gitignoreFilter, inPackBelow, MARKDOWN_NAME } from '../config/files';

/**
 * How much of a workspace folder "lint workspace" looks at. A folder can be anything
 * the editor was opened on, `file:///` included (3,496 postings and 853 MB there, and
 * a 6 s stall while the walk ran on the main thread): the walk stops at this many
 * Markdown files or directory entries, whichever comes first, and says so.
 */
export const WORKSPACE_LIMITS = { maxFiles: 2000, maxEntries: 50_000 };

export interface WorkspaceWalk {
  files: string[];
  /** Why the walk stopped before the end of the folder, when it did. */
  stopped?: string;
}

export interface WalkOptions {
  /** The config's `include` (paths and globs relative to the folder); undefined: every Markdown file. */
  include?: string[];
  cancelled(): boolean;
  /** Called after each directory read. */
  progress?(entries: number, files: number): void;
  limits?: { maxFiles: number; maxEntries: number };
}

// Folders the CLI's walk skips (DEFAULT_IGNORE), by name: pruned, never read.
const SKIPPED_FOLDERS = new Set(DEFAULT_IGNORE.map((g) => g.split('/')[1]));

/**
 * The Markdown files of a workspace folder, found as the CLI finds them (dot entries,
 * node_modules, .git, dist, out, the folder's .gitignore and rule packs below it are
 * skipped, links are not followed) but asynchronously, one directory at a time, so the
 * server keeps answering; cancellable between directories, and bounded (WORKSPACE_LIMITS).
 */
export async function findWorkspaceFiles(folder: string, opts: WalkOptions): Promise<WorkspaceWalk> {
  const { maxFiles, maxEntries } = opts.limits ?? WORKSPACE_LIMITS;
  const ignored = gitignoreFilter(folder);
  const included = includeMatcher(opts.include);
  const packCache = new Map<string, boolean>();
  const files: string[] = [];
  const queue = [folder];
  let entries = 0;
  let stopped: string | undefined;
  while (queue.length && !stopped) {
    if (opts.cancelled()) return { files, stopped: 'cancelled' };
    const dir = queue.shift()!;
    let list: Dirent[];
    try {
      list = await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped, as the CLI's walk does
    }
    list.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of list) {
      if (++entries > maxEntries) {
        stopped = `more than ${maxEntries} files and folders`;
        break;
      }
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name) && !ignored(p)) queue.push(p);
        continue;
      }
      if (!MARKDOWN_NAME.test(e.name) || !(e.isFile() || e.isSymbolicLink())) continue;
      if (!included(relative(folder, p).split(sep).join('/')) || ignored(p) || inPackBelow(folder, p, packCache)) continue;
      files.push(p);
      if (files.length >= maxFiles) {
        stopped = `more than ${maxFiles} Markdown files`;
        break;
      }
    }
    opts.progress?.(entries, files.length);
  }
  return { files: files.sort(), stopped };
}

/** The config's include list as a test of folder-relative paths: globs match, plain paths name a file or folder. */
function includeMatcher(include: string[] | undefined): (rel: string) => boolean {
  if (!include) return () => true;
  const globs = include.filter((i) => isDynamicPattern(i));
  const isGlob = globs.length ? picomatch(globs, { dot: false }) : () => false;
  const paths = include.filter((i) => !isDynamicPattern(i)).map((i) => i.replace(/^\.\/?/, '').replace(/\/+$/, ''));
  return (rel) => isGlob(rel) || paths.some((p) => p === '' || rel === p || rel.startsWith(`${p}/`));
}
