import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, OffsetRange, Severity, TextEdit } from '../engine';

export const SOURCE = 'cx-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: TextDocument, r: OffsetRange): Range {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

export function toLspEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: toRange(doc, e.range), newText: e.newText };
}

/** What a diagnostic carries in `data`: its fixes as LSP edits, for tools that read them. Code actions re-derive them from the current text. */
export interface DiagnosticData {
  ruleId: string;
  pack: string;
  fixes: Array<{ title: string; safe: boolean; preferred: boolean; edits: LspTextEdit[] }>;
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const range = toRange(doc, f.range);
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.range) }, message: r.message }));
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    pack: `${f.pack.name}@${f.pack.version}`,
    fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe, preferred: !!x.preferred, edits: x.edits.map((e) => toLspEdit(doc, e)) })),
  };
  return {
    range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(f.docsUrl ? { codeDescription: { href: f.docsUrl } } : {}),
    source: SOURCE,
    message: f.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function containsPosition(r: Range, p: Range['start']): boolean {
  return overlaps(r, { start: p, end: p });
}
