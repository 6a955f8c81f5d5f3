import { readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyEdits, lint, type Finding, type LintResult, type Setup, type TextEdit } from '../engine';

const MAX_PASSES = 10;

/** The safe fix of each finding (the preferred one when there are several). */
export function safeEdits(findings: Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const safe = f.fixes.filter((x) => x.safe);
    const fix = safe.find((x) => x.preferred) ?? safe[0];
    if (fix) edits.push(...fix.edits);
  }
  return edits;
}

/** Applies safe fixes until none are left (or MAX_PASSES); returns the final text and its lint result. */
export function fixText(text: string, setup: Setup, filePath: string | undefined): { text: string; result: LintResult; changed: boolean } {
  let current = text;
  let result = lint(current, setup, { filePath });
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = safeEdits(result.findings);
    if (!edits.length) break;
    const applied = applyEdits(current, edits);
    if (!applied.applied.length || applied.text === current) break;
    current = applied.text;
    result = lint(current, setup, { filePath });
  }
  return { text: current, result, changed: current !== text };
}

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
  try {
    return readFileSync(file).equals(Buffer.from(expected, 'utf8'));
  } catch {
    return false;
  }
}
