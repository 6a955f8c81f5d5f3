import { BoundedMemo } from './bounded-memo';
import { clauseEnd, type NegationData } from './lexicon';
import { compileAlternation, fold, PATTERN_FLAGS } from './patterns';
import { sentenceRules, wordAlternation, wordCount, type SentenceRules } from '../parse/text-block';

export const SECTION_ROLES = ['duties', 'requirements', 'company', 'benefits', 'reporting', 'purpose', 'measures', 'eeo', 'apply'] as const;
/** The sections only a charter has (docs §2): with two of them, a document reads as a charter. */
export const CHARTER_ROLES: ReadonlySet<string> = new Set(['reporting', 'purpose', 'measures']);
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
  frontMatter?: { titleKeys?: string[]; kindKeys?: string[]; postingKeys?: string[]; dutyKeys?: string[] };
  negation: NegationData;
  /** How a duty sentence starts, when a posting has no duties section. */
  dutyStarters: string[];
  /** Openings set aside before a duty starter is looked for ("Under the direction of the manager, …"). */
  dutyLeadIns?: string[];
  /** Subjects set aside before a duty starter is looked for ("They will…", "You may…"). */
  dutySubjects?: string[];
  /** What a hiring sentence says before the work ("We're looking for an engineer to …"): read only in a posting with no duty lines. */
  hiringLeadIns?: string[];
  /** What shows a sentence speaks of the role itself ("As a Tier 1 representative, you…"), for sentences in a company section. */
  roleAddress?: string[];
  readerAddress?: string[];
  /** Lines that are never duties wherever they stand (physical demands, compliance boilerplate). */
  notDuties?: string[];
  /** How lines start that are never duties (requirements inside a duties list: "Experience with…"). */
  notDutyStarters?: string[];

  // Plain words (not phrase patterns) that the engine once had built in (decision 2).
  /** Where sentences end: abbreviations whose full stop does not, words that run a line on into the next. */
  sentences?: { abbreviations?: string[]; runOnWords?: string[] };
  /**
   * Where clauses end, for negation: words that break a clause, words that open one after
   * a comma. Where a sentence's list of tasks joins them: `joiners` ("and", "as well as")
   * and a range's words ("from taking orders to answering phones").
   */
  clauses?: {
    breaks?: string[];
    openers?: string[];
    joiners?: string[];
    rangeOpeners?: string[];
    rangeJoiners?: string[];
    nounVerbs?: string[];
    verbObjects?: string[];
  };
  /** "The Patient Services Assistant greets…": a role as the subject of a duty sentence. */
  roleSubject?: { determiners?: string[]; adverbs?: string[]; verbs?: string[] };
  /** A line that introduces a list with a colon: how one about the work ends, and words that make it about something else. */
  leadIns?: { workEndings?: string[]; notWork?: string[] };
  /** Words that make a heading the company's voice ("Growing with us"), and openings that speak to the reader about the job ("You'll…"). */
  headingVoice?: { company?: string[]; reader?: string[] };
  /** The words of a job title that are not the role. */
  titleWords?: {
    /** "Manager at Acme": what joins a title to the employer. */
    employer?: string[];
    /** "Executive Assistant to the CCO": whom the role supports is not the role. */
    support?: string[];
    /** "Head of Customer Experience": the role noun stands before these. */
    of?: string[];
    /** What a level-only role part may hold besides levels and qualifiers ("VP and Head"). */
    connectors?: string[];
    /** What the drop-family fix removes with the family word ("Head of the CX team"). */
    familyConnectors?: string[];
    familyArticles?: string[];
  };
  /** Words that, at the start of a word in any heading, make it a charter heading ("Mandate", "Decision rights"). */
  charterHeadingWords?: string[];
  /**
   * The language the pack's words are in, known by its commonest words: a document of
   * at least `minWords` words fewer than `minShare` of which are these is not in it,
   * and is not read as a posting or charter (the vocabulary cannot read it).
   */
  language?: { name: string; words: string[]; minShare: number; minWords: number };
  /** The heading of the duties section a fix adds when the rule's fix names none. */
  newDutiesHeading?: string;
}

