/**
 * The Markdown parser's time grows with the square of the number of lists in one
 * parse (5,000 sections of heading + list: ~10 s), and an editor wants to re-parse only
 * the section that changed. A document is therefore parsed in chunks, cut only where
 * nothing before the cut can continue after it: at an HTML comment in column 0, or at a
 * line that starts in column 0 after a blank line, is not a list item (which could
 * continue a loose list) nor `---`, `+++` or `{` (which would open front matter at the start of a
 * chunk), and is outside fenced code, multi-line HTML blocks and front matter as far as
 * this line scanner can tell. It cannot see containers, so after parsing, a chunk that
 * ends inside an open fence or HTML block is joined to the next (chunkEndsOpen; see
 * parse.ts): the scanner picks places, the parser has the last word. Documents that may
 * hold link reference definitions (which reach across the whole document) are never
 * cut. Short documents are parsed whole unless the caller keeps a parse cache.
 */
export const CHUNK_MIN_LENGTH = 32 * 1024;
export const CHUNK_TARGET = 8 * 1024;

export interface Chunking {
  /** Shorter documents are not cut. */
  minLength: number;
  /** Cut at the first allowed place at least this far from the previous cut. */
  target: number;
  /**
   * Also cut at every allowed ATX heading, however close: an edit then changes one
   * section's chunk and leaves the others as they were (see ParseCache).
   */
  sections?: boolean;
  /**
   * Also cut before a bullet list item in column 0 (`- text`), which ends everything
   * before it but the list: the list is then parsed as several lists of the same items.
   * The model reads items, not lists, so it is the same; a long list's parse (whose
   * memory, and so garbage collection, grew with the whole list) is then bounded.
   */
  listItems?: boolean;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

// Fences and HTML blocks outside containers are tracked to their end. One opened inside
// a list item or blockquote ends with its container, which always ends at the next cut
// candidate (a blank line, then a line in column 0 that is not a list item) — but an
// unclosed one would then absorb the blank line before the cut, so that one candidate
// is passed over.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/;
// A definition can sit in a list item or blockquote, span lines and escape brackets,
// but it always has "]:"; a document that has one anywhere is not cut.
const MAY_DEFINE_REFERENCE = /\]:/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
// A bullet item with content interrupts any paragraph (an ordered one other than 1. does not).
const BULLET_ITEM = /^[-*+][ \t]+\S/;
const HTML_OPEN: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

