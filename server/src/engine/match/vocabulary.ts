import type { NegationData } from './lexicon';
import { compileAlternation, fold, PATTERN_FLAGS } from './patterns';

export const SECTION_ROLES = [
  'duties', 'requirements', 'company', 'benefits', 'reporting', 'purpose', 'measures', 'eeo', 'apply',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number] | 'other' | 'title';
export const LEVELS = ['frontline', 'specialist', 'manager', 'leadership'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The words the document model is built from: heading names, title vocabulary,
 * negation cues. They come from packs (so a locale pack can supply its own), not
 * from code.
 */
export interface VocabularyData {
  headings: Partial<Record<(typeof SECTION_ROLES)[number], string[]>>;
  titles: {
    family: string[];
    levels: Record<Level, string[]>;
    disciplines: string[];
    /** Words that may stand beside a role noun without making it a different job (senior, global…). */
    qualifiers: string[];
    charter: string[];
  };
  /** Front matter `type:`/`kind:` values; any other value says nothing about the kind. */
  kinds: { posting: string[]; charter: string[]; other?: string[] };
  /** Front matter keys: where the title is, which keys name the kind, which only a posting has. */
  frontMatter?: { titleKeys?: string[]; kindKeys?: string[]; postingKeys?: string[] };
  negation: NegationData;
  /** How a duty sentence starts, when a posting has no duties section. */
  dutyStarters: string[];
  /** Openings set aside before a duty starter is looked for ("Under the direction of the manager, …"). */
  dutyLeadIns?: string[];
  /** Subjects set aside before a duty starter is looked for ("They will…", "You may…"). */
  dutySubjects?: string[];
  /** What shows a sentence speaks of the role itself ("As a Tier 1 representative, you…"), for sentences in a company section. */
  roleAddress?: string[];
  /** Lines that are never duties wherever they stand (physical demands, compliance boilerplate). */
  notDuties?: string[];
  /** How lines start that are never duties (requirements inside a duties list: "Experience with…"). */
  notDutyStarters?: string[];
}

const anyOf = compileAlternation;

/** Vocabulary compiled once per configuration. */
export class Vocabulary {
  readonly headingRes: Array<[SectionRole, RegExp]>;
  readonly family: RegExp;
  readonly levelRes: Array<[Level, RegExp]>;
  readonly discipline: RegExp;
  readonly qualifier: RegExp;
  readonly charterTitle: RegExp;
  readonly dutyStarter: RegExp;
  readonly notDuty: RegExp;
  readonly dutyLeadIn: RegExp;
  readonly dutySubject: RegExp;
  readonly roleAddress: RegExp | undefined;
  readonly notDutyStarter: RegExp;
  readonly titleKeys: string[];
  readonly kindKeys: string[];
  readonly postingKeys: Set<string>;

  constructor(readonly data: VocabularyData) {
    this.headingRes = SECTION_ROLES.filter((r) => data.headings[r]?.length).map((r) => [r, anyOf(data.headings[r]!)]);
    this.family = anyOf(data.titles.family);
    this.levelRes = LEVELS.map((l) => [l, anyOf(data.titles.levels[l] ?? [])]);
    this.discipline = anyOf(data.titles.disciplines);
    this.qualifier = anyOf(data.titles.qualifiers);
    this.charterTitle = anyOf(data.titles.charter);
    this.dutyStarter = new RegExp(`^(?:${anyOf(data.dutyStarters).source})`, PATTERN_FLAGS.replace('g', ''));
    this.notDuty = anyOf(data.notDuties ?? []);
    this.dutyLeadIn = new RegExp(`^(?:${anyOf(data.dutyLeadIns ?? []).source})`, PATTERN_FLAGS.replace('g', ''));
    this.dutySubject = new RegExp(`^(?:${anyOf(data.dutySubjects ?? []).source})\\s+`, PATTERN_FLAGS.replace('g', ''));
    this.roleAddress = data.roleAddress?.length ? anyOf(data.roleAddress) : undefined;
    this.notDutyStarter = new RegExp(`^(?:${anyOf(data.notDutyStarters ?? []).source})`, PATTERN_FLAGS.replace('g', ''));
    const keys = (k: string[] | undefined, d: string[]) => (k ?? d).map((x) => x.toLowerCase());
    this.titleKeys = keys(data.frontMatter?.titleKeys, ['title']);
    this.kindKeys = keys(data.frontMatter?.kindKeys, ['type', 'kind']);
    this.postingKeys = new Set(keys(data.frontMatter?.postingKeys, []));
  }

  /**
   * Whether a sentence outside any duties section reads as a duty: it starts like one,
   * once asides in brackets and an opening such as "Under the direction of the clinic
   * director," are set aside.
   */
  startsLikeDuty(sentence: string): boolean {
    const t = fold(sentence).replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length)).replace(/\s+/g, ' ').trim();
    if (this.dutyStarts(t)) return true;
    // An opening clause may hold commas of its own ("As the first contact for patients,
    // visitors and members, the PSA…"): try the text after each of its first few.
    if (!this.dutyLeadIn.test(t)) return false;
    const clause = /[,;:]\s*/g;
    for (let m = clause.exec(t); m && m.index < 150; m = clause.exec(t)) {
      if (this.dutyStarts(t.slice(m.index + m[0].length))) return true;
    }
    return false;
  }

  /**
   * Whether a sentence speaks of the role itself ("As a Tier 1 representative you…",
   * "…responsible for…"), unlike "You will love working here". Read together with
   * startsLikeDuty for sentences in a company section.
   */
  speaksOfRole(sentence: string): boolean {
    if (!this.roleAddress) return false;
    this.roleAddress.lastIndex = 0;
    return this.roleAddress.test(fold(sentence));
  }

  private dutyStarts(t: string): boolean {
    if (this.dutyStarter.test(t)) return true;
    const subject = this.dutySubject.exec(t);
    if (subject && this.dutyStarter.test(t.slice(subject[0].length))) return true;
    // "The Patient Services Assistant greets…": the role as subject, then a duty verb.
    const words = t.split(' ');
    if (!/^(?:the|this|our|a|an)$/.test(words[0] ?? '')) return false;
    for (let i = 1; i <= 6 && i < words.length - 1; i++) {
      if (!this.levelRes.some(([, re]) => ((re.lastIndex = 0), re.test(words[i])))) continue;
      const after = words.slice(i + 1).join(' ').replace(/^(?:also|consistently|regularly|often|will also)\s+/, '');
      return this.dutyStarter.test(after) || /^(?:will|shall|must|is (?:responsible|accountable|expected))\b/.test(after);
    }
    return false;
  }

  /**
   * The role of a line that stands alone like a heading ("Responsibilities:" inside a
   * paragraph, "The Role" on a line of its own): only when a heading phrase is the
   * whole line, so a duty that happens to start with "Accountabilities" is not one.
   */
  classifyHeadingLine(text: string): SectionRole {
    const h = fold(text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, ''));
    if (!h || h.length > 60) return 'other';
    for (const [role, re] of this.headingRes) {
      re.lastIndex = 0;
      const m = re.exec(h);
      if (m && m.index === 0 && m[0].length === h.length) return role;
    }
    return 'other';
  }

  /** The role of a heading: the role whose phrase starts the heading, else the longest found anywhere. */
  classifyHeading(text: string): SectionRole {
    const h = fold(text.replace(/^[^\p{L}\p{N}]+/u, ''));
    let best: SectionRole = 'other';
    let bestScore = -1;
    for (const [role, re] of this.headingRes) {
      re.lastIndex = 0;
      for (let m = re.exec(h); m; m = re.exec(h)) {
        // Further in, only a phrase of two or more words counts: a title heading such
        // as "Customer Experience Advisor" is not a requirements section.
        // ("Essential Duties and Responsibilities" still counts: the word ends the heading.)
        if (m.index > 0 && !/\s/.test(m[0].trim()) && /[\p{L}\p{N}]/u.test(h.slice(m.index + m[0].length))) continue;
        // A phrase at the very start wins over one further in ("About the role" vs "…us").
        const score = (m.index === 0 ? 1000 : 0) + m[0].length;
        if (score > bestScore) {
          best = role;
          bestScore = score;
        }
      }
    }
    return best;
  }
}

/** The kind a front matter value names, or undefined when it names none ("Full-time", "post"). */
export function frontMatterKind(vocab: VocabularyData, value: string): 'posting' | 'charter' | 'other' | undefined {
  const v = value.trim().toLowerCase();
  if (vocab.kinds.posting.includes(v)) return 'posting';
  if (vocab.kinds.charter.includes(v)) return 'charter';
  if (vocab.kinds.other?.includes(v)) return 'other';
  return undefined;
}