/** Vocabulary keys whose values are plain words or values, not phrase patterns (the pack loader compiles the rest). */
export const PLAIN_VOCABULARY_KEYS: ReadonlySet<string> = new Set([
  'kinds',
  'frontMatter',
  'window',
  'sentences',
  'clauses',
  'roleSubject',
  'leadIns',
  'headingVoice',
  'titleWords',
  'charterHeadingWords',
  'newDutiesHeading',
  'language',
]);

/** A regular expression with the alternation of plain `words` where `shape` puts it, or null when there are no words. */
function wordsRegex(words: readonly string[] | undefined, shape: (alt: string) => string, flags: string): RegExp | null {
  const alt = wordAlternation(words);
  return alt === null ? null : new RegExp(shape(alt), flags);
}

const anyOf = compileAlternation;

/** More joins than this in one sentence: a list of keywords, not of tasks (taskCuts). */
const MAX_JOINS = 40;

/** Vocabulary compiled once per configuration. */
export class Vocabulary {
  readonly headingRes: Array<[SectionRole, RegExp]>;
  /** The same, anchored at both ends: a whole line that is a heading phrase. */
  private readonly headingLineRes: Array<[SectionRole, RegExp]>;
  /**
   * Heading roles already worked out, by text: postings reuse a few dozen headings
   * ("Responsibilities", "What you'll do"), and each costs a dozen regex searches.
   */
  private readonly headingMemo = new BoundedMemo<string, HeadingReading>(10_000);
  private readonly headingLineMemo = new BoundedMemo<string, SectionRole>(10_000);
  readonly family: RegExp;
  /** A text that is the family's name and nothing else ("Customer Experience"). */
  private readonly familyWhole: RegExp;
  /** A text that ends with the family's name ("Sales & Customer Experience"). */
  private readonly familyEnd: RegExp;
  readonly levelRes: Array<[Level, RegExp]>;
  readonly discipline: RegExp;
  readonly qualifier: RegExp;
  readonly charterTitle: RegExp;
  readonly dutyStarter: RegExp;
  readonly notDuty: RegExp;
  readonly dutyLeadIn: RegExp;
  readonly dutySubject: RegExp;
  private readonly hiringLeadIn: RegExp | null;
  readonly roleAddress: RegExp | undefined;
  private readonly readerAddress: RegExp | undefined;
  readonly notDutyStarter: RegExp;
  readonly titleKeys: string[];
  readonly kindKeys: string[];
  private readonly postingKeys: Set<string>;
  private readonly dutyKeys: Set<string>;
  readonly sentences: SentenceRules;
  readonly clauseEnd: RegExp;
  /** A join between two items of a list: a comma or semicolon, a joiner word ("and", "as well as"), or both. */
  private readonly taskJoin: RegExp;
  /** "From taking orders to answering phones…": a sentence that lists its tasks as a range. */
  private readonly rangeOpener: RegExp | null;
  private readonly rangeJoin: RegExp | null;
  /** Words that are nouns as often as verbs ("support", "booking"), and what shows they are verbs: an object after them. */
  private readonly nounVerb: RegExp | null;
  private readonly nounVerbObject: RegExp | null;
  private readonly subjectDeterminer: RegExp | null;
  private readonly subjectAdverb: RegExp | null;
  private readonly subjectVerb: RegExp | null;
  /** Where a title splits into parts: dashes, bars, colons, commas, "at" an employer, slashes. */
  readonly titleSeparator: RegExp;
  readonly titleSupport: RegExp | null;
  readonly titleOf: RegExp | null;
  readonly titleConnector: RegExp | null;
  readonly familyConnector: RegExp | null;
  readonly charterHeading: RegExp | null;
  private readonly languageWords: ReadonlySet<string>;
  private readonly workLeadInEnd: RegExp | null;
  private readonly companyVoice: RegExp | null;
  private readonly readerOpening: RegExp | null;
  private readonly notWorkLeadIn: RegExp | null;

