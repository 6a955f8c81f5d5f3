import type { Match } from './lexicon';
import type { CheckData, Condition } from './pack-types';
import type { RunContext } from './run-context';
import type { TextBlock } from './text-block';
import type { OffsetRange, RelatedInfo } from './types';

/** What a check reports; the engine turns it into a Finding (id, severity, message, fixes). */
export interface RawFinding {
  range: OffsetRange;
  data: Record<string, string | number>;
  related: RelatedInfo[];
  /** How many more evidence items there were than `related` holds (it is capped). */
  relatedOmitted?: number;
  /** For substitution fixes: the phrase that matched. */
  phrase?: { block: TextBlock; match: Match };
}

type CheckOf<T extends CheckData['type']> = Extract<CheckData, { type: T }>;

export interface CheckType<T extends CheckData['type']> {
  /** One sentence for pack authors (shown in docs and schema descriptions). */
  summary: string;
  run(ctx: RunContext, check: CheckOf<T>): RawFinding[];
}

const MAX_RELATED = 8;

function titleData(ctx: RunContext): Record<string, string> {
  return { title: ctx.model.title?.text.trim() ?? '(untitled)' };
}

/**
 * The duties as evidence, each row only the duty's words: the message already says
 * what they have in common, and a Problems panel row has room for one short line.
 */
function relatedDuties(duties: TextBlock[]): Pick<RawFinding, 'related' | 'relatedOmitted'> {
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
  paragraph: 'paragraph',
  'front-matter': 'front matter value',
};

/**
 * What a count of duties was made of, for the `{counted}` placeholder, when a reader
 * could not tell it from the list: "7 of 7 duties" on a posting with six bullets
 * counted a sentence too, and "6 of 6" on one with seven left a filler line out.
 * Empty when every counted duty is a list item and none was left out.
 */
