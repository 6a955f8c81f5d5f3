import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ENGINE_VERSION, own } from '../engine';
import { hashFileSafely, parseJsonSafely, readTextSafely, READ_CAPS, SafeReadError } from '../fs/safe-read';
import { isInside, leaves } from '../fs/inside';
import { builtinPackDir } from '../packs/builtin';
import { isFile } from './load-config';
import { realpathInside } from '../packs/inside-pack';
import type { LoadedPack } from '../packs/load-pack';

/**
 * `cx-lint.lock.json`: the third-party packs a project reviewed, with a sha256 over
 * each pack's files. When the lockfile exists, the CLI refuses (exit 2) to lint with
 * a pack that is missing from it or whose files changed. cx-core ships with cx-lint
 * itself and is not locked.
 */
export const LOCKFILE_NAME = 'cx-lint.lock.json';

export interface LockEntry {
  version: string;
  /** How the config referred to it: npm name, or folder path as written. */
  source: string;
  /** Folder, relative to the lockfile, with forward slashes. */
  path: string;
  /** "sha256-<base64>" over the pack's files (packHash). */
  integrity: string;
}

export interface Lockfile {
  lockfileVersion: 1;
  engine: string;
  packs: Record<string, LockEntry>;
}

export class LockfileError extends Error {
  constructor(
    message: string,
    /** The lockfile, as the user should see its path. */
    readonly file?: string,
  ) {
    super(message);
  }
}

const SKIP = new Set(['node_modules', '.git']);

/** Every file under a folder (not node_modules or .git), as sorted forward-slash relative paths; links are not followed. */
function packFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (SKIP.has(name)) continue;
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() || st.isSymbolicLink()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The file a link in a pack leads to, when loading would read it: a regular file
 * inside the pack (by real path). A link out of the pack, to a folder or to nothing
 * is never read, so only its target's text can matter.
 */
