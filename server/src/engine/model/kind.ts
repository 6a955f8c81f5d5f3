import { fold, wordsKey } from '../match/patterns';
import { CHARTER_ROLES, frontMatterKind, type Vocabulary } from '../match/vocabulary';
import type { TextBlock } from '../parse/text-block';
import type { DocKind } from '../types';
import type { DocTitle } from './model';
import type { Walk } from './sections';

/** A heading about one person's job: "2. Role Purpose", "Job Purpose", "Reports To (Primary):". */
const ROLE_PROFILE_HEADING = /^[^\p{L}]*(?:(?:role|job|position|post)\b|reports?\s+to\b)/iu;

/** Posting, charter or other (docs §2), and why. */
export function decideKind(
  walk: Walk,
  vocab: Vocabulary,
  title: DocTitle | undefined,
  duties: TextBlock[],
  fromConfig: DocKind | undefined,
): { kind: DocKind; kindReason: string } {
  const fm = walk.fm;
  for (const key of vocab.kindKeys) {
    const value = fm?.data.get(key);
    if (typeof value !== 'string') continue;
    const kind = frontMatterKind(vocab.data, value);
    if (kind) return { kind, kindReason: `front matter says ${key}: "${value}"` };
  }
  if (fromConfig) return { kind: fromConfig, kindReason: 'configured kinds globs' };
  // A document the pack's vocabulary cannot read (a posting in Spanish, for an English
  // pack) would look customer-less, sales-free and strategy-free to every rule.
  const foreign = vocab.foreignLanguage(walk.coll.prose.map((b) => b.text));
  if (foreign) {
    const lang = vocab.data.language!;
    return {
      kind: 'other',
      kindReason: `not in ${lang.name}: ${Math.round(foreign.share * 100)}% of its ${foreign.words} words are among ${lang.name}'s commonest (${Math.round(lang.minShare * 100)}% expected), so the pack's vocabulary cannot read it`,
    };
  }
  const { sections } = walk;
  // Distinct headings: a posting that repeats "Success Measures" under each of its five
  // areas of work has one charter-like heading, not five.
  const seen = new Set<string>();
  const charterHeadings = sections.filter((s) => {
    if (!(CHARTER_ROLES.has(s.role) || (vocab.charterHeading?.test(s.heading) ?? false))) return false;
    // "Role Purpose", "Job Purpose", "Reports To": a role profile's headings speak of one
    // person's job, as a posting does, not of a team's remit.
    if (ROLE_PROFILE_HEADING.test(s.heading)) return false;
    const key = wordsKey(s.heading);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  vocab.charterTitle.lastIndex = 0;
  if (title && vocab.charterTitle.test(fold(title.text))) return { kind: 'charter', kindReason: 'the title says charter' };
  if (charterHeadings.length >= 2 && !sections.some((s) => ['requirements', 'benefits', 'apply'].includes(s.role))) {
    return { kind: 'charter', kindReason: `charter headings (${charterHeadings.map((s) => s.heading).join(', ')})` };
  }
  if (!title) return { kind: 'other', kindReason: 'no title' };
  if (sections.some((s) => ['duties', 'requirements', 'benefits', 'apply'].includes(s.role)))
    return { kind: 'posting', kindReason: 'a title and posting sections' };
  const postingKeys = fm ? [...fm.data.keys()].filter((k) => vocab.isPostingKey(k)) : [];
  if (postingKeys.length >= 2) return { kind: 'posting', kindReason: `a title and posting front matter (${postingKeys.slice(0, 3).join(', ')})` };
  // A job title over duty lines is a posting, headings or not.
  if (title.parse.roleNoun && duties.length >= 2) return { kind: 'posting', kindReason: `a job title and ${duties.length} duty lines` };
  return { kind: 'other', kindReason: 'no posting or charter sections' };
}