function countedNote(counted: TextBlock[], leftOut: TextBlock[]): string {
  const parts: string[] = [];
  const byKind = new Map<TextBlock['kind'], number>();
  for (const d of counted) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
  if ([...byKind.keys()].some((k) => k !== 'list-item')) {
    const kinds = (Object.keys(KIND_WORDS) as Array<TextBlock['kind']>).filter((k) => byKind.has(k));
    parts.push(listWords(kinds.map((k) => `${byKind.get(k)} ${KIND_WORDS[k]}${byKind.get(k) === 1 ? '' : 's'}`)));
  }
  if (leftOut.length === 1) parts.push(`not counting “${clip(leftOut[0].text, 40)}”`);
  else if (leftOut.length > 1) parts.push(`not counting ${leftOut.length} lines such as “${clip(leftOut[0].text, 40)}”`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** At most `n` characters, cut at a word end where one is near ("…bills, top-ups…", not "…bi…"). */
function clip(s: string, n = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= n) return t;
  const cut = t.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function titleRelated(ctx: RunContext): RelatedInfo[] {
  return ctx.model.title ? [{ range: ctx.model.title.range, message: `the title: ${clip(ctx.model.title.text)}` }] : [];
}

/**
 * The fixed set of check types. Rules are data that pick one of these; adding a
 * rule never touches this file. The JSON Schema for packs lists the same names.
 */
export const CHECK_TYPES: { [T in CheckData['type']]: CheckType<T> } = {
  phrase: {
    summary: 'Flags each phrase of a lexicon class in the chosen scope, with the entry\'s substitution as a fix.',
    run(ctx, check) {
      const out: RawFinding[] = [];
      for (const block of ctx.blocks(check.scope ?? 'role')) {
        for (const m of ctx.entryMatches(block, check.class)) {
          if (m.negated) continue;
          out.push({
            range: block.toSource(m.start, m.end),
            data: { ...titleData(ctx), match: block.text.slice(m.start, m.end) },
            related: titleRelated(ctx),
            phrase: { block, match: m },
          });
        }
      }
      return out;
    },
  },
  requires: {
    summary: 'Reports on the title when no block in scope has any of the classes (optionally only if some block has another class).',
    run(ctx, check) {
      const scope = check.scope ?? 'duties';
      const blocks = ctx.blocks(scope);
      if (scope === 'duties' && ctx.model.duties.length < (check.minDuties ?? 1)) return [];
      if (check.onlyIf) {
        const pre = ctx.blocks(check.onlyIf.scope ?? scope);
        if (!pre.some((b) => ctx.hasAny(b, check.onlyIf!.anyOf))) return [];
      }
      if (blocks.some((b) => ctx.hasAny(b, check.anyOf))) return [];
      const duties = ctx.model.duties;
      return [{
        range: ctx.titleRange(),
        data: { ...titleData(ctx), total: duties.length, duties: `${duties.length} ${duties.length === 1 ? 'duty' : 'duties'}`, counted: countedNote(duties, []) },
        ...(scope === 'duties' ? relatedDuties(duties) : { related: [] }),
      }];
    },
  },
  share: {
    summary: 'Reports on the title when at least minShare of the counted duties (and minCount) have a class (or a `with` class; `also` classes add to the share once minCount is reached) or minCoreShare have the class itself, none has an `unless` class, and no `yieldsTo` class is more common.',
    run(ctx, check) {
      const counted = countedDuties(ctx, check);
      if (counted.length === 0) return [];
      const out: RawFinding[] = [];
      for (const cls of Array.isArray(check.class) ? check.class : [check.class]) {
        // Cheapest test first: most documents have too few duties of the class, and
        // then no other class need be scanned.
        const core = [cls, ...(check.with ?? [])];
        const coreCount = counted.filter((d) => ctx.hasAny(d, core)).length;
        if (coreCount < check.minCount) continue;
        // Shift work says nothing about service versus sales on its own: `also`
        // classes add to the share only once the class itself reaches minCount.
        const hits = counted.filter((d) => ctx.hasAny(d, core) || ctx.hasAny(d, check.also ?? []));
        // Two ways to be "essentially" this work: most duties are it or around it, or a
        // large part are the work itself (a library desk whose other duties are clerical).
        const byCore = check.minCoreShare !== undefined && coreCount >= (check.minCoreCount ?? check.minCount) && coreCount / counted.length >= check.minCoreShare;
        if (hits.length / counted.length < check.minShare && !byCore) continue;
        if (counted.some((d) => ctx.hasAny(d, check.unless ?? []))) return [];
        if (check.yieldsTo?.length && counted.filter((d) => ctx.hasAny(d, check.yieldsTo!)).length > coreCount) continue;
        const countedSet = new Set(counted);
        const leftOut = ctx.model.duties.filter((d) => !countedSet.has(d));
        out.push({
          range: ctx.titleRange(),
          data: { ...titleData(ctx), count: hits.length, total: counted.length, counted: countedNote(counted, leftOut), class: ctx.setup.classes.get(cls)?.name ?? cls, label: classLabel(ctx, cls) },
          ...relatedDuties(hits),
        });
      }
      return out.slice(0, 1);
    },
  },
  coverage: {
    summary: 'Reports on the title which of the named classes are not covered anywhere in scope.',
    run(ctx, check) {
      const blocks = ctx.blocks(check.scope ?? 'role');
      const entries = Object.entries(check.classes);
      const missing = entries.filter(([, cls]) => !blocks.some((b) => ctx.has(b, cls))).map(([label]) => label);
      if (missing.length === 0) return [];
      const covered = entries.map(([l]) => l).filter((l) => !missing.includes(l));
      return [{
        range: ctx.titleRange(),
        data: { ...titleData(ctx), missing: listWords(missing), covered: covered.length ? listWords(covered) : 'none', missingCount: missing.length },
        related: [],
      }];
    },
  },
  'no-duties': {
    summary: 'Reports on the title when no duty can be found.',
    run(ctx) {
      if (ctx.model.duties.length > 0) return [];
      return [{ range: ctx.titleRange(), data: titleData(ctx), related: [] }];
    },
  },
};

function classLabel(ctx: RunContext, cls: string): string {
  return ctx.setup.classes.get(cls) ? (ctx.setup.lexiconDescriptions.get(cls) ?? cls) : cls;
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The duties a share check counts: not an `exclude` class, and not a bare fragment.
 * A list item of three words or fewer that shows none of the check's classes is a
 * tool, place or product name ("Asana", "Zendesk", "Gmail") listed under a duty, not
 * a duty of its own; counting it would dilute every share.
 */
function countedDuties(ctx: RunContext, check: Extract<CheckData, { type: 'share' }>): TextBlock[] {
  const watched = [...(Array.isArray(check.class) ? check.class : [check.class]), ...(check.with ?? []), ...(check.also ?? []), ...(check.unless ?? []), ...(check.yieldsTo ?? [])];
  return ctx.model.duties.filter((d) => {
    if ((check.exclude ?? []).some((c) => ctx.has(d, c))) return false;
    return !(d.kind === 'list-item' && d.text.trim().split(/\s+/).length <= 3 && !ctx.hasAny(d, watched));
  });
}

/**
 * What a check computed, in one line, for the reading view (docs/how-cx-lint-reads.md
 * §12). Only the title checks that count duties have something to say.
 */
export function explainCheck(ctx: RunContext, check: CheckData): string {
  if (check.type === 'share') {
    const counted = countedDuties(ctx, check);
    const unless = counted.filter((d) => ctx.hasAny(d, check.unless ?? []));
    const parts = (Array.isArray(check.class) ? check.class : [check.class]).map((cls) => {
      const coreClasses = [cls, ...(check.with ?? [])];
      const core = counted.filter((d) => ctx.hasAny(d, coreClasses)).length;
      const hits = counted.filter((d) => ctx.hasAny(d, coreClasses) || ctx.hasAny(d, check.also ?? [])).length;
      return `${hits} of ${counted.length} counted duties are ${coreClasses.join('/')}${check.also?.length ? ` (or ${check.also.join(', ')})` : ''}, ${core} by ${coreClasses.join('/')} itself (needs ${Math.round(check.minShare * 100)}%${check.minCoreShare !== undefined ? `, or ${Math.round(check.minCoreShare * 100)}% and ${check.minCoreCount ?? check.minCount} by itself,` : ''} and ${check.minCount})`;
    });
    const blockers = unless.length ? `; blocked by ${unless.length} ${check.unless!.join('/')} duty(ies)` : '';
    const rivals = check.yieldsTo?.length ? `; ${counted.filter((d) => ctx.hasAny(d, check.yieldsTo!)).length} are ${check.yieldsTo.join('/')}` : '';
    return parts.join('; ') + blockers + rivals;
  }
  if (check.type === 'requires') {
    const blocks = ctx.blocks(check.scope ?? 'duties');
    const having = blocks.filter((b) => ctx.hasAny(b, check.anyOf)).length;
    return `${having} of ${blocks.length} ${check.scope ?? 'duties'} blocks have ${check.anyOf.join('/')}`;
  }
  return '';
}

export function runCheck(ctx: RunContext, check: CheckData): RawFinding[] {
  return (CHECK_TYPES[check.type] as CheckType<typeof check.type>).run(ctx, check as never);
}

export function conditionHolds(ctx: RunContext, cond: Condition): boolean {
  const { model } = ctx;
  if (cond.kinds && !cond.kinds.includes(model.kind as never)) return false;
  const form = model.title?.parse.form ?? 'none';
  if (cond.titleForms && !cond.titleForms.includes(form)) return false;
  if (cond.levels) {
    const level = model.title?.parse.level;
    if (!level || !cond.levels.includes(level)) return false;
  }
  if (cond.mentions) {
    const blocks = [...ctx.blocks('role'), ...ctx.selfDescription()];
    if (!blocks.some((b) => ctx.hasAny(b, cond.mentions!))) return false;
  }
  if (cond.titleMentions) {
    if (!ctx.selfDescription().some((b) => ctx.hasAny(b, cond.titleMentions!))) return false;
  }
  return true;
}
