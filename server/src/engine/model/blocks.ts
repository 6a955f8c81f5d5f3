import type { Nodes, RootContent, PhrasingContent } from 'mdast';
import { readFrontMatterBody, type FrontMatterFormat } from '../parse/front-matter';
import { htmlBlocks } from '../parse/html-blocks';
import { sentenceSpans, TextBlock, TextBuilder, wordCount } from '../parse/text-block';
import type { OffsetRange } from '../types';
import type { Vocabulary } from '../match/vocabulary';
import type { HtmlComment } from './model';

/*
 * The model's first step: the plain text of each block of the parsed tree, mapped back
 * to the source (paragraphs, list items, table rows, front matter values), and the
 * HTML comments on the way.
 */

export const NO_SECTION = -1;

export interface Ctx {
  text: string;
  /** Added to node offsets: where the current chunk starts in `text`. */
  shift: number;
  vocab: Vocabulary;
  comments: HtmlComment[];
}

export function off(ctx: Ctx, n: { position?: { start: { offset?: number }; end: { offset?: number } } }): OffsetRange {
  return { start: (n.position?.start.offset ?? 0) + ctx.shift, end: (n.position?.end.offset ?? 0) + ctx.shift };
}

/** Appends the plain text of inline content, recording where each run came from. */
export function addInline(ctx: Ctx, b: TextBuilder, nodes: PhrasingContent[]): void {
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

export function inlineBlock(ctx: Ctx, nodes: PhrasingContent[], kind: TextBlock['kind'], section: number): TextBlock {
  const b = new TextBuilder(ctx.text);
  addInline(ctx, b, nodes);
  return TextBlock.from(b, kind, section);
}

export function collectHtml(ctx: Ctx, node: Nodes): void {
  if (node.type === 'html') {
    if (node.value.startsWith('<!--')) ctx.comments.push({ value: node.value, range: off(ctx, node) });
    return;
  }
  if ('children' in node) for (const c of node.children) collectHtml(ctx, c as Nodes);
}

export interface Collected {
  prose: TextBlock[];
  items: TextBlock[]; // list items and table rows
  paragraphs: TextBlock[];
  /** Lines that label the list after them or inside them ("Lead Generation", then its tasks): see isLabelLine. */
  labels: TextBlock[];
  /**
   * Lists introduced by a sentence about the role that ends in a colon ("This person
   * will make an impact in the following ways:"): where they are, as source ranges.
   */
  leadInLists: Array<{ start: number; end: number }>;
}

/** Nothing collected yet: the one place that lists what Collected holds. */
export function emptyCollected(): Collected {
  return { prose: [], items: [], paragraphs: [], labels: [], leadInLists: [] };
}

/**
 * A line that labels the list under it ("Project Management and Implementation",
 * "Lead Generation"): short, no sentence end, every longer word capitalised. A label
 * groups the items that follow; it is not a duty of its own.
 */
export function isLabelLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 60 || /[.!?,;]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w) => !/^\p{L}{4,}/u.test(w) || /^\p{Lu}/u.test(w));
}

