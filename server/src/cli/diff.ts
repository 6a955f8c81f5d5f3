import { createTwoFilesPatch, OMIT_HEADERS } from 'diff';

/**
 * A unified diff of two texts, by lines, with three lines of context (--fix-dry-run).
 * Lines are compared and printed without their line endings, and a missing final
 * line ending counts as present, so a text is shown as the lines an editor shows.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  // The names are printed as given (jsdiff would quote some); the hunks are jsdiff's.
  const hunks = createTwoFilesPatch(oldName, newName, asLines(oldText), asLines(newText), undefined, undefined, { context: 3, headerOptions: OMIT_HEADERS });
  return `--- ${oldName}\n+++ ${newName}\n${hunks}`;
}

/** Every line ending as "\n", and one after the last line. */
function asLines(text: string): string {
  const t = text.replace(/\r\n?/g, '\n');
  return t === '' || t.endsWith('\n') ? t : `${t}\n`;
}
