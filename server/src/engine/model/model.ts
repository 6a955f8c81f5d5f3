import type { Nodes, RootContent, PhrasingContent } from 'mdast';
import { isTodo } from './todo';
import { readFrontMatterBody, type FrontMatterFormat } from '../parse/front-matter';
import { htmlBlocks } from '../parse/html-blocks';
import { parseChunks } from '../parse/parse';
import type { ParseCache } from '../parse/parse-cache';
import { fold } from '../match/patterns';
import { TextBlock, TextBuilder, sentenceSpans } from '../parse/text-block';
import { parseTitle, type TitleParse } from './title';
import type { DocKind, OffsetRange } from '../types';
import { frontMatterKind, type SectionRole, type Vocabulary } from '../match/vocabulary';

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
  frontMatter?: { format: FrontMatterFormat; data: Map<string, unknown>; range: OffsetRange; error?: string };
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
        // A hard line break ends a line, as a soft one does: pasted postings put a
        // heading ("The Role") and its text on two lines of one paragraph this way.
        b.addSeparator('\n', r.start);
        break;
      case 'html':
        if (n.value.startsWith('<!--')) ctx.comments.push({ value: n.value, range: r });
        // <br> ends a line as a line break does.
        b.addSeparator(/^<br\s*\/?>$/i.test(n.value) ? '\n' : ' ', r.start);
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

function readFrontMatter(ctx: Ctx, node: { value: string; type: string } & Nodes) {
  const r = off(ctx, node);
  const nl = ctx.text.indexOf('\n', r.start);
  const contentStart = nl >= 0 ? nl + 1 : r.start;
  const format = node.type as FrontMatterFormat;
  const read = readFrontMatterBody(format, node.value);
  const blocks: TextBlock[] = [];
  let titleBlock: TextBlock | undefined;
  let titleRank = Infinity;
  for (const v of read.strings) {
    const b = new TextBuilder(ctx.text);
    b.add(v.key.replace(/[_-]+/g, ' ') + ': ', contentStart + v.keyRange[0], contentStart + v.keyRange[1]);
    const valueStart = b.text.length;
    b.add(v.value, contentStart + v.valueRange[0], contentStart + v.valueRange[1]);
    const blk = TextBlock.from(b, 'front-matter', NO_SECTION);
    blocks.push(blk);
    // The first title key of the vocabulary's list that the file has: `title` before `position`.
    const rank = ctx.vocab.titleKeys.indexOf(v.key.toLowerCase());
    if (rank >= 0 && rank < titleRank && v.value.trim()) {
      titleRank = rank;
      titleBlock = blk.slice(valueStart, blk.text.length, 'heading');
    }
  }
  return { format, data: read.data, range: r, error: read.error, blocks, titleBlock };
}

/** Bold-only paragraphs and short "Responsibilities:" lines act as headings below every real one. */
const PSEUDO_DEPTH = 7;

function pseudoHeading(ctx: Ctx, node: { children: PhrasingContent[] }): 'bold' | 'colon' | 'line' | undefined {
  const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:：]*$/.test(c.value)));
  const text = ctx.text.slice(off(ctx, node as never).start, off(ctx, node as never).end);
  if (text.length > 100 || /\n/.test(text.trim())) return undefined;
  if (kids.length === 1 && (kids[0].type === 'strong' || kids[0].type === 'emphasis')) return 'bold';
  if (kids.length === 1 && kids[0].type === 'text' && /^[^.!?]{2,60}[:：]\s*$/.test(kids[0].value)) return 'colon';
  // "Responsibilities" alone in a paragraph: a heading that lost its markup.
  if (kids.length === 1 && kids[0].type === 'text' && ctx.vocab.classifyHeadingLine(kids[0].value) !== 'other') return 'line';
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
  const walk = new Walk(ctx);
  // Node offsets are relative to their chunk (see parseChunks).
  for (const chunk of parsed.chunks) {
    ctx.shift = parsed.shift + chunk.offset;
    for (const node of chunk.nodes) walk.node(node);
  }
  const { sections, coll, fm } = walk;
  const prose = [...(fm?.blocks ?? []), ...coll.prose];
  const duties = findDuties(walk, vocab);
  const title = readTitle(walk, vocab);
  const { kind, kindReason } = decideKind(walk, vocab, title, duties, opts.kindFromConfig);
  return {
    text,
    kind,
    kindReason,
    title,
    sections,
    prose,
    duties,
    comments: ctx.comments,
    frontMatter: fm ? { format: fm.format, data: fm.data, range: fm.range, error: fm.error } : undefined,
    anchors: insertionAnchors(walk, text, title, duties),
  };
}

/** A line of a paragraph that stands as a heading: its role, and where it is in the block. */
interface HeadingLine {
  start: number;
  end: number;
  role: SectionRole;
}

