import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root } from 'mdast';
import { chunkStarts, CHUNK_MIN_LENGTH, CHUNK_TARGET } from './chunks';
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

/** `chunking` is for tests, which compare chunked and whole parses. */
export function parseMarkdown(text: string, chunking = { minLength: CHUNK_MIN_LENGTH, target: CHUNK_TARGET }): Parsed {
  // micromark drops a BOM silently; parse without it and shift offsets back so that
  // every range still indexes the text the user has.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = capListNesting(shift ? text.slice(1) : text);
  const cuts = chunkStarts(body, chunking.minLength, chunking.target);
  if (!cuts.length) return { tree: processor.parse(body) as Root, shift };
  const tree: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  let line = 0;
  const bounds = [0, ...cuts, body.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const chunk = body.slice(bounds[i], bounds[i + 1]);
    const part = processor.parse(chunk) as Root;
    for (const child of part.children) moveBy(child, bounds[i], line);
    tree.children.push(...part.children);
    tree.position!.end = { ...part.position!.end, line: part.position!.end.line + line, offset: (part.position!.end.offset ?? 0) + bounds[i] };
    line += (chunk.match(/\r\n|\r|\n/g) ?? []).length;
  }
  return { tree, shift };
}

/** Shifts a chunk's node positions to where the chunk sits in the whole text. */
function moveBy(node: Nodes, offset: number, lines: number): void {
  const p = node.position;
  if (p) {
    p.start = { ...p.start, line: p.start.line + lines, offset: (p.start.offset ?? 0) + offset };
    p.end = { ...p.end, line: p.end.line + lines, offset: (p.end.offset ?? 0) + offset };
  }
  if ('children' in node) for (const c of node.children as Nodes[]) moveBy(c, offset, lines);
}
