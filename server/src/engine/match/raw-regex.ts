import { RE2JS } from 're2js';
import { PatternError } from './patterns';

/**
 * Raw regular expressions from packs (`{ regex: "…" }` lexicon entries). They run on
 * re2js, an RE2 port: matching time is linear in the text whatever the expression,
 * so a hostile or careless pack cannot hang the editor or CI (no backtracking, no
 * backreferences, no lookaround — RE2 rejects those at compile time).
 */
export const MAX_REGEX_LENGTH = 500;

export function compileRawRegex(source: string): RE2JS {
  if (source.length > MAX_REGEX_LENGTH) throw new PatternError(`a regex may be at most ${MAX_REGEX_LENGTH} characters`, source, MAX_REGEX_LENGTH);
  let re: RE2JS;
  try {
    // Text is matched case-folded (like phrase patterns); the flag also folds the expression's own literals.
    re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    const msg = String((e as Error).message ?? e).replace(/^error parsing regexp: /, '');
    throw new PatternError(`invalid or unsupported regex (the linear-time RE2 syntax: no lookaround, no backreferences): ${msg}`, source, 0);
  }
  // A regex that matches empty text would match at every position.
  for (const probe of ['', 'a b-1.']) {
    const m = re.matcher(probe);
    while (m.find()) if (m.end() === m.start()) throw new PatternError('this regex can match empty text, so it would match everywhere', source, 0);
  }
  return re;
}

export interface RawMatch {
  start: number;
  end: number;
  /** Capture group 1, when the expression has one and it took part: the substitution target. */
  target?: { start: number; end: number };
}

/** Every non-overlapping match, with UTF-16 offsets (re2js works on JS strings). */
export function rawMatches(re: RE2JS, text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const m = re.matcher(text);
  const groups = re.groupCount();
  while (m.find()) {
    const start = m.start();
    const end = m.end();
    if (end === start) continue;
    const t = groups >= 1 && m.start(1) >= 0 ? { start: m.start(1), end: m.end(1) } : undefined;
    out.push({ start, end, target: t });
  }
  return out;
}
