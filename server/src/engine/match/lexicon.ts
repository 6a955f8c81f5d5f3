import type { RE2JS } from 're2js';
import { compileAlternation, compilePattern, fold, indexWords, PATTERN_FLAGS, PhraseSet, type LeadIndex, type WordIndex } from './patterns';
import { compileRawRegex, rawMatches } from './raw-regex';
import { wordAlternation } from '../parse/text-block';
import { lastAtOrBefore } from '../parse/search';

/**
 * One lexicon entry as written in a pack: a phrase pattern (`match`) or a raw
 * regular expression (`regex`, run on the linear-time re2js engine), optionally
 * with a substitution.
 */
export interface LexiconEntryData {
  match?: string;
  regex?: string;
  /** Replacement for the pattern's {…} target (or the whole match) in a substitution fix. */
  replace?: string;
  /** A substitution that keeps the meaning and grammar may be applied by fix-all. */
  safe?: boolean;
}

export type NegationMode = 'normal' | 'strict' | 'none';

export interface LexiconClassData {
  description?: string;
  match: Array<string | LexiconEntryData>;
  /** Phrases that look like a match but are not ("team member" for customer). */
  exclude?: Array<string | { regex: string }>;
  negation?: NegationMode;
}

export interface NegationData {
  cues: string[];
  strictCues: string[];
  /** Phrases that contain a cue but do not negate ("not only", "not just"). */
  nonCues: string[];
  window: number;
}

export interface CompiledEntry {
  /** A phrase pattern's expression (sticky: `lastIndex` says where it must match; built on first use), or undefined for a raw regex entry. */
  readonly regex?: RegExp;
  /** A raw regex entry, run on re2js. */
  raw?: RE2JS;
  hasTarget: boolean;
  replace?: string;
  safe: boolean;
  pattern: string;
}

export interface CompiledClass {
  name: string;
  /** The class's phrase patterns, matched as one alternation. */
  any: PhraseSet;
  entries: CompiledEntry[];
  /** The raw-regex entries, found once here rather than on every scan. */
  raws: CompiledEntry[];
  exclude: PhraseSet | null;
  rawExclude: RE2JS[];
  negation: NegationMode;
}

export interface Match {
  start: number;
  end: number;
  negated: boolean;
  /** For substitution: the target span and the entry that matched. */
  target?: { start: number; end: number };
  entry?: CompiledEntry;
}

function normalise(e: string | LexiconEntryData): LexiconEntryData {
  return typeof e === 'string' ? { match: e } : e;
}

/** The text that names an entry: what `remove` lists and what a later pack's entry replaces. */
export function entryKey(e: string | LexiconEntryData | { regex: string }): string {
  return (typeof e === 'string' ? e : 'match' in e && e.match !== undefined ? e.match : ((e as { regex: string }).regex ?? '')).toLowerCase();
}

export function compileClass(name: string, data: LexiconClassData, leads?: LeadIndex): CompiledClass {
  const entries = data.match.map(normalise).map((e): CompiledEntry => {
    if (e.regex !== undefined) {
      const raw = compileRawRegex(e.regex);
      return { raw, hasTarget: raw.groupCount() >= 1, replace: e.replace, safe: e.safe === true, pattern: e.regex };
    }
    const c = compilePattern(e.match ?? '');
    let regex: RegExp | undefined;
    return {
      // Only substitution fixes need an entry's own regex, for the few matches they
      // rewrite: build it on first use (hundreds of unicode regexes cost start-up time).
      // Sticky, because it is only ever tried at a match the class scan already found.
      get regex() {
        return (regex ??= new RegExp(c.source, PATTERN_FLAGS.replace('g', 'y') + (c.hasTarget ? 'd' : '')));
      },
      hasTarget: c.hasTarget,
      replace: e.replace,
      safe: e.safe === true,
      pattern: e.match!,
    };
  });
  // One alternation per class so each block is scanned once per class, not once per entry.
  // (Filtering on `raw`, not `regex`: reading `regex` would build every entry's own expression.)
  const any = new PhraseSet(
    entries.filter((e) => !e.raw).map((e) => e.pattern),
    leads,
  );
  const ex = data.exclude ?? [];
  const phraseEx = ex.filter((x): x is string => typeof x === 'string');
  return {
    name,
    any,
    entries,
    raws: entries.filter((e) => e.raw),
    exclude: phraseEx.length ? new PhraseSet(phraseEx, leads) : null,
    rawExclude: ex.filter((x): x is { regex: string } => typeof x !== 'string').map((x) => compileRawRegex(x.regex)),
    negation: data.negation ?? 'normal',
  };
}

