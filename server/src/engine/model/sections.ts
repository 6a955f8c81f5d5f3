import type { Nodes, RootContent, PhrasingContent } from 'mdast';
import { htmlBlocks } from '../parse/html-blocks';
import { parseChunks } from '../parse/parse';
import type { ParseCache } from '../parse/parse-cache';
import { TextBlock, TextBuilder, wordCount } from '../parse/text-block';
import type { OffsetRange } from '../types';
import { CHARTER_ROLES, type SectionRole, type Vocabulary } from '../match/vocabulary';
import { parseTitle } from './title';
import {
  collectBlocks,
  collectHtml,
  emptyCollected,
  inlineBlock,
  isLabelLine,
  isListLabel,
  NO_SECTION,
  off,
  readFrontMatter,
  type Collected,
  type Ctx,
} from './blocks';
import type { Section } from './model';

/*
 * The model's sections (docs §4): headings, and what acts as one in pasted postings
 * (bold-only paragraphs, "Responsibilities:" lines, HTML blocks), each with its role
 * from the vocabulary and its parent; the prose each section holds.
 */

/** Bold-only paragraphs and short "Responsibilities:" lines act as headings below every real one. */
const PSEUDO_DEPTH = 7;

function pseudoHeading(ctx: Ctx, node: { children: PhrasingContent[] }): 'bold' | 'colon' | 'line' | 'atx' | undefined {
  const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:：]*$/.test(c.value)));
  const text = ctx.text.slice(off(ctx, node as never).start, off(ctx, node as never).end);
  if (text.length > 100 || /\n/.test(text.trim())) return undefined;
  if (kids.length === 1 && (kids[0].type === 'strong' || kids[0].type === 'emphasis')) return 'bold';
  // "##You're good at" (no space after the marks, so Markdown reads a paragraph): a
  // heading whatever its words. Two marks at least, since "#LI-Remote" is a hashtag.
  if (kids.length === 1 && kids[0].type === 'text' && /^#{2,6}\p{L}/u.test(kids[0].value) && text.length <= 80) return 'atx';
  if (kids.length === 1 && kids[0].type === 'text' && /^[^.!?]{2,60}[:：]\s*$/.test(kids[0].value)) return 'colon';
  // "Responsibilities" alone in a paragraph: a heading that lost its markup.
  if (kids.length === 1 && kids[0].type === 'text' && ctx.vocab.classifyHeadingLine(kids[0].value) !== 'other') return 'line';
  // "** _Key Responsibilities:_**": pasted emphasis Markdown does not accept (a space
  // after the opening `**`) leaves stray marks around a heading phrase.
  if (
    kids.every((k) => k.type === 'text' || k.type === 'strong' || k.type === 'emphasis') &&
    ctx.vocab.classifyHeadingLine(text.replace(/[*_]+/g, ' ')) !== 'other'
  )
    return 'line';
  return undefined;
}

/** A heading phrase said as a sentence: "Duties and responsibilities include the following." */
const DUTIES_LEAD_IN =
  /^\s*([^.:!?]{3,60}?)\s+(?:include|includes|are as follows|consist of)(?:\s+the following)?\s*[.:]?(?:\s+\(?(?:other|additional) duties may be assigned\.?\)?)?\s*$/i;

/** Parses the text (reusing the cache's unchanged chunks) and walks its top-level nodes into sections and prose. */
export function readSections(text: string, vocab: Vocabulary, parseCache: ParseCache | undefined): Walk {
  const parsed = parseChunks(text, { cache: parseCache });
  const ctx: Ctx = { text, shift: parsed.shift, vocab, comments: [] };
  const walk = new Walk(ctx);
  // Node offsets are relative to their chunk (see parseChunks).
  for (const chunk of parsed.chunks) {
    ctx.shift = parsed.shift + chunk.offset;
    for (const node of chunk.nodes) walk.node(node);
  }
  walk.finish();
  return walk;
}

/** A line of a paragraph that stands as a heading: its role, and where it is in the block. */
interface HeadingLine {
  start: number;
  end: number;
  role: SectionRole;
}

