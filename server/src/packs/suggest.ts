import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to a misspelt name ("cx-core/recomended" → "cx-core/recommended",
 * "minShar" → "minShare", "warn" → "warning"), or undefined when none is close: at most
 * a third of the word's letters differ (two for short words), or the word begins it.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (best === undefined || bestDistance === 0) return best;
  if (bestDistance <= Math.max(2, Math.floor(w.length / 3))) return best;
  const prefixed = [...candidates].find((c) => w.length >= 3 && c.toLowerCase().startsWith(w));
  return prefixed;
}

/** ` Did you mean "x"?`, or nothing when no candidate is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const n = nearest(word, candidates);
  return n !== undefined && n !== word ? ` Did you mean "${n}"?` : '';
}

/** `a, b, c` (at most `max`, then "…"), for "allowed: …" lists. */
export function listOf(names: string[], max = 12): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', ');
}
