import { Parser } from 'htmlparser2';
import { TextBuilder } from './text-block';

/**
 * Postings pasted from job boards often arrive as one HTML block (`<div>…</div>`,
 * `<p><strong>Responsibilities</strong></p><ul><li>…`). Markdown keeps such a block as
 * raw HTML; this reads its text back as the blocks a reader sees: headings, list
 * items and paragraphs, each mapped to its place in the source.
 */
export interface HtmlBlock {
  kind: 'heading' | 'item' | 'paragraph';
  /** 1–6 for <h1>–<h6>. */
  depth?: number;
  /** All of the block's text is bold (a heading by its looks). */
  bold: boolean;
  text: TextBuilder;
}

const BLOCK = new Set([
  'p',
  'div',
  'li',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'ul',
  'ol',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'dd',
  'dt',
  'hr',
]);
const BOLD = new Set(['strong', 'b']);
const SKIP = new Set(['script', 'style', 'template']);

/** The blocks of an HTML fragment that starts at `start` in `source`. */
export function htmlBlocks(html: string, start: number, source: string): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  let current: HtmlBlock | undefined;
  let boldDepth = 0;
  let skipDepth = 0;
  let heading = 0;
  let listItem = 0;
  let allBold = true;
  const close = () => {
    if (current && current.text.text.trim()) {
      current.bold = allBold;
      out.push(current);
    }
    current = undefined;
    allBold = true;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        if (BOLD.has(name)) boldDepth++;
        if (!BLOCK.has(name)) return;
        close();
        if (/^h[1-6]$/.test(name)) heading = Number(name[1]);
        if (name === 'li') listItem++;
      },
      ontext(text) {
        if (skipDepth || !text.trim()) return;
        // Inline tags add nothing: "re<b>fund</b>" reads "refund", as a browser shows it.
        current ??= { kind: heading ? 'heading' : listItem ? 'item' : 'paragraph', depth: heading || undefined, bold: false, text: new TextBuilder(source) };
        if (!boldDepth) allBold = false;
        current.text.add(text.replace(/\s+/g, ' '), start + parser.startIndex, start + parser.endIndex + 1);
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BOLD.has(name)) boldDepth = Math.max(0, boldDepth - 1);
        if (!BLOCK.has(name)) return;
        close();
        if (/^h[1-6]$/.test(name)) heading = 0;
        if (name === 'li') listItem = Math.max(0, listItem - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  close();
  return out;
}
