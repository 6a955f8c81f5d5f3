import type { Match } from '../match/lexicon';
import type { Condition } from '../pack-types';
import type { RunContext } from './run-context';
import type { TextBlock } from '../parse/text-block';
import type { OffsetRange, RelatedInfo } from '../types';
import { CHECK_TYPES, type CheckData } from './check-types';

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

/** A lexicon class a check names, and the JSON pointer of the name inside the check. */
export interface ClassRef {
  name: string;
  pointer: string;
}

/** One check type (a module under check-types/): everything the engine and the pack tools know of it. */
export interface CheckType<C extends { type: string }> {
  /** One sentence for pack authors (shown in docs and schema descriptions). */
  summary: string;
  /** JSON Schema of the check object (rules/schema/rule.schema.json; its numeric properties are the rule's options). */
  schema: { properties: Record<string, object>; required: string[] };
  /** The lexicon classes it reads: setup refuses a rule whose class no pack defines, and the pack loader points at the name. */
  classes(check: C): ClassRef[];
  run(ctx: RunContext, check: C): RawFinding[];
  /** What it computed, in one line, for the reading view (docs/how-cx-lint-reads.md §12). */
  explain?(ctx: RunContext, check: C): string;
}

function typeOf(check: CheckData): CheckType<CheckData> {
  return CHECK_TYPES[check.type] as CheckType<CheckData>;
}

export function runCheck(ctx: RunContext, check: CheckData): RawFinding[] {
  return typeOf(check).run(ctx, check);
}

/** What a check computed, for the reading view; only the title checks that count duties have something to say. */
export function explainCheck(ctx: RunContext, check: CheckData): string {
  return typeOf(check).explain?.(ctx, check) ?? '';
}

/** The lexicon classes a check reads (of a check already valid against its schema). */
export function checkClasses(check: CheckData): ClassRef[] {
  return typeOf(check).classes(check);
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
