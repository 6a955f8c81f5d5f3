import type { CodeLens } from 'vscode-languageserver';
import type { Reading, Setup } from '../engine';
import { COMMANDS } from './protocol';

/**
 * The kinds of work a role's duties are sorted into for the summary: the classes the
 * share rules weigh (what the duties are, what outweighs them, what saves them), in
 * the order the rules name them. Read from the rules, so a pack's own share rules add
 * their classes and no class name is written here.
 */
function workClasses(setup: Setup): string[] {
  const out = new Set<string>();
  for (const r of setup.rules) {
    const c = r.check;
    if (c.type !== 'share') continue;
    for (const cls of [c.class, c.with, c.unless, c.yieldsTo].flat()) if (cls) out.add(cls);
  }
  return [...out];
}

/** "handling contacts" from "handling contacts (calls, chats, emails, tickets, complaints)"; the class name when it has no description. */
function labelOf(setup: Setup, cls: string): string {
  const d = setup.lexiconDescriptions.get(cls);
  return d ? d.replace(/\s*\(.*$/, '').trim() || cls : cls;
}

/** How many summary parts after the duty count: the most common kinds of work. */
const MAX_KINDS = 3;

/**
 * One line on how a posting or charter was read, e.g. "CX title · 7 duties: 6 handling
 * contacts, 1 shaping the experience · see reading": the title's reading, the duties
 * found and the kinds of work most of them are (a duty may be of several). Undefined
 * for documents that are neither, which are not linted.
 */
export function readingSummary(reading: Reading, setup: Setup): string | undefined {
  if (reading.kind === 'other') return undefined;
  const parts: string[] = [];
  const t = reading.title;
  parts.push(
    !t
      ? 'no title found'
      : t.family
        ? reading.kind === 'charter'
          ? 'CX charter'
          : 'CX title'
        : reading.kind === 'charter'
          ? 'charter'
          : 'title without CX words',
  );
  const n = reading.duties.length;
  const counts = workClasses(setup)
    .map((cls) => ({ cls, count: reading.duties.filter((d) => d.classes.some((c) => c.class === cls && c.words.length > 0)).length }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_KINDS);
  const kinds = counts.map((c) => `${c.count} ${labelOf(setup, c.cls)}`).join(', ');
  parts.push(n === 0 ? 'no duties found' : `${n} ${n === 1 ? 'duty' : 'duties'}${kinds ? `: ${kinds}` : ''}`);
  parts.push('see reading');
  return parts.join(' · ');
}

/** The code lens above the title (or the first line), whose command opens the full reading. */
export function readingLens(uri: string, reading: Reading, setup: Setup): CodeLens | undefined {
  const title = readingSummary(reading, setup);
  if (!title) return undefined;
  const line = Math.max(0, (reading.title?.line ?? 1) - 1);
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: COMMANDS.showReading, arguments: [uri] } };
}