/** Walks the top-level nodes in order, building sections and collecting prose (docs §4). */
class Walk {
  readonly sections: Section[] = [];
  readonly coll: Collected = { prose: [], items: [], paragraphs: [] };
  /** Headings that are themselves duties ("Key objective #1: cut repeat contacts"). */
  readonly headingDuties: TextBlock[] = [];
  fm: ReturnType<typeof readFrontMatter> | undefined;
  headingTitle: { block: TextBlock; section: number } | undefined;
  private firstContentSeen = false;
  private readonly stack: number[] = [];
  current = NO_SECTION;

  constructor(readonly ctx: Ctx) {}

  roleOf(s: number): SectionRole {
    return s === NO_SECTION ? 'other' : this.sections[s].role;
  }

  node(node: RootContent): void {
    const { ctx } = this;
    if (node.type === 'yaml' || (node.type as string) === 'toml' || (node.type as string) === 'json') {
      this.fm = readFrontMatter(ctx, node as { value: string; type: string } & Nodes);
      return;
    }
    if (node.type === 'heading') {
      this.heading(inlineBlock(ctx, node.children, 'heading', this.sections.length), node.depth, off(ctx, node), undefined);
      return;
    }
    if (node.type === 'paragraph' && this.paragraph(node)) return;
    if (node.type === 'html' && !node.value.startsWith('<!--') && /<[a-z]/i.test(node.value)) {
      collectHtml(ctx, node);
      this.html(node);
      this.extend(off(ctx, node).end);
      return;
    }
    if (node.type !== 'html' && node.type !== 'definition') this.firstContentSeen = true;
    collectBlocks(ctx, node, this.current, this.coll);
    this.extend(off(ctx, node).end);
  }

  /** Grows the open sections to cover content that ends at `end`. */
  private extend(end: number): void {
    for (const i of this.stack) this.sections[i].range.end = Math.max(this.sections[i].range.end, end);
  }

  /** Paragraphs that act as headings, or hold heading lines. Returns false for plain prose. */
  private paragraph(node: Extract<RootContent, { type: 'paragraph' }>): boolean {
    const { ctx } = this;
    const pseudo = pseudoHeading(ctx, node);
    if (pseudo) {
      const block = inlineBlock(ctx, node.children, 'heading', this.sections.length);
      const role = ctx.vocab.classifyHeading(block.text.replace(/[:：]\s*$/, ''));
      // "Books appointments, including:" is a duty that introduces others, not a heading.
      if (pseudo !== 'bold' && role === 'other') return false;
      this.heading(block, PSEUDO_DEPTH, off(ctx, node), role);
      return true;
    }
    // "**About the role:**" with its text on the very next line is one paragraph in
    // Markdown: split it into a heading and the content that follows.
    const [first, second] = node.children;
    if ((first?.type === 'strong' || first?.type === 'emphasis') && second?.type === 'text' && /^[:：]?[ \t]*\r?\n/.test(second.value)) {
      const head = inlineBlock(ctx, [first], 'heading', this.sections.length);
      const role = ctx.vocab.classifyHeading(head.text.replace(/[:：]\s*$/, ''));
      if (role !== 'other') {
        this.heading(head, PSEUDO_DEPTH, off(ctx, first), role);
        const rest = { ...node, children: node.children.slice(1), position: { start: second.position!.start, end: node.position!.end } } as RootContent;
        collectBlocks(ctx, rest, this.current, this.coll);
        this.extend(off(ctx, rest).end);
        return true;
      }
    }
    this.firstContentSeen = true;
    this.paragraphBlock(inlineBlock(ctx, node.children, 'paragraph', this.current));
    return true;
  }

  /**
   * A paragraph's text. Pasted postings keep whole sections in one paragraph, one line
   * each: "Responsibilities:" or "The Role" on a line of its own opens a section.
   */
  private paragraphBlock(block: TextBlock): void {
    const lines = headingLines(block.text, this.ctx.vocab);
    let at = 0;
    const flush = (end: number) => {
      if (!block.text.slice(at, end).trim()) return;
      const placed = at === 0 && end === block.text.length ? block : block.slice(at, end, 'paragraph', this.current);
      this.coll.prose.push(placed);
      this.coll.paragraphs.push(placed);
      this.extend(placed.range.end);
    };
    for (const h of lines) {
      flush(h.start);
      const placed = block.slice(h.start, h.end, 'heading', this.sections.length);
      this.heading(placed, PSEUDO_DEPTH, placed.range, h.role);
      at = h.end;
    }
    flush(block.text.length);
  }