/** A label over a list: such a line, or one capitalised word ("Implementation", then its items). */
export function isListLabel(text: string): boolean {
  return isLabelLine(text) || /^\p{Lu}[\p{L}'’-]*[:：]?$/u.test(text.trim());
}

/** Prose blocks of one block-level node and its descendants. */
export function collectBlocks(ctx: Ctx, node: RootContent, section: number, out: Collected): void {
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
          } else if (c.type === 'list' && /[:：]\s*$/.test(b.text) && wordCount(b.text) > 3) {
            // An enumeration a sentence introduces with a colon ("Collect the diagnostics:",
            // then "screenshots,", "timestamps,", "exact error messages.") is part of it:
            // read with it as one duty, so what it says still counts without each piece
            // counting as a duty. Punctuation tells: most pieces end with a comma. Under a
            // label ("Front desk:"), without that punctuation, or where a piece starts like
            // a duty ("greeting guests as they arrive,"), the items are duties.
            const inner = emptyCollected();
            collectBlocks(ctx, c, section, inner);
            const commas = inner.items.filter((x) => /[,;]\s*(?:and|or)?\s*$/.test(x.text)).length;
            // Pieces that start like a duty ("greeting guests as they arrive,") stay duties.
            const pieces = new Set(inner.items.length && commas * 2 >= inner.items.length ? inner.items.filter((x) => !ctx.vocab.startsLikeDuty(x.text)) : []);
            for (const x of pieces) {
              b.addSeparator(' ', x.range.start);
              b.add(x.text, x.range.start, x.range.end);
            }
            for (const x of inner.prose) if (!pieces.has(x)) out.prose.push(x);
            for (const x of inner.items) if (!pieces.has(x)) out.items.push(x);
            out.paragraphs.push(...inner.paragraphs);
            out.labels.push(...inner.labels);
          } else {
            collectBlocks(ctx, c, section, out);
          }
        }
        if (b.text.trim()) {
          const blk = TextBlock.from(b, 'list-item', section);
          // A numbered list pasted into its first item: "1) Answer calls. 2) Reply to
          // emails. 3) …" is read by Markdown as one item; its pieces are the items.
          const pieces = node.ordered && node.children.length === 1 ? inlineNumbered(blk.text, (node.start ?? 1) + 1) : undefined;
          if (pieces) {
            for (const [s, e] of pieces) {
              const piece = blk.slice(s, e, 'list-item');
              out.prose.push(piece);
              out.items.push(piece);
            }
            continue;
          }
          out.prose.push(blk);
          out.items.push(blk);
          if (item.children.some((c) => c.type === 'list') && isListLabel(blk.text)) out.labels.push(blk);
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

export function readFrontMatter(ctx: Ctx, node: { value: string; type: string } & Nodes) {
  const r = off(ctx, node);
  const nl = ctx.text.indexOf('\n', r.start);
  const contentStart = nl >= 0 ? nl + 1 : r.start;
  const format = node.type as FrontMatterFormat;
  const read = readFrontMatterBody(format, node.value);
  const blocks: TextBlock[] = [];
  // Duties a CMS keeps in front matter (`responsibilities:`, `duties:`), one per string.
  const duties: TextBlock[] = [];
  let titleBlock: TextBlock | undefined;
  let titleRank = Infinity;
  for (const v of read.strings) {
    const holdsDuties = ctx.vocab.isDutyKey(v.key);
    if (v.item !== undefined) {
      if (!holdsDuties) continue;
      const d = new TextBuilder(ctx.text);
      d.add(v.value, contentStart + v.valueRange[0], contentStart + v.valueRange[1]);
      duties.push(TextBlock.from(d, 'list-item', NO_SECTION));
      continue;
    }
    const b = new TextBuilder(ctx.text);
    b.add(v.key.replace(/[_-]+/g, ' ') + ': ', contentStart + v.keyRange[0], contentStart + v.keyRange[1]);
    const valueStart = b.text.length;
    b.add(v.value, contentStart + v.valueRange[0], contentStart + v.valueRange[1]);
    const blk = TextBlock.from(b, 'front-matter', NO_SECTION);
    // A duties string is read once, as the duty, not a second time as a front matter value;
    // one written as a Markdown list (a CMS's Markdown field) is read item by item.
    if (holdsDuties) {
      const items = markdownItems(ctx, v.value, contentStart + v.valueRange[0], contentStart + v.valueRange[1]);
      if (items.length >= 2) duties.push(...items);
      else duties.push(blk.slice(valueStart, blk.text.length, 'list-item'));
    } else blocks.push(blk);
    // The first title key of the vocabulary's list that the file has: `title` before `position`.
    const rank = ctx.vocab.titleKeys.indexOf(v.key.toLowerCase());
    if (rank >= 0 && rank < titleRank && v.value.trim()) {
      titleRank = rank;
      titleBlock = blk.slice(valueStart, blk.text.length, 'heading');
    }
  }
  blocks.push(...duties);
  return { format, data: read.data, range: r, error: read.error, blocks, titleBlock, duties };
}

const LIST_ITEM_LINE = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)/;
const BLOCK_HEADER = /^[ \t]*[|>][-+0-9]*[ \t]*$/;

