import type { Nodes, RootContent, PhrasingContent } from 'mdast';
import { parseDocument, isMap, isScalar } from 'yaml';
import { parseChunks } from './parse';
import type { ParseCache } from './parse-cache';
import { fold } from './patterns';
import { TextBlock, TextBuilder, sentenceSpans } from './text-block';
import { parseTitle, type TitleParse } from './title';
import type { DocKind, OffsetRange } from './types';
import { frontMatterKind, type SectionRole, type Vocabulary } from './vocabulary';

export interface Section {
  index: number;
  heading: string;
  role: SectionRole;
  depth: number;
  headingRange: OffsetRange;
  /** From the heading to the end of the section's content. */
  range: OffsetRange;
  parent: number;
}

export interface HtmlComment {
  value: string;
  range: OffsetRange;
}

export interface DocTitle {
  text: string;
  block: TextBlock;
  range: OffsetRange;
  source: 'front-matter' | 'heading';
  parse: TitleParse;
}

export interface DocModel {
  text: string;
  kind: DocKind;
  kindReason: string;
  title?: DocTitle;
  sections: Section[];
  /** All prose: headings, paragraphs, list items, table rows, front matter values. */
  prose: TextBlock[];
  /** The units the title rules count (docs §5). */
  duties: TextBlock[];
  comments: HtmlComment[];
  frontMatter?: { data: Record<string, unknown>; range: OffsetRange; error?: string };
  /** Where to insert new sections or duties. */
  anchors: { afterTitle: number; dutiesEnd?: number; dutiesIndent?: string; dutiesMarker?: string };
}

const NO_SECTION = -1;

interface Ctx {
  text: string;
  /** Added to node offsets: where the current chunk starts in `text`. */
  shift: number;
  vocab: Vocabulary;
  comments: HtmlComment[];
}

function off(ctx: Ctx, n: { position?: { start: { offset?: number }; end: { offset?: number } } }): OffsetRange {
  return { start: (n.position?.start.offset ?? 0) + ctx.shift, end: (n.position?.end.offset ?? 0) + ctx.shift };
}

/** Appends the plain text of inline content, recording where each run came from. */
function addInline(ctx: Ctx, b: TextBuilder, nodes: PhrasingContent[]): void {
  for (const n of nodes) {
    const r = off(ctx, n);
    switch (n.type) {
      case 'text':
        b.add(n.value, r.start, r.end);
        break;
      case 'inlineCode': {
        const inner = ctx.text.indexOf(n.value, r.start);
        b.add(n.value, inner >= 0 && inner < r.end ? inner : r.start, inner >= 0 && inner < r.end ? inner + n.value.length : r.end);
        break;
      }
      case 'break':
        b.addSeparator(' ', r.start);
        break;
      case 'html':
        if (n.value.startsWith('<!--')) ctx.comments.push({ value: n.value, range: r });
        b.addSeparator(' ', r.start);
        break;
      case 'image':
        b.addSeparator(' ', r.start);
        break;
      default:
        if ('children' in n) addInline(ctx, b, n.children as PhrasingContent[]);
    }
  }
}

function inlineBlock(ctx: Ctx, nodes: PhrasingContent[], kind: TextBlock['kind'], section: number): TextBlock {
  const b = new TextBuilder(ctx.text);
  addInline(ctx, b, nodes);
  return TextBlock.from(b, kind, section);
}

function collectHtml(ctx: Ctx, node: Nodes): void {
  if (node.type === 'html') {
    if (node.value.startsWith('<!--')) ctx.comments.push({ value: node.value, range: off(ctx, node) });
    return;
  }
  if ('children' in node) for (const c of node.children) collectHtml(ctx, c as Nodes);
}

interface Collected {
  prose: TextBlock[];
  items: TextBlock[]; // list items and table rows
  paragraphs: TextBlock[];
}

