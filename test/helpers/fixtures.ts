import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = (() => {
  let d = __dirname;
  while (!statSync(join(d, 'package.json'), { throwIfNoEntry: false })) d = join(d, '..');
  return d;
})();

/** An expected finding: rule id on a 1-based line, or on the title. */
export interface Expectation {
  ruleId: string;
  line: number | 'title';
}

const LINE_MARK = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const TITLE_MARK = /<!--\s*expect-title:\s*([^>]*?)\s*-->/g;

/** Reads `<!-- expect: … -->` and `<!-- expect-title: … -->` markers (docs §10). */
export function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const m of line.matchAll(LINE_MARK)) for (const id of m[1].split(/[\s,]+/).filter(Boolean)) out.push({ ruleId: id, line: i + 1 });
  });
  for (const m of text.matchAll(TITLE_MARK)) for (const id of m[1].split(/[\s,]+/).filter(Boolean)) out.push({ ruleId: id, line: 'title' });
  return out;
}

export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

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
