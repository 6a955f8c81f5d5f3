import { PLACEHOLDER_OF } from './placeholders';
import type { Finding } from '../types';
import { ENGINE_VERSION } from '../version';

/**
 * The Markdown parser's inline pass is quadratic in the emphasis and link punctuation
 * of one paragraph (80 KB of `*a` took 55 s, 600 KB of `[` over 300 s). No posting has
 * hundreds of such marks in one paragraph, so a block that does is read as plain
 * text: in the parser's copy its marks become placeholders of the same length (every
 * offset stays the same), and parse.ts puts the characters back into the parsed text.
 * A block here is what blank lines delimit (after `>` and indentation): inline content
 * never spans a blank line, so no paragraph can escape the count by spreading its
 * marks over several blocks, and the work per block is bounded by MAX_INLINE_MARKS².
 * lint.ts reports the blocks read this way in one `markup-not-parsed` finding.
 */
export const MAX_INLINE_MARKS = 512;

/** `*` `_` `[` `]` and backtick: the characters whose runs make the parser quadratic. */
function isMark(c: number): boolean {
  return c === 0x2a || c === 0x5f || c === 0x5b || c === 0x5d || c === 0x60;
}

export interface DenseBlock {
  start: number;
  end: number;
  marks: number;
}

/** The blocks with more than MAX_INLINE_MARKS marks, in document order. */
export function denseInlineBlocks(text: string): DenseBlock[] {
  const out: DenseBlock[] = [];
  const n = text.length;
  let blockStart = -1;
  let blockEnd = 0;
  let marks = 0;
  const close = () => {
    if (blockStart >= 0 && marks > MAX_INLINE_MARKS) out.push({ start: blockStart, end: blockEnd, marks });
    blockStart = -1;
    marks = 0;
  };
  for (let i = 0; i <= n;) {
    // One line: [i, eol). \r, \n and \r\n all end a line, as they do for the parser.
    let blank = true;
    let lineMarks = 0;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x0a || c === 0x0d) break;
      if (isMark(c)) lineMarks++;
      if (blank && c !== 0x20 && c !== 0x09 && c !== 0x3e /* > */) blank = false;
    }
    if (blank) close();
    else {
      if (blockStart < 0) blockStart = i;
      blockEnd = j;
      marks += lineMarks;
    }
    if (j >= n) break;
    i = j + (text.charCodeAt(j) === 0x0d && text.charCodeAt(j + 1) === 0x0a ? 2 : 1);
  }
  close();
  return out;
}

// Container markers at the start of a line (blockquotes, list items): block structure.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/;
// Lines whose marks are block structure: fences, and thematic breaks (`***`, `- _ _ _`).
const FENCE_START = /^(?:`{3,}|~{3,})/;
const MARKS = /[*_[\]`]/g;

/**
 * The text with the marks of every dense block replaced by placeholders, or the text
 * itself when no block is dense. Container prefixes, fences and thematic breaks keep
 * their characters, so the blocks, lists and quotes parse exactly as before.
 */
export function neutraliseDenseInline(text: string, blocks: readonly DenseBlock[] = denseInlineBlocks(text)): string {
  if (!blocks.length) return text;
  const out: string[] = [];
  let copied = 0;
  for (const block of blocks) {
    const lineRe = /[^\r\n]*/y;
    for (let i = block.start; i <= block.end;) {
      lineRe.lastIndex = i;
      const line = lineRe.exec(text)![0];
      const prefix = CONTAINER_PREFIX.exec(line)![0].length;
      const inner = line.slice(prefix);
      if (!FENCE_START.test(inner) && !isThematicBreak(line, prefix)) {
        out.push(
          text.slice(copied, i + prefix),
          inner.replace(MARKS, (m) => PLACEHOLDER_OF[m]),
        );
        copied = i + line.length;
      }
      i += line.length + 1;
      if (text.charCodeAt(i - 1) === 0x0d && text.charCodeAt(i) === 0x0a) i++;
    }
  }
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * Whether the line ends in a thematic break that only container markers precede
 * (`***`, `> - - -`, `- * * *`). Scanned from the end, so a long line costs one pass.
 */
function isThematicBreak(line: string, prefix: number): boolean {
  let k = line.length - 1;
  while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
  const c = line[k];
  if (c !== '*' && c !== '_' && c !== '-') return false;
  let count = 0;
  for (; k >= 0 && (line[k] === c || line[k] === ' ' || line[k] === '\t'); k--) if (line[k] === c) count++;
  // Everything before the run is container prefix (which may itself reach into the run).
  return count >= 3 && prefix >= k + 1;
}

/** The built-in diagnostic for blocks read as plain text; not a rule, so it cannot be turned off. */
export const MARKUP_NOT_PARSED = 'markup-not-parsed';

/** The one finding a document with dense blocks gets, on the first line of the first one. */
export function markupNotParsed(text: string, blocks: readonly DenseBlock[]): Finding {
  const first = blocks[0];
  const eol = /[\r\n]/.exec(text.slice(first.start, Math.min(first.end, first.start + 1000)));
  const more = blocks.length > 1 ? ` (and ${blocks.length - 1} more block${blocks.length > 2 ? 's' : ''} after it)` : '';
  return {
    ruleId: MARKUP_NOT_PARSED,
    severity: 'info',
    message: `Formatting read as plain text: this block${more} has more than ${MAX_INLINE_MARKS} emphasis, link or code marks (* _ [ ] \`), which would make parsing slow, so its text was linted without its Markdown formatting. To have it read, split the block with blank lines.`,
    range: { start: first.start, end: eol ? first.start + eol.index : Math.min(first.end, first.start + 1000) },
    fixes: [],
    pack: { name: 'cx-lint', version: ENGINE_VERSION },
    related: [],
    data: { blocks: blocks.length, marks: first.marks, limit: MAX_INLINE_MARKS },
  };
}