/** Walks the top-level nodes in order, building sections and collecting prose (docs §4). */
export class Walk {
  readonly sections: Section[] = [];
  readonly coll: Collected = emptyCollected();
  /** The paragraph the last top-level node added, if it was one: a list right after it may make it a label. */
  private lastParagraph: TextBlock | undefined;
  /** An HTML block has been read: indented HTML after it is the same page (see node()). */
  private sawHtml = false;
  /** Headings that are themselves duties ("Key objective #1: cut repeat contacts"). */
  readonly headingDuties: TextBlock[] = [];
  fm: ReturnType<typeof readFrontMatter> | undefined;
  headingTitle: { block: TextBlock; section: number } | undefined;
  private firstContentSeen = false;
  /** Whether anything but headings came since the last heading. */
  private contentSinceHeading = false;
  /**
   * A duties heading with nothing under it but more headings ("Roles & Responsibilities",
   * then "HR", "Administrative", "Legal"): those headings group its duties, whatever
   * their level, until a heading of another known role.
   */
  private dutyGroups: number | undefined;
  /**
   * A line that introduces the work ("As a Debtors Clerk you will be responsible for
   * the following:") followed by headings, not a list: those headings ("Sales
   * Administration:", "Receivables Management:") group the duties, until a heading of
   * another known role.
   */
  private leadInGroups = false;
  /** Whether the paragraph just before the node being read introduces the work. */
  private afterLeadIn = false;
  private readonly stack: number[] = [];
  current = NO_SECTION;
  /** Job-title headings right under the title (see finish). */
  private readonly titleRepeats = new Set<number>();
  /** Sections read as duties because their heading names an activity (see heading()); finish() checks their content. */
  private readonly activityHeadings = new Set<number>();
  /**
   * Sections read as duties although their heading had another role or none (a company
   * heading straight under an empty duties heading, a topic after a work lead-in), with
   * the role they go back to in finish() if what they hold does not read as work.
   */
  private readonly provisional = new Map<number, SectionRole>();
  /** Each section's list items and paragraphs, grouped by linesOf() once the walk is over. */
  private linesBySection: Map<number, TextBlock[]> | undefined;
  /** Sections whose role came from another's (their parent's, or the duties heading they group under), and whose. */
  private readonly roleFrom = new Map<number, number>();

  constructor(readonly ctx: Ctx) {}

  roleOf(s: number): SectionRole {
    return s === NO_SECTION ? 'other' : this.sections[s].role;
  }

  node(node: RootContent): void {
    const { ctx } = this;
    if (node.type === 'yaml' || (node.type as string) === 'toml' || (node.type as string) === 'json') {
      this.fm = readFrontMatter(ctx, node as { value: string; type: string } & Nodes);
      return;
    }
    const before = this.lastParagraph;
    this.lastParagraph = undefined;
    this.afterLeadIn = before !== undefined && ctx.vocab.isWorkLeadIn(before.text) && ctx.vocab.addressesRole(before.text);
    if (node.type === 'heading') {
      this.heading(inlineBlock(ctx, node.children, 'heading', this.sections.length), node.depth, off(ctx, node), undefined);
      return;
    }
    const firstUnderHeading = !this.contentSinceHeading;
    // A paragraph that is a heading ("**Financial**" under "**Responsibilities**") is no
    // content: paragraph() says when it holds some.
    if (node.type === 'paragraph' && this.paragraph(node)) return;
    this.contentSinceHeading = true;
    if (node.type === 'list' && before && isListLabel(before.text)) this.coll.labels.push(before);
    if (node.type === 'list' && before && ctx.vocab.isWorkLeadIn(before.text) && ctx.vocab.addressesRole(before.text))
      this.coll.leadInLists.push(off(ctx, node));
    if (node.type === 'html' && !node.value.startsWith('<!--') && /<[a-z]/i.test(node.value)) {
      this.sawHtml = true;
      collectHtml(ctx, node);
      this.html(node);
      this.extend(off(ctx, node).end);
      return;
    }
    // A template's HTML indented with tabs: after a blank line Markdown ends the HTML
    // block and reads the indented lines that follow ("\t\t<p>The Advertising Manager…")
    // as code. Its source text is still HTML, read as such.
    // Only after the page's own HTML, and tab-indented as templates are: a sample of an
    // email or a component shown in a posting is indented with spaces and stays code.
    const indentedHtml = node.type === 'code' && this.sawHtml ? indentedHtmlSource(ctx, node) : undefined;
    if (indentedHtml !== undefined) {
      this.html({ type: 'html', value: indentedHtml, position: node.position });
      this.extend(off(ctx, node).end);
      return;
    }
    // Duties pasted from a web page with their indentation ("    Work closely with the
    // team to…" under "What you'll do"): Markdown reads them as code, a reader as a list.
    // Only as the first thing under a heading or after a line that introduces work
    // ("You will:"): after "The email currently reads:" it is a quotation.
    const introduced = firstUnderHeading || (before !== undefined && ctx.vocab.isWorkLeadIn(before.text));
    const lines = node.type === 'code' && introduced ? indentedDutyLines(ctx, node) : undefined;
    if (lines) {
      this.firstContentSeen = true;
      for (const b of lines) {
        const block = TextBlock.from(b, 'list-item', this.current);
        this.coll.prose.push(block);
        this.coll.items.push(block);
      }
      this.extend(off(ctx, node).end);
      return;
    }
    if (node.type !== 'html' && node.type !== 'definition') this.firstContentSeen = true;
    collectBlocks(ctx, node, this.current, this.coll);
    this.extend(off(ctx, node).end);
  }

