import type { RunContext } from '../run-context';
import type { TextBlock } from '../../parse/text-block';
import type { RelatedInfo } from '../../types';
import type { RawFinding } from '../checks';

/** What the findings of the check types share: the title in the message, the duties as related places. */
const MAX_RELATED = 8;

export function titleData(ctx: RunContext): Record<string, string> {
  return { title: ctx.model.title?.text.trim() ?? '(untitled)' };
}

/**
 * The duties as evidence, each row only the duty's words: the message already says
 * what they have in common, and a Problems panel row has room for one short line.
 */
export function relatedDuties(duties: TextBlock[]): Pick<RawFinding, 'related' | 'relatedOmitted'> {
  return {
    related: duties.slice(0, MAX_RELATED).map((d) => ({ range: d.range, message: clip(d.text, 60) })),
    relatedOmitted: Math.max(0, duties.length - MAX_RELATED),
  };
}

/** In the order a note names them: lists first, as most postings are written. */
const KIND_WORDS: Record<TextBlock['kind'], string> = {
  'list-item': 'list item',
  'table-row': 'table row',
  heading: 'heading',
  sentence: 'sentence',
  task: 'task',
  paragraph: 'paragraph',
  'front-matter': 'front matter value',
};

/**
 * What a count of duties was made of, for the `{counted}` placeholder, when a reader
 * could not tell it from the list: "7 of 7 duties" on a posting with six bullets
 * counted a sentence too, and "6 of 6" on one with seven left a filler line out.
 * A line the share counted from outside the duties (a share check's `evidence`) is
 * named too. Empty when every counted duty is a list item and none was left out.
 */
export function countedNote(counted: TextBlock[], leftOut: TextBlock[], evidence: TextBlock | null = null): string {
  const parts: string[] = [];
  const byKind = new Map<TextBlock['kind'], number>();
  for (const d of counted) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
  if ([...byKind.keys()].some((k) => k !== 'list-item')) {
    const kinds = (Object.keys(KIND_WORDS) as Array<TextBlock['kind']>).filter((k) => byKind.has(k));
    parts.push(listWords(kinds.map((k) => `${byKind.get(k)} ${KIND_WORDS[k]}${byKind.get(k) === 1 ? '' : 's'}`)));
  }
  if (evidence) parts.push(`counting “${clip(evidence.text, 40)}” as one`);
  if (leftOut.length === 1) parts.push(`not counting “${clip(leftOut[0].text, 40)}”`);
  else if (leftOut.length > 1) parts.push(`not counting ${leftOut.length} lines such as “${clip(leftOut[0].text, 40)}”`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** At most `n` characters, cut at a word end where one is near ("…bills, top-ups…", not "…bi…"). */
export function clip(s: string, n = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= n) return t;
  const cut = t.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export function titleRelated(ctx: RunContext): RelatedInfo[] {
  return ctx.model.title ? [{ range: ctx.model.title.range, message: `the title: ${clip(ctx.model.title.text)}` }] : [];
}

/** "a, b and c". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