  constructor(readonly data: VocabularyData) {
    this.headingRes = SECTION_ROLES.filter((r) => data.headings[r]?.length).map((r) => [r, anyOf(data.headings[r]!)]);
    // Anchored, so the alternation backtracks into a longer phrase when a shorter one
    // matches only the start of the line ("What you'll need" inside "What you'll need
    // to succeed").
    this.headingLineRes = this.headingRes.map(([r, re]) => [r, new RegExp(`^(?:${re.source})$`, re.flags.replace('g', ''))]);
    this.family = anyOf(data.titles.family);
    this.familyWhole = new RegExp(`^(?:${this.family.source})$`, this.family.flags.replace('g', ''));
    this.familyEnd = new RegExp(`(?:${this.family.source})$`, this.family.flags.replace('g', ''));
    this.levelRes = LEVELS.map((l) => [l, anyOf(data.titles.levels[l] ?? [])]);
    this.discipline = anyOf(data.titles.disciplines);
    this.qualifier = anyOf(data.titles.qualifiers);
    this.charterTitle = anyOf(data.titles.charter);
    this.dutyStarter = new RegExp(`^(?:${anyOf(data.dutyStarters).source})`, PATTERN_FLAGS.replace('g', ''));
    this.notDuty = anyOf(data.notDuties ?? []);
    this.dutyLeadIn = new RegExp(`^(?:${anyOf(data.dutyLeadIns ?? []).source})`, PATTERN_FLAGS.replace('g', ''));
    this.dutySubject = new RegExp(`^(?:${anyOf(data.dutySubjects ?? []).source})\\s+`, PATTERN_FLAGS.replace('g', ''));
    this.hiringLeadIn = data.hiringLeadIns?.length ? anyOf(data.hiringLeadIns) : null;
    this.roleAddress = data.roleAddress?.length ? anyOf(data.roleAddress) : undefined;
    this.readerAddress = data.readerAddress?.length ? anyOf(data.readerAddress) : undefined;
    this.notDutyStarter = new RegExp(`^(?:${anyOf(data.notDutyStarters ?? []).source})`, PATTERN_FLAGS.replace('g', ''));
    // No keys of its own: a pack names them (cx-core: title, job-title, …; type, kind).
    const keys = (k: string[] | undefined) => (k ?? []).map((x) => x.toLowerCase());
    this.titleKeys = keys(data.frontMatter?.titleKeys);
    this.kindKeys = keys(data.frontMatter?.kindKeys);
    this.postingKeys = new Set(keys(data.frontMatter?.postingKeys).map(keyWords));
    this.dutyKeys = new Set(keys(data.frontMatter?.dutyKeys).map(keyWords));
    this.sentences = sentenceRules(data.sentences);
    this.clauseEnd = clauseEnd(data.clauses);
    const joiners = wordAlternation(data.clauses?.joiners, '\\s+');
    this.taskJoin = new RegExp(`\\s*[,;]\\s*${joiners ? `(?:(?:${joiners})\\s+)?|\\s+(?:${joiners})\\s+` : ''}`, 'g');
    this.rangeOpener = wordsRegex(data.clauses?.rangeOpeners, (w) => `^(?:${w})\\s+\\p{L}+ing\\b`, 'u');
    this.nounVerb = wordsRegex(data.clauses?.nounVerbs, (w) => `^(?:${w})\\b`, '');
    this.nounVerbObject = wordsRegex(data.clauses?.verbObjects, (w) => `^\\S+\\s+(?:${w})\\b`, '');
    this.rangeJoin = wordsRegex(data.clauses?.rangeJoiners, (w) => `\\s+(?:${w})\\s+(?=\\p{L}+ing\\b)`, 'gu');
    const subject = data.roleSubject;
    this.subjectDeterminer = wordsRegex(subject?.determiners, (w) => `^(?:${w})$`, '');
    this.subjectAdverb = wordsRegex(subject?.adverbs, (w) => `^(?:${w})\\s+`, '');
    this.subjectVerb = wordsRegex(subject?.verbs, (w) => `^(?:${w})\\b`, '');
    const tw = data.titleWords;
    const employer = [wordAlternation(tw?.employer), '@'].filter((x) => x !== null).join('|');
    this.titleSeparator = new RegExp(`\\s+[\\u2013\\u2014-]+\\s+|\\s*\\|\\s*|:\\s+|,\\s+|\\s+(?:${employer})\\s+|\\s*\\/\\s+`, 'g');
    this.titleSupport = wordsRegex(tw?.support, (w) => `\\s(?:${w})\\s[^\\u2013\\u2014|,:]*`, 'g');
    this.titleOf = wordsRegex(tw?.of, (w) => `\\s(?:${w})\\s`, 'i');
    this.titleConnector = wordsRegex(tw?.connectors, (w) => `\\b(?:${w})\\b`, 'gi');
    const articles = wordAlternation(tw?.familyArticles);
    this.familyConnector = wordsRegex(tw?.familyConnectors, (w) => `\\s+(?:${w})\\s+${articles ? `(?:(?:${articles})\\s+)?` : ''}$`, 'i');
    this.charterHeading = wordsRegex(data.charterHeadingWords, (w) => `\\b(?:${w})`, 'i');
    this.languageWords = new Set((data.language?.words ?? []).map((w) => w.toLowerCase()));
    // A lead-in's last clause ends with one of these ("…in the following ways", "You
    // will", "you'll"): a word must start where a word does; "'ll" follows its word.
    const endings = (data.leadIns?.workEndings ?? []).map((w) => straightQuotes(w.toLowerCase()));
    this.workLeadInEnd = wordsRegex(
      endings.filter((w) => /^\p{L}/u.test(w)),
      (w) => `\\b(?:${w})$`,
      'u',
    );
    const glued = wordAlternation(endings.filter((w) => !/^\p{L}/u.test(w)));
    if (glued) this.workLeadInEnd = new RegExp(`${this.workLeadInEnd ? `${this.workLeadInEnd.source}|` : ''}(?:${glued})$`, 'u');
    this.notWorkLeadIn = wordsRegex(data.leadIns?.notWork, (w) => `\\b(?:${w})\\b`, 'i');
    const voice = data.headingVoice;
    this.companyVoice = wordsRegex(voice?.company?.map(straightQuotes), (w) => `(?:^|[^\\p{L}'])(?:${w})(?![\\p{L}'])`, 'iu');
    this.readerOpening = wordsRegex(voice?.reader?.map(straightQuotes), (w) => `^[^\\p{L}]*(?:${w})(?![\\p{L}])`, 'iu');
  }