/** Offsets where the text may be cut into independently parsed chunks (never 0). */
export function chunkStarts(text: string, chunking: Chunking = { minLength: CHUNK_MIN_LENGTH, target: CHUNK_TARGET }): number[] {
  const { minLength, target, sections = false, listItems = false } = chunking;
  if (text.length < minLength || MAY_DEFINE_REFERENCE.test(text)) return [];
  const cuts: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let html: RegExp | undefined;
  // Front matter as the parser is configured: `---` to `---` (YAML), `+++` to `+++`
  // (TOML), `{` to `}` (JSON), each fence alone on its line at the very start.
  const opening = /^(---|\+\+\+|\{)[ \t]*(?:\r\n|\r|\n)/.exec(text)?.[1];
  const closing = opening === '{' ? /^\}[ \t]*$/ : opening === '+++' ? /^\+\+\+[ \t]*$/ : /^---[ \t]*$/;
  let frontMatter = opening !== undefined;
  let prevBlank = false;
  let passNext = false;
  // Inside an HTML block that only a blank line ends (<div>, </div>, <span>…).
  let rawHtml = false;
  let chunkStart = 0;
  const lineRe = /([^\r\n]*)(?:\r\n|\r|\n|$)/g;
  for (let m = lineRe.exec(text); m && m[0].length; m = lineRe.exec(text)) {
    const start = m.index;
    const line = m[1];
    const blank = /^[ \t]*$/.test(line);
    if (frontMatter) {
      if (start > 0 && closing.test(line)) frontMatter = false;
    } else if (fence) {
      const f = FENCE.exec(line);
      if (f && f[1][0] === fence.char && f[1].length >= fence.length && /^[ \t]*$/.test(line.slice(f[0].length))) fence = undefined;
    } else if (html) {
      if (html.test(line)) html = undefined;
    } else {
      // An HTML comment in column 0 interrupts any paragraph and closes every list item
      // and blockquote, blank line or not (control comments between duties are common).
      if (blank) rawHtml = false;
      if (
        (prevBlank && !blank && !/^[ \t]/.test(line) && !LIST_ITEM.test(line)) ||
        (line.startsWith('<!--') && !rawHtml) ||
        (listItems && !rawHtml && BULLET_ITEM.test(line))
      ) {
        if (!passNext && start > 0 && (start - chunkStart >= target || (sections && ATX_HEADING.test(line))) && !/^(?:---|\+\+\+|\{)/.test(line)) {
          cuts.push(start);
          chunkStart = start;
        }
        passNext = false;
      }
      if (/^ {0,3}<(?!!--|\?|!\[CDATA\[|![A-Za-z]|(?:script|pre|style|textarea)(?:[\s>]|$))/i.test(line)) rawHtml = true;
      const inner = line.slice(CONTAINER_PREFIX.exec(line)![0].length);
      // Every HTML block opener starts with "<": most lines need no HTML test at all.
      const angle = line.includes('<');
      if (/^(?:`{3,}|~{3,})/.test(inner) || (angle && HTML_OPEN.some(([open, close]) => opensUnclosed(inner, open, close)))) passNext = true;
      const f = FENCE.exec(line);
      if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) fence = { char: f[1][0], length: f[1].length };
      else html = angle ? HTML_OPEN.find(([open, close]) => opensUnclosed(line, open, close))?.[1] : undefined;
    }
    prevBlank = blank;
  }
  return cuts;
}

/** Does `line` open an HTML block that it does not also close? */
function opensUnclosed(line: string, open: RegExp, close: RegExp): boolean {
  const o = open.exec(line);
  return o !== null && !close.test(line.slice(o[0].length));
}

interface BlockNode {
  type: string;
  value?: string;
  children?: BlockNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Whether a parsed chunk ends inside a fenced code block or an HTML block that the
 * text after the cut could continue. Only the chunk's last block can be open, so this
 * follows the last child down through lists, items and blockquotes. (A cut is always
 * followed by a line in column 0 that ends every container, but not a fence or an HTML
 * block that was never closed.)
 */
export function chunkEndsOpen(chunk: string, nodes: readonly BlockNode[]): boolean {
  for (let node: BlockNode | undefined = nodes[nodes.length - 1]; node; node = node.children?.[node.children.length - 1]) {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return false;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? chunk.length;
    if (node.type === 'code' && fenceLeftOpen(chunk.slice(start, end))) return true;
    if (node.type === 'html' && htmlLeftOpen(node.value ?? '', chunk.slice(end))) return true;
  }
  return false;
}

function fenceLeftOpen(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  const open = FENCE.exec(lines[0]);
  if (!open) return false; // indented code: a line in column 0 ends it
  if (lines.length < 2) return true;
  const last = lines[lines.length - 1];
  const close = CLOSING_FENCE.exec(last.slice(CONTAINER_PREFIX.exec(last)![0].length));
  return !(close && close[1][0] === open[1][0] && close[1].length >= open[1].length);
}

function htmlLeftOpen(value: string, after: string): boolean {
  const kind = HTML_OPEN.find(([open]) => open.test(value));
  // Kinds 1–5 end at their end marker; the others at a blank line, which must follow
  // inside the chunk.
  if (kind) return !kind[1].test(value.slice(kind[0].exec(value)![0].length));
  // (A lone "\r" is a line end only when no "\n" follows: "\r\n" is one, not a line
  // end and a blank line.)
  return !/^[^\r\n]*(?:\r\n|\r(?!\n)|\n)[ \t>]*(?:\r\n|\r(?!\n)|\n)/.test(after);
}
