import type { OffsetRange } from '../types';
import { lastAtOrBefore } from './search';

/**
 * Plain text extracted from Markdown, with a map back to source offsets.
 * Rules match on the plain text (no `**`, no link syntax) but every finding must
 * point at the exact source, so each run of text remembers where it came from.
 */
interface Segment {
  plain: number; // start in plain text
  len: number;
  src: number; // start in source
  srcEnd: number;
  exact: boolean; // plain[plain..plain+len] === source[src..srcEnd]
}

export class SourceMap {
  readonly segments: Segment[] = [];

  toSource(p: number, edge: 'start' | 'end'): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    // The last segment starting at or before p.
    const lo = lastAtOrBefore(segs, p, (x) => x.plain);
    let s = segs[lo];
    // An end position that falls exactly on a segment start belongs to the previous one.
    if (edge === 'end' && p === s.plain && lo > 0) s = segs[lo - 1];
    const rel = p - s.plain;
    if (s.exact) return s.src + Math.min(Math.max(rel, 0), s.len);
    return edge === 'start' ? (rel >= s.len ? s.srcEnd : s.src) : rel <= 0 ? s.src : s.srcEnd;
  }
}

export class TextBuilder {
  text = '';
  readonly map = new SourceMap();

  constructor(private readonly source: string) {}

  /** Appends text whose source span is known. */
  add(value: string, src: number, srcEnd: number): void {
    if (!value) return;
    const exact = srcEnd - src === value.length && this.source.startsWith(value, src);
    if (exact || value.length < 2) {
      this.map.segments.push({ plain: this.text.length, len: value.length, src, srcEnd, exact });
      this.text += value;
      return;
    }
    this.addAligned(value, src, srcEnd);
  }

  /**
   * Escapes and entities make the plain text differ from the source. Align them
   * greedily character by character so ranges inside such text stay close.
   */
  private addAligned(value: string, src: number, srcEnd: number): void {
    let s = src;
    let i = 0;
    while (i < value.length) {
      const found = this.source.indexOf(value[i], s);
      if (found < 0 || found >= srcEnd) {
        this.map.segments.push({ plain: this.text.length, len: value.length - i, src: s, srcEnd, exact: false });
        this.text += value.slice(i);
        return;
      }
      // Extend the run of identical characters.
      let n = 1;
      while (i + n < value.length && found + n < srcEnd && value[i + n] === this.source[found + n]) n++;
      this.map.segments.push({ plain: this.text.length, len: n, src: found, srcEnd: found + n, exact: true });
      this.text += value.slice(i, i + n);
      i += n;
      s = found + n;
    }
  }

  /** Appends separator text that has no source of its own (it maps to `at`). */
  addSeparator(value: string, at: number): void {
    if (!value) return;
    this.map.segments.push({ plain: this.text.length, len: value.length, src: at, srcEnd: at, exact: false });
    this.text += value;
  }
}

/** `task`: one of several tasks a duty sentence lists ("…, track parcels, issue refunds and…"). */
export type BlockKind = 'list-item' | 'table-row' | 'sentence' | 'task' | 'paragraph' | 'heading' | 'front-matter';

/** A unit of prose: a duty candidate, a sentence, a heading, a front matter value. */
export class TextBlock {
  constructor(
    readonly text: string,
    private readonly map: SourceMap,
    private readonly base: number,
    readonly kind: BlockKind,
    readonly section: number,
  ) {}

  static from(builder: TextBuilder, kind: BlockKind, section: number): TextBlock {
    return new TextBlock(builder.text, builder.map, 0, kind, section);
  }

  /** A sub-block (a sentence of a paragraph) sharing the parent's source map; `section` moves it to another section. */
  slice(start: number, end: number, kind: BlockKind, section = this.section): TextBlock {
    return new TextBlock(this.text.slice(start, end), this.map, this.base + start, kind, section);
  }

  toSource(start: number, end: number): OffsetRange {
    const s = this.map.toSource(this.base + start, 'start');
    const e = this.map.toSource(this.base + end, 'end');
    return { start: s, end: Math.max(s, e) };
  }

  get range(): OffsetRange {
    return this.toSource(0, this.text.length);
  }
}

/** Escapes plain words for a regular expression and joins them as alternatives (null for none). */
/** How many words a text has (runs of non-space): "three words or fewer" is a label, not a duty. */
export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

export function wordAlternation(words: readonly string[] | undefined, space = ' '): string | null {
  if (!words?.length) return null;
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, space)).join('|');
}

/** Where sentences end, from the pack's words (`vocabulary.sentences`). */
export interface SentenceRules {
  boundary: RegExp;
  /** Abbreviations whose full stop does not end a sentence ("e.g."). */
  abbreviation: RegExp | null;
}

export function sentenceRules(words: { abbreviations?: string[]; runOnWords?: string[] } | undefined): SentenceRules {
  const abbreviations = wordAlternation(words?.abbreviations);
  const runOn = (words?.runOnWords ?? []).map((w) => `|\\b${wordAlternation([w])}`).join('');
  return {
    // Lines pasted from word processors often carry one duty each with no full stop:
    // a middle dot between spaces is a bullet pasted from a word processor ("· Assists
    // patients…"), as • is;
    // a line break before a capital letter or a symbol (emoji, dash) ends a sentence,
    // unless the line before ends mid-sentence (a comma, "and", "or": `runOnWords`).
    boundary: new RegExp(
      `[.!?;]+["'”’)\\]]*(?=\\s)|\\s*[•▪●◦]\\s*|(?:^|\\s+)·\\s+|\\n\\s*[-*–]\\s+|(?<![,;:&/-]${runOn})[ \\t]*\\n(?=[ \\t]*(?:\\p{Lu}|[^\\p{L}\\p{N}\\s]))`,
      'gu',
    ),
    abbreviation: abbreviations ? new RegExp(`(?:^|[\\s(])(?:${abbreviations})\\.$`, 'i') : null,
  };
}

/** Splits a paragraph's text into sentence ranges (start, end) with trimmed edges. */
export function sentenceSpans(text: string, rules: SentenceRules): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  const { boundary, abbreviation } = rules;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (/^[.]/.test(m[0]) && abbreviation?.test(text.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
    pushTrimmed(text, start, /^\s*[•▪●◦·\n-]/.test(m[0]) ? m.index : end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, s: number, e: number, out: Array<[number, number]>): void {
  // Leading bullets and emoji are decoration, not part of the duty.
  while (s < e && /[\s•▪●◦·\-*–]/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push([s, e]);
}