/** Prose blocks of one block-level node and its descendants. */
function collectBlocks(ctx: Ctx, node: RootContent, section: number, out: Collected): void {
  switch (node.type) {
    case 'paragraph': {
      const blk = inlineBlock(ctx, node.children, 'paragraph', section);
      out.prose.push(blk);
      out.paragraphs.push(blk);
      return;
    }
    case 'heading': {
      out.prose.push(inlineBlock(ctx, node.children, 'heading', section));
      return;
    }
    case 'list':
      for (const item of node.children) {
        const b = new TextBuilder(ctx.text);
        for (const c of item.children) {
          if (c.type === 'paragraph') {
            if (b.text) b.addSeparator(' ', off(ctx, c).start);
            addInline(ctx, b, c.children);
          } else if (c.type === 'html') {
            collectHtml(ctx, c);
          } else {
            collectBlocks(ctx, c, section, out);
          }
        }
        if (b.text.trim()) {
          const blk = TextBlock.from(b, 'list-item', section);
          out.prose.push(blk);
          out.items.push(blk);
        }
      }
      return;
    case 'table':
      node.children.forEach((row, i) => {
        const b = new TextBuilder(ctx.text);
        for (const cell of row.children) {
          if (b.text) b.addSeparator('; ', off(ctx, cell).start);
          addInline(ctx, b, cell.children);
        }
        if (!b.text.trim()) return;
        const blk = TextBlock.from(b, 'table-row', section);
        out.prose.push(blk);
        // The header row names columns; it is not a duty.
        if (i > 0 || node.children.length === 1) out.items.push(blk);
      });
      return;
    case 'blockquote':
      for (const c of node.children) collectBlocks(ctx, c, section, out);
      return;
    case 'html':
      collectHtml(ctx, node);
      return;
    default:
      return;
  }
}

function readFrontMatter(ctx: Ctx, node: { value: string } & Nodes) {
  const r = off(ctx, node);
  const nl = ctx.text.indexOf('\n', r.start);
  const contentStart = nl >= 0 ? nl + 1 : r.start;
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: false });
  const blocks: TextBlock[] = [];
  let titleBlock: TextBlock | undefined;
  const data: Record<string, unknown> = {};
  if (doc.errors.length || !isMap(doc.contents)) {
    const error = doc.errors[0]?.message ?? 'front matter is not a YAML mapping';
    return { data, range: r, error, blocks, titleBlock };
  }
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    const value = pair.value.value;
    data[key] = value;
    if (typeof value !== 'string' || !pair.value.range) continue;
    const [vs, ve] = pair.value.range;
    const b = new TextBuilder(ctx.text);
    const keyRange = pair.key.range ?? [vs, vs];
    b.add(key.replace(/[_-]+/g, ' ') + ': ', contentStart + keyRange[0], contentStart + keyRange[1]);
    const valueStart = b.text.length;
    b.add(value, contentStart + vs, contentStart + ve);
    const blk = TextBlock.from(b, 'front-matter', NO_SECTION);
    blocks.push(blk);
    if (key.toLowerCase() === 'title') titleBlock = blk.slice(valueStart, blk.text.length, 'heading');
  }
  return { data, range: r, error: undefined as string | undefined, blocks, titleBlock };
}

/** Bold-only paragraphs and short "Responsibilities:" lines act as headings below every real one. */
const PSEUDO_DEPTH = 7;

function pseudoHeading(ctx: Ctx, node: { children: PhrasingContent[] }): 'bold' | 'colon' | undefined {
  const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:：]*$/.test(c.value)));
  const text = ctx.text.slice(off(ctx, node as never).start, off(ctx, node as never).end);
  if (text.length > 100 || /\n/.test(text.trim())) return undefined;
  if (kids.length === 1 && (kids[0].type === 'strong' || kids[0].type === 'emphasis')) return 'bold';
  if (kids.length === 1 && kids[0].type === 'text' && /^[^.!?]{2,60}[:：]\s*$/.test(kids[0].value)) return 'colon';
  return undefined;
}

export interface ModelOptions {
  /** Kind decided by configured globs, when one matched. */
  kindFromConfig?: DocKind;
  /** The document's parse cache, when the caller re-lints it as it changes. */
  parseCache?: ParseCache;
}

