import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { isInside } from '../fs/inside';
import { fromErrno, readTextSafely, READ_CAPS, SafeReadError } from '../fs/safe-read';
import { PackError } from './diagnostics';

/**
 * Containment by real path. A pack is untrusted: any file in it may be a symbolic
 * link, and so may any folder on the way to the file. `path.resolve` only tidies the
 * spelling of a path; the real path is where the bytes are. Every file cx-lint opens
 * from a pack (manifest, rule files, docs, fixtures, package.json) goes through here.
 */

/** A file that is, or lies under, a symbolic link leading out of its folder. */
export class OutsideError extends PackError {
  constructor(
    file: string,
    readonly real: string,
    what: string,
  ) {
    super(file, 1, 1, outsideReason(what, real));
  }
}

/** What to say about a file whose real path leaves the pack: what it is, where it leads, what to do. */
export function outsideReason(what: string, real: string): string {
  return `this ${what} is a link that leaves the pack folder; it was not read (it leads to ${real}). Copy the file into the pack instead of linking to it.`;
}

/**
 * The real path of `file`, which must lie inside `root` (a real path). Throws
 * OutsideError when it leads out, and the file system's error (ENOENT …) when it
 * cannot be resolved.
 */
export function realpathInside(root: string, file: string, what = 'file'): string {
  const real = realpathSync(resolve(file));
  if (!isInside(root, real)) throw new OutsideError(file, real, what);
  return real;
}

/**
 * Reads a UTF-8 pack file that must lie inside `root` by real path (see realpathInside),
 * and read safely there (fs/safe-read: a regular file of at most `maxBytes`). Throws
 * OutsideError, or a SafeReadError that names `file` as the caller gave it (a missing
 * file or a link loop included), never the bytes of anything outside the pack.
 */
export function readInside(root: string, file: string, what = 'file', maxBytes: number = READ_CAPS.packFile): string {
  let real: string;
  try {
    real = realpathInside(root, file, what);
  } catch (e) {
    throw e instanceof OutsideError ? e : fromErrno(file, e as NodeJS.ErrnoException);
  }
  try {
    return readTextSafely(real, maxBytes);
  } catch (e) {
    if (!(e instanceof SafeReadError)) throw e;
    throw new SafeReadError(file, e.problem, e.reason, e.code, e.size);
  }
}