  /**
   * Whether a sentence outside any duties section reads as a duty: it starts like one,
   * once asides in brackets and an opening such as "Under the direction of the clinic
   * director," are set aside.
   */
  startsLikeDuty(sentence: string): boolean {
    const full = fold(sentence)
      .replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length))
      .replace(/\s+/g, ' ')
      .trim();
    if (this.dutyStarts(full)) return true;
    // A job description's infinitive: "To achieve all set sales targets", "To ensure
    // the registration of patients".
    if (full.startsWith('to ') && this.dutyStarts(full.slice(3))) return true;
    // A short label before a dash or colon ("Hosts – as the face of the restaurant,
    // we…", "Servers: you will…"): read what follows it.
    const label = /^(?:[\p{L}'’&]+ ){0,2}[\p{L}'’&]+\s*(?:[:\u2013\u2014]|-\s)\s*/u.exec(full);
    const t = label ? full.slice(label[0].length) : full;
    if (label && this.dutyStarts(t)) return true;
    // An opening clause may hold commas of its own ("As the first contact for patients,
    // visitors and members, the PSA…"): try the text after each of its first few.
    if (!this.dutyLeadIn.test(t)) return false;
    const clause = /[,;:]\s*/g;
    for (let m = clause.exec(t); m && m.index < 150; m = clause.exec(t)) {
      if (this.dutyStarts(t.slice(m.index + m[0].length))) return true;
    }
    // Or with no comma at all ("Reporting to the Service Desk Manager your role will be
    // to resolve…"): try each of the next few words as the start of the duty's subject.
    const word = /\s+/g;
    for (let m = word.exec(t), n = 0; m && n < 12 && m.index < 150; m = word.exec(t), n++) {
      const rest = t.slice(m.index + m[0].length);
      if (this.dutySubject.test(rest) && this.dutyStarts(rest)) return true;
    }
    return false;
  }

  /**
   * Where a duty sentence that lists several tasks ("You will answer chats and emails,
   * track parcels, issue refunds and update orders") splits into them: for each join a
   * task follows, where the task before it ends and the next starts; empty unless there
   * are three tasks or more. A task starts like a duty (a duty verb, "responsible for"),
   * and so does the first (after any opening such as "Under the direction of…,"), or
   * the sentence is a range ("From taking orders to answering phones…"). A word that is
   * a noun as often as a verb starts a task only before an object (`nounVerbs`,
   * `verbObjects`); a lone verb shares the next one's object ("book and rearrange
   * appointments" is one task), and a sentence that would leave a task of one word
   * ("Greet, seat and serve guests") is not split. More than MAX_JOINS joins is a
   * keyword list, not a sentence.
   */
  taskCuts(sentence: string): Array<[number, number]> {
    const t = fold(sentence);
    const joins: Array<[number, number]> = [];
    const collect = (re: RegExp) => {
      re.lastIndex = 0;
      for (let m = re.exec(t); m && joins.length <= MAX_JOINS; m = re.exec(t)) {
        if (m[0].length === 0) re.lastIndex++;
        else joins.push([m.index, m.index + m[0].length]);
      }
    };
    collect(this.taskJoin);
    const range = this.rangeJoin !== null && (this.rangeOpener?.test(t) ?? false);
    if (range) collect(this.rangeJoin!);
    if (joins.length === 0 || joins.length > MAX_JOINS) return [];
    // The first task starts like a duty too ("You will answer…", "Greet…"), or the
    // sentence is a range ("From taking orders to…"): a list of parallel tasks.
    if (!range && !this.startsLikeDuty(sentence)) return [];
    joins.sort((a, b) => a[0] - b[0]);
    const cuts: Array<[number, number]> = [];
    for (let i = 0; i < joins.length; i++) {
      const [, end] = joins[i];
      const rest = t.slice(end);
      if (!this.dutyStarter.test(rest)) continue;
      // "…the help centre, support ticket forms and booking engines": a word that is a
      // noun as often as a verb starts a task only before an object ("support our agents").
      if (this.nounVerb?.test(rest) && !this.nounVerbObject?.test(rest)) continue;
      cuts.push(joins[i]);
      // One verb, then another that shares its object: "book and rearrange
      // appointments" is one task, so the join after the lone verb is no cut.
      const next = i + 1 < joins.length ? joins[i + 1][0] : t.length;
      if (wordCount(t.slice(end, next)) < 2) i++;
    }
    // The k-th task of the folded sentence, as the cuts stand.
    const task = (k: number) => t.slice(k === 0 ? 0 : cuts[k - 1][1], k === cuts.length ? t.length : cuts[k][0]);
    // A task that ends on a bare verb ("…analyses to identify, analyze and interpret
    // trends", "…will plan, establish and manage projects") shares the next one's object:
    // no cut after it.
    for (let k = cuts.length - 1; k >= 0; k--) {
      const bare = /(?:^|\s)(?:to|will|shall|must|can|and)\s+(\S+)$/.exec(task(k));
      if (bare && this.dutyStarter.test(bare[1]) && !this.nounVerb?.test(bare[1])) cuts.splice(k, 1);
    }
    // Every task two words or more: a lone verb left over ("Greet, seat and serve
    // guests": "Greet") means the verbs share one object, and the sentence is one task.
    for (let k = 0; k <= cuts.length; k++) if (wordCount(task(k)) < 2) return [];
    // An opening before the first task ("Under the direction of the supervisor, the
    // position's duties include…") is part of it, not a task.
    // So is a framing phrase with no clause of its own ("Reporting to the Access
    // Services Librarian, the assistant will…").
    // (`t` is already folded, offset for offset: the first task is `task(0)`.)
    const opening = () => !this.startsLikeDuty(sentence.slice(0, cuts[0][0])) || (!task(0).includes(',') && this.dutyLeadIn.test(task(0).trim()));
    while (cuts.length && !range && opening()) cuts.shift();
    // Three tasks or more: with two, a noun that is also a duty verb ("work with
    // patrons and staff to…", "marketing and support teams") would split one task.
    return cuts.length < 2 ? [] : cuts;
  }

  /**
   * A paragraph that ends by introducing the work ("…in the following ways:", "You
   * will:", "Responsibilities include:"), not what the job offers or asks for ("You'll
   * love it here because:", "The ideal person will have:", "To succeed you will need:").
   * It reads the last clause before the colon, with the pack's `leadIns` words.
   */
  isWorkLeadIn(text: string): boolean {
    if (!this.workLeadInEnd) return false;
    // Read backwards from the end: a regex anchored only at `$` would retry from every
    // start position of a long colon-less paragraph (quadratic).
    const t = text.trimEnd();
    const last = t[t.length - 1];
    if (last !== ':' && last !== '：') return false;
    let from = t.length - 1;
    while (from > 0 && !'.!?:;'.includes(t[from - 1])) from--;
    const clause = straightQuotes(t.slice(from, t.length - 1).toLowerCase()).trim();
    return !this.offersOrAsks(clause) && this.workLeadInEnd.test(clause);
  }

  /** A heading in the company's voice ("Growing with us"): `headingVoice.company`. */
  speaksAsCompany(text: string): boolean {
    return this.companyVoice?.test(straightQuotes(text)) ?? false;
  }

  /** A line that opens by speaking to the reader about the job ("You'll also:"): `headingVoice.reader`. */
  opensToReader(text: string): boolean {
    return this.readerOpening?.test(straightQuotes(text)) ?? false;
  }

  /** A clause about what the job offers or asks for, or one that introduces a quotation (`leadIns.notWork`). */
  offersOrAsks(text: string): boolean {
    return this.notWorkLeadIn?.test(straightQuotes(text)) ?? false;
  }

  /** Whether a front matter key holds duties (`responsibilities`, `key_duties`, `Duties`, `responsibilities_markdown`). */
  isDutyKey(key: string): boolean {
    return this.dutyKeys.has(keyWords(key.toLowerCase()));
  }

  /** Whether a front matter key is one only a job posting has (`salary`, `job-type`, `Job_Type`). */
  isPostingKey(key: string): boolean {
    return this.postingKeys.has(keyWords(key.toLowerCase()));
  }

  /**
   * Where the work starts in a hiring sentence, or -1: "We're looking for an engineer
   * to help us run our infrastructure" → "help us run…". A short posting often says
   * what the job is nowhere else, so a posting with no duty lines reads it as its duty.
   */
  hiringDutyStart(sentence: string): number {
    if (!this.hiringLeadIn) return -1;
    // The duties step asks twice of a sentence (is it a hiring line? where does its work
    // start?): remember the last answers rather than fold and match it again.
    const known = this.hiringStarts.get(sentence);
    if (known !== undefined) return known;
    const at = this.findHiringDutyStart(fold(sentence));
    // Bounded: at most 1,000 sentences of at most 2,000 characters are kept.
    if (sentence.length <= 2000) {
      if (this.hiringStarts.size >= 1000) this.hiringStarts.clear();
      this.hiringStarts.set(sentence, at);
    }
    return at;
  }

  private readonly hiringStarts = new Map<string, number>();

  private findHiringDutyStart(t: string): number {
    this.hiringLeadIn!.lastIndex = 0;
    const m = this.hiringLeadIn!.exec(t);
    if (!m) return -1;
    // The lead-in's gap may reach past the "to" that starts the work, to one inside it
    // ("…a curious engineer to own day-to-day support"): try each "to" it covers, first
    // one first, then its end.
    const end = m.index + m[0].length;
    const cuts: number[] = [];
    const to = /\bto\b/g;
    to.lastIndex = m.index;
    for (let x = to.exec(t); x && x.index + 2 <= end; x = to.exec(t)) cuts.push(x.index + 2);
    if (cuts[cuts.length - 1] !== end) cuts.push(end);
    for (const cut of cuts) {
      const rest = t.slice(cut).replace(/^[\s,-]+/, '');
      if (this.startsLikeDuty(rest)) return t.length - rest.length;
    }
    return -1;
  }

  /**
   * Whether a sentence speaks of the role itself ("As a Tier 1 representative you…",
   * "…responsible for…"), unlike "You will love working here". Read together with
   * startsLikeDuty for sentences in a company section.
   */
  speaksOfRole(sentence: string): boolean {
    return this.speaksOfRoleFolded(fold(sentence));
  }

  private speaksOfRoleFolded(t: string): boolean {
    if (!this.roleAddress) return false;
    this.roleAddress.lastIndex = 0;
    return this.roleAddress.test(t);
  }

  /**
   * Whether a sentence speaks to the applicant, of the role, or hires for it ("you
   * will…", "the specialist…", "we are looking for…"): what makes a paragraph of a
   * paragraph-only posting a role paragraph rather than the company's news.
   */
  addressesRole(sentence: string): boolean {
    const t = fold(sentence);
    if (this.speaksOfRoleFolded(t) || this.hiringDutyStart(sentence) >= 0) return true;
    if (!this.readerAddress) return false;
    this.readerAddress.lastIndex = 0;
    return this.readerAddress.test(t);
  }

  private dutyStarts(t: string): boolean {
    if (this.dutyStarter.test(t)) return true;
    const subject = this.dutySubject.exec(t);
    if (subject && this.dutyStarter.test(t.slice(subject[0].length))) return true;
    // "The Patient Services Assistant greets…": the role as subject, then a duty verb.
    const words = t.split(' ');
    if (!this.subjectDeterminer?.test(words[0] ?? '')) return false;
    for (let i = 1; i <= 6 && i < words.length - 1; i++) {
      if (!this.levelRes.some(([, re]) => ((re.lastIndex = 0), re.test(words[i])))) continue;
      const joined = words.slice(i + 1).join(' ');
      const after = this.subjectAdverb ? joined.replace(this.subjectAdverb, '') : joined;
      return this.dutyStarter.test(after) || (this.subjectVerb?.test(after) ?? false);
    }
    return false;
  }

  /**
   * The role of a line that stands alone like a heading ("Responsibilities:" inside a
   * paragraph, "The Role" on a line of its own): only when a heading phrase is the
   * whole line, so a duty that happens to start with "Accountabilities" is not one.
   */
  classifyHeadingLine(text: string): SectionRole {
    return this.headingLineMemo.get(text, () => this.headingLineRole(text));
  }

  private headingLineRole(text: string): SectionRole {
    const h = fold(text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, ''));
    if (!h || h.length > 60) return 'other';
    for (const [role, re] of this.headingLineRes) if (re.test(h)) return role;
    return 'other';
  }

  /**
   * When the texts are not in the pack's language: how many of their words are the
   * language's commonest, or undefined when they are (or too short to tell, or the pack
   * names no language).
   */
  foreignLanguage(texts: string[]): { share: number; words: number } | undefined {
    const lang = this.data.language;
    if (!lang || !this.languageWords.size) return undefined;
    let words = 0;
    let known = 0;
    // Each block counts for its first BLOCK_WORDS words: one long block without
    // sentences (a huge table read as plain text, a keyword list) cannot outvote the rest.
    // The first SAMPLE_WORDS words of the document are enough to tell a language by.
    const word = /\p{L}+/gu;
    for (const t of texts) {
      word.lastIndex = 0;
      let n = 0;
      for (let m = word.exec(t); m && n < BLOCK_WORDS; m = word.exec(t), n++) {
        words++;
        if (this.languageWords.has(m[0].toLowerCase())) known++;
      }
      if (words >= SAMPLE_WORDS) break;
    }
    if (words < lang.minWords || known >= lang.minShare * words) return undefined;
    return { share: known / words, words };
  }

  /** The role of a heading: the role whose phrase starts the heading, else the longest found anywhere. */
  classifyHeading(text: string): SectionRole {
    return this.readHeading(text).role;
  }

  /**
   * Whether the heading joins a topic to the one word that gave its role: "Market
   * Intelligence & Reporting" or "Compliance and Governance" names an area of the
   * work whose last word happens to name a charter's section ("Reporting line").
   */
  roleWordJoinedToTopic(text: string): boolean {
    return this.readHeading(text).joined;
  }

  private readHeading(text: string): HeadingReading {
    return this.headingMemo.get(text, () => this.headingRole(text));
  }

  private headingRole(text: string): HeadingReading {
    const h = fold(text.replace(/^[^\p{L}\p{N}]+/u, ''));
    // "**Customer Experience:**" over a group of duties names their topic: the family's
    // name alone is no section kind, though "experience" ends it (a requirements word).
    const bare = h.replace(/[^\p{L}\p{N})]+$/u, '');
    if (this.familyWhole.test(bare)) return { role: 'other', joined: false };
    // "Sales & Customer Experience" names an area of the work too: its last word is
    // the family's, not a requirements heading's "experience".
    const familyAt = this.familyEnd.exec(bare)?.index ?? h.length;
    let best: SectionRole = 'other';
    let bestScore = -1;
    let joined = false;
    for (const [role, re] of this.headingRes) {
      re.lastIndex = 0;
      for (let m = re.exec(h); m; m = re.exec(h)) {
        // Further in, only a phrase of two or more words counts: a title heading such
        // as "Customer Experience Advisor" is not a requirements section.
        // ("Essential Duties and Responsibilities" still counts: the word ends the heading.)
        if (m.index > 0 && !/\s/.test(m[0].trim()) && /[\p{L}\p{N}]/u.test(h.slice(m.index + m[0].length))) continue;
        if (m.index > 0 && m.index >= familyAt) continue;
        // A phrase at the very start wins over one further in ("About the role" vs "…us").
        const score = (m.index === 0 ? 1000 : 0) + m[0].length;
        if (score > bestScore) {
          best = role;
          bestScore = score;
          joined = m.index > 0 && !/\s/.test(m[0].trim()) && /(?:&|\band|\+)\s*$/.test(h.slice(0, m.index));
        }
      }
    }
    return { role: best, joined };
  }
}