export function buildModel(text: string, vocab: Vocabulary, opts: ModelOptions = {}): DocModel {
  const parsed = parseChunks(text, { cache: opts.parseCache });
  const ctx: Ctx = { text, shift: parsed.shift, vocab, comments: [] };
  const sections: Section[] = [];
  const coll: Collected = { prose: [], items: [], paragraphs: [] };
  let fm: ReturnType<typeof readFrontMatter> | undefined;
  let headingTitle: { block: TextBlock; section: number } | undefined;
  let firstContentSeen = false;
  const stack: number[] = [];
  let current = NO_SECTION;

  // Node offsets are relative to their chunk (see parseChunks).
  for (const chunk of parsed.chunks) for (let node of chunk.nodes) {
    ctx.shift = parsed.shift + chunk.offset;
    if (node.type === 'yaml') {
      fm = readFrontMatter(ctx, node);
      continue;
    }
    let pseudo = node.type === 'paragraph' ? pseudoHeading(ctx, node) : undefined;
    // "**About the role:**" with its text on the very next line is one paragraph in
    // Markdown: split it into a heading and the content that follows.
    let rest: RootContent | undefined;
    if (!pseudo && node.type === 'paragraph') {
      const [first, second] = node.children;
      if ((first?.type === 'strong' || first?.type === 'emphasis') && second?.type === 'text' && /^[:：]?[ \t]*\r?\n/.test(second.value)) {
        const head = { ...node, children: [first], position: { start: node.position!.start, end: first.position!.end } } as typeof node;
        if (vocab.classifyHeading(inlineBlock(ctx, [first], 'heading', -1).text.replace(/[:：]\s*$/, '')) !== 'other') {
          pseudo = 'bold';
          rest = { ...node, children: node.children.slice(1), position: { start: second.position!.start, end: node.position!.end } } as RootContent;
          node = head;
        }
      }
    }
    if (node.type === 'heading' || pseudo) {
      const r = off(ctx, node);
      const children = node.type === 'heading' ? node.children : (node as { children: PhrasingContent[] }).children;
      const depth = node.type === 'heading' ? node.depth : PSEUDO_DEPTH;
      const block = inlineBlock(ctx, children, 'heading', sections.length);
      while (stack.length && sections[stack[stack.length - 1]].depth >= depth) stack.pop();
      const parent = stack.length ? stack[stack.length - 1] : NO_SECTION;
      let role = vocab.classifyHeading(block.text.replace(/[:：]\s*$/, ''));
      if (pseudo === 'colon' && role === 'other') {
        collectBlocks(ctx, node, current, coll);
        firstContentSeen = true;
        continue;
      }
      const isTitle = !headingTitle && !fm?.titleBlock && (depth === 1 || (!firstContentSeen && role === 'other'));
      if (isTitle) role = 'title';
      else if (role === 'other' && parent !== NO_SECTION && sections[parent].role !== 'title') role = sections[parent].role;
      const sec: Section = { index: sections.length, heading: block.text, role, depth, headingRange: r, range: { ...r }, parent };
      sections.push(sec);
      if (isTitle) headingTitle = { block, section: sec.index };
      coll.prose.push(block);
      stack.push(sec.index);
      current = sec.index;
      firstContentSeen = true;
      if (rest) {
        collectBlocks(ctx, rest, current, coll);
        for (const i of stack) sections[i].range.end = Math.max(sections[i].range.end, off(ctx, rest).end);
      }
      continue;
    }
    if (node.type !== 'html' && node.type !== 'definition') firstContentSeen = true;
    collectBlocks(ctx, node, current, coll);
    const r = off(ctx, node);
    for (const i of stack) sections[i].range.end = Math.max(sections[i].range.end, r.end);
  }

  const roleOf = (s: number): SectionRole => (s === NO_SECTION ? 'other' : sections[s].role);
  const proseFm = fm?.blocks ?? [];
  const prose = [...proseFm, ...coll.prose];

  // Duties (docs §5).
  const hasDutySection = sections.some((s) => s.role === 'duties');
  let duties: TextBlock[] = [];
  let dutyItems: TextBlock[] = [];
  if (hasDutySection) {
    dutyItems = coll.items.filter((b) => roleOf(b.section) === 'duties');
    duties = [...dutyItems];
    for (const p of coll.paragraphs) {
      if (roleOf(p.section) !== 'duties') continue;
      for (const [s, e] of sentenceSpans(p.text)) duties.push(p.slice(s, e, 'sentence'));
    }
  } else {
    const open = (s: number) => ['other', 'title'].includes(roleOf(s));
    dutyItems = coll.items.filter((b) => open(b.section));
    duties = [...dutyItems];
    for (const p of coll.paragraphs) {
      if (!open(p.section)) continue;
      for (const [s, e] of sentenceSpans(p.text)) {
        const sentence = p.slice(s, e, 'sentence');
        if (vocab.dutyStarter.test(fold(sentence.text))) duties.push(sentence);
      }
    }
  }
  duties.sort((a, b) => a.range.start - b.range.start);

  // Title (docs §3).
  let title: DocTitle | undefined;
  const tb = fm?.titleBlock ?? headingTitle?.block;
  if (tb && tb.text.trim()) {
    title = {
      text: tb.text,
      block: tb,
      range: tb.range,
      source: fm?.titleBlock ? 'front-matter' : 'heading',
      parse: parseTitle(tb.text, vocab),
    };
  }

  // Kind (docs §2).
  let kind: DocKind;
  let kindReason: string;
  const fmKind = fm?.data.type ?? fm?.data.kind;
  if (typeof fmKind === 'string') {
    kind = frontMatterKind(vocab.data, fmKind);
    kindReason = `front matter says "${fmKind}"`;
  } else if (opts.kindFromConfig) {
    kind = opts.kindFromConfig;
    kindReason = 'configured kinds globs';
  } else {
    const charterHeadings = sections.filter((s) => ['reporting', 'purpose', 'measures'].includes(s.role) || /\b(mandate|scope|accountabilit|decision rights)/i.test(s.heading));
    vocab.charterTitle.lastIndex = 0;
    if (title && vocab.charterTitle.test(fold(title.text))) {
      kind = 'charter';
      kindReason = 'the title says charter';
    } else if (charterHeadings.length >= 2 && !sections.some((s) => ['requirements', 'benefits', 'apply'].includes(s.role))) {
      kind = 'charter';
      kindReason = `charter headings (${charterHeadings.map((s) => s.heading).join(', ')})`;
    } else if (title && sections.some((s) => ['duties', 'requirements', 'benefits', 'apply'].includes(s.role))) {
      kind = 'posting';
      kindReason = 'a title and posting sections';
    } else {
      kind = 'other';
      kindReason = title ? 'no posting or charter sections' : 'no title';
    }
  }

  // Anchors for inserting text.
  const titleEnd = title ? (title.source === 'heading' ? sections[headingTitle!.section].headingRange.end : fm!.range.end) : fm?.range.end ?? 0;
  let dutiesEnd: number | undefined;
  let dutiesIndent: string | undefined;
  let dutiesMarker: string | undefined;
  const lastItem = dutyItems.filter((b) => b.kind === 'list-item').pop();
  if (lastItem) {
    const r = lastItem.range;
    const lineStart = text.lastIndexOf('\n', r.start - 1) + 1;
    const prefix = text.slice(lineStart, r.start);
    const m = /^(\s*)([-*+]|\d+[.)])\s+$/.exec(prefix);
    if (m) {
      dutiesIndent = m[1];
      dutiesMarker = /\d/.test(m[2]) ? `${parseInt(m[2], 10) + 1}${m[2].slice(-1)}` : m[2];
      const eol = text.indexOf('\n', r.end);
      dutiesEnd = eol < 0 ? text.length : eol + 1;
    }
  }

  return {
    text,
    kind,
    kindReason,
    title,
    sections,
    prose,
    duties,
    comments: ctx.comments,
    frontMatter: fm ? { data: fm.data, range: fm.range, error: fm.error } : undefined,
    anchors: { afterTitle: titleEnd, dutiesEnd, dutiesIndent, dutiesMarker },
  };
}
