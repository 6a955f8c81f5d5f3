import type { RawFinding } from '../rules/checks';
import type { RunContext } from '../rules/run-context';
import type { Fix, TextEdit } from '../types';
import { formatMessage } from '../rules/message';
import { FIX_TYPES, type FixData } from './fix-types';

/** One fix type (a module under fix-types/): the schema of its properties and how it builds its edits. */
export interface FixType<F extends { type: string; title: string }> {
  /** JSON Schema of its properties besides `type` and `title`; the rule schema lists those of every fix type. */
  properties: Record<string, object>;
  /**
   * Its edits for this finding, or undefined when it does not fit the document. `data`
   * is added to the finding's message data for the fix's title ("{newTitle}").
   */
  build(ctx: RunContext, raw: RawFinding, fix: F, eol: string): { edits: TextEdit[]; safe: boolean; data?: Record<string, string> } | undefined;
}

/** The document's own line ending, so inserted text never mixes CRLF and LF. */
export function eolOf(text: string): string {
  const crlf = text.indexOf('\r\n');
  if (crlf >= 0) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/** Inserts new blocks after `pos` (an offset at the end of a block), separated by blank lines. */
export function blockInsertion(text: string, pos: number, body: string, eol: string): TextEdit {
  let lineEnd = text.indexOf('\n', pos);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  const atEnd = lineEnd >= text.length;
  const needsEol = atEnd && text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r');
  const prefix = (needsEol ? eol : '') + eol;
  const suffix = atEnd ? '' : eol;
  return { range: { start: lineEnd, end: lineEnd }, newText: `${prefix}${body}${suffix}` };
}

/** The depth of a new section's heading: that of the document's other sections, or one below the title. */
export function headingDepth(ctx: RunContext): number {
  const { model } = ctx;
  const titleDepth = model.title?.source === 'heading' ? (model.sections.find((s) => s.role === 'title')?.depth ?? 1) : 0;
  const others = model.sections.filter((s) => s.role !== 'title').map((s) => s.depth);
  if (others.length) return Math.min(...others);
  return Math.min(6, titleDepth + 1);
}

export function buildFixes(ctx: RunContext, raw: RawFinding, fixes: FixData[] | undefined): Fix[] {
  const out: Fix[] = [];
  const eol = eolOf(ctx.model.text);
  for (const f of fixes ?? []) {
    const built = (FIX_TYPES[f.type] as FixType<FixData>).build(ctx, raw, f, eol);
    if (!built) continue;
    out.push({ title: formatMessage(f.title, { ...raw.data, ...built.data }), edits: built.edits, safe: built.safe });
  }
  if (out.length) out[0].preferred = true;
  return out;
}
