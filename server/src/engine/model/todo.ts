/**
 * A placeholder a fix inserted for the writer to fill ("TODO: describe a duty that …").
 * It says nothing about the role yet: it is not a duty, and no lexicon class matches
 * it, so the rule that offered the fix keeps reporting until the writer replaces it.
 * Only an upper-case `TODO` followed by `:` counts, so "to do" in a sentence is prose.
 */
const TODO = /^\s*TODO:/;

export function isTodo(text: string): boolean {
  return TODO.test(text);
}
