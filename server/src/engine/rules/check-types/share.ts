import type { CheckType, RawFinding } from '../checks';
import type { RunContext } from '../run-context';
import { wordCount, type TextBlock } from '../../parse/text-block';
import type { Scope } from '../../pack-types';
import { classRefSchema, namesAt, scopeSchema } from './schema-parts';
import { clip, countedNote, relatedDuties, titleData } from './shared';

export interface ShareCheck {
  type: 'share';
  class: string | string[];
  with?: string[];
  also?: string[];
  alsoWhen?: { anyOf: string[]; classes: string[] };
  alsoUnlessRival?: string[];
  unless?: string[];
  yieldsTo?: string[];
  yieldsOnTie?: boolean;
  minShare: number;
  minCoreShare?: number;
  minCoreCount?: number;
  minCount: number;
  exclude?: string[];
  evidence?: { anyOf: string[]; scope?: Scope };
}

const classList = { type: 'array', items: classRefSchema };

export const share: CheckType<ShareCheck> = {
  summary: 'Reports on the title when at least minShare of the counted duties (and minCount) have a class (or a `with` class; `also` classes add to the share once minCount is reached) or minCoreShare have the class itself, none has an `unless` class, and no `yieldsTo` class is more common.',
  schema: {
    properties: {
      type: { const: 'share' },
      class: { oneOf: [classRefSchema, { type: 'array', items: classRefSchema, minItems: 1 }] },
      with: { ...classList, description: 'Classes that count as the class itself, toward minCount and the share (supervising contact handling, for contact handling).' },
      also: { ...classList, description: 'Classes that also count toward the share once the class reaches minCount (shift work for contact handling).' },
      alsoWhen: {
        type: 'object',
        additionalProperties: false,
        description:
          'More `also` classes, counted only when a counted duty has one of `anyOf`: a team\'s day-to-day management counts toward contact handling in a role that supervises contact work, not in one that runs a cleaning crew.',
        properties: { anyOf: { ...classList, minItems: 1 }, classes: { ...classList, minItems: 1 } },
        required: ['anyOf', 'classes'],
      },
      alsoUnlessRival: {
        ...classList,
        description:
          'Of the `also` classes, those that count a duty only when it has no `yieldsTo` class: "Promote our loans to customers to reach the sales targets" names customers, but it is selling, not work around contact handling.',
      },
      unless: classList,
      yieldsTo: { ...classList, description: 'No finding when more counted duties have one of these classes than have the class: the role is better read as that (selling, for contact handling).' },
      yieldsOnTie: { type: 'boolean', description: 'Also no finding when as many counted duties have a `yieldsTo` class as have the class (contact handling gives way to selling on a tie, so one of the two rules speaks, not both).' },
      exclude: { ...classList, description: 'Duties with one of these classes are not counted ("other duties as assigned"), unless they also have an `unless` class or the class itself (or a `with` class).' },
      minShare: { type: 'number', minimum: 0, maximum: 1 },
      minCoreShare: { type: 'number', minimum: 0, maximum: 1, description: 'Also report when at least this share of the counted duties have the class itself (or a `with` class), whatever the share with `also` classes.' },
      minCoreCount: { type: 'integer', minimum: 1, description: 'How many duties the minCoreShare path needs (default minCount).' },
      minCount: { type: 'integer', minimum: 1 },
      evidence: {
        type: 'object',
        additionalProperties: false,
        description:
          'A line outside the duties (by default anywhere in the document) with one of these classes counts as one more duty of the class itself, toward minCount and minShare (never minCoreShare): the pay line "salary plus commission" of a sales posting whose duties say little.',
        properties: { anyOf: { ...classList, minItems: 1 }, scope: scopeSchema },
        required: ['anyOf'],
      },
    },
    required: ['type', 'class', 'minShare', 'minCount'],
  },
  classes: (check) => [
    ...namesAt(check.class, '/class'),
    ...(['with', 'also', 'alsoUnlessRival', 'unless', 'yieldsTo', 'exclude'] as const).flatMap((k) => namesAt(check[k], `/${k}`)),
    ...namesAt(check.alsoWhen?.anyOf, '/alsoWhen/anyOf'),
    ...namesAt(check.alsoWhen?.classes, '/alsoWhen/classes'),
    ...namesAt(check.evidence?.anyOf, '/evidence/anyOf'),
  ],
  run(ctx, check) {
    const counted = countedDuties(ctx, check);
    if (counted.length === 0) return [];
    const out: RawFinding[] = [];
    // Found at most once, and only when it could decide: it adds one duty at most.
    let evidence: TextBlock | null | undefined;
    const evidenceBlock = () => (evidence === undefined ? (evidence = findEvidence(ctx, check)) : evidence);
    for (const cls of classesOfShare(check)) {
      // Cheapest test first: most documents have too few duties of the class, and
      // then no other class need be scanned.
      const core = [cls, ...(check.with ?? [])];
      const dutyCore = counted.filter((d) => ctx.hasAny(d, core)).length;
      const possible = check.evidence ? 1 : 0;
      if (dutyCore + possible < check.minCount) continue;
      // Shift work says nothing about service versus sales on its own: `also`
      // classes add to the share only once the class itself reaches minCount.
      const hits = shareHits(ctx, check, counted, core);
      // Two ways to be "essentially" this work: most duties are it or around it, or a
      // large part are the work itself (a library desk whose other duties are clerical).
      // Evidence from outside the duties helps a short posting reach minCount and the
      // share; it never makes a long one "a large part" selling by itself.
      const byCore = check.minCoreShare !== undefined && dutyCore >= (check.minCoreCount ?? check.minCount) && dutyCore / counted.length >= check.minCoreShare;
      // Evidence is searched for (every block of the document) only when it could
      // still decide: not when the share falls short even with it.
      if ((hits.length + possible) / (counted.length + possible) < check.minShare && !byCore) continue;
      const ev = evidenceBlock();
      const extra = ev ? 1 : 0;
      const coreCount = dutyCore + extra;
      if (coreCount < check.minCount) continue;
      const total = counted.length + extra;
      if ((hits.length + extra) / total < check.minShare && !byCore) continue;
      if (counted.some((d) => ctx.hasAny(d, check.unless ?? []))) return [];
      if (check.yieldsTo?.length && yields(counted.filter((d) => ctx.hasAny(d, check.yieldsTo!)).length, coreCount, check)) continue;
      const countedSet = new Set(counted);
      const leftOut = ctx.model.duties.filter((d) => !countedSet.has(d));
      out.push({
        range: ctx.titleRange(),
        data: {
          ...titleData(ctx),
          count: hits.length + extra,
          total,
          counted: countedNote(counted, leftOut, ev),
          class: ctx.setup.classes.get(cls)?.name ?? cls,
          label: classLabel(ctx, cls),
        },
        ...relatedDuties(ev ? [...hits, ev] : hits),
      });
    }
    return out.slice(0, 1);
  },
  explain(ctx, check) {
    const counted = countedDuties(ctx, check);
    const unless = counted.filter((d) => ctx.hasAny(d, check.unless ?? []));
    const parts = classesOfShare(check).map((cls) => {
      const coreClasses = [cls, ...(check.with ?? [])];
      const core = counted.filter((d) => ctx.hasAny(d, coreClasses)).length;
      const also = alsoClasses(ctx, check, counted);
      const hits = shareHits(ctx, check, counted, coreClasses).length;
      return `${hits} of ${counted.length} counted duties are ${coreClasses.join('/')}${also.length ? ` (or ${also.join(', ')})` : ''}, ${core} by ${coreClasses.join('/')} itself (needs ${Math.round(check.minShare * 100)}%${check.minCoreShare !== undefined ? `, or ${Math.round(check.minCoreShare * 100)}% and ${check.minCoreCount ?? check.minCount} by itself,` : ''} and ${check.minCount})`;
    });
    const ev = check.evidence ? findEvidence(ctx, check) : null;
    const evidenceNote = ev ? `; +1 for “${clip(ev.text, 60)}” (${check.evidence!.anyOf.join('/')}, outside the duties)` : '';
    const blockers = unless.length ? `; blocked by ${unless.length} ${check.unless!.join('/')} duty(ies)` : '';
    const rivals = check.yieldsTo?.length ? `; ${counted.filter((d) => ctx.hasAny(d, check.yieldsTo!)).length} are ${check.yieldsTo.join('/')}${check.yieldsOnTie ? ' (wins a tie)' : ''}` : '';
    return parts.join('; ') + evidenceNote + blockers + rivals;
  },
};

