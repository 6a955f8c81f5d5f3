import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';
import { capListNesting } from './nesting-cap';

/**
 * GFM tables only: the rules read duties from tables, but autolink literals,
 * footnotes, strikethrough and task lists would cost parse time for nothing.
 */
function remarkGfmTable(this: any) {
  const data = this.data();
  (data.micromarkExtensions ||= []).push(gfmTable());
  (data.fromMarkdownExtensions ||= []).push(gfmTableFromMarkdown());
}

// The processor is stateless once frozen, so one instance serves every document.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTable).freeze();

export interface Parsed {
  tree: Root;
  /** Added to every mdast offset to get an offset into the original text. */
  shift: number;
}

export function parseMarkdown(text: string): Parsed {
  // micromark drops a BOM silently; parse without it and shift offsets back so that
  // every range still indexes the text the user has.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = processor.parse(capListNesting(shift ? text.slice(1) : text)) as Root;
  return { tree, shift };
}