  /** Grows the open sections to cover content that ends at `end`. */
  private extend(end: number): void {
    for (const i of this.stack) this.sections[i].range.end = Math.max(this.sections[i].range.end, end);
  }

  /** Paragraphs that act as headings, or hold heading lines. Returns false for plain prose. */
  private paragraph(node: Extract<RootContent, { type: 'paragraph' }>): boolean {
    const { ctx } = this;
    const pseudo = pseudoHeading(ctx, node);
    if (pseudo) {
      const block = inlineBlock(ctx, node.children, 'heading', this.sections.length);
      let role = ctx.vocab.classifyHeading(block.text.replace(/[:：]\s*$/, ''));
      // "You'll love working with us because:" starts like "You'll…" (a duties heading)
      // but introduces what the job offers: no duties section.
      if (role === 'duties' && ctx.vocab.offersOrAsks(block.text)) role = 'other';
      // "You'll also:" under "About you" goes on with what the person brings.
      // ("Responsibilities include:" there still heads duties.)
      if (role === 'duties' && pseudo === 'colon' && ctx.vocab.opensToReader(block.text) && ['requirements', 'benefits'].includes(this.roleOf(this.current)))
        role = 'other';
      // "Books appointments, including:" is a duty that introduces others, not a heading.
      if (pseudo !== 'bold' && pseudo !== 'atx' && role === 'other') return false;
      this.heading(block, PSEUDO_DEPTH, off(ctx, node), role);
      return true;
    }
    // "**About the role:**" with its text on the very next line is one paragraph in
    // Markdown: split it into a heading and the content that follows. So is "**What
    // you'll do**: The director will…" with its text on the same line, after a colon.
    const [first, second] = node.children;
    const emphasised = first?.type === 'strong' || first?.type === 'emphasis';
    const nextLine = second?.type === 'text' && /^[:：]?[ \t]*\r?\n/.test(second.value);
    const sameLine = second?.type === 'text' && !nextLine && /^[:：]?[ \t]*\S/.test(second.value);
    if (emphasised && (nextLine || sameLine)) {
      const head = inlineBlock(ctx, [first], 'heading', this.sections.length);
      const colon = /[:：]\s*$/.test(head.text) || /^[:：]/.test(second.value);
      const role = ctx.vocab.classifyHeading(head.text.replace(/[:：]\s*$/, ''));
      if (role !== 'other' && (nextLine || colon)) {
        this.heading(head, PSEUDO_DEPTH, off(ctx, first), role);
        // On the same line, the content starts after the colon and the spaces.
        const skip = sameLine ? /^[:：]?[ \t]*/.exec(second.value)![0].length : 0;
        const start = second.position!.start;
        const text = {
          ...second,
          value: second.value.slice(skip),
          position: { start: { ...start, column: start.column + skip, offset: start.offset! + skip }, end: second.position!.end },
        };
        const rest = { ...node, children: [text, ...node.children.slice(2)], position: { start: text.position.start, end: node.position!.end } } as RootContent;
        collectBlocks(ctx, rest, this.current, this.coll);
        this.extend(off(ctx, rest).end);
        this.contentSinceHeading = true;
        return true;
      }
    }
    // "Essential Duties and Responsibilities include the following. Other duties may be
    // assigned.": a job-description template's lead-in, written as a sentence, opens the
    // duties as its heading would, whatever field ("Reports to:") came before it.
    const whole = inlineBlock(ctx, node.children, 'paragraph', this.current);
    const lead = DUTIES_LEAD_IN.exec(whole.text);
    if (lead && ctx.vocab.classifyHeadingLine(lead[1]) === 'duties') {
      this.heading(inlineBlock(ctx, node.children, 'heading', this.sections.length), PSEUDO_DEPTH, off(ctx, node), 'duties');
      return true;
    }
    this.firstContentSeen = true;
    this.paragraphBlock(whole);
    return true;
  }

