import type { Scope } from '../../pack-types';
import type { CheckType } from '../checks';
import { classRefSchema, namesAt, scopeSchema } from './schema-parts';
import { countedNote, relatedDuties, titleData } from './shared';

export interface RequiresCheck {
  type: 'requires';
  anyOf: string[];
  scope?: Scope;
  onlyIf?: { anyOf: string[]; scope?: Scope };
  minDuties?: number;
  unlessShare?: { anyOf: string[]; minShare: number };
}

export const requires: CheckType<RequiresCheck> = {
  summary: 'Reports on the title when no block in scope has any of the classes (optionally only if some block has another class).',
  schema: {
    properties: {
      type: { const: 'requires' },
      anyOf: { type: 'array', items: classRefSchema, minItems: 1 },
      scope: scopeSchema,
      minDuties: { type: 'integer', minimum: 0 },
      onlyIf: { type: 'object', additionalProperties: false, properties: { anyOf: { type: 'array', items: classRefSchema, minItems: 1 }, scope: scopeSchema }, required: ['anyOf'] },
      unlessShare: {
        type: 'object',
        additionalProperties: false,
        description:
          'No finding when at least minShare of the duties have one of these classes: a role made mostly of answering calls and tickets deals with the people who send them, named or not.',
        properties: { anyOf: { type: 'array', items: classRefSchema, minItems: 1 }, minShare: { type: 'number', minimum: 0, maximum: 1 } },
        required: ['anyOf', 'minShare'],
      },
    },
    required: ['type', 'anyOf'],
  },
  classes: (check) => [...namesAt(check.anyOf, '/anyOf'), ...namesAt(check.onlyIf?.anyOf, '/onlyIf/anyOf'), ...namesAt(check.unlessShare?.anyOf, '/unlessShare/anyOf')],
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
    if (check.unlessShare && duties.length && duties.filter((d) => ctx.hasAny(d, check.unlessShare!.anyOf)).length / duties.length >= check.unlessShare.minShare) return [];
    return [{
      range: ctx.titleRange(),
      data: { ...titleData(ctx), total: duties.length, duties: `${duties.length} ${duties.length === 1 ? 'duty' : 'duties'}`, counted: countedNote(duties, []) },
      ...(scope === 'duties' ? relatedDuties(duties) : { related: [] }),
    }];
  },
  explain(ctx, check) {
    const blocks = ctx.blocks(check.scope ?? 'duties');
    const having = blocks.filter((b) => ctx.hasAny(b, check.anyOf)).length;
    const share = check.unlessShare
      ? `; ${ctx.model.duties.filter((d) => ctx.hasAny(d, check.unlessShare!.anyOf)).length} of ${ctx.model.duties.length} duties are ${check.unlessShare.anyOf.join('/')} (none reported from ${Math.round(check.unlessShare.minShare * 100)}%)`
      : '';
    return `${having} of ${blocks.length} ${check.scope ?? 'duties'} blocks have ${check.anyOf.join('/')}${share}`;
  },
};