/** Whether the rival classes outnumber the class (or match it, with `yieldsOnTie`). */
function yields(rivals: number, core: number, check: ShareCheck): boolean {
  return rivals > core || (check.yieldsOnTie === true && rivals === core);
}

/**
 * The first block in the evidence scope, outside the duties, with an evidence class:
 * a sales posting often says "salary plus commission" only in its pay line, which is
 * not a duty but is as plain a sign of selling as a quota is.
 */
function findEvidence(ctx: RunContext, check: ShareCheck): TextBlock | null {
  if (!check.evidence) return null;
  const duties = new Set(ctx.model.duties);
  return ctx.blocks(check.evidence.scope ?? 'document').find((b) => !duties.has(b) && ctx.hasAny(b, check.evidence!.anyOf)) ?? null;
}

/**
 * The counted duties the share is made of: those with a core class or an `also` class,
 * but not by an `alsoUnlessRival` class alone on a rival's duty. "Promote our loans to
 * customers to reach the branch's sales targets" names customers, but it is selling,
 * not work around contact handling; "Answer customers' questions by phone" is not
 * work around selling.
 */
function shareHits(ctx: RunContext, check: ShareCheck, counted: TextBlock[], core: string[]): TextBlock[] {
  const also = alsoClasses(ctx, check, counted);
  const weak = new Set(check.alsoUnlessRival ?? []);
  const strong = also.filter((c) => !weak.has(c));
  const weakOnly = also.filter((c) => weak.has(c));
  const rivals = check.yieldsTo ?? [];
  return counted.filter((d) => ctx.hasAny(d, core) || ctx.hasAny(d, strong) || (ctx.hasAny(d, weakOnly) && !ctx.hasAny(d, rivals)));
}

