import type { RunContext } from '../run-context';
import type { TextBlock } from '../../parse/text-block';
import type { RelatedInfo } from '../../types';

/** What the findings of the check types share: the title in the message, the duties as related places. */
const MAX_RELATED = 8;

export function titleData(ctx: RunContext): Record<string, string> {
  return { title: ctx.model.title?.text.trim() ?? '(untitled)' };
}

export function relatedDuties(ctx: RunContext, duties: TextBlock[], message: string): RelatedInfo[] {
  return duties.slice(0, MAX_RELATED).map((d) => ({ range: d.range, message: `${message}: ${clip(d.text)}` }));
}

function clip(s: string, n = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export function titleRelated(ctx: RunContext): RelatedInfo[] {
  return ctx.model.title ? [{ range: ctx.model.title.range, message: `the title: ${clip(ctx.model.title.text)}` }] : [];
}
