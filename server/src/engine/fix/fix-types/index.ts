import type { FixType } from '../fixes';
import { dropFamily } from './drop-family';
import { insertDuties } from './insert-duties';
import { insertSection } from './insert-section';
import { retitle } from './retitle';
import { substitute } from './substitute';

/**
 * The fixed set of fix types, one module each (its data, the schema of its
 * properties, how it builds its edits). The packs' JSON Schema reads this registry.
 */
export const FIX_TYPES = {
  retitle,
  'drop-family': dropFamily,
  'insert-duties': insertDuties,
  'insert-section': insertSection,
  substitute,
};

/** One of a rule's `fixes`: the data of one of the fix types above. */
export type FixData = { [T in keyof typeof FIX_TYPES]: (typeof FIX_TYPES)[T] extends FixType<infer F> ? F : never }[keyof typeof FIX_TYPES];
