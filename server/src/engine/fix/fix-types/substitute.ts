import type { FixType } from '../fixes';

export interface SubstituteFix {
  type: 'substitute';
  title: string;
  /** Words or phrases that, anywhere in the sentence, leave the swap unfinished ("through its first year"): offered, never safe. */
  unsafeWhen?: string[];
}

/** Swaps the phrase a `phrase` check found for its lexicon entry's `replace`. */
export const substitute: FixType<SubstituteFix> = {
  properties: {
    unsafeWhen: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 100 },
      maxItems: 100,
      description: 'substitute only: words or phrases that, anywhere in the sentence, make the swap not safe (offered, never applied by fix-all or --fix).',
    },
  },
  build(_ctx, raw, f) {
    const p = raw.phrase;
    if (!p?.match.entry?.replace || !p.match.target) return undefined;
    const original = p.block.text.slice(p.match.target.start, p.match.target.end);
    const replacement = matchCase(original, p.match.entry.replace);
    return {
      edits: [{ range: p.block.toSource(p.match.target.start, p.match.target.end), newText: replacement }],
      // Judged on the sentence as it will read: "a CX pilot" → "a CX programme" no longer says pilot.
      safe:
        p.match.entry.safe === true &&
        !saysAny(p.block.text.slice(0, p.match.target.start) + replacement + p.block.text.slice(p.match.target.end), f.unsafeWhen),
      data: { replacement, original },
    };
  },
};

function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * Whether the text says one of the words or phrases (whole words, any case, any run of
 * spaces or hyphens between words): "our CX programme through its first year" still
 * says "first year", so swapping "initiative" for "programme" has not fixed it.
 */
function saysAny(text: string, phrases: readonly string[] | undefined): boolean {
  if (!phrases?.length) return false;
  const folded = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return phrases.some((p) => {
    const words = p
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return words.length > 0 && folded.includes(` ${words} `);
  });
}
