import * as vscode from 'vscode';

/** URIs of the read-only tabs showing how a posting was read. */
export const READING_SCHEME = 'cx-lint-reading';

/**
 * The reading view: the text of `cx-lint --print-reading` for an open posting, which
 * the server computes (command cx-lint.showReading), in a read-only tab beside it.
 * A content provider rather than an untitled document, so closing it asks nothing.
 */
export class ReadingView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(READING_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows `text` as the reading of `docUri`, replacing an earlier reading of it. */
  async show(docUri: string, text: string): Promise<vscode.TextEditor> {
    const name = vscode.Uri.parse(docUri).path.split('/').pop() || 'document';
    const uri = vscode.Uri.from({ scheme: READING_SCHEME, path: `/How cx-lint read ${name}`, query: docUri });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
