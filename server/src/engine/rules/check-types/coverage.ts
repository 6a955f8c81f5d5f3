import type { Scope } from '../../pack-types';
import type { CheckType } from '../checks';
import { classRefSchema, scopeSchema } from './schema-parts';
import { listWords, titleData } from './shared';

export interface CoverageCheck {
  type: 'coverage';
  classes: Record<string, string>;
  scope?: Scope;
}

export const coverage: CheckType<CoverageCheck> = {
  summary: 'Reports on the title which of the named classes are not covered anywhere in scope.',
  schema: {
    properties: { type: { const: 'coverage' }, classes: { type: 'object', additionalProperties: classRefSchema, minProperties: 1 }, scope: scopeSchema },
    required: ['type', 'classes'],
  },
  classes: (check) => Object.entries(check.classes).map(([label, name]) => ({ name, pointer: `/classes/${label}` })),
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
};