/** A heading's role, and whether it came from one word joined to a topic before it ("… & Reporting"). */
interface HeadingReading {
  role: SectionRole;
  joined: boolean;
}

/** How many words of one block the language check reads (see foreignLanguage). */
const BLOCK_WORDS = 50;
/** How many words the language check reads at most. */
const SAMPLE_WORDS = 400;

/** "you’ll" as "you'll": the pack's words and a document's may use either apostrophe. */
function straightQuotes(text: string): string {
  return text.replace(/\u2019/g, "'");
}

/** A front matter key as words: `key_duties`, `key-duties` and `key duties` are one key. */
function keyWords(key: string): string {
  // A trailing markup name says how the value is written, not what it holds: a CMS's
  // `responsibilities_markdown` or `duties_html` holds duties.
  return key
    .replace(/[-_\s]+/g, ' ')
    .trim()
    .replace(/ (?:markdown|md|html|text)$/, '');
}

/** The kind a front matter value names, or undefined when it names none ("Full-time", "post"). */
export function frontMatterKind(vocab: VocabularyData, value: string): 'posting' | 'charter' | 'other' | undefined {
  const v = value.trim().toLowerCase();
  if (vocab.kinds.posting.includes(v)) return 'posting';
  if (vocab.kinds.charter.includes(v)) return 'charter';
  if (vocab.kinds.other?.includes(v)) return 'other';
  return undefined;
}
