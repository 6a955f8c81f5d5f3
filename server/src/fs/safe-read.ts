import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Hash } from 'node:crypto';

/**
 * Every file cx-lint reads goes through here: documents, configs, pack files, rule
 * docs, fixtures, the lockfile. Three promises follow from it (README, "Threat
 * model"): only regular files are read (a FIFO, a device such as /dev/zero or a
 * socket is refused without blocking), nothing is read past a size cap (a 100 MB
 * config or a 1.5 GB sparse file costs no memory), and what is checked is what is
 * read (the checks are made with fstat on the opened descriptor, so the file cannot
 * be swapped between the check and the read).
 */

const MiB = 1024 * 1024;

/** Size caps by kind of file, in bytes. Packs have their own, tighter budget on top (PACK_LIMITS). */
export const READ_CAPS = {
  /** .cxlintrc.*, a package.json searched for a "cxlint" key, cx-lint.lock.json, baselines' neighbours. */
  config: 2 * MiB,
  /** A pack's manifest, rule files, rule READMEs, lexicons and fixtures. */
  packFile: 2 * MiB,
  /** Files of a pack folder hashed for the lockfile: none that a pack loads can be larger than the pack budget. */
  hashedFile: 8 * MiB,
  /** A baseline lists every accepted finding of a project. */
  baseline: 64 * MiB,
  /** cx-lint's own files: its package.json, the built-in pack's snapshot. */
  installed: 8 * MiB,
} as const;

export type SafeReadProblem = 'missing' | 'folder' | 'not-regular' | 'too-large' | 'unreadable' | 'not-json';

/**
 * Why a file was not read. `reason` says what the file is, without the path and without
 * the consequence (callers add "; not linted", "; not read"); `message` starts with the path.
 */
export class SafeReadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: SafeReadProblem,
    readonly reason: string,
    /** The errno code when the system refused (ENOENT, EACCES, ELOOP…). */
    readonly code?: string,
    /** The file's size when it was over the cap. */
    readonly size?: number,
  ) {
    super(`${file}: ${reason}`);
  }
}

// O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever. It
// changes nothing for regular files. O_NOCTTY: a terminal device never becomes ours.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

const mb = (n: number) => `${(n / MiB).toFixed(1)} MB`;

/**
 * The SafeReadError for a system error met on the way to `file` (ENOENT, ELOOP, EACCES…):
 * also for callers that resolve a path before reading it (packs/inside-pack.ts).
 */
export function fromErrno(file: string, e: NodeJS.ErrnoException): SafeReadError {
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new SafeReadError(file, 'missing', 'does not exist', e.code);
    case 'EISDIR':
      return new SafeReadError(file, 'folder', 'is a folder, not a file', e.code);
    case 'ELOOP':
      return new SafeReadError(file, 'unreadable', 'is a symbolic link loop', e.code);
    case 'EACCES':
    case 'EPERM':
      return new SafeReadError(file, 'unreadable', 'cannot be read (permission denied)', e.code);
    default:
      return new SafeReadError(file, 'unreadable', `cannot be read (${e.code ?? e.message})`, e.code);
  }
}

/**
 * Opens `file` for reading and checks, on the opened descriptor, that it is a regular
 * file of at most `maxBytes`. Returns the descriptor (the caller closes it) and its stats.
 */
function openRegular(file: string, maxBytes: number): { fd: number; st: Stats } {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw fromErrno(file, e as NodeJS.ErrnoException);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new SafeReadError(file, 'folder', 'is a folder, not a file');
    if (!st.isFile()) throw new SafeReadError(file, 'not-regular', 'is not a regular file (a device, socket or pipe)');
    if (st.size > maxBytes)
      throw new SafeReadError(file, 'too-large', `is ${mb(st.size)}, more than the ${mb(maxBytes)} cx-lint reads of such a file`, undefined, st.size);
    return { fd, st };
  } catch (e) {
    closeSync(fd);
    throw e instanceof SafeReadError ? e : fromErrno(file, e as NodeJS.ErrnoException);
  }
}

/**
 * Reads the chunks of an opened regular file, never more than `maxBytes` in all: a
 * file that grows while it is read is refused rather than read without end.
 */
function readChunks(file: string, fd: number, maxBytes: number, onChunk: (chunk: Buffer) => void): number {
  const buf = Buffer.allocUnsafe(64 * 1024);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      throw fromErrno(file, e as NodeJS.ErrnoException);
    }
    if (n === 0) return total;
    total += n;
    if (total > maxBytes) throw new SafeReadError(file, 'too-large', `grew past ${mb(maxBytes)} while it was read`, undefined, total);
    onChunk(buf.subarray(0, n));
  }
}

/** The bytes of a regular file of at most `maxBytes`; throws SafeReadError otherwise. */
export function readBytesSafely(file: string, maxBytes: number): Buffer {
  const { fd, st } = openRegular(file, maxBytes);
  try {
    // One allocation of the announced size; a file that shrank gives what is there.
    const out = Buffer.allocUnsafe(st.size);
    let got = 0;
    readChunks(file, fd, maxBytes, (chunk) => {
      if (got + chunk.length > out.length) throw new SafeReadError(file, 'unreadable', 'changed size while it was read');
      chunk.copy(out, got);
      got += chunk.length;
    });
    return out.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The UTF-8 text of a regular file of at most `maxBytes` (bad bytes become U+FFFD); throws SafeReadError otherwise. */
export function readTextSafely(file: string, maxBytes: number): string {
  return readBytesSafely(file, maxBytes).toString('utf8');
}

/**
 * The parsed JSON of a regular file of at most `maxBytes`. JSON.parse's own message
 * quotes the text, so a file that is not JSON is refused with a reason that does not.
 */
export function readJsonSafely(file: string, maxBytes: number): unknown {
  return parseJsonSafely(file, readTextSafely(file, maxBytes));
}

/** The parsed JSON of `text`, read from `file` already; SafeReadError 'not-json', quoting nothing, when it is not JSON. */
export function parseJsonSafely(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SafeReadError(file, 'not-json', 'is not valid JSON');
  }
}

/**
 * Feeds a regular file of at most `maxBytes` into `hash` 64 KB at a time (so a large
 * file costs no memory), after `header(size)` when given (size from the opened file);
 * throws SafeReadError otherwise, or when the file changes size while it is hashed.
 */
export function hashFileSafely(hash: Hash, file: string, maxBytes: number, header?: (size: number) => string): void {
  const { fd, st } = openRegular(file, maxBytes);
  try {
    if (header) hash.update(header(st.size));
    const fed = readChunks(file, fd, maxBytes, (chunk) => hash.update(chunk));
    if (fed !== st.size) throw new SafeReadError(file, 'unreadable', 'changed size while it was read');
  } finally {
    closeSync(fd);
  }
}
