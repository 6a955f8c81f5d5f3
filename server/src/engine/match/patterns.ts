/**
 * The phrase-pattern language of rule packs (see docs/how-cx-lint-reads.md §7),
 * compiled to JavaScript regular expressions, which V8 runs by backtracking.
 *
 * Why matching stays linear in the text: the grammar has no unbounded repetition of
 * words (every gap is bounded), words and separators never overlap, and every match
 * starts at a word. So at one start position the engine can only try the different
 * ways the pattern's items can be laid over the next words — which word an
 * alternation takes, whether an optional word is there, how many words a gap skips —
 * and each way costs at most the text it spans. Those ways multiply along a
 * pattern (`[a] [a] [a] … b` on "a a a … c" tries 2^n of them), so the parser counts
 * them, and refuses a pattern whose ways times the words it spans pass MAX_WORK: a
 * pattern that loads costs at most MAX_WORK word steps at any place in the text, like
 * a plain phrase of MAX_WORK words would.
 */
import { BoundedMemo } from './bounded-memo';

export class PatternError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
    readonly column: number,
  ) {
    super(`${message} (at column ${column + 1} of "${pattern}")`);
  }
}

/**
 * The character classes compiled patterns use, as fast and as meant. Patterns run on
 * fold(text), where every character but ASCII, General Punctuation (U+2000–U+206F),
 * letters and digits has become a space or \x01. There, "none of these ASCII and
 * punctuation characters" is exactly the Unicode class it stands for, and V8 compiles
 * it several times faster than property classes: cx-core's classes compile in about
 * 120 ms instead of 290 at every start (decision 107). `unicode` is what each means;
 * a test holds the two together on random text.
 */
export const MATCH_CLASSES = {
  /** A letter, digit or `_`: what may not stand just before or after a match. */
  wordChar: { fast: '[^\\x00-\\x2f\\x3a-\\x40\\x5b-\\x5e\\x60\\x7b-\\x7f\\u2000-\\u206f]', unicode: '[\\p{L}\\p{N}_]' },
  /** A letter or digit: what `word*` may add. */
  letterOrDigit: { fast: '[^\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\u2000-\\u206f]', unicode: '[\\p{L}\\p{N}]' },
  /** A letter, digit or apostrophe: a word a gap (`..N`) skips. */
  gapWord: { fast: '[^\\x00-\\x26\\x28-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\u2000-\\u2018\\u201a-\\u206f]', unicode: "[\\p{L}\\p{N}'\\u2019]" },
} as const;
const WORD_CHAR = MATCH_CLASSES.wordChar.fast;
const START = `(?<!${WORD_CHAR})`;
// "CX-200" is a product code, not a title word: a hyphen followed by a digit continues the word.
const END = `(?!${WORD_CHAR}|-\\d)`;
const SEP = '[\\s\\-\\u2010\\u2011\\u2013/]+';
// A gap also steps over double quotes: "act as the “voice of the customer”" is
// "act as the voice of the customer" with quotes around the phrase.
const GAP_SEP = '[\\s\\-\\u2010\\u2011\\u2013/,&:"\\u201c\\u201d]+';
const GAP_WORD = `${MATCH_CLASSES.gapWord.fast}+`;
export const MAX_GAP = 8;
/**
 * The most word steps one pattern may cost at one place in the text: its ways
 * times the words it spans. A plain phrase of 240 words costs 240; cx-core's
 * richest pattern 2,400 (160 ways of up to 15 words).
 */
export const MAX_WORK = 4096;

/**
 * What the first word of an item can be: exact forms, `word*` prefixes, `#` numbers.
 * Alternatives whose first words exclude each other cannot both match at one place,
 * so `(with|across|between)` adds no ways while `(a|a b)` adds one.
 */
interface FirstWord {
  forms: Set<string>;
  prefixes: string[];
  number: boolean;
}

/**
 * What an item's first word can be, worked out only when an alternation needs it;
 * undefined: any word (an optional word or a gap comes first).
 */
type FirstOf = () => FirstWord | undefined;
const ANY_WORD: FirstOf = () => undefined;
const A_NUMBER: FirstWord = { forms: new Set(), prefixes: [], number: true };

/** Computes a value on first use, once. */
function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

const ONE_WAY = () => 1;

/**
 * What the text's word at the start of a match can be, or null when the pattern can
 * start on any word (a leading gap, a word that starts with an apostrophe). A match
 * starts where no letter, digit or `_` stands before it, on the literal of its first
 * word; every letter and digit of that literal's leading run must be there, and what
 * follows the run (an apostrophe, `&`, a separator, the end guard) is no word
 * character, so the text's word there — its run of letters, digits and `_` — is
 * exactly that run (`exact`), starts with a `word*` prefix (`prefixes`), or starts with
 * a digit for `#` (`number`). PhraseSet tries a pattern only at such words.
 */
