/**
 * The phrase-pattern language of rule packs (see docs/how-cx-lint-reads.md §7),
 * compiled to JavaScript regular expressions. The grammar cannot express nested
 * unbounded repetition: every gap is bounded and alternatives are plain words, so
 * the compiled expressions cannot backtrack catastrophically whatever a pack says.
 */

export class PatternError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
    readonly column: number,
  ) {
    super(`${message} (at column ${column + 1} of "${pattern}")`);
  }
}

const WORD_CHAR = "[\\p{L}\\p{N}_]";
const START = `(?<!${WORD_CHAR})`;
// "CX-200" is a product code, not a title word: a hyphen followed by a digit continues the word.
const END = `(?!${WORD_CHAR}|-\\d)`;
const SEP = "[\\s\\-\\u2010\\u2011\\u2013/]+";
const GAP_SEP = "[\\s\\-\\u2010\\u2011\\u2013/,&:]+";
const GAP_WORD = "[\\p{L}\\p{N}'\\u2019]+";
export const MAX_GAP = 8;

type Part = { re: string; optional: boolean; gap?: number };

export interface CompiledPattern {
  source: string;
  /** The pattern without its word-boundary guards, for building alternations. */
  body: string;
  /** True when the pattern marks a `{…}` target span (capture group 1). */
  hasTarget: boolean;
}

function escapeRe(s: string): string {
  return s.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['\u2019]/g, "['\u2019]");
}

const VOWEL = /[aeiou]/;

/** The forms `word+` stands for: -s, -es, -ed, -ing, -er(s), y→ies/ied, dropped e, doubled consonant. */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const forms = new Set([w, w + 's', w + 'es', w + 'ed', w + 'ing', w + 'er', w + 'ers']);
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    for (const suf of ['ed', 'ing', 'er', 'ers']) forms.add(stem + suf);
    forms.add(w + 'd');
  }
  if (w.endsWith('y') && w.length > 2 && !VOWEL.test(w[w.length - 2])) {
    const stem = w.slice(0, -1);
    forms.add(stem + 'ies');
    forms.add(stem + 'ied');
  }
  const n = w.length;
  if (n >= 3 && !VOWEL.test(w[n - 1]) && !'wxy'.includes(w[n - 1]) && VOWEL.test(w[n - 2]) && !VOWEL.test(w[n - 3])) {
    for (const suf of ['ed', 'ing', 'er', 'ers']) forms.add(w + w[n - 1] + suf);
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
  seq(): string {
    const parts: Part[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === undefined || c === ')' || c === '|' || c === ']' || c === '}') break;
      parts.push(this.item());
    }
    if (parts.length === 0) this.fail('empty pattern or group');
    if (parts.every((p) => p.optional || p.gap !== undefined)) this.fail('a pattern needs at least one required word');
    return joinParts(parts);
  }

  /** alt ('|' alt)* followed by the closing bracket. */
  alternatives(close: ')' | ']'): string[] {
    const alts = [this.seq()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alts.push(this.seq());
    }
    if (this.src[this.pos] !== close) this.fail(`missing "${close}"`);
    this.pos++;
    return alts;
  }

  item(): Part {
    const c = this.src[this.pos];
    if (c === '(') {
      this.pos++;
      return { re: `(?:${this.alternatives(')').join('|')})`, optional: false };
    }
    if (c === '[') {
      this.pos++;
      const alts = this.alternatives(']');
      return { re: alts.length > 1 ? `(?:${alts.join('|')})` : alts[0], optional: true };
    }
    if (c === '{') {
      if (this.targets++ > 0) this.fail('only one {…} target per pattern');
      this.pos++;
      const inner = this.seq();
      if (this.src[this.pos] !== '}') this.fail('missing "}"');
      this.pos++;
      return { re: `(${inner})`, optional: false };
    }
    if (c === '.') {
      const m = /^\.\.(\.|\d+)/.exec(this.src.slice(this.pos));
      if (!m) this.fail('a gap is written "..." or "..N"');
      this.pos += m[0].length;
      const n = m[1] === '.' ? 3 : Number(m[1]);
      if (n < 1 || n > MAX_GAP) this.fail(`a gap can span 1 to ${MAX_GAP} words`);
      return { re: '', optional: false, gap: n };
    }
    if (c === '#') {
      this.pos++;
      return { re: '\\p{N}+(?:[.,]\\p{N}+)?', optional: false };
    }
    const m = /^[\p{L}\p{N}'\u2019&]+(?:[-\u2010][\p{L}\p{N}'\u2019&]+)*/u.exec(this.src.slice(this.pos));
    if (!m) this.fail(`unexpected "${c}"`);
    this.pos += m[0].length;
    const words = m[0].split(/[-\u2010]/);
    let suffix = '';
    if (this.src[this.pos] === '+' || this.src[this.pos] === '*') suffix = this.src[this.pos++];
    const last = words.length - 1;
    const res = words.map((w, i) => {
      if (i < last || !suffix) return escapeRe(w);
      if (suffix === '*') return `${escapeRe(w)}[\\p{L}\\p{N}]*`;
      // One shared stem and a short suffix group keep the compiled regex small.
      const forms = inflections(w).map((f) => f.toLowerCase());
      let stem = forms[0];
      for (const f of forms) while (!f.startsWith(stem)) stem = stem.slice(0, -1);
      const rest = forms.map((f) => f.slice(stem.length)).sort((a, b) => b.length - a.length);
      return `${escapeRe(stem)}(?:${rest.map(escapeRe).join('|')})`;
    });
    return { re: res.join(SEP), optional: false };
  }
}

function joinParts(parts: Part[]): string {
  let out = '';
  let needSep: string | null = null; // separator owed before the next required word
  let started = false;
  for (const p of parts) {
    if (p.gap !== undefined) {
      out += `(?:${GAP_SEP}${GAP_WORD}){0,${p.gap}}`;
      needSep = GAP_SEP;
      continue;
    }
    if (!started) {
      out += p.optional ? `(?:${p.re}${SEP})?` : p.re;
      if (!p.optional) {
        started = true;
        needSep = SEP;
      }
      continue;
    }
    const sep = needSep ?? SEP;
    out += p.optional ? `(?:${sep}${p.re})?` : `${sep}${p.re}`;
    needSep = SEP;
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
  const parser = new Parser(pattern.trim());
  const body = parser.seq();
  if (parser.pos < parser.src.length) parser.fail(`unexpected "${parser.src[parser.pos]}"`);
  c = Object.freeze({ source: `${START}(?:${body})${END}`, body, hasTarget: parser.targets > 0 });
  compiled.set(pattern, c);
  return c;
}

// Case-insensitive Unicode regexes are slow to compile and to run in V8 (every
// literal becomes a class of case variants), so patterns are compiled in lower case
// without the i flag and matched against fold(text), which keeps every offset.
export const PATTERN_FLAGS = 'gu';

/** Lower-cases text without changing its length (so offsets stay valid). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
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
