import { conditionHolds, runCheck } from './rules/checks';
import { Suppressions } from './rules/control-comments';
import { buildFixes } from './fix/fixes';
import { formatMessage } from './rules/message';
import { buildModel } from './model/model';
import { buildReading } from './rules/reading';
import { RunContext } from './rules/run-context';
import { markupNotParsed } from './parse/inline-limit';
import { denseBlocksOf } from './parse/parse';
import { tableNotParsed } from './parse/table-limit';
import { fileTooLargeResult, utf8SizeOver } from './parse/size-limit';
import type { ParseCache } from './parse/parse-cache';
import type { Setup } from './setup';
import type { Finding, LintResult, TitleInfo } from './types';

export interface LintOptions {
  /** Path relative to the config root, for `kinds` globs. Never read from disk. */
  filePath?: string;
  /**
   * Overrides the setup's `maxFileSize` (bytes of UTF-8). A larger document is not
   * linted and gets one `file-too-large` info finding instead.
   */
  maxFileSize?: number;
  /**
   * The document's parse cache, for a caller that re-lints one document as it changes
   * (an editor): sections whose text did not change are not parsed again. The result
   * is the same with or without it.
   */
  parseCache?: ParseCache;
  /** Also return how the document was read (kind, title, sections, duties, shares). */
  reading?: boolean;
}

/**
 * Lints one document. A pure function of (text, setup, options): no file system,
 * no editor, no global state; safe to call from any thread.
 */
export function lint(text: string, setup: Setup, options: LintOptions = {}): LintResult {
  const limit = options.maxFileSize ?? setup.maxFileSize;
  const tooLarge = utf8SizeOver(text, limit);
  if (tooLarge !== undefined) return fileTooLargeResult(tooLarge, limit);
  const model = buildModel(text, setup.vocab, { kindFromConfig: setup.kindOf(options.filePath), parseCache: options.parseCache, setAside: options.reading });
  const title: TitleInfo | undefined = model.title && {
    text: model.title.text,
    range: model.title.range,
    source: model.title.source,
    form: model.title.parse.form,
    roleNoun: model.title.parse.roleNoun,
    level: model.title.parse.level,
    family: model.title.parse.family && {
      term: model.title.parse.family.term,
      range: model.title.block.toSource(model.title.parse.family.start, model.title.parse.family.end),
    },
  };
  const result: LintResult = { kind: model.kind, kindReason: model.kindReason, title, findings: [] };
  // Blocks read as plain text get one finding that says so, whatever else happens.
  const { dense, tables } = denseBlocksOf(text);
  if (dense.length) result.findings.push(markupNotParsed(text, dense));
  if (tables.length) result.findings.push(tableNotParsed(text, tables));
  const ctx = new RunContext(model, setup);
  if (options.reading) {
    const applies = (id: string) => model.kind !== 'other' && setup.rules.some((r) => r.data.id === id && r.data.appliesTo.some((c) => conditionHolds(ctx, c)));
    result.reading = buildReading(model, ctx, applies);
  }
  if (model.kind === 'other') return result;
  const suppress = new Suppressions(text, model.comments);
  if (suppress.fileDisabledAll) return result;

  for (const rule of setup.rules) {
    if (suppress.fileDisabled.has(rule.data.id)) continue;
    if (!rule.data.appliesTo.some((c) => conditionHolds(ctx, c))) continue;
    for (const raw of runCheck(ctx, rule.check)) {
      if (suppress.isSuppressed(rule.data.id, raw.range.start)) continue;
      result.findings.push({
        ruleId: rule.data.id,
        severity: rule.severity,
        message: formatMessage(rule.data.message, raw.data),
        range: raw.range,
        fixes: buildFixes(ctx, raw, rule.data.fixes),
        docsUrl: rule.data.docsUrl,
        pack: rule.pack,
        related: raw.related,
        ...(raw.relatedOmitted ? { relatedOmitted: raw.relatedOmitted } : {}),
        data: raw.data,
      });
    }
  }
  result.findings.sort(compareFindings);
  return result;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
