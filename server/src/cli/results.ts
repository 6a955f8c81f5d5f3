import type { Finding, LintResult } from '../engine';
import { LineIndex } from './positions';

/** A finding with line/column added for people and CI formats. */
export interface Message extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileResult {
  filePath: string;
  displayPath: string;
  kind?: LintResult['kind'];
  messages: Message[];
  /** Set when the file could not be linted at all (unreadable, binary…). */
  fatal?: string;
}

export function toFileResult(filePath: string, displayPath: string, text: string, result: LintResult): FileResult {
  const idx = new LineIndex(text);
  return {
    filePath,
    displayPath,
    kind: result.kind,
    messages: result.findings.map((f) => {
      const s = idx.at(f.range.start);
      const e = idx.at(f.range.end);
      return { ...f, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    }),
  };
}
