import type { Scope } from '../../pack-types';
import type { CheckType, RawFinding } from '../checks';
import { classRefSchema, namesAt, scopeSchema } from './schema-parts';
import { titleData, titleRelated } from './shared';

export interface PhraseCheck {
  type: 'phrase';
  class: string;
  scope?: Scope;
}

export const phrase: CheckType<PhraseCheck> = {
  summary: 'Flags each phrase of a lexicon class in the chosen scope, with the entry\'s substitution as a fix.',
  schema: { properties: { type: { const: 'phrase' }, class: classRefSchema, scope: scopeSchema }, required: ['type', 'class'] },
  classes: (check) => namesAt(check.class, '/class'),
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
};