  /** An HTML block: its text read back as headings, list items and paragraphs. */
  html(node: Extract<RootContent, { type: 'html' }>): void {
    const { ctx } = this;
    const r = off(ctx, node);
    for (const b of htmlBlocks(node.value, r.start, ctx.text)) {
      const text = b.text.text.trim();
      const role = ctx.vocab.classifyHeading(text.replace(/[:：]\s*$/, ''));
      const headingLike = b.kind === 'heading' || (text.length <= 80 && ((b.bold && b.kind !== 'item') || (/[:：]$/.test(text) && role !== 'other') || ctx.vocab.classifyHeadingLine(text) !== 'other'));
      if (headingLike) {
        const block = TextBlock.from(b.text, 'heading', this.sections.length);
        this.heading(block, b.depth ?? PSEUDO_DEPTH, block.range, undefined);
        continue;
      }
      this.firstContentSeen = true;
      if (b.kind === 'item') {
        const block = TextBlock.from(b.text, 'list-item', this.current);
        this.coll.prose.push(block);
        this.coll.items.push(block);
        this.extend(block.range.end);
      } else this.paragraphBlock(TextBlock.from(b.text, 'paragraph', this.current));
    }
  }

  /** Opens a section (docs §4): its role, its parent, and whether it is the title. */
  private heading(block: TextBlock, depth: number, r: OffsetRange, known: SectionRole | undefined): void {
    const { ctx, sections, stack } = this;
    while (stack.length && sections[stack[stack.length - 1]].depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : NO_SECTION;
    let role = known ?? ctx.vocab.classifyHeading(block.text.replace(/[:：]\s*$/, ''));
    const isTitle = !this.headingTitle && !this.fm?.titleBlock && (depth === 1 || (!this.firstContentSeen && role === 'other'));
    if (isTitle) role = 'title';
    // "## SaaS Sales Representative" inside the body, over the list of what the job does:
    // a heading that is a job title names the role whose duties follow.
    else if (role === 'other' && known === undefined && isJobTitleHeading(block.text, ctx.vocab)) role = 'duties';
    else if (role === 'other' && parent !== NO_SECTION && sections[parent].role !== 'title') role = sections[parent].role;
    const sec: Section = { index: sections.length, heading: block.text, role, depth, headingRange: r, range: { ...r }, parent };
    sections.push(sec);
    if (isTitle) this.headingTitle = { block, section: sec.index };
    this.coll.prose.push(block);
    // "Key objective #1: cut repeat contacts by a third" is a duty written as a heading.
    const colon = block.text.search(/[:：]\s+\S+\s+\S+\s+\S/);
    if (role === 'duties' && colon > 0) {
      const start = block.text.indexOf(block.text.slice(colon + 1).trim(), colon + 1);
      this.headingDuties.push(block.slice(start, block.text.length, 'sentence'));
    }
    stack.push(sec.index);
    this.current = sec.index;
    this.firstContentSeen = true;
  }
}

/** A short heading that reads as a job title ("Senior Support Agent"), not a topic. */
function isJobTitleHeading(text: string, vocab: Vocabulary): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 6 || /[?!.]$/.test(text.trim())) return false;
  const parse = parseTitle(text, vocab);
  return parse.roleNoun !== undefined && parse.form !== 'team';
}

/**
 * Lines of a multi-line paragraph that stand as headings: a short line that is
 * nothing but a heading phrase ("The Role", "Responsibilities:", "What you'll do").
 */
function headingLines(text: string, vocab: Vocabulary): HeadingLine[] {
  if (!text.includes('\n')) return [];
  const out: HeadingLine[] = [];
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const line = m[0];
    if (line.length > 70) continue;
    const role = vocab.classifyHeadingLine(line);
    if (role === 'other') continue;
    const lead = line.length - line.trimStart().length;
    out.push({ start: m.index + lead, end: m.index + line.trimEnd().length, role });
  }
  return out;
}

