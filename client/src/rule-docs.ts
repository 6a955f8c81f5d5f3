import * as vscode from 'vscode';

/**
 * "Learn more about …": a rule's page as a reader sees it. A Markdown page opens in the
 * Markdown preview beside the posting (rendered, not its source); a web page opens in
 * the browser; any other file opens in the editor.
 */
export async function showRuleDocs(url: string): Promise<{ opened: boolean }> {
  const uri = vscode.Uri.parse(url, true);
  if (uri.scheme !== 'file') return { opened: await vscode.env.openExternal(uri) };
  await vscode.commands.executeCommand(/\.(md|markdown)$/i.test(uri.path) ? 'markdown.showPreviewToSide' : 'vscode.open', uri);
  return { opened: true };
}
