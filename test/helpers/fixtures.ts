import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = (() => {
  let d = __dirname;
  while (!statSync(join(d, 'package.json'), { throwIfNoEntry: false })) d = join(d, '..');
  return d;
})();

export function markdownFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  for (const n of entries.sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(markdownFiles(p));
    else if (n.endsWith('.md') && n !== 'INDEX.md' && n !== 'README.md') out.push(p);
  }
  return out;
}

export function read(p: string): string {
  return readFileSync(p, 'utf8');
}

/** The rules cx-core ships, written out (test/docs-drift checks it against the rule folders). */
export const CX_CORE = [
  'cx-as-initiative',
  'cx-missing-employee-experience',
  'cx-narrowed-to-one-discipline',
  'cx-no-cross-functional-mandate',
  'cx-no-executive-sponsor',
  'cx-no-voice-of-customer',
  'cx-renamed-customer-service',
  'cx-renamed-sales',
  'cx-silo-ownership',
  'cx-strategy-pillars',
  'cx-title-without-customer',
  'posting-missing-duties',
];

/** The lines of a small Customer Service role under a CX title: the posting several tests start from. */
export function renamedServicePosting(title = 'Customer Experience Associate'): string[] {
  return [
    `# ${title}`,
    '',
    "## What you'll do",
    '',
    '- Answer inbound calls and live chats from customers',
    '- Resolve tickets within our 24-hour SLA',
    '- Meet average handle time targets',
    '',
  ];
}