export type Lead = { exact: string[]; prefixes: string[]; number: boolean } | null;
const NUMBER_LEAD: Lead = { exact: [], prefixes: [], number: true };

/** The leading run of letters and digits of a literal, or null when it starts otherwise. */
function leadingRun(literal: string): string | null {
  const m = /^[\p{L}\p{N}]+/u.exec(literal);
  return m ? m[0] : null;
}

function unionLeads(leads: Lead[]): Lead {
  if (leads.length === 1) return leads[0];
  if (leads.some((l) => l === null)) return null;
  return { exact: leads.flatMap((l) => l!.exact), prefixes: leads.flatMap((l) => l!.prefixes), number: leads.some((l) => l!.number) };
}

/** Leading optional items add their first words to those of the first required item; a leading gap can start anywhere. */
function seqLead(parts: Array<{ optional: boolean; gap?: number; lead: Lead }>): Lead {
  const leads: Lead[] = [];
  for (const p of parts) {
    if (p.gap !== undefined) return null;
    leads.push(p.lead);
    if (!p.optional) break;
  }
  return unionLeads(leads);
}

/**
 * Words the text must hold somewhere for a sequence to match, or null when no
 * required item names them (gaps and optional items need nothing). Of the required
 * items, the one least likely to be in any text: not a group of the commonest words
 * ("the", "a", "our"), and the fewest forms otherwise.
 */
function seqNeed(parts: Array<{ optional: boolean; gap?: number; need: Lead }>): Lead {
  let best: Lead = null;
  let bestScore = Infinity;
  for (const p of parts) {
    if (p.optional || p.gap !== undefined || p.need === null) continue;
    const score = needScore(p.need);
    if (score < bestScore) {
      best = p.need;
      bestScore = score;
    }
  }
  return best;
}

const COMMON_WORDS = new Set(
  'a an the and or of to in on for with at by as is are be from our your their its this that these those we you they it my his her'.split(' '),
);

function needScore(l: NonNullable<Lead>): number {
  let n = l.prefixes.length * 3 + (l.number ? 50 : 0);
  for (const w of l.exact) n += COMMON_WORDS.has(w) ? 100 : 1;
  return n;
}

/**
 * A sequence or alternative: its regex, its ways, the most words it spans, and what
 * its first word can be. `upper` bounds `ways` by counting every alternative (no
 * first-word analysis), which is enough for almost every pattern; the exact count is
 * only worked out for a pattern whose bound passes the limit.
 */
type Seq = { re: string; upper: number; ways: () => number; span: number; first: FirstOf; lead: Lead; need: Lead };
type Part = Seq & { optional: boolean; gap?: number; at: number };

const DIGIT = /^\p{N}/u;

function overlaps(a: FirstWord | undefined, b: FirstWord | undefined): boolean {
  if (!a || !b) return true;
  const [small, large] = a.forms.size <= b.forms.size ? [a, b] : [b, a];
  for (const f of small.forms) if (large.forms.has(f)) return true;
  return prefixOverlap(a, b) || prefixOverlap(b, a) || (a.number && numeric(b)) || (b.number && numeric(a));
}

/** Does a `word*` prefix of x match a first word of y? */
function prefixOverlap(x: FirstWord, y: FirstWord): boolean {
  for (const p of x.prefixes) {
    for (const f of y.forms) if (f.startsWith(p)) return true;
    for (const q of y.prefixes) if (q.startsWith(p) || p.startsWith(q)) return true;
  }
  return false;
}

function numeric(x: FirstWord): boolean {
  if (x.number) return true;
  for (const f of x.forms) if (DIGIT.test(f)) return true;
  return x.prefixes.some((p) => DIGIT.test(p));
}

/**
 * The ways of an alternation at one place: the alternatives that can match there all
 * accept the word found there, so they overlap pairwise; the most any alternative's
 * overlapping set can add up to bounds them. Alternatives of plain words are matched
 * up through their shared forms, so a long word list costs no pairwise comparisons.
 */
function alternationWays(alts: Seq[]): number {
  if (alts.length === 1) return alts[0].ways();
  const firsts = alts.map((a) => a.first());
  const plain = (i: number) => firsts[i] !== undefined && !firsts[i]!.prefixes.length && !firsts[i]!.number;
  const byForm = new Map<string, number[]>();
  const loose: number[] = []; // prefixes, numbers or any word: compared with each other alternative
  alts.forEach((_, i) => {
    if (!plain(i)) return void loose.push(i);
    for (const f of firsts[i]!.forms) {
      const list = byForm.get(f);
      if (list) list.push(i);
      else byForm.set(f, [i]);
    }
  });
  let most = 0;
  alts.forEach((_, i) => {
    const together = new Set<number>([i]);
    if (plain(i)) {
      for (const f of firsts[i]!.forms) for (const j of byForm.get(f)!) together.add(j);
      for (const j of loose) if (overlaps(firsts[i], firsts[j])) together.add(j);
    } else {
      firsts.forEach((b, j) => overlaps(firsts[i], b) && together.add(j));
    }
    let n = 0;
    for (const j of together) n += alts[j].ways();
    most = Math.max(most, n);
  });
  return most;
}

