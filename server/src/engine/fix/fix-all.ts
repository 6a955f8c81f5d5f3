import { applyEdits } from './apply-fixes';
import { lint } from '../lint';
import type { Setup } from '../setup';
import type { Finding, LintResult, TextEdit } from '../types';

/*
 * Fix-all, shared by `cx-lint --fix`, the language server's fix-all and the API:
 * pure (text in, text out), so it lives in the engine.
 */
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

/**
 * Applies safe fixes until none are left (or MAX_PASSES); returns the final text and its
 * lint result. `linted`, when the caller already has the lint of `text`, saves a lint.
 */
export function fixText(text: string, setup: Setup, filePath: string | undefined, linted?: LintResult): { text: string; result: LintResult; changed: boolean } {
  let current = text;
  let result = linted ?? lint(current, setup, { filePath });
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