function linkedFile(dir: string, link: string): string | undefined {
  try {
    const real = realpathInside(dir, link);
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * sha256 over each file's relative path, size and bytes, in path order. A link
 * counts as the bytes of the file it leads to (what a load reads through it), or as
 * its target's text when nothing is ever read through it. Files are streamed into
 * the hash, and one over READ_CAPS.hashedFile (no file a pack loads can be that
 * large) is refused: a huge or sparse file in a pack folder costs neither memory nor
 * minutes. Throws LockfileError.
 */
export function packHash(dir: string): string {
  const h = createHash('sha256');
  for (const rel of packFiles(dir)) {
    const p = join(dir, ...rel.split('/'));
    const header = (size: number) => `${rel}\u0000${size}\u0000`;
    const source = lstatSync(p).isSymbolicLink() ? linkedFile(dir, p) : p;
    if (source === undefined) {
      const bytes = Buffer.from(`link:${readlinkSync(p)}`);
      h.update(header(bytes.length)).update(bytes);
      continue;
    }
    try {
      hashFileSafely(h, source, READ_CAPS.hashedFile, header);
    } catch (e) {
      if (!(e instanceof SafeReadError)) throw e;
      throw new LockfileError(
        `${p}: ${e.reason}; every file in a pack folder is hashed for the lockfile, and may be at most ${READ_CAPS.hashedFile / 1048576} MB. Remove it from the pack folder.`,
      );
    }
  }
  return `sha256-${h.digest('base64')}`;
}

function isBuiltin(p: LoadedPack): boolean {
  try {
    return p.dir === realpathSync(builtinPackDir());
  } catch {
    return false;
  }
}

/** Lock entries for the third-party packs of one or more resolved configs. Two different packs with one name is an error. */
export function lockEntries(runs: Array<{ packs: LoadedPack[]; sources: Map<LoadedPack, string> }>, lockDir: string): Lockfile {
  const packs: Record<string, LockEntry> = {};
  const dirs = new Map<string, string>();
  for (const run of runs) {
    for (const p of run.packs) {
      if (isBuiltin(p)) continue;
      const name = p.pack.name;
      const seen = dirs.get(name);
      if (seen && seen !== p.dir)
        throw new LockfileError(`two different packs are called "${name}" (${seen} and ${p.dir}); a lockfile needs one pack per name.`);
      if (seen) continue;
      dirs.set(name, p.dir);
      const source = run.sources.get(p) ?? p.dir;
      packs[name] = {
        version: p.pack.version,
        source: isAbsolute(source) ? `./${relative(lockDir, source).split(sep).join('/')}` : source,
        path: relative(lockDir, p.dir).split(sep).join('/') || '.',
        integrity: packHash(p.dir),
      };
    }
  }
  const sorted = Object.fromEntries(
    Object.keys(packs)
      .sort()
      .map((k) => [k, packs[k]]),
  );
  return { lockfileVersion: 1, engine: ENGINE_VERSION, packs: sorted };
}

export function writeLockfile(file: string, lock: Lockfile): void {
  writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
}

/** Why a lockfile could not be read or parsed; quotes nothing of it (it may not be a lockfile at all). */
function unreadableLockfile(file: string, e: SafeReadError): LockfileError {
  return new LockfileError(`cannot read the lockfile (it ${e.reason}). Delete it and run "cx-lint pack lock" to write a new one.`, file);
}

/** Checks a lockfile's `text` (read by LockChecks, safely). */
export function readLockfile(file: string, text: string): Lockfile {
  let data: any;
  try {
    data = parseJsonSafely(file, text);
  } catch (e) {
    if (!(e instanceof SafeReadError)) throw e;
    throw unreadableLockfile(file, e);
  }
  if (!data || data.lockfileVersion !== 1 || typeof data.packs !== 'object' || data.packs === null) {
    throw new LockfileError(`not a cx-lint lockfile (expected "lockfileVersion": 1 and "packs"). Run "cx-lint pack lock" to write a new one.`, file);
  }
  return data as Lockfile;
}

/**
 * Checks the third-party packs of a run against the lockfile; one message per
 * problem. Hashes are cached per folder for the life of the process.
 */
export class LockVerifier {
  private readonly hashes = new Map<string, string>();
  private readonly checked = new Set<string>();
  constructor(
    readonly file: string,
    readonly lock: Lockfile,
  ) {}

  problems(packs: LoadedPack[]): string[] {
    const out: string[] = [];
    for (const p of packs) {
      if (isBuiltin(p) || this.checked.has(p.dir)) continue;
      const name = p.pack.name;
      const entry = own(this.lock.packs, name);
      if (!entry) {
        out.push(`pack "${name}" (${p.dir}) is not in ${this.file}. Review it, then run "cx-lint pack lock" to add it.`);
        continue;
      }
      let hash = this.hashes.get(p.dir);
      try {
        if (!hash) this.hashes.set(p.dir, (hash = packHash(p.dir)));
      } catch (e) {
        if (!(e instanceof LockfileError)) throw e;
        out.push(`pack "${name}" at ${p.dir} cannot be checked against ${this.file}: ${e.message}`);
        continue;
      }
      if (hash !== entry.integrity) {
        const version = entry.version !== p.pack.version ? ` (locked version ${entry.version}, found ${p.pack.version})` : '';
        out.push(
          `pack "${name}" at ${p.dir} has changed since ${this.file} was written${version}: expected ${entry.integrity}, found ${hash}. Review the change, then run "cx-lint pack lock" to accept it, or reinstall the locked version.`,
        );
        continue;
      }
      this.checked.add(p.dir);
    }
    return out;
  }
}

/**
 * The lockfile that governs a file in `dir`, found the way configs are: the nearest
 * cx-lint.lock.json in `dir` or a folder above it. Failing that, the nearest one at or
 * above a config file named explicitly (--config, cxLint.configFile), which may live
 * elsewhere. Discovery does not stop at a `root: true` config: a lockfile higher up
 * can only add checks, never skip one.
 */
export function findLockfile(dir: string, configFile?: string, confineTo?: string): string | undefined {
  for (const start of configFile ? [dir, dirname(resolve(configFile))] : [dir]) {
    for (let d = resolve(start); ; d = dirname(d)) {
      // Restricted Mode: the search stops at the workspace folder, like the config search.
      if (confineTo && !isInside(resolve(confineTo), d)) break;
      const f = join(d, LOCKFILE_NAME);
      if (isFile(f)) return f;
      if (dirname(d) === d) break;
    }
  }
  return undefined;
}

/**
 * Lockfile checks as the CLI, the language server and the Node API all make them:
 * for a file and the packs of its config, the problems against the lockfile that
 * governs it. Verifiers (and their pack hashes) are kept per lockfile and rebuilt
 * when its text changes.
 */
export class LockChecks {
  private readonly verifiers = new Map<string, { text: string; verifier: LockVerifier | LockfileError }>();
  constructor(
    /** How a lockfile's path is shown in messages. */
    private readonly display: (file: string) => string = (f) => f,
  ) {}

  /** The governing lockfile (none: no problems) and one message per problem. */
  check(filePath: string, packs: LoadedPack[], configFile?: string, confineTo?: string): { lockfile?: string; problems: string[] } {
    // Only third-party packs are locked: a run without one has nothing to check.
    if (packs.every(isBuiltin)) return { problems: [] };
    // confineTo (Restricted Mode): no lockfile above that folder is looked at, and one
    // inside it that is a link leading out is refused, not read.
    const lockfile = findLockfile(dirname(resolve(filePath)), configFile, confineTo);
    if (!lockfile) return { problems: [] };
    if (confineTo && leaves(confineTo, lockfile)) {
      return {
        lockfile,
        problems: [
          `this lockfile is a link leading out of the workspace folder; in Restricted Mode cx-lint reads nothing from outside it. Trust the workspace to use it.`,
        ],
      };
    }
    let text: string;
    try {
      // Safely (fs/safe-read): a lockfile that is a pipe, a device or huge is reported, not read.
      text = readTextSafely(lockfile, READ_CAPS.config);
    } catch (e) {
      if (!(e instanceof SafeReadError)) throw e;
      return { lockfile, problems: [unreadableLockfile(lockfile, e).message] };
    }
    let hit = this.verifiers.get(lockfile);
    if (!hit || hit.text !== text) {
      let verifier: LockVerifier | LockfileError;
      try {
        verifier = new LockVerifier(this.display(lockfile), readLockfile(lockfile, text));
      } catch (e) {
        if (!(e instanceof LockfileError)) throw e;
        verifier = e;
      }
      this.verifiers.set(lockfile, (hit = { text, verifier }));
    }
    if (hit.verifier instanceof LockfileError) return { lockfile, problems: [hit.verifier.message] };
    return { lockfile, problems: hit.verifier.problems(packs) };
  }

  clear(): void {
    this.verifiers.clear();
  }
}