/** The units the title rules count (docs §5). */
function findDuties(walk: Walk, vocab: Vocabulary): TextBlock[] {
  const { coll } = walk;
  const hasDutySection = walk.sections.some((s) => s.role === 'duties');
  const inDuties = (s: number) => walk.roleOf(s) === 'duties';
  const open = (s: number) => ['other', 'title'].includes(walk.roleOf(s));
  const candidates: TextBlock[] = [];
  if (hasDutySection) {
    // Loops, not push(...list): a list of 150,000 items would overflow the call stack.
    for (const b of coll.items) if (inDuties(b.section)) candidates.push(b);
    for (const b of walk.headingDuties) candidates.push(b);
    for (const p of coll.paragraphs) {
      if (!inDuties(p.section)) continue;
      for (const [s, e] of sentenceSpans(p.text)) candidates.push(p.slice(s, e, 'sentence'));
    }
  } else {
    // "What We Do: As a Tier 1 representative you will…": with no duties section, a
    // company section's sentences that address the role are duties too, and so is the
    // list they introduce.
    const company = (s: number) => walk.roleOf(s) === 'company';
    const rolePlaces = new Set<number>();
    for (const p of coll.paragraphs) {
      if (!open(p.section) && !company(p.section)) continue;
      // In a company section, the sentences after one that speaks of the role go on
      // speaking of it ("You will triage tickets…").
      let onRole = !company(p.section);
      for (const [s, e] of sentenceSpans(p.text)) {
        const sentence = p.slice(s, e, 'sentence');
        const starts = vocab.startsLikeDuty(sentence.text);
        if (!onRole && starts && vocab.speaksOfRole(sentence.text)) onRole = true;
        if (!onRole || !starts) continue;
        candidates.push(sentence);
        if (company(p.section)) rolePlaces.add(p.section);
      }
    }
    for (const b of coll.items) if (open(b.section) || rolePlaces.has(b.section)) candidates.push(b);
  }
  const duties = candidates.filter((d) => {
    if (isTodo(d.text)) return false;
    const t = fold(d.text.trim());
    vocab.notDuty.lastIndex = 0;
    return !vocab.notDuty.test(t) && !vocab.notDutyStarter.test(t);
  });
  return duties.sort((a, b) => a.range.start - b.range.start);
}

/** The title (docs §3): front matter's title key, else the heading the walk chose. */
function readTitle(walk: Walk, vocab: Vocabulary): DocTitle | undefined {
  const tb = walk.fm?.titleBlock ?? walk.headingTitle?.block;
  if (!tb || !tb.text.trim()) return undefined;
  return {
    text: tb.text,
    block: tb,
    range: tb.range,
    source: walk.fm?.titleBlock ? 'front-matter' : 'heading',
    parse: parseTitle(tb.text, vocab),
  };
}

/** Posting, charter or other (docs §2), and why. */
function decideKind(walk: Walk, vocab: Vocabulary, title: DocTitle | undefined, duties: TextBlock[], fromConfig: DocKind | undefined): { kind: DocKind; kindReason: string } {
  const fm = walk.fm;
  for (const key of vocab.kindKeys) {
    const value = fm?.data.get(key);
    if (typeof value !== 'string') continue;
    const kind = frontMatterKind(vocab.data, value);
    if (kind) return { kind, kindReason: `front matter says ${key}: "${value}"` };
  }
  if (fromConfig) return { kind: fromConfig, kindReason: 'configured kinds globs' };
  const { sections } = walk;
  const charterHeadings = sections.filter((s) => ['reporting', 'purpose', 'measures'].includes(s.role) || /\b(mandate|scope|accountabilit|decision rights)/i.test(s.heading));
  vocab.charterTitle.lastIndex = 0;
  if (title && vocab.charterTitle.test(fold(title.text))) return { kind: 'charter', kindReason: 'the title says charter' };
  if (charterHeadings.length >= 2 && !sections.some((s) => ['requirements', 'benefits', 'apply'].includes(s.role))) {
    return { kind: 'charter', kindReason: `charter headings (${charterHeadings.map((s) => s.heading).join(', ')})` };
  }
  if (!title) return { kind: 'other', kindReason: 'no title' };
  if (sections.some((s) => ['duties', 'requirements', 'benefits', 'apply'].includes(s.role))) return { kind: 'posting', kindReason: 'a title and posting sections' };
  const postingKeys = fm ? [...fm.data.keys()].filter((k) => vocab.postingKeys.has(k.toLowerCase())) : [];
  if (postingKeys.length >= 2) return { kind: 'posting', kindReason: `a title and posting front matter (${postingKeys.slice(0, 3).join(', ')})` };
  // A job title over duty lines is a posting, headings or not.
  if (title.parse.roleNoun && duties.length >= 2) return { kind: 'posting', kindReason: `a job title and ${duties.length} duty lines` };
  return { kind: 'other', kindReason: 'no posting or charter sections' };
}

/** Where fixes insert new sections or duties. */
function insertionAnchors(walk: Walk, text: string, title: DocTitle | undefined, duties: TextBlock[]): DocModel['anchors'] {
  const fm = walk.fm;
  const titleEnd = title ? (title.source === 'heading' ? walk.sections[walk.headingTitle!.section].headingRange.end : fm!.range.end) : fm?.range.end ?? 0;
  let dutiesEnd: number | undefined;
  let dutiesIndent: string | undefined;
  let dutiesMarker: string | undefined;
  const lastItem = duties.filter((b) => b.kind === 'list-item').pop();
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
  return { afterTitle: titleEnd, dutiesEnd, dutiesIndent, dutiesMarker };
}