export class Negation {
  private readonly cue: RegExp;
  private readonly strictCue: RegExp;
  private readonly nonCue: RegExp | null;
  constructor(
    readonly data: NegationData,
    /** Where a clause ends (clauseEnd): a cue negates only within its clause. */
    readonly clauseEnd: RegExp,
  ) {
    this.cue = compileAlternation(data.cues);
    this.strictCue = compileAlternation(data.strictCues);
    this.nonCue = data.nonCues.length ? compileAlternation(data.nonCues) : null;
  }

  /**
   * Is the match at `start` negated? A cue must stand earlier in the same clause and
   * within `window` words. Clauses end at sentence punctuation, "but", dashes, and at a
   * comma that starts a new subject ("instead of phones, you will…") — but not at the
   * commas of a list ("not answering phones, chats or emails" negates all three).
   */
  isNegated(text: string, start: number, mode: NegationMode, clauses?: ClauseStarts): boolean {
    if (mode === 'none') return false;
    let from = (clauses ?? new ClauseStarts(text, this.clauseEnd)).before(start);
    // Only the last `window` words (plus a two-word cue) can negate. Look back over a
    // bounded slice first so a long clause costs O(window), not O(clause), per match;
    // fall back to the whole clause only when that slice holds too few words.
    const keep = this.data.window + 2;
    const near = Math.max(from, start - LOOKBACK_CHARS);
    let wordStarts = wordStartsIn(text, near, start);
    if (wordStarts.length <= keep && near > from) wordStarts = wordStartsIn(text, from, start);
    if (wordStarts.length > keep) from = wordStarts[wordStarts.length - keep];
    const scope = text.slice(from, start);
    const re = mode === 'strict' ? this.strictCue : this.cue;
    re.lastIndex = 0;
    for (let m = re.exec(scope); m; m = re.exec(scope)) {
      const after = scope.slice(m.index + m[0].length);
      const gapWords = (after.match(/[\p{L}\p{N}'\u2019]+/gu) ?? []).length;
      if (gapWords > this.data.window) continue;
      if (this.nonCue && this.insideNonCue(scope, m.index, m.index + m[0].length)) continue;
      return true;
    }
    return false;
  }

  /**
   * Does a non-cue phrase cover the cue at [from, to)? A non-cue may start before its
   * cue ("when not touring, call back enquiries": the cue is "not", the phrase "when
   * not"), so look a few words back, not only at the cue itself.
   */
  private insideNonCue(scope: string, from: number, to: number): boolean {
    const re = this.nonCue!;
    // Searching the whole scope from a later lastIndex keeps word boundaries honest.
    re.lastIndex = Math.max(0, from - NON_CUE_LOOKBACK);
    for (let nm = re.exec(scope); nm && nm.index <= from; nm = re.exec(scope)) {
      if (nm[0].length === 0) re.lastIndex++;
      if (nm.index + nm[0].length >= to) return true;
    }
    return false;
  }
}

/** How far before a cue a non-cue phrase may start ("whether or not"). */
const NON_CUE_LOOKBACK = 24;

/** Enough characters for window + 2 ordinary words; longer "words" are not prose. */
const LOOKBACK_CHARS = 1000;

/** Absolute offsets of the words in text[from, to). */
function wordStartsIn(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  const re = /[\p{L}\p{N}'\u2019]+/gu;
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push(from + m.index);
  return out;
}

/**
 * Where a clause ends: sentence punctuation, a dash, one of the pack's `clauses.breaks`
 * words ("but"), or a comma before one of its `clauses.openers` ("instead of phones,
 * you will…"), not the commas of a list.
 */
export function clauseEnd(words: { breaks?: string[]; openers?: string[] } | undefined): RegExp {
  const breaks = wordAlternation(words?.breaks);
  const openers = wordAlternation(words?.openers, '\\s+');
  return new RegExp(`[.;:!?()\\u2014]|\\s[\\u2013-]\\s${breaks ? `|\\b(?:${breaks})\\b` : ''}${openers ? `|,(?=\\s*(?:${openers})\\b)` : ''}`, 'giu');
}

/**
 * Where each clause of a text starts, found in one pass (the text is scanned once per
 * class, however many matches it has), then looked up by binary search.
 */
export class ClauseStarts {
  private readonly starts: number[] = [0];
  constructor(text: string, end: RegExp) {
    end.lastIndex = 0;
    for (let m = end.exec(text); m; m = end.exec(text)) {
      if (m[0].length === 0) end.lastIndex++;
      this.starts.push(m.index + m[0].length);
    }
  }

  /** The start of the clause that `pos` is in: the end of the last clause break wholly before `pos`. */
  before(pos: number): number {
    return this.starts[lastAtOrBefore(this.starts, pos, (s) => s)];
  }
}

/** All non-excluded matches of a class in a text, each marked negated or not. */
export function scanClass(cls: CompiledClass, raw: string | WordIndex, negation: Negation): Match[] {
  const words = typeof raw === 'string' ? indexWords(fold(raw), undefined, raw) : raw;
  const text = words.text;
  // Raw regexes (case-insensitive) read the text as written: fold() has replaced symbols they may name.
  const written = words.raw ?? text;
  const out: Match[] = [];
  let excluded: Array<[number, number]> | null = null;
  // Matches come in increasing order, so one pointer over the exclusions (sorted by
  // start) and the furthest end seen so far answer "does any exclusion overlap?" in O(1).
  let next = 0;
  let reach = -1;
  let clauses: ClauseStarts | undefined;
  for (const [start, end] of candidates(cls, words)) {
    if (cls.exclude || cls.rawExclude.length) {
      if (!excluded) {
        excluded = [];
        // Exclusions may overlap ("service desk for internal" and "internal customers …
        // requests"), so each search resumes just after a start rather than after a match.
        if (cls.exclude) excluded = cls.exclude.scan(words, true);
        for (const re of cls.rawExclude) for (const x of rawMatches(re, written)) excluded.push([x.start, x.end]);
        if (cls.rawExclude.length) excluded.sort((x, y) => x[0] - y[0]);
      }
      while (next < excluded.length && excluded[next][0] < end) reach = Math.max(reach, excluded[next++][1]);
      if (reach > start) continue;
    }
    if (cls.negation !== 'none') clauses ??= new ClauseStarts(text, negation.clauseEnd);
    out.push({ start, end, negated: negation.isNegated(text, start, cls.negation, clauses) });
  }
  return out;
}

/** Phrase-pattern matches, plus raw-regex matches that do not overlap an earlier or longer one, in text order. */
function candidates(cls: CompiledClass, words: WordIndex): Array<[number, number]> {
  const found = cls.any.scan(words);
  const raws = cls.raws;
  if (!raws.length) return found;
  for (const e of raws) for (const m of rawMatches(e.raw!, words.raw ?? words.text)) found.push([m.start, m.end]);
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const c of found) if (!out.length || c[0] >= out[out.length - 1][1]) out.push(c);
  return out;
}

/** The class's matches (from scanClass) with their substitution targets, for phrase rules that offer fixes. */
export function withTargets(cls: CompiledClass, raw: string, hits: Match[]): Match[] {
  const text = fold(raw);
  const rawCache = new Map<CompiledEntry, ReturnType<typeof rawMatches>>();
  return hits.map((h) => {
    for (const e of cls.entries) {
      if (e.raw) {
        let ms = rawCache.get(e);
        if (!ms) rawCache.set(e, (ms = rawMatches(e.raw, raw)));
        const m = ms.find((x) => x.start === h.start);
        if (m) return { ...h, end: m.end, target: m.target ?? { start: m.start, end: m.end }, entry: e };
        continue;
      }
      if (!e.regex) continue;
      e.regex.lastIndex = h.start;
      const m = e.regex.exec(text);
      if (m) {
        const idx = (m as RegExpExecArray & { indices?: Array<[number, number]> }).indices;
        const t = e.hasTarget && idx?.[1] ? { start: idx[1][0], end: idx[1][1] } : { start: m.index, end: m.index + m[0].length };
        return { ...h, end: m.index + m[0].length, target: t, entry: e };
      }
    }
    return h;
  });
}
