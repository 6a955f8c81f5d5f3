/** Schema pieces the check types share (and the pack schema's conditions): a lexicon class name, a scope. */
export const classRefSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' };
export const scopeSchema = { enum: ['duties', 'role', 'document'] };

/** Each class name of `value` (a name or a list of names) with its JSON pointer under `pointer`. */
export function namesAt(value: string | readonly string[] | undefined, pointer: string): Array<{ name: string; pointer: string }> {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ name: value, pointer }];
  return value.map((name, i) => ({ name, pointer: `${pointer}/${i}` }));
}
