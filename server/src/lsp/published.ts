import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine';
import { toDiagnostic } from './convert';
import type { Settings } from './settings';

/**
 * The diagnostics published for a document's findings. Hint findings go out as
 * Information unless `cxLint.hintsAs` is "hint": VS Code draws LSP hints as faint dots
 * and leaves them out of the Problems panel, so a hint rule's finding was seen by no one.
 */
export function publishedDiagnostics(doc: TextDocument, findings: readonly Finding[], settings: Pick<Settings, 'hintsAs'>): Diagnostic[] {
  return findings.map((f) => {
    const d = toDiagnostic(doc, f);
    return settings.hintsAs === 'information' && d.severity === DiagnosticSeverity.Hint ? { ...d, severity: DiagnosticSeverity.Information } : d;
  });
}
