import * as vscode from 'vscode';
import { STARTER_CONFIG } from './starter-config';

/**
 * `cx-lint: Create Configuration File`: writes a commented starter .cxlintrc.json in
 * the workspace folder (never overwriting one) and opens it in a tab of its own (not a
 * preview, which the next file opened would replace). The extension contributes the
 * JSON Schema for it, so completion and validation work without a $schema key.
 */
export async function createConfigFile(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for .cxlintrc.json' }) : folders[0];
  if (!folder) {
    void vscode.window.showWarningMessage('cx-lint: open a folder first; the configuration file goes in its root.');
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, '.cxlintrc.json');
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showInformationMessage('cx-lint: .cxlintrc.json already exists; opening it.');
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(STARTER_CONFIG));
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
