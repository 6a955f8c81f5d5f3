import { realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readBytesSafely } from '../fs/safe-read';

/**
 * Writes `text` to `file` atomically (temp file in the same folder, then rename),
 * unless the file no longer holds `expected`. Returns false when skipped.
 */
export function writeIfUnchanged(linkOrFile: string, expected: string, text: string): boolean {
  if (!sameBytes(linkOrFile, expected)) return false;
  // Rename onto the real file: renaming onto a symbolic link would replace the link.
  const file = realpathSync(linkOrFile);
  const tmp = join(dirname(file), `.${basename(file)}.cx-lint-${process.pid}-${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', mode });
    // Checked again just before the rename, to keep the window for a lost edit as small
    // as a rename allows (a file system offers no compare-and-swap).
    if (!sameBytes(file, expected)) {
      unlinkSync(tmp);
      return false;
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  return true;
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
