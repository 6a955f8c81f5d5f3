import type { TextBlock } from '../parse/text-block';
import type { DocModel, DocTitle } from './model';
import type { Walk } from './sections';

/** Where fixes insert new sections or duties. */
export function insertionAnchors(walk: Walk, text: string, title: DocTitle | undefined, duties: TextBlock[]): DocModel['anchors'] {
  const fm = walk.fm;
  const titleEnd = title ? (title.source === 'heading' ? walk.sections[walk.headingTitle!.section].headingRange.end : fm!.range.end) : (fm?.range.end ?? 0);
  let dutiesEnd: number | undefined;
  let dutiesIndent: string | undefined;
  let dutiesMarker: string | undefined;
  const lastItem = duties.filter((b) => b.kind === 'list-item').pop();
  if (lastItem) {
    const r = lastItem.range;
    const lineStart = text.lastIndexOf('\n', r.start - 1) + 1;
    const prefix = text.slice(lineStart, r.start);
    const m = /^(\s*)([-*+]|\d+[.)])\s+$/.exec(prefix);
    if (m) {
      dutiesIndent = m[1];
      dutiesMarker = /\d/.test(m[2]) ? `${parseInt(m[2], 10) + 1}${m[2].slice(-1)}` : m[2];
      const eol = text.indexOf('\n', r.end);
      dutiesEnd = eol < 0 ? text.length : eol + 1;
    }
  }
  return { afterTitle: titleEnd, dutiesEnd, dutiesIndent, dutiesMarker };
}
