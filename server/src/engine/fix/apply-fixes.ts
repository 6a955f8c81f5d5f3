import type { TextEdit } from '../types';

/**
 * The one function that applies edits, shared by fix-all, --fix and tests.
 * Edits are applied from the end so earlier offsets stay valid; an edit that
 * overlaps one already taken is skipped (and reported) rather than corrupting text.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const { e } of sorted) {
    const valid = e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end;
    if (
      !valid ||
      e.range.start < lastEnd ||
      (e.range.start === lastEnd && e.range.start === e.range.end && applied.length && applied[applied.length - 1].range.start === e.range.start)
    ) {
      skipped.push(e);
      continue;
    }
    applied.push(e);
    lastEnd = e.range.end;
  }
  let out = text;
  for (let i = applied.length - 1; i >= 0; i--) {
    const e = applied[i];
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  }
  return { text: out, applied, skipped };
}
