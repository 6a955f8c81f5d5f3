import type { Finding, LintResult } from '../engine';
import { LineIndex } from './positions';

/** A finding with line/column added for people and CI formats. */
export interface Message extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text the finding covers, kept when the source is dropped (for fingerprints). */
  snippet?: string;
}

export interface FileResult {
  filePath: string;
  displayPath: string;
  kind?: LintResult['kind'];
  messages: Message[];
  /** Set when the file could not be linted at all (unreadable, binary…). */
  fatal?: string;
  /** The file was skipped because its configuration could not be loaded (exit 2). */
  configError?: boolean;
  /** The text that was linted (for fingerprints). */
  source?: string;
}

export function countBySeverity(messages: Message[]): { errorCount: number; warningCount: number; infoCount: number; hintCount: number } {
  const n = (s: string) => messages.filter((m) => m.severity === s).length;
  return { errorCount: n('error'), warningCount: n('warning'), infoCount: n('info'), hintCount: n('hint') };
}

/** Forward-slash relative path for machine formats. */
export function portablePath(r: FileResult): string {
  return r.displayPath.split('\\').join('/');
}

export function sortMessages(messages: Message[]): Message[] {
  return [...messages].sort(
    (a, b) =>
      a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export function toFileResult(filePath: string, displayPath: string, text: string, result: LintResult): FileResult {
  const idx = new LineIndex(text);
  return {
    filePath,
    displayPath,
    kind: result.kind,
    source: text,
    messages: result.findings.map((f) => {
      const s = idx.at(f.range.start);
      const e = idx.at(f.range.end);
      return { ...f, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    }),
  };
}

/**
 * What the CLI keeps of a result until the report is written: each message keeps the
 * text it covers (all fingerprints need) but not the whole source, and fixes keep
 * whether they are safe but not their edits; related locations and message data are
 * dropped (no CLI format prints them). Holding every file's text and edits would make
 * memory grow with the number of files; this stays a few hundred bytes per finding.
 */
export function forReport(r: FileResult): FileResult {
  const { source, ...rest } = r;
  return {
    ...rest,
    messages: r.messages.map((m) => ({
      ...m,
      snippet: source === undefined ? m.snippet : source.slice(m.range.start, m.range.end),
      fixes: m.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: [] })),
      related: [],
      data: {},
    })),
  };
}
