import { fold, wordsKey } from '../match/patterns';
import type { SectionRole, Vocabulary } from '../match/vocabulary';
import { insideAny } from '../parse/search';
import { sentenceSpans, wordCount, type TextBlock } from '../parse/text-block';
import type { Walk } from './sections';
import { isTodo } from './todo';

/** A line that looked like a duty but is not one, and why (for `--print-reading`). */
export interface SetAside {
  block: TextBlock;
  reason: string;
}

/**
 * The units the title rules count (docs §5), in document order. `setAside`, when
 * given, receives the candidates that were not counted and why: the reading view shows
 * them, so a writer can see which line was taken for a requirement or a blurb.
 */
export function findDuties(walk: Walk, vocab: Vocabulary, setAside?: SetAside[]): TextBlock[] {
  const hasDutySection = walk.sections.some((s) => s.role === 'duties');
  // Duties a CMS keeps in front matter (`responsibilities:`) come first; with two or
  // more of them and no duties section, the body's loose lines are not guessed at.
  // A string of three words or fewer ("Strategy", "See below") is a label, not a duty.
  const fmDuties = (walk.fm?.duties ?? []).filter((d) => wordCount(d.text) > 3 && isDuty(d, vocab));
  const body = hasDutySection ? dutiesInDutySections(walk, vocab) : fmDuties.length >= 2 ? [] : dutiesWithoutDutySection(walk, vocab);
  const candidates = fmDuties.length ? [...fmDuties, ...body] : body;
  // A section pasted twice ("What you'd be doing" two times over) is one set of duties:
  // counting its lines twice would tilt every share toward whatever it says.
  const seen = new Set<string>();
  // By range, not identity: a label paragraph reaches the duties as its sentence, whose
  // range leaves out the paragraph's trailing spaces ("Fundamentals: ").
  const labels = walk.coll.labels.map((l) => l.range).sort((a, b) => a.start - b.start);
  const duties = candidates.flatMap((c) => {
    // A label ("Lead Generation", "Account Management") names the duties under it, even
    // when its first word is a verb: they are counted, not it.
    if (insideAny(labels, c.range)) {
      setAside?.push({ block: c, reason: 'a label over the list that follows' });
      return [];
    }
    const d = asDuty(c, vocab);
    if (!d) {
      setAside?.push({ block: c, reason: notDutyReason(c, vocab)! });
      return [];
    }
    const key = wordsKey(d.text);
    if (seen.has(key)) {
      setAside?.push({ block: d, reason: 'the same words as an earlier duty' });
      return [];
    }
    seen.add(key);
    return [d];
  });
  if (duties.length < 2 && !hasDutySection && fmDuties.length === 0) {
    const prose = proseDuties(walk, vocab, duties, setAside);
    if (prose.length >= 2) return prose;
  }
  if (duties.length === 0) {
    const hired = hiringDuty(walk, vocab);
    return hired ? [hired] : [];
  }
  return duties.sort((a, b) => a.range.start - b.range.start);
}

/**
 * Each task of a duty sentence that lists several, as a duty of its own: "You will
 * answer chats and emails, track parcels, issue refunds and update orders" is four
 * duties, as it would be written as a list. A short advert says everything in one
 * such sentence, and read as one duty it could never reach a share check's minimum.
 * List items stay whole: a writer who made a list already chose the units. Run after
 * the kind is decided, so one sentence still cannot make a document a posting.
 */
export function splitTasks(duties: TextBlock[], vocab: Vocabulary): TextBlock[] {
  const out: TextBlock[] = [];
  for (const d of duties) {
    const cuts = d.kind === 'sentence' ? vocab.taskCuts(d.text) : [];
    if (!cuts.length) {
      out.push(d);
      continue;
    }
    let start = 0;
    for (const [end, next] of cuts) {
      out.push(d.slice(start, end, 'task'));
      start = next;
    }
    out.push(d.slice(start, d.text.length, 'task'));
  }
  return out;
}

const MIN_PROSE_WORDS = 5;

/**
 * A short posting written as a few paragraphs and nothing else ("Cashiers needed.
 * From taking orders to answering phones to greeting customers, you…") says what the
 * job is in sentences that start like no duty. With no duties section, no list and
 * fewer than two duty sentences, a reviewer reads the role paragraphs themselves as
 * the duties, so every sentence of them counts, bar the ones isDuty sets aside (pay,
 * how to apply, "we are hiring", traits). Not when the body has a list: a list is
 * where such a posting keeps its duties, and its prose is then the company's.
 */