function unionFirst(alts: Seq[]): FirstWord | undefined {
  const firsts = alts.map((a) => a.first());
  if (firsts.some((f) => !f)) return undefined;
  return { forms: new Set(firsts.flatMap((f) => [...f!.forms])), prefixes: firsts.flatMap((f) => f!.prefixes), number: firsts.some((f) => f!.number) };
}

export interface CompiledPattern {
  source: string;
  /** The pattern without its word-boundary guards, for building alternations. */
  body: string;
  /** True when the pattern marks a `{…}` target span (capture group 1). */
  hasTarget: boolean;
  /** The words a match can start on (see Lead). */
  lead: Lead;
  /** Words one of which the text must hold for a match anywhere (see seqNeed); null: none known. */
  need: Lead;
}

function escapeRe(s: string): string {
  return s
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/['\u2019]/g, "['\u2019]");
}

const VOWEL = /[aeiou]/;

/**
 * The forms `word+` stands for: -s, -es, -ed, -ing, y→ies/ied, dropped e, doubled
 * consonant. Not -er: "manage+" meant to catch "managing" also caught "manager" ("work
 * with the marketing manager on outbound messaging" read as handling messages); a
 * pattern that wants the person names it.
 */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const forms = new Set([w, w + 's', w + 'es', w + 'ed', w + 'ing']);
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    for (const suf of ['ed', 'ing']) forms.add(stem + suf);
    forms.add(w + 'd');
  }
  if (w.endsWith('y') && w.length > 2 && !VOWEL.test(w[w.length - 2])) {
    const stem = w.slice(0, -1);
    forms.add(stem + 'ies');
    forms.add(stem + 'ied');
  }
  const n = w.length;
  if (n >= 3 && !VOWEL.test(w[n - 1]) && !'wxy'.includes(w[n - 1]) && VOWEL.test(w[n - 2]) && !VOWEL.test(w[n - 3])) {
    for (const suf of ['ed', 'ing']) forms.add(w + w[n - 1] + suf);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

class Parser {
  pos = 0;
  targets = 0;
  constructor(readonly src: string) {}

  fail(msg: string, at = this.pos): never {
    throw new PatternError(msg, this.src, at);
  }

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  /** seq := item+ ; stops at `)`, `|`, `]`, `}` or the end. */
  seq(): Seq {
    const parts: Part[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === undefined || c === ')' || c === '|' || c === ']' || c === '}') break;
      const at = this.pos;
      const part = this.item() as Part;
      part.at = at;
      parts.push(part);
    }
    if (parts.length === 0) this.fail('empty pattern or group');
    if (parts.every((p) => p.optional || p.gap !== undefined)) this.fail('a pattern needs at least one required word');
    const upper = parts.reduce((n, p) => n * p.upper, 1);
    const ways = lazy(() => parts.reduce((n, p) => n * p.ways(), 1));
    const span = parts.reduce((n, p) => n + p.span, 0);
    if (upper * span > MAX_WORK && ways() * span > MAX_WORK) {
      // Point at the item where the cost so far passes the limit.
      let w = 1;
      let n = 0;
      const at = (parts.find((p) => (w *= p.ways()) * (n += p.span) > MAX_WORK) ?? parts[0]).at;
      this.tooCostly(ways(), span, at);
    }
    const lead = parts[0];
    return {
      re: joinParts(parts),
      upper,
      ways,
      span,
      first: lead.optional || lead.gap !== undefined ? ANY_WORD : lead.first,
      lead: seqLead(parts),
      need: seqNeed(parts),
    };
  }

  tooCostly(ways: number, span: number, at: number): never {
    const n = ways > 1e6 ? 'over a million' : String(ways);
    this.fail(
      `this pattern can be laid over the same words in ${n} ways (optional words × gap lengths × overlapping alternatives) of up to ${span} words, ` +
        `and matching may try every way at every place: ways × words may be at most ${MAX_WORK}; use fewer optional words, shorter gaps or fewer words, or split it into several patterns`,
      at,
    );
  }

  /** alt ('|' alt)* followed by the closing bracket. */
  alternatives(close: ')' | ']'): Seq[] {
    const alts = [this.seq()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alts.push(this.seq());
    }
    if (this.src[this.pos] !== close) this.fail(`missing "${close}"`);
    this.pos++;
    return alts;
  }

  /** An alternation's ways, span and first words; its `re` is the bare `a|b|c`. */
  group(alts: Seq[], at: number): Seq {
    const re = alts.map((a) => a.re).join('|');
    const upper = alts.reduce((n, a) => n + a.upper, 0);
    const ways = lazy(() => alternationWays(alts));
    const span = Math.max(...alts.map((a) => a.span));
    if (upper * span > MAX_WORK && ways() * span > MAX_WORK) this.tooCostly(ways(), span, at);
    return {
      re,
      upper,
      ways,
      span,
      first: alts.length === 1 ? alts[0].first : lazy(() => unionFirst(alts)),
      lead: unionLeads(alts.map((a) => a.lead)),
      need: unionLeads(alts.map((a) => a.need)),
    };
  }

  item(): Omit<Part, 'at'> {
    const at = this.pos;
    const c = this.src[this.pos];
    if (c === '(') {
      this.pos++;
      const g = this.group(this.alternatives(')'), at);
      return { ...g, re: `(?:${g.re})`, optional: false };
    }
    if (c === '[') {
      // "licen[cs]e" reads as a regex character class, but "[…]" is an optional word: the
      // pattern would never match "licence". Written against a word, it is refused.
      if (/[\p{L}\p{N}]/u.test(this.src[this.pos - 1] ?? ''))
        this.fail('"[…]" is an optional word, not a character class: write the forms out, as "(licence|license)"');
      this.pos++;
      const alts = this.alternatives(']');
      const g = this.group(alts, at);
      return {
        re: alts.length > 1 ? `(?:${g.re})` : g.re,
        optional: true,
        upper: g.upper + 1,
        ways: () => g.ways() + 1,
        span: g.span,
        first: ANY_WORD,
        lead: g.lead,
        need: null,
      };
    }
    if (c === '{') {
      if (this.targets++ > 0) this.fail('only one {…} target per pattern');
      this.pos++;
      const inner = this.seq();
      if (this.src[this.pos] !== '}') this.fail('missing "}"');
      this.pos++;
      return { ...inner, re: `(${inner.re})`, optional: false };
    }
    if (c === '.') {
      const m = /^\.\.(\.|\d+)/.exec(this.src.slice(this.pos));
      if (!m) this.fail('a gap is written "..." or "..N"');
      this.pos += m[0].length;
      const n = m[1] === '.' ? 3 : Number(m[1]);
      if (n < 1 || n > MAX_GAP) this.fail(`a gap can span 1 to ${MAX_GAP} words`);
      return { re: '', optional: false, gap: n, upper: n + 1, ways: () => n + 1, span: n, first: ANY_WORD, lead: null, need: null };
    }
    if (c === '#') {
      this.pos++;
      return { re: '\\p{N}+(?:[.,]\\p{N}+)?', optional: false, upper: 1, ways: ONE_WAY, span: 1, first: () => A_NUMBER, lead: NUMBER_LEAD, need: NUMBER_LEAD };
    }
    const m = /^[\p{L}\p{N}'\u2019&]+(?:[-\u2010][\p{L}\p{N}'\u2019&]+)*/u.exec(this.src.slice(this.pos));
    if (!m) this.fail(`unexpected "${c}"`);
    this.pos += m[0].length;
    const words = m[0].split(/[-\u2010]/);
    let suffix = '';
    if (this.src[this.pos] === '+' || this.src[this.pos] === '*') suffix = this.src[this.pos++];
    const last = words.length - 1;
    // `word+`: its forms, computed once for the regex and for the first-word check.
    const forms = suffix === '+' ? inflections(words[last]).map((f) => f.toLowerCase()) : [];
    const res = words.map((w, i) => {
      if (i < last || !suffix) return escapeRe(w);
      if (suffix === '*') return `${escapeRe(w)}${MATCH_CLASSES.letterOrDigit.fast}*`;
      // One shared stem and a short suffix group keep the compiled regex small.
      let stem = forms[0];
      for (const f of forms) while (!f.startsWith(stem)) stem = stem.slice(0, -1);
      const rest = forms.map((f) => f.slice(stem.length)).sort((a, b) => b.length - a.length);
      return `${escapeRe(stem)}(?:${rest.map(escapeRe).join('|')})`;
    });
    // The suffix belongs to the last word of "follow-up+", so only a lone word's forms vary.
    const norm = (f: string) => f.toLowerCase().replace(/\u2019/g, "'");
    const lone = last === 0 ? suffix : '';
    const first = lazy(() =>
      lone === '*'
        ? { forms: new Set<string>(), prefixes: [norm(words[0])], number: false }
        : { forms: new Set(lone ? forms.map(norm) : [norm(words[0])]), prefixes: [], number: false },
    );
    // What the text's word at a match's start can be (see Lead): the first literal's leading run of letters and digits.
    let lead: Lead;
    if (last === 0 && suffix === '*') {
      const w = words[0].toLowerCase();
      const run = leadingRun(w);
      lead = run === null ? null : run === w ? { exact: [], prefixes: [w], number: false } : { exact: [run], prefixes: [], number: false };
    } else {
      const literals = last === 0 && suffix === '+' ? forms : [words[0].toLowerCase()];
      const runs = literals.map(leadingRun);
      lead = runs.includes(null) ? null : { exact: [...new Set(runs as string[])], prefixes: [], number: false };
    }
    // Mid-pattern a literal follows a separator, so its leading run is a whole word of
    // the text there too: what it needs is what it would start on.
    return { re: res.join(SEP), optional: false, upper: 1, ways: ONE_WAY, span: words.length, first, lead, need: lead };
  }
}

