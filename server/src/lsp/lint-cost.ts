/**
 * Which documents the language server lints on its main thread (decision 73, revised):
 * those whose lint is cheap enough that no hover, code action or other document waits
 * long behind it. A document's size alone is a poor guide: per character, a tight
 * list of one-word items costs about fifteen times an ordinary posting (every line is a
 * block, every block a duty), and markup dense in `*`, `[` or `<` several times. So the
 * server weighs a text in one pass over its characters, in units of roughly a
 * microsecond of lint on an idle core: one per character, plus one per line start, per
 * emphasis or link mark and per `<` for the work those make. Measured on the shared
 * 2-core machine (loaded), the costliest shapes found — one-item-per-line lists,
 * one-word paragraphs, tables of tiny cells, quote lines, HTML runs, blocks of marks
 * just under the inline limit — lint in at most about their weight in microseconds;
 * ordinary 2–8 KB postings weigh 5,000–20,000.
 */
export const MAIN_THREAD_MAX_COST = 25_000;

/** Texts longer than this are never weighed: they go to the worker (also bounds the weighing). */
export const MAIN_THREAD_MAX_CHARS = 32 * 1024;

const PER_LINE = 60;
const PER_MARK = 8;
const PER_ANGLE = 20;

/** The weight of a text (see MAIN_THREAD_MAX_COST). Linear, about 20 µs for 32 KB. */
export function lintCost(text: string): number {
  let cost = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) cost += PER_LINE;
    else if (c === 0x2a || c === 0x5f || c === 0x5b || c === 0x5d || c === 0x60) cost += PER_MARK;
    else if (c === 0x3c) cost += PER_ANGLE;
  }
  return cost;
}

/** Cheap enough to lint on the main thread, as you type. */
export function lintsOnMainThread(text: string): boolean {
  return text.length <= MAIN_THREAD_MAX_CHARS && lintCost(text) <= MAIN_THREAD_MAX_COST;
}