/** The `also` classes, with `alsoWhen`'s when a counted duty has one of its `anyOf`. */
function alsoClasses(ctx: RunContext, check: ShareCheck, counted: TextBlock[]): string[] {
  const also = check.also ?? [];
  const when = check.alsoWhen;
  return when && counted.some((d) => ctx.hasAny(d, when.anyOf)) ? [...also, ...when.classes] : also;
}

function classesOfShare(check: ShareCheck): string[] {
  return Array.isArray(check.class) ? check.class : [check.class];
}

function classLabel(ctx: RunContext, cls: string): string {
  return ctx.setup.classes.get(cls) ? (ctx.setup.lexiconDescriptions.get(cls) ?? cls) : cls;
}

/**
 * The duties a share check counts: not an `exclude` class, and not a bare fragment.
 * A list item of three words or fewer that shows none of the check's classes is a
 * tool, place or product name ("Asana", "Zendesk", "Gmail") listed under a duty, not
 * a duty of its own; counting it would dilute every share.
 */
function countedDuties(ctx: RunContext, check: ShareCheck): TextBlock[] {
  const core = [...classesOfShare(check), ...(check.with ?? [])];
  const watched = [...core, ...(check.also ?? []), ...(check.alsoWhen?.classes ?? []), ...(check.unless ?? []), ...(check.yieldsTo ?? [])];
  return ctx.model.duties.filter((d) => {
    // Filler words do not make a duty that improves the experience filler ("Attend the
    // weekly huddle and map where guests wait longest"), nor one that names the work
    // itself ("responsibilities will include reception duties, answering the telephone
    // and other clerical duties as required"): what the rule looks for wins.
    if ((check.exclude ?? []).some((c) => ctx.has(d, c)) && !ctx.hasAny(d, check.unless ?? []) && !ctx.hasAny(d, core)) return false;
    return !(d.kind === 'list-item' && wordCount(d.text) <= 3 && !ctx.hasAny(d, watched));
  });
}
