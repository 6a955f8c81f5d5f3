import { scanClass, withTargets, type Match } from '../match/lexicon';
import { isTodo } from '../model/todo';
import { fold, indexWords, type WordIndex } from '../match/patterns';
import type { DocModel } from '../model/model';
import type { Scope } from '../pack-types';
import type { Setup } from '../setup';
import type { TextBlock } from '../parse/text-block';
import type { OffsetRange } from '../types';

const OUTSIDE_ROLE = new Set(['company', 'benefits', 'eeo', 'apply']);

/**
 * Everything one lint of one document computes, shared by all rules: each block is
 * scanned once per lexicon class however many rules ask. Lives only for that lint.
 */
export class RunContext {
  private readonly scans = new Map<TextBlock, Map<string, Match[]>>();
  private readonly scopes = new Map<Scope, TextBlock[]>();
  /** Each block's folded text and words, made once for all the classes scanned over it. */
  private readonly words = new Map<TextBlock, WordIndex>();

  constructor(
    readonly model: DocModel,
    readonly setup: Setup,
  ) {}

  matches(block: TextBlock, cls: string): Match[] {
    let perBlock = this.scans.get(block);
    if (!perBlock) this.scans.set(block, (perBlock = new Map()));
    let m = perBlock.get(cls);
    if (!m) {
      const c = this.setup.classes.get(cls);
      if (c && !isTodo(block.text)) {
        let w = this.words.get(block);
        if (!w) this.words.set(block, (w = indexWords(fold(block.text), this.setup.leads, block.text)));
        m = scanClass(c, w, this.setup.negation);
      } else m = [];
      perBlock.set(cls, m);
    }
    return m;
  }

  /** Matches with substitution targets (phrase rules only), built on the cached scan. */
  entryMatches(block: TextBlock, cls: string): Match[] {
    const c = this.setup.classes.get(cls);
    const hits = this.matches(block, cls);
    return c && hits.length ? withTargets(c, block.text, hits) : [];
  }

  has(block: TextBlock, cls: string): boolean {
    return this.matches(block, cls).some((m) => !m.negated);
  }

  hasAny(block: TextBlock, classes: string[]): boolean {
    return classes.some((c) => this.has(block, c));
  }

  blocks(scope: Scope): TextBlock[] {
    let b = this.scopes.get(scope);
    if (b) return b;
    const { model } = this;
    const titleBlock = model.title?.block;
    switch (scope) {
      case 'duties':
        b = model.duties;
        break;
      case 'document':
        b = model.prose;
        break;
      case 'role':
        b = model.prose.filter((x) => {
          if (x.kind === 'front-matter' || x === titleBlock) return false;
          if (model.title?.source === 'heading' && x.kind === 'heading' && x.range.start === model.title.range.start) return false;
          const role = x.section < 0 ? 'other' : model.sections[x.section].role;
          return !OUTSIDE_ROLE.has(role);
        });
        break;
    }
    this.scopes.set(scope, b);
    return b;
  }

  /** Where title-level findings land: the title, or the first line. */
  titleRange(): OffsetRange {
    if (this.model.title) return this.model.title.range;
    const text = this.model.text;
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start && text[end - 1] === '\r') end--;
    return { start, end };
  }

  /** Title, front matter and purpose sections: what a document says about itself. */
  selfDescription(): TextBlock[] {
    const { model } = this;
    return model.prose.filter(
      (x) => x === model.title?.block || x.kind === 'front-matter' || (x.section >= 0 && model.sections[x.section].role === 'purpose') || (model.title?.source === 'heading' && x.range.start === model.title.range.start),
    );
  }
}
