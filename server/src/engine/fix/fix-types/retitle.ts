import type { FixType } from '../fixes';

export interface RetitleFix {
  type: 'retitle';
  title: string;
  replaceFamilyWith: string;
}

/** Replaces the title's family word ("CX Manager" → "Customer Service Manager"). */
export const retitle: FixType<RetitleFix> = {
  properties: { replaceFamilyWith: { type: 'string', maxLength: 100 } },
  build(ctx, _raw, f) {
    const t = ctx.model.title;
    const fam = t?.parse.family;
    if (!t || !fam) return undefined;
    // "Chief Customer Officer" has no level word left to keep once the family goes.
    if (t.parse.head && fam.start <= t.parse.head.start && fam.end >= t.parse.head.end) return undefined;
    const range = t.block.toSource(fam.start, fam.end);
    const newTitle = t.text.slice(0, fam.start) + f.replaceFamilyWith + t.text.slice(fam.end);
    return { edits: [{ range, newText: f.replaceFamilyWith }], safe: false, data: { newTitle: newTitle.trim() } };
  },
};