/**
 * Until the first required word, items carry their separator after them (a match
 * starts on a word, never on a separator); from then on, before them.
 */
function joinParts(parts: Part[]): string {
  let out = '';
  let needSep = SEP; // separator owed before the next item once a required word is in
  let started = false;
  for (const p of parts) {
    if (p.gap !== undefined) {
      out += started ? `(?:${GAP_SEP}${GAP_WORD}){0,${p.gap}}` : `(?:${GAP_WORD}${GAP_SEP}){0,${p.gap}}`;
      if (started) needSep = GAP_SEP;
    } else if (!started) {
      out += p.optional ? `(?:${p.re}${SEP})?` : p.re;
      started = !p.optional;
    } else {
      out += p.optional ? `(?:${needSep}${p.re})?` : `${needSep}${p.re}`;
      needSep = SEP;
    }
  }
  return out;
}

// Pack loading checks every pattern and setup compiles it again (and the CLI's
// workers each build a setup): remember each pattern's translation. Keyed by the
// pattern text alone, bounded by the patterns packs contain; never by documents.
const compiled = new Map<string, CompiledPattern>();

export function compilePattern(pattern: string): CompiledPattern {
  let c = compiled.get(pattern);
  if (c) return c;
  c = fromRow(patternRow(pattern));
  compiled.set(pattern, c);
  return c;
}

