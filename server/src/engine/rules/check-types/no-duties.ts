import type { CheckType } from '../checks';
import { titleData } from './shared';

export interface NoDutiesCheck {
  type: 'no-duties';
}

export const noDuties: CheckType<NoDutiesCheck> = {
  summary: 'Reports on the title when no duty can be found.',
  schema: { properties: { type: { const: 'no-duties' } }, required: ['type'] },
  classes: () => [],
  run(ctx) {
    if (ctx.model.duties.length > 0) return [];
    return [{ range: ctx.titleRange(), data: titleData(ctx), related: [] }];
  },
};