/**
 * The duties of a front matter string written in Markdown or HTML, as a CMS's rich
 * text field stores them: each list item ("* Arrange travel…", "<li>…</li>"), and the
 * sentences of a paragraph before the first one ("Own the journey map. Day to day you
 * will also:"), each at its place in the source; none when fewer than two items are
 * found. Read from the source lines, where YAML has not folded the items together.
 * The list ends at a paragraph after it that does not introduce more work ("**What we
 * offer**", then the perks).
 */
function markdownItems(ctx: Ctx, value: string, start: number, end: number): TextBlock[] {
  const source = ctx.text;
  // An HTML field ("<ul><li>…</li></ul>") is read by the same reader as an HTML body.
  const html = htmlBlocks(value, start, source).filter((b) => b.kind === 'item');
  if (html.length >= 2) return html.map((b) => TextBlock.from(b.text, 'list-item', NO_SECTION));
  type Run = { text: string; start: number; end: number };
  const items: Run[] = [];
  const lead: Run[] = [];
  let blank = false;
  let offset = start;
  for (const line of source.slice(start, end).split('\n')) {
    const at = offset;
    offset += line.length + 1;
    const body = line.trim();
    if (at === start && BLOCK_HEADER.test(line.replace(/^[^|>]*:/, ''))) continue;
    if (!body) {
      blank = true;
      continue;
    }
    const m = LIST_ITEM_LINE.exec(line);
    const last = items[items.length - 1];
    if (m) items.push({ text: line.slice(m[0].length).trim(), start: at + m[0].length, end: at + line.trimEnd().length });
    else if (last && !blank) {
      last.text += ` ${body}`;
      last.end = at + line.trimEnd().length;
    } else if (last) {
      if (!ctx.vocab.isWorkLeadIn(body)) break;
    } else lead.push({ text: body, start: at + line.indexOf(body[0]), end: at + line.trimEnd().length });
    blank = false;
  }
  if (items.length < 2) return [];
  const out: TextBlock[] = [];
  if (lead.length) {
    const para = lead.map((r) => r.text).join(' ');
    const b = block(source, para, lead[0].start, lead[lead.length - 1].end);
    // A sentence ending in a colon introduces the list ("Day to day you will also:").
    for (const [s, e] of sentenceSpans(para, ctx.vocab.sentences)) if (!/[:：]\s*$/.test(para.slice(s, e))) out.push(b.slice(s, e, 'sentence'));
  }
  for (const r of items) out.push(block(source, r.text.replace(/\s+/g, ' '), r.start, r.end));
  return out;
}

function block(source: string, text: string, start: number, end: number): TextBlock {
  const b = new TextBuilder(source);
  b.add(text, start, end);
  return TextBlock.from(b, 'list-item', NO_SECTION);
}

/**
 * The pieces of a list item that holds the rest of its list inline: with `next` = 2,
 * "Answer calls. 2) Reply to emails. 3) Log each case." gives the three items' spans
 * (markers left out). Undefined unless at least two markers follow in order.
 */
function inlineNumbered(text: string, next: number): Array<[number, number]> | undefined {
  const marker = /(^|\s)(\d{1,2})\)\s+/g;
  const cuts: Array<[number, number]> = [];
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (Number(m[2]) === next + cuts.length) cuts.push([m.index + m[1].length, m.index + m[0].length]);
  }
  if (cuts.length < 2) return undefined;
  const spans: Array<[number, number]> = [[0, cuts[0][0]]];
  cuts.forEach(([, body], i) => spans.push([body, i + 1 < cuts.length ? cuts[i + 1][0] : text.length]));
  return spans.map(([a, z]) => [a, a + text.slice(a, z).trimEnd().length] as [number, number]).filter(([a, z]) => z > a);
}
