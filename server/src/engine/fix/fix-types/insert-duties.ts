import { blockInsertion, headingDepth, type FixType } from '../fixes';

export interface InsertDutiesFix {
  type: 'insert-duties';
  title: string;
  duties: string[];
  heading?: string;
}

/** Adds duty lines to the duties list (in its indentation and numbering), or a duties section after the title. */
export const insertDuties: FixType<InsertDutiesFix> = {
  properties: {
    duties: { type: 'array', items: { type: 'string', maxLength: 500 }, maxItems: 20 },
    heading: { type: 'string', maxLength: 200 },
  },
  build(ctx, _raw, f, eol) {
    const { model } = ctx;
    const text = model.text;
    const a = model.anchors;
    if (a.dutiesEnd !== undefined) {
      const marker = a.dutiesMarker ?? '-';
      const num = /^(\d+)([.)])$/.exec(marker);
      const lines = f.duties.map((d, i) => `${a.dutiesIndent ?? ''}${num ? `${Number(num[1]) + i}${num[2]}` : marker} ${d}`);
      const needEol = a.dutiesEnd > 0 && text[a.dutiesEnd - 1] !== '\n' && text[a.dutiesEnd - 1] !== '\r';
      return { edits: [{ range: { start: a.dutiesEnd, end: a.dutiesEnd }, newText: (needEol ? eol : '') + lines.map((l) => l + eol).join('') }], safe: false };
    }
    const depth = headingDepth(ctx);
    const dutySections = model.sections.filter((s) => s.role === 'duties');
    const pos = dutySections.length ? dutySections[dutySections.length - 1].range.end : a.afterTitle;
    // A new section needs a heading: the fix's own, else the vocabulary's (cx-core: "Responsibilities").
    const heading = f.heading ?? ctx.setup.vocab.data.newDutiesHeading;
    if (!dutySections.length && heading === undefined) return undefined;
    const body = [dutySections.length ? null : `${'#'.repeat(depth)} ${heading}`, dutySections.length ? null : '', ...f.duties.map((d) => `- ${d}`)]
      .filter((l): l is string => l !== null)
      .join(eol);
    return { edits: [blockInsertion(text, pos, body, eol)], safe: false };
  },
};