  /**
   * A paragraph's text. Pasted postings keep whole sections in one paragraph, one line
   * each: "Responsibilities:" or "The Role" on a line of its own opens a section.
   */
  private paragraphBlock(block: TextBlock): void {
    const lines = headingLines(block.text, this.ctx.vocab);
    let at = 0;
    const flush = (end: number) => {
      if (!block.text.slice(at, end).trim()) return;
      const placed = at === 0 && end === block.text.length ? block : block.slice(at, end, 'paragraph', this.current);
      this.coll.prose.push(placed);
      this.coll.paragraphs.push(placed);
      this.lastParagraph = placed;
      this.extend(placed.range.end);
      this.contentSinceHeading = true;
    };
    for (const h of lines) {
      flush(h.start);
      const placed = block.slice(h.start, h.end, 'heading', this.sections.length);
      this.heading(placed, PSEUDO_DEPTH, placed.range, h.role);
      at = h.end;
    }
    flush(block.text.length);
  }

  /** An HTML block: its text read back as headings, list items and paragraphs. */
  html(node: Extract<RootContent, { type: 'html' }>): void {
    const { ctx } = this;
    const r = off(ctx, node);
    const blocks = htmlBlocks(node.value, r.start, ctx.text);
    for (const [i, b] of blocks.entries()) {
      const text = b.text.text.trim();
      const role = ctx.vocab.classifyHeading(text.replace(/[:：]\s*$/, ''));
      // "<p>Project Management and Implementation</p>" over a list: a label that groups
      // the items under it, not a duty.
      const labelOverList = b.kind === 'paragraph' && blocks[i + 1]?.kind === 'item' && isLabelLine(text);
      const headingLike =
        b.kind === 'heading' ||
        labelOverList ||
        (text.length <= 80 && ((b.bold && b.kind !== 'item') || (/[:：]$/.test(text) && role !== 'other') || ctx.vocab.classifyHeadingLine(text) !== 'other'));
      if (headingLike) {
        const block = TextBlock.from(b.text, 'heading', this.sections.length);
        this.heading(block, b.depth ?? PSEUDO_DEPTH, block.range, undefined);
        continue;
      }
      this.firstContentSeen = true;
      this.contentSinceHeading = true;
      if (b.kind === 'item') {
        const block = TextBlock.from(b.text, 'list-item', this.current);
        this.coll.prose.push(block);
        this.coll.items.push(block);
        this.extend(block.range.end);
      } else this.paragraphBlock(TextBlock.from(b.text, 'paragraph', this.current));
    }
  }

