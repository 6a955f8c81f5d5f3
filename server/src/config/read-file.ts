import { lstatSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { readBytesSafely, SafeReadError } from '../fs/safe-read';

/** What reading a file for linting gave: its text, or why it was not linted. */
export type ReadOutcome =
  | { ok: true; text: string; /** Bad UTF-8 became U+FFFD: lint it, but never write it back. */ invalidUtf8: boolean }
  | { ok: false; reason: string; tooLarge?: number };

/** Git's rule: a NUL byte in the first 8 KB makes a file binary. */
const BINARY_PROBE = 8 * 1024;

function why(e: SafeReadError, file: string): string {
  if (e.problem === 'missing') {
    // Listed a moment ago (or a link to nothing): say which.
    try {
      if (lstatSync(file).isSymbolicLink()) return 'is a symbolic link to a file that does not exist; not linted';
    } catch {
      /* gone entirely */
    }
    return 'no longer exists (deleted while cx-lint ran); not linted';
  }
  if (e.problem === 'folder') return 'is a folder, not a Markdown file; not linted';
  return `${e.reason}; not linted`;
}

/**
 * Reads a file for linting with one open (so what is checked is what is read):
 * folders, pipes and devices (without waiting on them), links to nothing, link loops,
 * unreadable and binary files are refused with a reason; a file over `maxFileSize`
 * bytes is not read at all.
 */
export function readForLint(file: string, maxFileSize: number): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readBytesSafely(file, maxFileSize);
  } catch (e) {
    if (!(e instanceof SafeReadError)) throw e;
    if (e.problem === 'too-large') return { ok: false, reason: 'too large', tooLarge: e.size };
    return { ok: false, reason: why(e, file) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'is UTF-16 text; cx-lint reads UTF-8 (save it as UTF-8); not linted' };
  }
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes); not linted' };
  // toString keeps a BOM (the engine preserves it) and turns bad bytes into U+FFFD.
  return { ok: true, text: bytes.toString('utf8'), invalidUtf8: !isUtf8(bytes) };
}
