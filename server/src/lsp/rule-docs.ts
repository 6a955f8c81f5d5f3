import type { Connection } from 'vscode-languageserver';

/**
 * The "Learn more" command (COMMANDS.openRuleDocs) for editors that run it on the
 * server: asks the client to show the rule's page (window/showDocument, LSP 3.16), a
 * web page in the browser. The VS Code client handles the command itself and renders
 * the page, so this path serves Neovim, Emacs and the rest.
 */
export async function openRuleDocs(connection: Connection, args: unknown[] | undefined): Promise<{ opened: boolean; reason?: string }> {
  const url = args?.[0];
  if (typeof url !== 'string' || !/^(file|https?):/i.test(url)) return { opened: false, reason: 'expected the URL of a rule’s documentation' };
  try {
    const r = await connection.window.showDocument({ uri: url, external: !/^file:/i.test(url) });
    return r.success ? { opened: true } : { opened: false, reason: 'the editor did not open it' };
  } catch {
    // A client without window/showDocument answers "method not found".
    return { opened: false, reason: 'the editor cannot show documents (window/showDocument)' };
  }
}