  /**
   * The walk is done. A job-title heading right under the title ("# Customer
   * Experience Associate", then "## Senior Product Manager") opened a duties section
   * as such a heading does; when the document has a duties section of its own, it was
   * the title said again, over the company's introduction: its section is read like
   * the title's, and subsections that took their role from it are unclassified.
   */
  finish(): void {
    // A heading that names an activity after the duties heads more of them only if what
    // it holds reads as work (a quarter of its lines start like a duty, as pasted job
    // descriptions' "Ascertains that…" lines often do not): "## Developing your career"
    // over a list of perks does not.
    for (const i of this.activityHeadings) {
      if (this.readsAsWork(i)) continue;
      for (const sec of this.sections) if (sec.index === i || this.roleFrom.get(sec.index) === i) sec.role = 'other';
    }
    // "### Who we are" under an empty "## About the role", "### Why Dunmore?" after "In
    // this role you will be responsible for the following:": held as duties on the
    // strength of where they stand, they go back to their own role when nothing in them
    // starts like a duty ("Seabright Leisure runs 22 holiday parks…").
    for (const [i, role] of this.provisional) if (!this.readsAsWork(i)) this.sections[i].role = role;
    // Numbered headings that name areas of the work ("## 1. Client Management", "## 2.
    // Client Retention"), in a document that says nothing else about them: when two or
    // more at one depth hold lines that read as work, they are the duties.
    const numbered = this.sections.filter((sec) => sec.role === 'other' && NUMBERED_HEADING.test(sec.heading));
    for (const depth of new Set(numbered.map((sec) => sec.depth))) {
      const group = numbered.filter((sec) => sec.depth === depth && this.readsAsWork(sec.index));
      if (group.length >= 2) for (const sec of group) sec.role = 'duties';
    }
    if (!this.titleRepeats.size) return;
    const underRepeat = (i: number): boolean => this.titleRepeats.has(i) || (this.roleFrom.has(i) && underRepeat(this.roleFrom.get(i)!));
    if (!this.sections.some((s) => s.role === 'duties' && !underRepeat(s.index))) return;
    for (const s of this.sections) if (underRepeat(s.index)) s.role = this.titleRepeats.has(s.index) ? 'title' : 'other';
  }

  /** Whether a quarter of the lines a section holds (and at least one) start like a duty. */
  private readsAsWork(i: number): boolean {
    const lines = this.linesOf(i);
    const work = lines.filter((b) => this.ctx.vocab.startsLikeDuty(b.text)).length;
    return work * 4 >= lines.length && lines.length > 0;
  }

  /**
   * The list items and paragraphs of a section. Grouped once, when finish() first asks
   * (the walk is over by then): finish() asks for many sections, and a document of
   * thousands of numbered headings must not be scanned once per heading.
   */
  private linesOf(i: number): TextBlock[] {
    if (!this.linesBySection) {
      this.linesBySection = new Map();
      for (const b of [...this.coll.items, ...this.coll.paragraphs]) {
        const list = this.linesBySection.get(b.section);
        if (list) list.push(b);
        else this.linesBySection.set(b.section, [b]);
      }
    }
    return this.linesBySection.get(i) ?? [];
  }

  /**
   * Whether a job-title heading comes straight after the title, with nothing between:
   * before any content under a front matter title, or right under the title heading
   * ("# Customer Experience Associate" then "## Senior Product Manager").
   */
  private repeatsTitle(last: Section | undefined): boolean {
    if (this.fm?.titleBlock) return !this.firstContentSeen;
    return this.headingTitle !== undefined && last?.index === this.headingTitle.section && !this.contentSinceHeading;
  }

