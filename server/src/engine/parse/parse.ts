import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root, RootContent } from 'mdast';
import { chunkEndsOpen, chunkStarts, CHUNK_MIN_LENGTH, CHUNK_TARGET, type Chunking } from './chunks';
import { denseInlineBlocks, neutraliseDenseInline, type DenseBlock } from './inline-limit';
import { capNesting } from './nesting-cap';
import { hasPlaceholder, restorePlaceholders } from './placeholders';
import { bigTables, neutraliseBigTables, type BigTable } from './table-limit';
import type { ParseCache } from './parse-cache';

/**
 * GFM tables only: the rules read duties from tables, but autolink literals,
 * footnotes, strikethrough and task lists would cost parse time for nothing.
 */
function remarkGfmTable(this: any) {
  const data = this.data();
  (data.micromarkExtensions ||= []).push(gfmTable());
  (data.fromMarkdownExtensions ||= []).push(gfmTableFromMarkdown());
}

/** Front matter as real postings carry it: YAML, TOML (Hugo's `+++`) and JSON (Hugo's `{ … }`). */
const FRONT_MATTER = ['yaml', 'toml', { type: 'json', fence: { open: '{', close: '}' } }] as const;

// The processor is stateless once frozen, so one instance serves every document.
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, FRONT_MATTER as never)
  .use(remarkGfmTable)
  .freeze();

/** The chunking of a one-off parse: long documents only (see chunks.ts). */
export const WHOLE_DOCUMENT_CHUNKING: Chunking = { minLength: CHUNK_MIN_LENGTH, target: CHUNK_TARGET, listItems: true };
/**
 * The chunking of a cached parse (an editor re-linting as the user types): every
 * document is cut at its top-level headings, so an edit re-parses only its section.
 */
export const SECTION_CHUNKING: Chunking = { minLength: 0, target: CHUNK_TARGET, sections: true, listItems: true };

export interface ParsedChunk {
  /** Where the chunk starts in the parsed body; node offsets are relative to it. */
  offset: number;
  /** Top-level nodes. Shared with the cache: read them, never change them. */
  nodes: readonly RootContent[];
}

export interface ParsedChunks {
  chunks: ParsedChunk[];
  /** Added to every chunk offset: 1 when a BOM was dropped before parsing. */
  shift: number;
}

export interface ParseOptions {
  chunking?: Chunking;
  /** Reuses the trees of chunks whose text is unchanged since the cache's last parse. */
  cache?: ParseCache;
}

/**
 * Parses a document as independently parsed chunks whose node offsets are relative to
 * the chunk: what the model reads. Positions are not rebased, so a cached chunk is
 * shared as it is wherever it moves in the document.
 */
export function parseChunks(text: string, options: ParseOptions = {}): ParsedChunks {
  const { body, shift } = parserCopy(text);
  const chunking = options.chunking ?? (options.cache ? SECTION_CHUNKING : WHOLE_DOCUMENT_CHUNKING);
  const bounds = [0, ...chunkStarts(body, chunking), body.length];
  const chunks: ParsedChunk[] = [];
  const parse = (chunk: string) => {
    const nodes = (processor.parse(chunk) as Root).children;
    if (hasPlaceholder(chunk)) restorePlaceholders(nodes);
    return nodes;
  };
  const cache = options.cache;
  cache?.begin();
  // A chunk that ends inside an open fence or HTML block is joined to what follows:
  // first the next chunk, then twice as many each time, so a fence left open near the
  // top costs about two parses of the document, not one per chunk.
  for (let i = 0; i + 1 < bounds.length;) {
    let span = 1;
    for (;;) {
      const j = Math.min(i + span, bounds.length - 1);
      const chunk = i === 0 && j === bounds.length - 1 ? body : body.slice(bounds[i], bounds[j]);
      const nodes = cache ? cache.take(chunk, parse) : parse(chunk);
      if (j < bounds.length - 1 && chunkEndsOpen(chunk, nodes)) {
        span *= 2;
        continue;
      }
      chunks.push({ offset: bounds[i], nodes });
      i = j;
      break;
    }
  }
  cache?.end();
  return { chunks, shift };
}

export interface ParserCopy {
  /** What the parser reads: the text without a BOM, over-deep nesting and dense inline markup neutralised. */
  body: string;
  /** 1 when a BOM was dropped. */
  shift: number;
  /** Blocks whose inline markup is read as plain text (offsets into `body`). */
  dense: DenseBlock[];
  /** Tables read as plain text (table-limit.ts; offsets into `body`). */
  tables: BigTable[];
}

// The last document prepared: lint() asks for its dense blocks right after parsing it.
let last: { text: string; copy: ParserCopy } | undefined;

/**
 * The parser's copy of a document: the same length as the text it parses, with only
 * markup neutralised that would make the parse's work or depth depend on the input
 * beyond linear (nesting-cap.ts, inline-limit.ts).
 */
export function parserCopy(text: string): ParserCopy {
  if (last?.text === text) return last.copy;
  // micromark drops a BOM silently; parse without it and shift offsets back so that
  // every range still indexes the text the user has.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const capped = capNesting(shift ? text.slice(1) : text);
  const dense = denseInlineBlocks(capped);
  const tables = bigTables(capped);
  const copy = { body: neutraliseBigTables(neutraliseDenseInline(capped, dense), tables), shift, dense, tables };
  last = { text, copy };
  return copy;
}

/**
 * The dense blocks of a document, offsets into `text`: those of its last parse when it
 * was the last document parsed (lint() asks right after building the model), which
 * are then let go, so the memo never keeps a document alive past its lint.
 */
export function denseBlocksOf(text: string): { dense: DenseBlock[]; tables: BigTable[] } {
  const copy = parserCopy(text);
  last = undefined;
  const d = copy.shift;
  if (!d) return { dense: copy.dense, tables: copy.tables };
  return {
    dense: copy.dense.map((b) => ({ ...b, start: b.start + d, end: b.end + d })),
    tables: copy.tables.map((t) => ({ ...t, start: t.start + d, end: t.end + d, delimiterStart: t.delimiterStart + d, delimiterEnd: t.delimiterEnd + d })),
  };
}

export interface Parsed {
  tree: Root;
  /** Added to every mdast offset to get an offset into the original text. */
  shift: number;
}

/**
 * One mdast tree for the whole document, with every position rebased onto it. For
 * tests and tools; linting reads the chunks (parseChunks) and never needs this.
 */
export function parseMarkdown(text: string, chunking: Chunking = WHOLE_DOCUMENT_CHUNKING): Parsed {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift ? text.slice(1) : text;
  const { chunks } = parseChunks(text, { chunking });
  const tree: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  let line = 0;
  for (const [i, chunk] of chunks.entries()) {
    const end = chunks[i + 1]?.offset ?? body.length;
    // Uncached chunks are fresh trees, so moving them in place is safe.
    if (chunk.offset || line) for (const child of chunk.nodes) moveBy(child, chunk.offset, line);
    for (const n of chunk.nodes) tree.children.push(n);
    line += (body.slice(chunk.offset, end).match(/\r\n|\r|\n/g) ?? []).length;
  }
  const lastLine = line + 1;
  const lastNl = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r'));
  tree.position!.end = { line: lastLine, column: body.length - lastNl, offset: body.length };
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