/**
 * A compiled pattern as plain data: the build's snapshot of the built-in pack carries
 * one per pattern, so a start need not parse cx-core's patterns again (decision 108).
 */
export type PatternRow = [pattern: string, body: string, hasTarget: boolean, lead: Lead, need: Lead];

/** Compiles a pattern into a row, without the cache. */
export function patternRow(pattern: string): PatternRow {
  const { parser, seq } = parse(pattern);
  return [pattern, seq.re, parser.targets > 0, seq.lead, seq.need];
}

function fromRow([, body, hasTarget, lead, need]: PatternRow): CompiledPattern {
  return Object.freeze({ source: `${START}(?:${body})${END}`, body, hasTarget, lead, need });
}

/** Every pattern compiled so far in this process, as rows (what the build writes into the snapshot). */
export function compiledRows(): PatternRow[] {
  return [...compiled].map(([pattern, c]) => [pattern, c.body, c.hasTarget, c.lead, c.need]);
}

/**
 * Takes rows this same engine compiled (the build's snapshot, trusted only after its
 * files' hash and engine version match) instead of compiling those patterns again.
 * A row of the wrong shape is skipped: its pattern is compiled when it is needed.
 */
export function primePatterns(rows: unknown): void {
  if (!Array.isArray(rows)) return;
  for (const r of rows) {
    if (
      !Array.isArray(r) ||
      r.length !== 5 ||
      typeof r[0] !== 'string' ||
      typeof r[1] !== 'string' ||
      typeof r[2] !== 'boolean' ||
      !isLead(r[3]) ||
      !isLead(r[4])
    )
      continue;
    if (!compiled.has(r[0])) compiled.set(r[0], fromRow(r as PatternRow));
  }
}

function isLead(x: unknown): x is Lead {
  if (x === null) return true;
  const l = x as { exact?: unknown; prefixes?: unknown; number?: unknown };
  const strings = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  return typeof x === 'object' && strings(l.exact) && strings(l.prefixes) && typeof l.number === 'boolean';
}

function parse(pattern: string): { parser: Parser; seq: Seq } {
  const parser = new Parser(pattern.trim());
  const seq = parser.seq();
  if (parser.pos < parser.src.length) parser.fail(`unexpected "${parser.src[parser.pos]}"`);
  return { parser, seq };
}

/** A pattern's exact ways and the most words it spans (what the cost limit weighs), for tests and tools. */
export function patternCost(pattern: string): { ways: number; span: number } {
  const { seq } = parse(pattern);
  return { ways: seq.ways(), span: seq.span };
}