function proseDuties(walk: Walk, vocab: Vocabulary, found: TextBlock[], setAside?: SetAside[]): TextBlock[] {
  const open = (s: number) => ['other', 'title'].includes(walk.roleOf(s));
  if (walk.coll.items.some((b) => open(b.section))) return [];
  const out: TextBlock[] = [];
  const seen = new Set<string>();
  for (const p of walk.coll.paragraphs) {
    if (!open(p.section)) continue;
    const spans = sentenceSpans(p.text, vocab.sentences);
    // Only role paragraphs: a paragraph none of whose sentences speaks to the applicant
    // or of the role is the company's news ("Our contact centre handled 112,000 calls
    // this quarter"), and a note made only of such paragraphs is no posting.
    // A paragraph that already holds a duty sentence ("Book demos and close deals.") is one.
    const holdsDuty = found.some((d) => d.range.start >= p.range.start && d.range.end <= p.range.end);
    if (!holdsDuty && !spans.some(([s, e]) => vocab.addressesRole(p.text.slice(s, e)))) {
      setAside?.push({ block: p, reason: 'a paragraph that neither speaks to the applicant nor of the role (read as the company’s)' });
      continue;
    }
    for (const [s, e] of spans) {
      const candidate = p.slice(s, e, 'sentence');
      const sentence = asDuty(candidate, vocab);
      if (!sentence) setAside?.push({ block: candidate, reason: notDutyReason(candidate, vocab)! });
      if (!sentence || wordCount(sentence.text) < MIN_PROSE_WORDS) continue;
      const key = wordsKey(sentence.text);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(sentence);
    }
  }
  return out;
}

const MIN_HIRING_WORDS = 12;

/**
 * The work a hiring sentence names, in a posting with no duty lines: "We are looking
 * for engineers to join us and help run our infrastructure" has one duty, "help run
 * our infrastructure". One at most, so it never makes a document a posting by itself
 * (that takes two duty lines), and only from the opening or duties text.
 */
function hiringDuty(walk: Walk, vocab: Vocabulary): TextBlock | null {
  // Not a company section: "Our partners rely on us to deliver…" is about the company.
  const where = (s: number) => ['other', 'title', 'duties'].includes(walk.roleOf(s));
  for (const p of walk.coll.paragraphs) {
    if (!where(p.section)) continue;
    for (const [s, e] of sentenceSpans(p.text, vocab.sentences)) {
      const sentence = p.slice(s, e, 'sentence');
      const at = vocab.hiringDutyStart(sentence.text);
      if (at < 0) continue;
      const duty = sentence.slice(at, sentence.text.length, 'sentence');
      // A short clause ("to help shape the next chapter", "to lead the experience at
      // our new hotel") is an aspiration, not a description of the work: judging a CX
      // title by it would be unfair, so only a clause that names the work at some
      // length counts.
      if (wordCount(duty.text) >= MIN_HIRING_WORDS && isDuty(duty, vocab)) return duty;
    }
  }
  return null;
}

/** A sentence that opens on a verb in the third person ("Conducts…", "Performs…", not "Access…"). */
const THIRD_PERSON_VERB = /^\s*\p{Lu}?\p{Ll}+[^s\W]s\s/u;