  /** Opens a section (docs §4): its role, its parent, and whether it is the title. */
  private heading(block: TextBlock, depth: number, r: OffsetRange, known: SectionRole | undefined): void {
    const { ctx, sections, stack } = this;
    while (stack.length && sections[stack[stack.length - 1]].depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : NO_SECTION;
    const text = block.text.replace(/[:：]\s*$/, '');
    let role = known ?? ctx.vocab.classifyHeading(text);
    const named = role !== 'other';
    const last = sections.length ? sections[sections.length - 1] : undefined;
    // "4. Market Intelligence & Reporting", "Documentation and Reporting", "Compliance &
    // Governance": an area of the work, not a charter's reporting-line section.
    if (known === undefined && CHARTER_ROLES.has(role) && ctx.vocab.roleWordJoinedToTopic(text)) role = 'other';
    // Straight under an empty duties heading, a deeper heading is the first area of the
    // work, whatever its first word ("## What You'll Do" then "### Compensation Strategy
    // & Governance", "### Our Customers"); not the requirements, how to apply or EEO.
    let ownRole: SectionRole | undefined;
    if (
      known === undefined &&
      last?.role === 'duties' &&
      !this.contentSinceHeading &&
      depth > last.depth &&
      (role === 'benefits' || role === 'company' || CHARTER_ROLES.has(role))
    ) {
      ownRole = role;
      role = 'other';
    }
    // Topics straight under a duties heading group its duties; a known heading there
    // ("**About Us**") ends the duties instead, and any later topic is not theirs.
    if (last?.role === 'duties' && !this.contentSinceHeading && role === 'other') this.dutyGroups = last.index;
    else if (role !== 'other' && role !== 'duties') this.dutyGroups = undefined;
    if (this.afterLeadIn && role === 'other') this.leadInGroups = true;
    else if (role !== 'other' && role !== 'duties') this.leadInGroups = false;
    const isTitle = !this.headingTitle && !this.fm?.titleBlock && (depth === 1 || (!this.firstContentSeen && role === 'other'));
    if (isTitle) role = 'title';
    // "## SaaS Sales Representative" inside the body, over the list of what the job does:
    // a heading that is a job title names the role whose duties follow. Straight after
    // the title it may be the title said again, over the company's introduction:
    // finish() decides, once it knows whether the document has other duties.
    else if (role === 'other' && known === undefined && isJobTitleHeading(block.text, ctx.vocab)) {
      if (this.repeatsTitle(last)) this.titleRepeats.add(sections.length);
      role = 'duties';
    } else if (role === 'other' && this.leadInGroups && !isTitle) {
      role = 'duties';
      this.provisional.set(sections.length, ownRole ?? 'other');
    } else if (role === 'other' && this.dutyGroups !== undefined) {
      role = 'duties';
      this.roleFrom.set(sections.length, this.dutyGroups);
      // (Not a charter's heading: "Position Purpose" under "Job Description" stays the
      // posting's, or the posting would read as a charter.)
      if (ownRole === 'company' || ownRole === 'benefits') this.provisional.set(sections.length, ownRole);
      // A question ("Why Dunmore?") is rarely an area of the work: it is held the same way.
      else if (!ownRole && /[?？]\s*$/.test(text)) this.provisional.set(sections.length, 'other');
    } else if (
      role === 'other' &&
      last?.role === 'duties' &&
      depth >= last.depth &&
      (ctx.vocab.startsLikeDuty(block.text) || SHARE_OF_TIME.test(text)) &&
      !ctx.vocab.speaksAsCompany(block.text)
    ) {
      // A heading that names an activity right after duties ("## Handling of Check-in"
      // after "## Duties and Responsibilities", "## Improving our service") heads more of
      // them; not one in the company's voice ("## Growing with us"). So does one that
      // gives an area its share of the time ("## Operational (70%)", "Strategic – 30%").
      role = 'duties';
      this.roleFrom.set(sections.length, last.index);
      this.activityHeadings.add(sections.length);
    } else if (role === 'other' && parent !== NO_SECTION && sections[parent].role !== 'title') {
      role = sections[parent].role;
      this.roleFrom.set(sections.length, parent);
    }
    const sec: Section = { index: sections.length, heading: block.text, role, depth, headingRange: r, range: { ...r }, parent };
    sections.push(sec);
    if (isTitle) this.headingTitle = { block, section: sec.index };
    this.coll.prose.push(block);
    // "Key objective #1: cut repeat contacts by a third" is a duty written as a heading.
    const colon = block.text.search(/[:：]\s+\S+\s+\S+\s+\S/);
    if (role === 'duties' && colon > 0) {
      const start = block.text.indexOf(block.text.slice(colon + 1).trim(), colon + 1);
      this.headingDuties.push(block.slice(start, block.text.length, 'sentence'));
    } else if (
      role === 'duties' &&
      !named &&
      parent !== NO_SECTION &&
      sections[parent].role === 'duties' &&
      wordCount(block.text) >= 3 &&
      ctx.vocab.startsLikeDuty(block.text)
    ) {
      // "### Obtains specimens from patients" under "## Primary Responsibilities", over
      // the steps of that task: the heading states the task itself, so it is a duty too.
      this.headingDuties.push(block.slice(0, block.text.length, 'sentence'));
    }
    stack.push(sec.index);
    this.current = sec.index;
    this.firstContentSeen = true;
    this.contentSinceHeading = false;
  }
}

/** "Operational (70%)", "Strategic – 30%": a heading that ends on its share of the time. */
const SHARE_OF_TIME = /(?:^|[\s(\u2013\u2014-])\d{1,3}\s?%\)?$/u;

/** "1. Client Management", "2) Reporting", "IV. Budget", "B. Training": a numbered heading. */
const NUMBERED_HEADING = /^\s*(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]\s+\S/;

/** A short heading that reads as a job title ("Senior Support Agent"), not a topic. */
function isJobTitleHeading(text: string, vocab: Vocabulary): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 6 || /[?!.]$/.test(text.trim())) return false;
  const parse = parseTitle(text, vocab);
  return parse.roleNoun !== undefined && parse.form !== 'team';
}