// Case-insensitive Unicode regexes are slow to compile and to run in V8 (every
// literal becomes a class of case variants), so patterns are compiled in lower case
// without the i flag and matched against fold(text), which keeps every offset.
export const PATTERN_FLAGS = 'gu';

/** Lower-cases text without changing its length (so offsets stay valid). */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const OTHER_SOURCE = '[^\\x00-\\x7f\\u2000-\\u206f\\p{L}\\p{N}]';
const HAS_OTHER = new RegExp(OTHER_SOURCE, 'u');
const OTHER = new RegExp(OTHER_SOURCE, 'gu');
const SPACE = /\s/u;

/**
 * The text phrase patterns are matched against (MATCH_CLASSES): lower case, same
 * length, letters and digits kept, and every other character outside ASCII and General
 * Punctuation (dashes, curly quotes, bullets) replaced — a space by ' ', anything else
 * (symbols, emoji, combining marks) by \x01 for each UTF-16 unit. Pattern literals hold
 * only letters, digits, apostrophes, `&` and hyphens, so no match changes; raw regex
 * entries, which may name any character, read the text as written instead.
 */
export function fold(text: string): string {
  const lower = foldCase(text);
  if (!HAS_OTHER.test(lower)) return lower;
  return lower.replace(OTHER, (c) => (SPACE.test(c) ? ' ' : c.length === 2 ? '\x01\x01' : '\x01'));
}

/**
 * A text reduced to its words, folded and joined by single spaces: what two lines that
 * say the same thing share however they are punctuated ("Success Measures:" and
 * "success measures", a duty pasted twice with other bullets).
 */
export function wordsKey(text: string): string {
  return fold(text.trim())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * One regex for many patterns. The word-boundary guards stand once outside the
 * alternation (V8 would otherwise evaluate a lookbehind per alternative at every
 * position), capture groups become plain groups, and longer patterns come first
 * because alternation takes the first alternative that matches, not the longest.
 */
export function compileAlternation(patterns: string[]): RegExp {
  if (!patterns.length) return new RegExp('(?!)', PATTERN_FLAGS);
  const bodies = [...patterns].sort((a, b) => b.length - a.length).map((p) => compilePattern(p).body.replace(/\((?!\?)/g, '(?:'));
  return new RegExp(`${START}(?:${bodies.join('|')})${END}`, PATTERN_FLAGS);
}

/** A folded text and its words (runs of letters, digits and `_`): where a match can start. */
export interface WordIndex {
  readonly text: string;
  readonly starts: number[];
  readonly words: string[];
  /** The text as written (same offsets), for raw regex entries: fold() has replaced its symbols. */
  readonly raw?: string;
  /** The index whose pattern sets `hits` answers for. */
  readonly leads?: LeadIndex;
  /** For each pattern set of `leads`, the positions (in `words`) of the words it can start on; made on first use. */
  hits?: Map<number, number[]>;
  /** The need sets of `leads` (see PhraseSet) that one of the text's words is in; made on first use. */
  needs?: Uint32Array;
}

/**
 * Does the text hold one of the words a pattern needs? The text's distinct words are
 * kept for the last text asked about only: a lint asks about one block at a time, and
 * a set kept on every block's index would stay alive for the whole lint (a 2 MiB list
 * has tens of thousands of blocks).
 */
let lastWords: WordIndex | undefined;
let lastSet: Set<string> | undefined;
function holdsNeed(words: WordIndex, need: NonNullable<Lead>): boolean {
  if (lastWords !== words) {
    lastWords = words;
    lastSet = new Set(words.words);
  }
  const set = lastSet!;
  if (need.exact.some((w) => set.has(w))) return true;
  if (need.prefixes.length && words.words.some((w) => need.prefixes.some((p) => w.startsWith(p)))) return true;
  return need.number && words.words.some(startsWithNumber);
}

const WORD_RUN = /[\p{L}\p{N}_]+/gu;
const STARTS_WITH_NUMBER = /^\p{N}/u;

function startsWithNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  return c > 127 && STARTS_WITH_NUMBER.test(word);
}

/** Indexes the words of an already folded text; one index serves every class scanned over it. */
export function indexWords(folded: string, leads?: LeadIndex, raw?: string): WordIndex {
  const starts: number[] = [];
  const words: string[] = [];
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(folded); m; m = WORD_RUN.exec(folded)) {
    starts.push(m.index);
    words.push(m[0]);
  }
  return { text: folded, starts, words, leads, raw };
}

/**
 * Which ids can start on a word — its exact words, `word*` prefixes (filed by first
 * character) and `#` — each word looked up once and remembered. Bounded: emptied when it
 * reaches 50,000 distinct words, so a stream of odd words cannot grow it without end.
 * One home for the lookup that the setup's LeadIndex (ids: pattern sets) and each
 * PhraseSet (ids: its patterns, in order) both make.
 */
