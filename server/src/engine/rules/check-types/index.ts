import type { CheckType } from '../checks';
import { coverage } from './coverage';
import { noDuties } from './no-duties';
import { phrase } from './phrase';
import { requires } from './requires';
import { share } from './share';

/**
 * The fixed set of check types, one module each (its data, schema, the lexicon
 * classes it reads, its run). Rules are data that pick one of these; adding a rule
 * never touches this folder. The packs' JSON Schema, setup's class check, the pack
 * loader's class references and the docs all read this registry.
 */
export const CHECK_TYPES = {
  phrase,
  requires,
  share,
  coverage,
  'no-duties': noDuties,
};

/** A rule's `check`: the data of one of the check types above. */
export type CheckData = { [T in keyof typeof CHECK_TYPES]: (typeof CHECK_TYPES)[T] extends CheckType<infer C> ? C : never }[keyof typeof CHECK_TYPES];