/**
 * Lines of a multi-line paragraph that stand as headings: a short line that is
 * nothing but a heading phrase ("The Role", "Responsibilities:", "What you'll do").
 */
function headingLines(text: string, vocab: Vocabulary): HeadingLine[] {
  if (!text.includes('\n')) return [];
  const out: HeadingLine[] = [];
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const line = m[0];
    if (line.length > 70) continue;
    const role = vocab.classifyHeadingLine(line);
    if (role === 'other') continue;
    const lead = line.length - line.trimStart().length;
    out.push({ start: m.index + lead, end: m.index + line.trimEnd().length, role });
  }
  return out;
}

const HTML_TAG = /<\/?(?:p|li|ul|ol|div|h[1-6]|br|strong|b|em|span|table|tr|td|section|article)\b[^>]*>/i;

/** The source of an indented (not fenced) code block that holds HTML block tags, else undefined. */
function indentedHtmlSource(ctx: Ctx, node: Extract<RootContent, { type: 'code' }>): string | undefined {
  const source = indentedCodeSource(ctx, node);
  if (source === undefined || !source.startsWith('\t') || !HTML_TAG.test(source) || /\{\{|className=/.test(source)) return undefined;
  return source;
}

/** The source text of an indented code block, or undefined for a fenced one. */
function indentedCodeSource(ctx: Ctx, node: Extract<RootContent, { type: 'code' }>): string | undefined {
  const r = off(ctx, node);
  const source = ctx.text.slice(r.start, r.end);
  return /^\s*(?:```|~~~)/.test(source) ? undefined : source;
}

/**
 * The lines of an indented (not fenced) code block that are all prose and mostly start
 * like a duty, each as a builder over its source span; else undefined. Code has
 * brackets, semicolons, operators or a prompt; a pasted duty list has none of them.
 */
function indentedDutyLines(ctx: Ctx, node: Extract<RootContent, { type: 'code' }>): TextBuilder[] | undefined {
  const source = indentedCodeSource(ctx, node);
  if (source === undefined || /[{};=<>$`\\|]|\(\)|=>|^\s*[#/*-]/m.test(source)) return undefined;
  const r = off(ctx, node);
  const out: TextBuilder[] = [];
  let duties = 0;
  const lineRe = /[^\r\n]+/g;
  for (let m = lineRe.exec(source); m; m = lineRe.exec(source)) {
    const text = m[0].trim();
    if (!text) continue;
    if (text.split(/\s+/).length < 3 || text.length > 400) return undefined;
    const start = r.start + m.index + (m[0].length - m[0].trimStart().length);
    const b = new TextBuilder(ctx.text);
    b.add(text, start, start + text.length);
    out.push(b);
    if (ctx.vocab.startsLikeDuty(text)) duties++;
  }
  return out.length >= 2 && duties * 2 >= out.length ? out : undefined;
}
