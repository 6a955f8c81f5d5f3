import { PLACEHOLDER_OF } from './placeholders';
import type { Finding } from '../types';
import { ENGINE_VERSION } from '../version';

/**
 * A GFM table is one block that the chunked parse cannot cut (a piece without the
 * header row would not be a table), and the parser keeps a tokenizer and its events
 * for every cell until the whole block is done: about a gigabyte per megabyte of
 * table, so time grows faster than size as the garbage collector walks it again and
 * again (2 MiB took 42 s, 4 MiB 142 s). No posting has a table of thousands of rows,
 * so a table with more than MAX_TABLE_ROWS rows is read as plain text: in the parser's
 * copy the `|` and `-` of its delimiter row become placeholders of the same length
 * (every offset stays the same), so the lines parse as one paragraph — linear, like any
 * paragraph of many lines — and parse.ts puts the characters back into the parsed
 * text. lint.ts reports such tables in one `markup-not-parsed` finding.
 */
export const MAX_TABLE_ROWS = 1000;

export interface BigTable {
  /** The header row's start, the end of its last row (offsets into the parser's copy). */
  start: number;
  end: number;
  /** The delimiter row, whose marks are neutralised. */
  delimiterStart: number;
  delimiterEnd: number;
  /** Body rows counted (more than MAX_TABLE_ROWS). */
  rows: number;
}

// Blockquote markers and indentation before a line's content.
const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;
// A delimiter row: cells of `-` with optional `:` either side, between pipes. Each
// repetition starts with a `|`, so the expression cannot match one text two ways.
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
// Lines that start another block and so end a table: headings, quotes, fences, HTML, list items, thematic breaks.
const BLOCK_START = /^(?:#|>|`{3}|~{3}|<|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/** The tables with more than MAX_TABLE_ROWS body rows, in document order; one pass over the lines. */
export function bigTables(text: string): BigTable[] {
  const out: BigTable[] = [];
  // Line starts and ends, made as the scan goes.
  const lineAt = (i: number): [number, number, number] => {
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 0x0a && text.charCodeAt(j) !== 0x0d) j++;
    const next = j >= text.length ? -1 : j + (text.charCodeAt(j) === 0x0d && text.charCodeAt(j + 1) === 0x0a ? 2 : 1);
    return [i, j, next];
  };
  const content = (s: number, e: number) => {
    const line = text.slice(s, e);
    return line.slice(QUOTE_PREFIX.exec(line)![0].length);
  };
  if (!text.includes('|')) return out;
  let [s, e, next] = lineAt(0);
  while (next >= 0) {
    const [ds, de, dnext] = lineAt(next);
    const header = text.slice(s, e);
    if (header.includes('|') && DELIMITER_ROW.test(content(ds, de).trimStart())) {
      let rows = 0;
      let end = de;
      let n = dnext;
      while (n >= 0) {
        const [rs, re, rnext] = lineAt(n);
        const c = content(rs, re);
        if (!c.trim() || BLOCK_START.test(c.trimStart())) break;
        rows++;
        end = re;
        n = rnext;
      }
      if (rows > MAX_TABLE_ROWS) out.push({ start: s, end, delimiterStart: ds, delimiterEnd: de, rows });
      if (n < 0) break;
      // Carry on from the line that ended the table (it may be the header of the next one).
      [s, e, next] = lineAt(n);
      continue;
    }
    [s, e, next] = [ds, de, dnext];
  }
  return out;
}

/** The text with the delimiter row of every big table neutralised, or the text itself when there is none. */
export function neutraliseBigTables(text: string, tables: readonly BigTable[]): string {
  if (!tables.length) return text;
  const out: string[] = [];
  let copied = 0;
  for (const t of tables) {
    out.push(
      text.slice(copied, t.delimiterStart),
      text.slice(t.delimiterStart, t.delimiterEnd).replace(/[|-]/g, (m) => PLACEHOLDER_OF[m]),
    );
    copied = t.delimiterEnd;
  }
  out.push(text.slice(copied));
  return out.join('');
}

/** The one finding a document with big tables gets, on the header row of the first. */
export function tableNotParsed(text: string, tables: readonly BigTable[]): Finding {
  const first = tables[0];
  const eol = /[\r\n]/.exec(text.slice(first.start, Math.min(first.end, first.start + 1000)));
  const more = tables.length > 1 ? ` (and ${tables.length - 1} more table${tables.length > 2 ? 's' : ''} after it)` : '';
  return {
    ruleId: 'markup-not-parsed',
    severity: 'info',
    message: `Table read as plain text: this table${more} has more than ${MAX_TABLE_ROWS} rows, which would make parsing slow, so its text was linted as lines of a paragraph, not as table cells. To have it read as a table, split it into smaller tables.`,
    range: { start: first.start, end: eol ? first.start + eol.index : Math.min(first.end, first.start + 1000) },
    fixes: [],
    pack: { name: 'cx-lint', version: ENGINE_VERSION },
    related: [],
    data: { tables: tables.length, rows: first.rows, limit: MAX_TABLE_ROWS },
  };
}
