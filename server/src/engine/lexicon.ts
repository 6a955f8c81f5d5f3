import { compileAlternation, compilePattern, fold, PATTERN_FLAGS } from './patterns';

/** One lexicon entry as written in a pack: a phrase pattern, optionally with a substitution. */
export interface LexiconEntryData {
  match: string;
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
  exclude?: string[];
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
  /** Sticky: `lastIndex` says where it must match. */
  readonly regex: RegExp;
  hasTarget: boolean;
  replace?: string;
  safe: boolean;
  pattern: string;
}

export interface CompiledClass {
  name: string;
  any: RegExp;
  entries: CompiledEntry[];
  exclude: RegExp | null;
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

export function compileClass(name: string, data: LexiconClassData): CompiledClass {
  const entries = data.match.map(normalise).map((e): CompiledEntry => {
    const c = compilePattern(e.match);
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
      pattern: e.match,
    };
  });
  // One alternation per class so each block is scanned once per class, not once per entry.
  const any = compileAlternation(entries.map((e) => e.pattern));
  const ex = data.exclude ?? [];
  return {
    name,
    any,
    entries,
    exclude: ex.length ? compileAlternation(ex) : null,
    negation: data.negation ?? 'normal',
  };
}

export class Negation {
  private readonly cue: RegExp;
  private readonly strictCue: RegExp;
  private readonly nonCue: RegExp | null;
  constructor(readonly data: NegationData) {
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
  isNegated(text: string, start: number, mode: NegationMode): boolean {
    if (mode === 'none') return false;
    let from = clauseStart(text, start);
    // Only the last `window` words (plus a two-word cue) can negate.
    const wordStarts: number[] = [];
    const re0 = /[\p{L}\p{N}'\u2019]+/gu;
    const before = text.slice(from, start);
    for (let m = re0.exec(before); m; m = re0.exec(before)) wordStarts.push(m.index);
    const keep = this.data.window + 2;
    if (wordStarts.length > keep) from += wordStarts[wordStarts.length - keep];
    const scope = text.slice(from, start);
    const re = mode === 'strict' ? this.strictCue : this.cue;
    re.lastIndex = 0;
    for (let m = re.exec(scope); m; m = re.exec(scope)) {
      const after = scope.slice(m.index + m[0].length);
      const gapWords = (after.match(/[\p{L}\p{N}'\u2019]+/gu) ?? []).length;
      if (gapWords > this.data.window) continue;
      if (this.nonCue) {
        this.nonCue.lastIndex = 0;
        const probe = scope.slice(m.index);
        const nm = this.nonCue.exec(probe);
        if (nm && nm.index === 0) continue;
      }
      return true;
    }
    return false;
  }
}

const CLAUSE_END = /[.;:!?()\u2014]|\s[\u2013-]\s|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|,(?=\s*(?:you|we|they|i|it|this|which|so|then|and\s+(?:you|we|then|also)|instead)\b)/giu;

function clauseStart(text: string, pos: number): number {
  let start = 0;
  const slice = text.slice(0, pos);
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(slice); m; m = CLAUSE_END.exec(slice)) start = m.index + m[0].length;
  return start;
}

/** All non-excluded matches of a class in a text, each marked negated or not. */
export function scanClass(cls: CompiledClass, raw: string, negation: Negation): Match[] {
  const text = fold(raw);
  const out: Match[] = [];
  cls.any.lastIndex = 0;
  let excluded: Array<[number, number]> | null = null;
  for (let m = cls.any.exec(text); m; m = cls.any.exec(text)) {
    if (m[0].length === 0) {
      cls.any.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (cls.exclude) {
      if (!excluded) {
        excluded = [];
        cls.exclude.lastIndex = 0;
        // Exclusions may overlap ("service desk for internal" and "internal customers …
        // requests"), so resume just after each start rather than after each match.
        for (let x = cls.exclude.exec(text); x; x = cls.exclude.exec(text)) {
          excluded.push([x.index, x.index + x[0].length]);
          cls.exclude.lastIndex = x.index + 1;
        }
      }
      if (excluded.some(([a, b]) => a < end && start < b)) continue;
    }
    out.push({ start, end, negated: negation.isNegated(text, start, cls.negation) });
  }
  return out;
}

/** The class's matches (from scanClass) with their substitution targets, for phrase rules that offer fixes. */
export function withTargets(cls: CompiledClass, raw: string, hits: Match[]): Match[] {
  const text = fold(raw);
  return hits.map((h) => {
    for (const e of cls.entries) {
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
