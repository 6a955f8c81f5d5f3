import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Offsets → 1-based line and column, counted exactly as the language server counts
 * them (TextDocument.positionAt: UTF-16 columns, CR, LF and CRLF line breaks, an
 * offset inside a line break placed at the end of its line), so the CLI's report and
 * the editor's diagnostics point at the same place.
 */
export class LineIndex {
  private readonly doc: TextDocument;
  constructor(text: string) {
    this.doc = TextDocument.create('', 'markdown', 0, text);
  }
  at(offset: number): { line: number; column: number } {
    const p = this.doc.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }
}
