import { blockInsertion, headingDepth, type FixType } from '../fixes';

export interface InsertSectionFix {
  type: 'insert-section';
  title: string;
  heading: string;
  lines: string[];
  bullets?: boolean;
}

/** Adds a section (heading and lines) after the title, unless the document already says it. */
export const insertSection: FixType<InsertSectionFix> = {
  properties: {
    heading: { type: 'string', maxLength: 200 },
    lines: { type: 'array', items: { type: 'string', maxLength: 500 }, maxItems: 50 },
    bullets: { type: 'boolean' },
  },
  build(ctx, _raw, f, eol) {
    const text = ctx.model.text;
    // The document already says it ("Reports to: Director of Operations" on a line,
    // in a table, in front matter): a second section would contradict it.
    if (alreadySays(text, f.heading)) return undefined;
    const depth = headingDepth(ctx);
    const lines = f.bullets ? f.lines.map((l) => `- ${l}`) : f.lines;
    const body = [`${'#'.repeat(depth)} ${f.heading}`, '', ...lines].join(eol);
    return { edits: [blockInsertion(text, ctx.model.anchors.afterTitle, body, eol)], safe: false };
  },
};

/** Words of a label, lower-cased: "Reports to", "reports_to", "reportsTo" and "REPORTS-TO" are the same. */
function labelWords(s: string): string {
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a line, table cell or front matter key of the document starts with the
 * heading's words (as a heading, a label such as "**Reports to:** …", a key
 * `reports_to:`), so that inserting a section with that heading would say it twice.
 */
function alreadySays(text: string, heading: string): boolean {
  const want = labelWords(heading);
  if (!want) return false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    for (const cell of line.includes('|') ? line.split('|') : [line]) {
      // Markdown around a label: heading marks, list bullets, quote marks, emphasis.
      const words = labelWords(cell.replace(/^[\s>#*_+\-\d.)]*/, ''));
      if (words.startsWith(want) && !/^[\p{L}\p{N}]/u.test(words.slice(want.length))) return true;
    }
  }
  return false;
}
