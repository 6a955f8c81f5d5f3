import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { readBytesSafely } from '../fs/safe-read';

/**
 * Writes `text` to `file` unless the file no longer holds `expected`; returns false
 * when skipped, throws the file system's error when the file cannot be written.
 *
 * Normally atomic: a temp file in the same folder, given the file's mode (exactly:
 * chmod is not subject to the umask) and owner and group, then renamed over it, so a
 * reader or a crash sees the old text or the new, never half. A rename makes a new
 * file, so where that would lose something the file is rewritten in place instead
 * (docs/decisions.md 53): when it has other hard links (they would keep the old
 * text) and when its owner or group cannot be given to a new file (a runner that is
 * not root fixing someone else's file).
 */
export function writeIfUnchanged(linkOrFile: string, expected: string, text: string): boolean {
  if (!sameBytes(linkOrFile, expected)) return false;
  // Rename onto the real file: renaming onto a symbolic link would replace the link.
  const file = realpathSync(linkOrFile);
  // A rename needs only the folder's permission; a file its owner made read-only is not fixed either.
  accessSync(file, constants.W_OK);
  const st = statSync(file);
  if (st.nlink > 1) return writeInPlace(file, expected, text);
  // A short name of its own: the file's name plus a suffix could exceed the file
  // system's limit (255 bytes), and --jobs workers share one process id.
  const tmp = join(dirname(file), `.cx-lint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  let keepsOwner = true;
  let open = true;
  try {
    writeAll(fd, Buffer.from(text, 'utf8'), 0);
    const made = fstatSync(fd);
    if (made.uid !== st.uid || made.gid !== st.gid) keepsOwner = tryChown(fd, st);
    // After chown, which may clear set-id bits.
    fchmodSync(fd, st.mode & 0o7777);
    fsyncSync(fd);
    open = false;
    closeSync(fd); // can fail too (a network file system reporting a full disk late)
  } catch (e) {
    discard(open ? fd : undefined, tmp);
    throw e;
  }
  if (!keepsOwner) {
    unlinkSync(tmp);
    return writeInPlace(file, expected, text);
  }
  try {
    // Checked again just before the rename, to keep the window for a lost edit as small
    // as a rename allows (a file system offers no compare-and-swap).
    if (!sameBytes(file, expected)) {
      unlinkSync(tmp);
      return false;
    }
    renameSync(tmp, file);
  } catch (e) {
    discard(undefined, tmp);
    throw e;
  }
  return true;
}

function tryChown(fd: number, st: Stats): boolean {
  try {
    fchownSync(fd, st.uid, st.gid);
    return true;
  } catch {
    return false;
  }
}

/**
 * Rewrites the file through one descriptor, after checking it still holds `expected`.
 * Keeps everything a rename would lose (inode, hard links, owner, extended
 * attributes) but is not atomic: if a write fails midway (a full disk) the old bytes
 * are written back before the error is passed on.
 */
function writeInPlace(file: string, expected: string, text: string): boolean {
  const fd = openSync(file, 'r+');
  try {
    const want = Buffer.from(expected, 'utf8');
    // Checked on the descriptor, as fs/safe-read does: only a regular file of the linted
    // size is read (nothing blocks on a pipe swapped in, nothing reads past that size).
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== want.length) return false;
    const old = readAll(fd, want.length);
    if (!old.equals(want)) return false;
    const next = Buffer.from(text, 'utf8');
    try {
      writeAll(fd, next, 0);
      ftruncateSync(fd, next.length);
      fsyncSync(fd);
    } catch (e) {
      try {
        writeAll(fd, old, 0);
        ftruncateSync(fd, old.length);
      } catch {
        /* the first error is the one to report */
      }
      throw e;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, buf: Buffer, position: number): void {
  for (let done = 0; done < buf.length;) done += writeSync(fd, buf, done, buf.length - done, position + done);
}

/** At most `maxBytes` + 1 bytes of the file: enough to tell it from `maxBytes` bytes of text. */
function readAll(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  for (let pos = 0; ;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - pos));
    const n = chunk.length === 0 ? 0 : readSync(fd, chunk, 0, chunk.length, pos);
    if (n === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, n));
    pos += n;
  }
}

function discard(fd: number | undefined, tmp: string): void {
  try {
    if (fd !== undefined) closeSync(fd);
  } catch {
    /* already closed */
  }
  try {
    unlinkSync(tmp);
  } catch {
    /* already gone */
  }
}

/** Byte comparison: `expected` came from valid UTF-8, so its encoding is exactly what was read. */
function sameBytes(file: string, expected: string): boolean {
  const bytes = Buffer.from(expected, 'utf8');
  try {
    // A file now larger than what was linted is not read in full: it has changed.
    return readBytesSafely(file, bytes.length).equals(bytes);
  } catch {
    return false;
  }
}

/** Why a file could not be written, in words, for "cx-lint: FILE: cannot be written (…); not fixed". */
export function writeFailure(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return "over the file system's or the process's file size limit";
    case 'ENAMETOOLONG':
      return 'name too long';
    case 'ENOTDIR':
      return 'a folder on its path is not a folder';
    default:
      return e.code ?? e.message;
  }
}
