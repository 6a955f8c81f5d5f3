import type { FrontMatterFormat } from '../parse/front-matter';
import type { ParseCache } from '../parse/parse-cache';
import type { TextBlock } from '../parse/text-block';
import type { SectionRole, Vocabulary } from '../match/vocabulary';
import type { DocKind, OffsetRange } from '../types';
import { insertionAnchors } from './anchors';
import { findDuties, splitTasks, type SetAside } from './duties';
import { decideKind } from './kind';
import { readSections, type Walk } from './sections';
import { parseTitle, type TitleParse } from './title';

export interface Section {
  index: number;
  heading: string;
  role: SectionRole;
  depth: number;
  headingRange: OffsetRange;
  /** From the heading to the end of the section's content. */
  range: OffsetRange;
  parent: number;
}

export interface HtmlComment {
  value: string;
  range: OffsetRange;
}

export interface DocTitle {
  text: string;
  block: TextBlock;
  range: OffsetRange;
  source: 'front-matter' | 'heading';
  parse: TitleParse;
}

export interface DocModel {
  text: string;
  kind: DocKind;
  kindReason: string;
  title?: DocTitle;
  sections: Section[];
  /** All prose: headings, paragraphs, list items, table rows, front matter values. */
  prose: TextBlock[];
  /** The units the title rules count (docs §5). */
  duties: TextBlock[];
  /** Lines that looked like duties but were not counted, and why (only when asked: ModelOptions.setAside). */
  setAside?: SetAside[];
  comments: HtmlComment[];
  frontMatter?: { format: FrontMatterFormat; data: Map<string, unknown>; range: OffsetRange; error?: string };
  /** Where to insert new sections or duties. */
  anchors: { afterTitle: number; dutiesEnd?: number; dutiesIndent?: string; dutiesMarker?: string };
}

export interface ModelOptions {
  /** Kind decided by configured globs, when one matched. */
  kindFromConfig?: DocKind;
  /** The document's parse cache, when the caller re-lints it as it changes. */
  parseCache?: ParseCache;
  /** Also keep the lines set aside as not duties, and why (the reading view). */
  setAside?: boolean;
}

/** The document model (docs §2–5), one step per section of how-cx-lint-reads. */
export function buildModel(text: string, vocab: Vocabulary, opts: ModelOptions = {}): DocModel {
  const walk = readSections(text, vocab, opts.parseCache);
  const setAside: SetAside[] | undefined = opts.setAside ? [] : undefined;
  const duties = findDuties(walk, vocab, setAside);
  const title = readTitle(walk, vocab);
  const { kind, kindReason } = decideKind(walk, vocab, title, duties, opts.kindFromConfig);
  const tasks = splitTasks(duties, vocab);
  const fm = walk.fm;
  return {
    text,
    kind,
    kindReason,
    title,
    sections: walk.sections,
    prose: [...(fm?.blocks ?? []), ...walk.coll.prose],
    duties: tasks,
    setAside,
    comments: walk.ctx.comments,
    frontMatter: fm ? { format: fm.format, data: fm.data, range: fm.range, error: fm.error } : undefined,
    anchors: insertionAnchors(walk, text, title, tasks),
  };
}

/** The title (docs §3): front matter's title key, else the heading the walk chose. */
function readTitle(walk: Walk, vocab: Vocabulary): DocTitle | undefined {
  const tb = walk.fm?.titleBlock ?? walk.headingTitle?.block;
  if (!tb || !tb.text.trim()) return undefined;
  return {
    text: tb.text,
    block: tb,
    range: tb.range,
    source: walk.fm?.titleBlock ? 'front-matter' : 'heading',
    parse: parseTitle(tb.text, vocab),
  };
}
