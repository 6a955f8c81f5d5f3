import * as vscode from 'vscode';

const STARTER = { extends: ['cx-core/recommended'], rules: {} };

/**
 * `cx-lint: Create Configuration File`: writes a starter .cxlintrc.json in the
 * workspace folder (never overwriting one) and opens it. The extension contributes
 * the JSON Schema for it, so completion and validation work without a $schema key.
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
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(STARTER, null, 2)}\n`));
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}
