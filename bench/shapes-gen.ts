/**
 * Documents of one shape and a given size, for `bench/shapes.ts` (the README's table of
 * time and memory by shape) and for the tests that check the work grows linearly.
 * Each is a posting (title, a duties section) around the shape, so the whole lint runs.
 */
export const SHAPES = {
  /** One tight list: a new item on every line, no blank line to cut at. */
  'long list': (i: number) => `- Answer customer call number ${i} and log it in the CRM\n`,
  /** One paragraph of many short lines. */
  'short lines': (i: number) => `line ${i}\n`,
  /** One paragraph on one line. */
  'one paragraph': (i: number) => `Resolve ticket ${i} for the customer. `,
  /** Lists and blockquotes nested as deep as a line can make them, again and again. */
  'deep nesting': (i: number) => `${'> '.repeat(40)}${'- '.repeat(40)}nested ${i}\n\n`,
  /** One table of three columns. */
  table: (i: number) => `| Duty ${i} | Answer calls | Daily |\n`,
  /** `*a` again and again in one paragraph: emphasis that never closes cleanly. */
  '*a runs': () => '*a',
  /** `[` again and again in one paragraph: links that never close. */
  '[ runs': () => '[',
} as const;

export type Shape = keyof typeof SHAPES;

const HEAD: Record<Shape, string> = {
  'long list': '',
  'short lines': '',
  'one paragraph': '',
  'deep nesting': '',
  table: '| Duty | What | When |\n|---|---|---|\n',
  '*a runs': '',
  '[ runs': '',
};

/** A posting whose duties section is `shape` repeated to about `chars` UTF-16 units (ASCII, so bytes too). */
export function shapeDocument(shape: Shape, chars: number): string {
  const parts = ["# Customer Experience Associate\n\n## What you'll do\n\n", HEAD[shape]];
  let length = parts[0].length + parts[1].length;
  for (let i = 0; length < chars; i++) {
    const s = SHAPES[shape](i);
    parts.push(s);
    length += s.length;
  }
  return parts.join('') + '\n';
}