/** The list items, duty headings and paragraph sentences of the duties sections. */
function dutiesInDutySections(walk: Walk, vocab: Vocabulary): TextBlock[] {
  const { coll } = walk;
  const inDuties = (s: number) => walk.roleOf(s) === 'duties';
  const candidates: TextBlock[] = [];
  // Loops, not push(...list): a list of 150,000 items would overflow the call stack.
  for (const b of coll.items) if (inDuties(b.section)) candidates.push(b);
  for (const b of walk.headingDuties) candidates.push(b);
  for (const p of coll.paragraphs) {
    if (!inDuties(p.section)) continue;
    for (const [s, e] of sentenceSpans(p.text, vocab.sentences)) candidates.push(p.slice(s, e, 'sentence'));
  }
  // A list the opening introduces as the role's ("This person will make an impact in
  // the following ways:") is its duties, wherever the duties heading comes.
  // (Lead-in lists are top-level lists, filed in document order: sorted, apart.)
  const firstDuties = walk.sections.find((s) => s.role === 'duties')!.range.start;
  for (const b of coll.items) {
    // Not under a heading that says what the list is ("About you", then "You'll also:").
    if (b.range.start > firstDuties || inDuties(b.section) || ['requirements', 'benefits', 'apply', 'eeo'].includes(walk.roleOf(b.section))) continue;
    if (insideAny(coll.leadInLists, b.range)) candidates.push(b);
  }
  // The opening paragraphs before the first duties heading often state the job in one
  // sentence ("The specialist will be primarily responsible for answering…", "As a
  // Support Engineer, you'll…"): a reviewer reads it as a duty, so it counts when it
  // both speaks of the role and starts like a duty. Under a purpose heading ("Purpose",
  // "Role Purpose") every sentence is about the role, so starting like a duty is enough
  // ("You will map…", "Your primary responsibility is to…").
  // A class specification opens with its definition, a sentence whose subject is the
  // role itself, left out: "Conducts inspections… and provides information to the
  // public". Outside the company's sections, a verb in the third person that starts like
  // a duty says so as clearly.
  const aboutRole = (role: SectionRole, t: string) => role === 'purpose' || vocab.speaksOfRole(t) || (role !== 'company' && THIRD_PERSON_VERB.test(t));
  for (const p of coll.paragraphs) {
    const role = walk.roleOf(p.section);
    // A purpose section says what the role is for wherever it stands: a job description
    // may give its record fields under "Job Description" first and "Position Purpose" after.
    if ((p.range.start > firstDuties && role !== 'purpose') || !['other', 'title', 'company', 'purpose'].includes(role)) continue;
    for (const [s, e] of sentenceSpans(p.text, vocab.sentences)) {
      const sentence = p.slice(s, e, 'sentence');
      if (vocab.startsLikeDuty(sentence.text) && aboutRole(role, sentence.text)) candidates.push(sentence);
    }
  }
  return candidates;
}

/**
 * "What We Do: As a Tier 1 representative you will…": with no duties section, a
 * company section's sentences that address the role are duties too, and so is the
 * list they introduce; outside any section, sentences that start like a duty and all
 * list items are.
 */
function dutiesWithoutDutySection(walk: Walk, vocab: Vocabulary): TextBlock[] {
  const { coll } = walk;
  // A job description's "Main Purpose" often goes straight on into the tasks
  // ("Ensure the registration of patients…" then "- Welcome patients…"): with no
  // duties heading anywhere, they are the duties.
  const open = (s: number) => ['other', 'title', 'purpose'].includes(walk.roleOf(s));
  const company = (s: number) => walk.roleOf(s) === 'company';
  const candidates: TextBlock[] = [];
  const rolePlaces = new Set<number>();
  for (const p of coll.paragraphs) {
    if (!open(p.section) && !company(p.section)) continue;
    // In a company section, the sentences after one that speaks of the role go on
    // speaking of it ("You will triage tickets…").
    let onRole = !company(p.section);
    for (const [s, e] of sentenceSpans(p.text, vocab.sentences)) {
      const sentence = p.slice(s, e, 'sentence');
      // A hiring sentence names the work after "to" (asDuty keeps only that part).
      const hiring = vocab.hiringDutyStart(sentence.text) >= 0;
      const starts = hiring || vocab.startsLikeDuty(sentence.text);
      if (!onRole && starts && (hiring || vocab.speaksOfRole(sentence.text))) onRole = true;
      if (!onRole || !starts) continue;
      candidates.push(sentence);
      if (company(p.section)) rolePlaces.add(p.section);
    }
  }
  for (const b of coll.items) {
    if (!open(b.section) && !rolePlaces.has(b.section)) continue;
    // With no duties heading to say what a list is, a list of single words
    // ("Commitment", "Flexibility", "Teamwork") is the qualities wanted, not tasks.
    if (wordCount(b.text) < 2 && !vocab.startsLikeDuty(b.text)) continue;
    candidates.push(b);
  }
  return candidates;
}

/**
 * The duty a candidate holds, or null. A hiring sentence ("We are looking for an
 * engineer to own day-to-day support for all our customers") is set aside as such by
 * `notDuties`, but the work it names after "to" is a duty like any other.
 */
