import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** What reading a file for linting gave: its text, or why it was not linted. */
export type ReadOutcome =
  | { ok: true; text: string; /** Bad UTF-8 became U+FFFD: lint it, but never write it back. */ invalidUtf8: boolean }
  | { ok: false; reason: string; tooLarge?: number };

/** Git's rule: a NUL byte in the first 8 KB makes a file binary. */
const BINARY_PROBE = 8 * 1024;

function why(e: NodeJS.ErrnoException, file: string): string {
  switch (e.code) {
    case 'ENOENT':
      // Listed a moment ago (or a link to nothing): say which.
      try {
        if (lstatSync(file).isSymbolicLink()) return 'is a symbolic link to a file that does not exist; not linted';
      } catch {
        /* gone entirely */
      }
      return 'no longer exists (deleted while cx-lint ran); not linted';
    case 'ELOOP':
      return 'is a symbolic link loop; not linted';
    case 'EISDIR':
      return 'is a folder, not a Markdown file; not linted';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied); not linted';
    default:
      return `cannot be read (${e.code ?? e.message}); not linted`;
  }
}

/**
 * Reads a file for linting with one open (so what is checked is what is read):
 * folders, links to nothing, link loops, unreadable and binary files are refused with
 * a reason; a file over `maxFileSize` bytes is not read at all.
 */
export function readForLint(file: string, maxFileSize: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return { ok: false, reason: why(e as NodeJS.ErrnoException, file) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, reason: 'is a folder, not a Markdown file; not linted' };
    if (!st.isFile()) return { ok: false, reason: 'is not a regular file (a device, socket or pipe); not linted' };
    if (st.size > maxFileSize) return { ok: false, reason: 'too large', tooLarge: st.size };
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    const bytes = buf.subarray(0, got);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { ok: false, reason: 'is UTF-16 text; cx-lint reads UTF-8 (save it as UTF-8); not linted' };
    }
    if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes); not linted' };
    // toString keeps a BOM (the engine preserves it) and turns bad bytes into U+FFFD.
    return { ok: true, text: bytes.toString('utf8'), invalidUtf8: !isUtf8(bytes) };
  } catch (e) {
    return { ok: false, reason: why(e as NodeJS.ErrnoException, file) };
  } finally {
    closeSync(fd);
  }
}