class StartTable {
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes = new Map<string, Array<[string, number]>>();
  private readonly numbers: number[] = [];
  private readonly memo = new BoundedMemo<string, readonly number[]>(50_000);

  add(id: number, exact: Iterable<string>, prefixes: Iterable<string>, number: boolean): void {
    this.memo.clear();
    for (const w of exact) {
      const list = this.exact.get(w);
      if (!list) this.exact.set(w, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
    for (const p of prefixes) {
      const list = this.prefixes.get(p[0]);
      if (list) list.push([p, id]);
      else this.prefixes.set(p[0], [[p, id]]);
    }
    if (number) this.numbers.push(id);
  }

  /** The ids that can start on `word` (a run of letters, digits and `_` of folded text), in increasing order. */
  get(word: string): readonly number[] {
    const ids = this.memo.peek(word);
    if (ids) return ids;
    const found = new Set<number>(this.exact.get(word));
    const pre = this.prefixes.get(word[0]);
    if (pre) for (const [p, id] of pre) if (word.startsWith(p)) found.add(id);
    if (this.numbers.length && startsWithNumber(word)) for (const id of this.numbers) found.add(id);
    return this.memo.put(word, found.size ? [...found].sort((a, b) => a - b) : NONE);
  }
}

/**
 * The start words of every pattern set of one setup, in one table: a block's words
 * are looked up once, whatever the number of classes later scanned over it.
 */
export class LeadIndex {
  private count = 0;
  private readonly starts = new StartTable();
  private needCount = 0;
  private readonly needStarts = new StartTable();
  private readonly needIds = new Map<string, number>();

  register(exact: Iterable<string>, prefixes: Iterable<string>, number: boolean): number {
    const id = this.count++;
    this.starts.add(id, exact, prefixes, number);
    return id;
  }

  /**
   * Files a set of words one of which a text must hold for a pattern set to match.
   * Kept apart from the start words: those include "the" and "a", and a block none of
   * whose pattern sets can match should not pay for listing where they stand.
   */
  registerNeed(exact: Iterable<string>, prefixes: Iterable<string>, number: boolean): number {
    // Many patterns need the same words ("customer", "customers"…): one set serves them all.
    const e = [...new Set(exact)].sort();
    const p = [...new Set(prefixes)].sort();
    const key = `${e.join(' ')}|${p.join(' ')}|${number}`;
    let id = this.needIds.get(key);
    if (id === undefined) {
      this.needIds.set(key, (id = this.needCount++));
      this.needStarts.add(id, e, p, number);
    }
    return id;
  }

  /** Does the text hold a word of need set `id`? (A bit per need set, made on first use.) */
  holds(words: WordIndex, id: number): boolean {
    let bits = words.needs;
    if (!bits) {
      bits = words.needs = new Uint32Array((this.needCount + 31) >>> 5);
      const list = words.words;
      for (let i = 0; i < list.length; i++) {
        const ids = this.needStarts.get(list[i]);
        for (let j = 0; j < ids.length; j++) bits[ids[j] >>> 5] |= 1 << (ids[j] & 31);
      }
    }
    return (bits[id >>> 5] & (1 << (id & 31))) !== 0;
  }

  /** Where in `words` each pattern set can start, by set id. */
  hits(words: WordIndex): Map<number, number[]> {
    if (words.hits) return words.hits;
    const out = new Map<number, number[]>();
    const list = words.words;
    for (let i = 0; i < list.length; i++) {
      for (const id of this.starts.get(list[i])) {
        const at = out.get(id);
        if (!at) out.set(id, [i]);
        else at.push(i);
      }
    }
    return (words.hits = out);
  }
}

const NONE: readonly number[] = [];

/**
 * Many phrase patterns matched as one: the same matches, in the same order, as the
 * single alternation compileAlternation builds, without running that alternation at
 * every place in the text. The words each pattern can start on are known (see Lead),
 * so a text is walked word by word, and at each word only the patterns that can start
 * on it are tried, each alone (sticky, so it tries one place only), in the
 * alternation's order, and only when the text holds a word the pattern needs: the
 * first to match is the alternative the alternation would have taken there. At any
 * other place, or for any other pattern, no match is possible, so skipping it changes
 * nothing. Work stays linear: one pass over the words, and at each word at most the
 * alternation's own tries. A pattern set with a pattern that can start on any word (a
 * leading gap) runs the alternation everywhere.
 */
export class PhraseSet {
  /** Pattern bodies in the alternation's order. */
  private readonly bodies: string[];
  /** What each pattern (in that order) needs somewhere in the text; null: nothing known. */
  private readonly needs: Lead[];
  private readonly anywhere: boolean;
  private whole: RegExp | undefined;
  /** Each pattern's own sticky regex, compiled on first use. */
  private readonly stickies: Array<RegExp | undefined>;
  /** The patterns (indices, in the alternation's order) that can start on a word. */
  private readonly starts = new StartTable();
  private readonly leads?: LeadIndex;
  private readonly id: number = -1;
  /** The set of words one of which every pattern needs (see seqNeed), filed in `leads`; -1 when some pattern needs none. */
  private readonly needId: number = -1;
  /** Each pattern's own need, filed in `leads` (-1: none known); empty without `leads`. */
  private readonly needIds: number[] = [];

  /** `leads`: the setup's shared index, where this set files its start words. */
  constructor(patterns: string[], leads?: LeadIndex) {
    const sorted = [...patterns].sort((a, b) => b.length - a.length).map(compilePattern);
    this.bodies = sorted.map((c) => c.body.replace(/\((?!\?)/g, '(?:'));
    this.needs = sorted.map((c) => c.need);
    this.stickies = new Array(sorted.length);
    this.anywhere = sorted.some((c) => c.lead === null);
    // A text holding none of the words every pattern needs cannot match: most blocks of
    // most documents, for a class such as "an initiative to improve the customer
    // experience", whose patterns start on words as common as "the" and "a".
    this.leads = leads;
    if (leads && sorted.length && this.needs.every((n) => n !== null)) {
      const need = unionLeads(this.needs);
      this.needId = leads.registerNeed(need!.exact, need!.prefixes, need!.number);
    }
    if (leads) this.needIds = this.needs.map((n) => (n ? leads.registerNeed(n.exact, n.prefixes, n.number) : -1));
    if (this.anywhere) return;
    sorted.forEach(({ lead }, i) => this.starts.add(i, lead!.exact, lead!.prefixes, lead!.number));
    const lead = unionLeads(sorted.map((c) => c.lead));
    if (leads && lead) this.id = leads.register(new Set(lead.exact), new Set(lead.prefixes), lead.number);
  }

  private source(): string {
    return this.bodies.length ? `${START}(?:${this.bodies.join('|')})${END}` : '(?!)';
  }

  /** The single alternation (what compileAlternation returns for the same patterns). */
  alternation(): RegExp {
    return (this.whole ??= new RegExp(this.source(), PATTERN_FLAGS));
  }

  /** Can a pattern start on this word (a run of letters, digits and `_` of folded text)? */
  startsOn(word: string): boolean {
    return this.starts.get(word).length > 0;
  }

  /**
   * The first pattern, in the alternation's order, that matches at `at` (its length),
   * as the alternation would find it: 0 when none does or the first one to match
   * matches nothing. Each pattern is tried alone, and only where its first word is and
   * when the text holds a word it needs, so most of a large set is never run.
   */
  private matchAt(words: WordIndex, i: number, at: number, shared: boolean): number {
    for (const k of this.starts.get(words.words[i])) {
      if (shared) {
        const id = this.needIds[k];
        if (id >= 0 && !this.leads!.holds(words, id)) continue;
      } else {
        const need = this.needs[k];
        if (need && !holdsNeed(words, need)) continue;
      }
      const re = (this.stickies[k] ??= new RegExp(`${START}(?:${this.bodies[k]})${END}`, PATTERN_FLAGS.replace('g', 'y')));
      re.lastIndex = at;
      const m = re.exec(words.text);
      if (m) return m[0].length;
    }
    return 0;
  }

  /**
   * Every match as [start, end]. Non-overlapping: each search resumes at the end of the
   * last match (a global regex loop). Overlapping: it resumes just after the last
   * match's start, so matches may overlap.
   */
  scan(words: WordIndex, overlapping = false): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const text = words.text;
    const shared = this.leads !== undefined && words.leads === this.leads;
    if (shared && this.needId >= 0 && !this.leads!.holds(words, this.needId)) return out;
    if (this.anywhere) {
      const re = this.alternation();
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push([m.index, m.index + m[0].length]);
        if (overlapping) re.lastIndex = m.index + 1;
      }
      return out;
    }
    if (!this.bodies.length) return out;
    const { starts, words: list } = words;
    const hits = shared ? this.leads!.hits(words).get(this.id) : undefined;
    if (shared && !hits) return out;
    const n = hits ? hits.length : list.length;
    let from = 0;
    for (let k = 0; k < n; k++) {
      const i = hits ? hits[k] : k;
      const at = starts[i];
      if (at < from || (!hits && !this.startsOn(list[i]))) continue;
      const len = this.matchAt(words, i, at, shared);
      if (len === 0) continue;
      out.push([at, at + len]);
      if (!overlapping) from = at + len;
    }
    return out;
  }
}
