import type { FixType } from '../fixes';

export interface DropFamilyFix {
  type: 'drop-family';
  title: string;
}

/** Removes the title's family word, and the "of the" that tied it to the rest. */
export const dropFamily: FixType<DropFamilyFix> = {
  properties: {},
  build(ctx) {
    const t = ctx.model.title;
    const fam = t?.parse.family;
    if (!t || !fam) return undefined;
    let s = fam.start;
    let e = fam.end;
    const before = t.text.slice(0, s);
    const conn = ctx.setup.vocab.familyConnector?.exec(before);
    if (conn) s -= conn[0].length;
    else while (e < t.text.length && /\s/.test(t.text[e])) e++;
    const newTitle = (t.text.slice(0, s) + t.text.slice(e)).trim();
    if (!/[\p{L}]/u.test(newTitle) || (t.parse.head && s <= t.parse.head.start && e >= t.parse.head.end)) return undefined;
    return { edits: [{ range: t.block.toSource(s, e), newText: '' }], safe: false, data: { newTitle } };
  },
};
