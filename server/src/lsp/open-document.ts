import { ParseCache, type LintResult, type Reading } from '../engine';
import type { PackError } from '../packs/diagnostics';
import type { ResolvedConfig } from '../config/load-config';
import type { DocumentConfig } from './document-config';
import type { Settings } from './settings';

/** A lint of one text of an open document, kept for hover, code actions and fix-all. */
export interface Linted {
  /** The text's generation (see `OpenDocument.generation`): versions alone may repeat. */
  generation: number;
  version: number;
  result: LintResult;
  cfg: ResolvedConfig;
  relPath: string | undefined;
}

/**
 * Everything the server holds for one open document, created by didOpen and
 * disposed by didClose: what is not here is not kept for a closed document.
 */
export class OpenDocument {
  /** Set while didOpen's own onDidChangeContent is still to come (that one is the open itself). */
  justOpened = true;
  /** The lint queued for this document (a keystroke replaces it). */
  timer: NodeJS.Timeout | undefined;
  /** Lints under way (a newer one may start while an older one awaits settings). */
  linting = 0;
  /** The latest lint, of whatever generation. */
  linted: Linted | undefined;
  /** Parsed sections, while this is one of the most recently linted documents (RecentParseCaches). */
  parseCache: ParseCache | undefined;
  /** Linted by the background worker, which keeps its parsed sections. */
  inBackground = false;
  /** The client's settings for this document, asked once until they change. */
  settings: Promise<Settings> | undefined;
  /** Those settings once they arrived (the keystroke handler cannot wait for them). */
  settingsNow: Settings | undefined;
  /** The resolved config, reused while fresh (see the server's CONFIG_TTL_MS). */
  config: { at: number; settings: Settings; dc: DocumentConfig } | undefined;
  /** Errors of the config this document uses. */
  configErrors: PackError[] = [];
  /** Problems with the cxLint.rules setting (in no file: shown as settings errors). */
  settingsProblems: string[] = [];
  /** How a text was read (code lens, the reading view), computed when first asked for. */
  reading: { generation: number; reading: Reading | undefined } | undefined;
  /** Hover and code actions waiting for a lint of the current text. */
  private waiters: Array<() => void> = [];

  constructor(
    readonly uri: string,
    /**
     * Every text an open document has had gets a new number. Clients number versions,
     * but some reuse one (a didChange with the didOpen's version): the generation, not
     * the version, says whether a lint is of the current text.
     */
    public generation: number,
  ) {}

  /** The lint of the current text, if there is one. */
  get current(): Linted | undefined {
    return this.linted?.generation === this.generation ? this.linted : undefined;
  }

  get pending(): boolean {
    return this.timer !== undefined || this.linting > 0;
  }

  /** Resolves when a lint of this document ends, or after `ms`. */
  waitForLint(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => (clearTimeout(timer), resolve()));
    });
  }

  wakeWaiters(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Stops the queued lint and wakes whoever waits; the caller forgets the record. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeWaiters();
    this.linted = undefined;
    this.parseCache = undefined;
    this.config = undefined;
    this.reading = undefined;
  }
}

/**
 * Open documents linted on the main thread keep their parsed sections, so that an edit
 * re-parses only its own section: the most recently linted ones. A posting's sections
 * take about a megabyte; one being edited keeps its own, and a document edited again
 * after falling out re-parses in full once (a few ms on the main thread).
 */
export class RecentParseCaches {
  /** Most recently linted last. */
  private readonly order = new Set<OpenDocument>();
  constructor(private readonly max: number) {}

  /** The document's parse cache, marking it the most recent and dropping the oldest beyond `max`. */
  take(doc: OpenDocument): ParseCache {
    doc.parseCache ??= new ParseCache();
    this.order.delete(doc);
    this.order.add(doc);
    for (const d of this.order) {
      if (this.order.size <= this.max) break;
      this.drop(d);
    }
    return doc.parseCache;
  }

  drop(doc: OpenDocument): void {
    doc.parseCache = undefined;
    this.order.delete(doc);
  }

  get size(): number {
    return this.order.size;
  }
}
