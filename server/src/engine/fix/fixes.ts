import type { RawFinding } from '../rules/checks';
import type { FixData } from '../pack-types';
import type { RunContext } from '../rules/run-context';
import type { Fix, TextEdit } from '../types';
import { formatMessage } from '../rules/message';

/** The document's own line ending, so inserted text never mixes CRLF and LF. */
export function eolOf(text: string): string {
  const crlf = text.indexOf('\r\n');
  if (crlf >= 0) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Inserts new blocks after `pos` (an offset at the end of a block), separated by blank lines. */
function blockInsertion(text: string, pos: number, body: string, eol: string): TextEdit {
  let lineEnd = text.indexOf('\n', pos);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  const atEnd = lineEnd >= text.length;
  const needsEol = atEnd && text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r');
  const prefix = (needsEol ? eol : '') + eol;
  const suffix = atEnd ? '' : eol;
  return { range: { start: lineEnd, end: lineEnd }, newText: `${prefix}${body}${suffix}` };
}

function headingDepth(ctx: RunContext): number {
  const { model } = ctx;
  const titleDepth = model.title?.source === 'heading' ? model.sections.find((s) => s.role === 'title')?.depth ?? 1 : 0;
  const others = model.sections.filter((s) => s.role !== 'title').map((s) => s.depth);
  if (others.length) return Math.min(...others);
  return Math.min(6, titleDepth + 1);
}

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
export function alreadySays(text: string, heading: string): boolean {
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

/**
 * Whether the text says one of the words or phrases (whole words, any case, any run of
 * spaces or hyphens between words): "our CX programme through its first year" still
 * says "first year", so swapping "initiative" for "programme" has not fixed it.
 */
export function saysAny(text: string, phrases: readonly string[] | undefined): boolean {
  if (!phrases?.length) return false;
  const folded = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return phrases.some((p) => {
    const words = p.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    return words.length > 0 && folded.includes(` ${words} `);
  });
}

export function buildFixes(ctx: RunContext, raw: RawFinding, fixes: FixData[] | undefined): Fix[] {
  const out: Fix[] = [];
  const { model } = ctx;
  const text = model.text;
  const eol = eolOf(text);
  for (const f of fixes ?? []) {
    const data: Record<string, string | number> = { ...raw.data };
    switch (f.type) {
      case 'retitle': {
        const t = model.title;
        const fam = t?.parse.family;
        if (!t || !fam) break;
        // "Chief Customer Officer" has no level word left to keep once the family goes.
        if (t.parse.head && fam.start <= t.parse.head.start && fam.end >= t.parse.head.end) break;
        const range = t.block.toSource(fam.start, fam.end);
        const newTitle = t.text.slice(0, fam.start) + f.replaceFamilyWith + t.text.slice(fam.end);
        data.newTitle = newTitle.trim();
        out.push({ title: formatMessage(f.title, data), edits: [{ range, newText: f.replaceFamilyWith }], safe: false });
        break;
      }
      case 'drop-family': {
        const t = model.title;
        const fam = t?.parse.family;
        if (!t || !fam) break;
        let s = fam.start;
        let e = fam.end;
        const before = t.text.slice(0, s);
        const conn = /\s+(?:of|for|in)\s+(?:the\s+)?$/i.exec(before);
        if (conn) s -= conn[0].length;
        else while (e < t.text.length && /\s/.test(t.text[e])) e++;
        const newTitle = (t.text.slice(0, s) + t.text.slice(e)).trim();
        if (!/[\p{L}]/u.test(newTitle) || (t.parse.head && s <= t.parse.head.start && e >= t.parse.head.end)) break;
        data.newTitle = newTitle;
        out.push({ title: formatMessage(f.title, data), edits: [{ range: t.block.toSource(s, e), newText: '' }], safe: false });
        break;
      }
      case 'insert-duties': {
        const a = model.anchors;
        if (a.dutiesEnd !== undefined) {
          const marker = a.dutiesMarker ?? '-';
          const num = /^(\d+)([.)])$/.exec(marker);
          const lines = f.duties.map((d, i) => `${a.dutiesIndent ?? ''}${num ? `${Number(num[1]) + i}${num[2]}` : marker} ${d}`);
          const needEol = a.dutiesEnd > 0 && text[a.dutiesEnd - 1] !== '\n' && text[a.dutiesEnd - 1] !== '\r';
          out.push({
            title: formatMessage(f.title, data),
            edits: [{ range: { start: a.dutiesEnd, end: a.dutiesEnd }, newText: (needEol ? eol : '') + lines.map((l) => l + eol).join('') }],
            safe: false,
          });
        } else {
          const depth = headingDepth(ctx);
          const dutySections = model.sections.filter((s) => s.role === 'duties');
          const pos = dutySections.length ? dutySections[dutySections.length - 1].range.end : a.afterTitle;
          const body = [dutySections.length ? null : `${'#'.repeat(depth)} ${f.heading ?? 'Responsibilities'}`, dutySections.length ? null : '', ...f.duties.map((d) => `- ${d}`)]
            .filter((l): l is string => l !== null)
            .join(eol);
          out.push({ title: formatMessage(f.title, data), edits: [blockInsertion(text, pos, body, eol)], safe: false });
        }
        break;
      }
      case 'insert-section': {
        // The document already says it ("Reports to: Director of Operations" on a line,
        // in a table, in front matter): a second section would contradict it.
        if (alreadySays(text, f.heading)) break;
        const depth = headingDepth(ctx);
        const lines = f.bullets ? f.lines.map((l) => `- ${l}`) : f.lines;
        const body = [`${'#'.repeat(depth)} ${f.heading}`, '', ...lines].join(eol);
        out.push({ title: formatMessage(f.title, data), edits: [blockInsertion(text, model.anchors.afterTitle, body, eol)], safe: false });
        break;
      }
      case 'substitute': {
        const p = raw.phrase;
        if (!p?.match.entry?.replace || !p.match.target) break;
        const original = p.block.text.slice(p.match.target.start, p.match.target.end);
        const replacement = matchCase(original, p.match.entry.replace);
        data.replacement = replacement;
        data.original = original;
        out.push({
          title: formatMessage(f.title, data),
          edits: [{ range: p.block.toSource(p.match.target.start, p.match.target.end), newText: replacement }],
          // Judged on the sentence as it will read: "a CX pilot" → "a CX programme" no longer says pilot.
          safe: p.match.entry.safe === true && !saysAny(p.block.text.slice(0, p.match.target.start) + replacement + p.block.text.slice(p.match.target.end), f.unsafeWhen),
        });
        break;
      }
    }
  }
  if (out.length) out[0].preferred = true;
  return out;
}
