/**
 * Stand-ins for Markdown punctuation that the parser must not act on (inline-limit.ts,
 * nesting-cap.ts). Each is one UTF-16 unit, so every offset of the parser's copy is an
 * offset of the user's text, and each is a Unicode noncharacter (U+FDD0–U+FDEF, never
 * meant to appear in text), so restoring them after parsing gives back exactly what
 * the user wrote: the model reads the characters, not the markup they would have made.
 */
export const PLACEHOLDER_OF: Readonly<Record<string, string>> = {
  '*': '\ufdd0',
  _: '\ufdd1',
  '[': '\ufdd2',
  ']': '\ufdd3',
  '`': '\ufdd4',
  '>': '\ufdd5',
  '|': '\ufdd6',
  '-': '\ufdd7',
};

const ORIGINAL_OF = new Map(Object.entries(PLACEHOLDER_OF).map(([original, placeholder]) => [placeholder, original]));
const ANY_PLACEHOLDER = /[\ufdd0-\ufdd7]/;
const ALL_PLACEHOLDERS = /[\ufdd0-\ufdd7]/g;

export function hasPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}

interface ValueNode {
  value?: unknown;
  children?: ValueNode[];
}

/**
 * Puts the original characters back into every `value` of the parsed nodes. The walk
 * keeps its own stack: a tree's depth is the input's to choose, the call stack's is not.
 */
export function restorePlaceholders(nodes: readonly object[]): void {
  const stack = [...nodes] as ValueNode[];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (typeof node.value === 'string' && ANY_PLACEHOLDER.test(node.value)) node.value = node.value.replace(ALL_PLACEHOLDERS, (p) => ORIGINAL_OF.get(p)!);
    if (node.children) for (const c of node.children) stack.push(c);
  }
}