function asDuty(d: TextBlock, vocab: Vocabulary): TextBlock | null {
  const at = d.kind === 'sentence' ? vocab.hiringDutyStart(d.text) : -1;
  if (at > 0) {
    const work = d.slice(at, d.text.length, 'sentence');
    if (wordCount(work.text) >= MIN_PROSE_WORDS && isDuty(work, vocab)) return work;
  }
  return isDuty(d, vocab) ? d : null;
}

/**
 * Why a line is not a duty, in words for the reading view, or null when it is one: a
 * fix's TODO placeholder, physical demands and disclaimers (`notDuties`), record fields
 * ("Job No: 4931") and requirements or traits (`notDutyStarters`).
 */
function notDutyReason(d: TextBlock, vocab: Vocabulary): string | null {
  if (isTodo(d.text)) return 'a TODO placeholder';
  const t = fold(d.text.trim());
  vocab.notDuty.lastIndex = 0;
  if (vocab.notDuty.test(t)) return 'never a duty: pay, hiring, boilerplate or physical demands (vocabulary.notDuties)';
  // "An adept collaborator: you are able to…", "Curious. Interested in why…": a trait
  // behind a short label is still a trait.
  const afterLabel = (/^[^:]{2,40}:\s+(.*)$/s.exec(t) ?? /^(?:\S+ ){0,2}\S+\.\s+(.*)$/s.exec(t))?.[1];
  // "Proudly cash-flow positive, we are funded by our customers": the company speaking
  // after an opening phrase is its blurb as much as "We are funded…" is.
  // Not when it turns to the reader: "…, we're counting on you to map every journey".
  let afterOpening = /^(?:[^,;:]{1,60},\s*){1,3}(?=(?:we(?:['’](?:re|ve|ll))?|our|the company)\b)(.*)$/s.exec(t)?.[1];
  if (afterOpening && /^(?:\S+\s+){1,4}you\b/.test(afterOpening)) afterOpening = undefined;
  // "This role is perfect for someone who likes a busy phone line: you'll answer calls…":
  // what follows the colon, spoken to the reader, is the work.
  const toReader = /^[^:]{10,}:\s+(?:you(?:['’]ll| will| would|['’]d)|your (?:day|week|job|role))\b/.test(t);
  if (
    (vocab.notDutyStarter.test(t) && !toReader) ||
    (afterLabel && vocab.notDutyStarter.test(afterLabel)) ||
    (afterOpening && vocab.notDutyStarter.test(afterOpening))
  ) {
    return 'starts like a requirement, a trait, a record field or the company’s blurb (vocabulary.notDutyStarters)';
  }
  // "Remuneration: Market Related", "EE position: No", "Job Schedule; Full time": a job board's field and its
  // short value. Not in a list, where "Channels: phone and chat" is the work, nor
  // when the value starts like a duty ("Reception: greet every visitor").
  if (d.kind === 'sentence') {
    const field = /^([^:;]{2,30})[:;]\s*([^,;:\s][^,;:]*)$/s.exec(d.text.trim());
    if (field && wordCount(field[1]) <= 3 && wordCount(field[2]) <= 3 && !vocab.startsLikeDuty(field[2]) && !vocab.startsLikeDuty(field[1]))
      return 'a record field and its short value ("Contract: Permanent"), not a task';
  }
  // "03876 | 05 | ST | A1 | N | 837-05": a record table's row of codes and dates names no
  // work, whatever its kind: a task has at least two words of three letters or more.
  if ((d.text.match(/\p{L}{3,}/gu) ?? []).length < 2) return 'codes and numbers, not a task';
  // "Are you looking for a high-income sales position?": a question asks the reader; it
  // sets no task.
  if (/[?？]\s*$/.test(d.text)) return 'a question to the reader, not a task';
  // "Inventors. Pioneers.": a sentence of one word names no work, nor does one of two
  // unless it starts like a duty ("Book appointments." does; "Live chat." in a list of
  // channels does not).
  if (d.kind === 'sentence') {
    const n = wordCount(d.text);
    if (n < 2 || (n === 2 && !vocab.startsLikeDuty(d.text))) return 'a fragment of one or two words, not a task';
  }
  return null;
}

function isDuty(d: TextBlock, vocab: Vocabulary): boolean {
  return notDutyReason(d, vocab) === null;
}
