import { PLACEHOLDER_OF } from './placeholders';

/**
 * Deeply nested lists cost the Markdown parser time quadratic in the depth (every line
 * re-checks every open container): 500 levels took ~10 s. No posting nests lists more
 * than a few levels, so past MAX_LIST_DEPTH markers (or past MAX_COLUMN columns of
 * container indentation) a list marker is read as plain indentation instead: it is
 * replaced by spaces of the same length, so every offset stays the same and the text
 * becomes continuation text of the deepest item.
 *
 * Blockquotes are cheap to parse but make a tree as deep as the line has `>` markers
 * (3,000 on one line overflowed the model builder's stack): past MAX_QUOTE_DEPTH on a
 * line, the next `>` becomes a placeholder of the same length (placeholders.ts), so the
 * rest of the line is text of the deepest quote, and reads as the `>` the user wrote.
 */
export const MAX_LIST_DEPTH = 16;
export const MAX_QUOTE_DEPTH = 32;
const MAX_COLUMN = 64;

/** The text with over-deep list and quote markers neutralised, or the text itself when there are none. */
export function capNesting(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let i = lineStart;
    let column = 0;
    let markers = 0;
    let quotes = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */ && ++quotes > MAX_QUOTE_DEPTH) {
        out ??= [];
        out.push(text.slice(copied, i), PLACEHOLDER_OF['>']);
        copied = i + 1;
        break;
      }
      if (c === 0x20 || c === 0x3e) {
        i++;
        column++;
        continue;
      }
      if (c === 0x09) {
        i++;
        column += 4 - (column % 4);
        continue;
      }
      let end = -1;
      if (c === 0x2d || c === 0x2a || c === 0x2b) end = i + 1;
      else if (c >= 0x30 && c <= 0x39) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
        const d = text.charCodeAt(j);
        if (d === 0x2e || d === 0x29) end = j + 1;
      }
      if (end < 0) break;
      const after = text.charCodeAt(end);
      if (!(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || end >= n)) break;
      markers++;
      // Depth is judged per line: its markers plus how far its indentation reaches.
      const depth = Math.max(markers, Math.floor(column / 2) + 1);
      if (depth > MAX_LIST_DEPTH || column > MAX_COLUMN) {
        out ??= [];
        out.push(text.slice(copied, i), ' '.repeat(end - i));
        copied = end;
      }
      column += end - i;
      i = end;
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}
