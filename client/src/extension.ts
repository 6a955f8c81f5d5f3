/**
 * The VS Code side of cx-lint: starts the bundled language server over IPC and adds
 * what only an editor has — commands, a status bar item, the output channel. All
 * linting happens in the server, which other editors use unchanged over stdio.
 */
import * as vscode from 'vscode';
import {
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  COMMANDS,
  OPEN_SETTINGS_NOTIFICATION,
  STATUS_NOTIFICATION,
  type LintWorkspaceResult,
  type ShowReadingResult,
  type StatusParams,
} from '../../server/src/lsp/protocol';
import { createConfigFile } from './create-config';
import { ReadingView } from './reading-view';
import { showRuleDocs } from './rule-docs';
import { StatusBar } from './status-bar';

let client: LanguageClient | undefined;
/** Lint All Postings has run in this window: a restarted server lints the workspace again, so its results stay. */
let workspaceLinted = false;

/** Files whose change can change findings: configs, lockfiles and pack files (YAML/JSON). */
function isConfigOrPackFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^\.cxlintrc(\.(json|ya?ml))?$|^package\.json$|^cx-lint\.lock\.json$|\.(ya?ml|json)$/.test(base);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined; status: StatusBar }> {
  const output = vscode.window.createOutputChannel('cx-lint', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const readingView = new ReadingView();
  /** Asks the server how a document was read and shows it; the code lens and the palette command both come here. */
  const showReading = async (uri: string | undefined): Promise<ShowReadingResult | null> => {
    if (!client || !uri) return null;
    const r = (await client.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.showReading, arguments: [uri] })) as ShowReadingResult | null;
    if (r) await readingView.show(uri, r.text);
    return r;
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    // Settings are pulled by the server (workspace/configuration, section "cxLint").
    synchronize: { configurationSection: 'cxLint' },
    // Evaluated at each (re)start. In Restricted Mode the server reads no config file or
    // pack from outside the workspace folder; VS Code itself ignores the workspace's
    // values of the settings listed in package.json `restrictedConfigurations`.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, lintWorkspace: workspaceLinted }),
    middleware: {
      // The reading code lens runs the server's command; its answer is shown here.
      // "Learn more" renders the rule's page, which only the editor can do; the server's
      // own handler (window/showDocument) would open the Markdown source.
      executeCommand: (command, args: unknown[], next) => {
        if (command === COMMANDS.showReading) return showReading(args[0] as string | undefined);
        if (command === COMMANDS.openRuleDocs && typeof args[0] === 'string') return showRuleDocs(args[0]);
        return next(command, args);
      },
    },
  };
  const status = new StatusBar();
  context.subscriptions.push(status, output, readingView);

  const start = async () => {
    client = new LanguageClient('cxLint', 'cx-lint', serverOptions, clientOptions);
    client.onDidChangeState((e) => status.serverState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped'));
    await client.start();
    client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => status.update(p));
    // "Open Settings" on a settings error (cxLint.rules): the Settings editor, filtered to it.
    client.onNotification(
      OPEN_SETTINGS_NOTIFICATION,
      (p: { query?: string }) => void vscode.commands.executeCommand('workbench.action.openSettings', p?.query ?? 'cxLint'),
    );
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('cxLint.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor || editor.document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('cx-lint: open a Markdown posting to fix it.');
        return { applied: false };
      }
      return client.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.applyFixAll, arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand('cxLint.lintWorkspace', async (): Promise<LintWorkspaceResult | undefined> => {
      if (!client) return undefined;
      workspaceLinted = true;
      const r = (await client.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.lintWorkspace })) as LintWorkspaceResult;
      const skipped = r.skipped.length ? `, ${r.skipped.length} skipped (see the output)` : '';
      for (const s of r.skipped) output.appendLine(`skipped ${s.file}: ${s.reason}`);
      void vscode.window.showInformationMessage(
        `cx-lint: ${r.findings} finding${r.findings === 1 ? '' : 's'} in ${r.files} file${r.files === 1 ? '' : 's'}${skipped}.`,
      );
      return r;
    }),
    vscode.commands.registerCommand('cxLint.restartServer', async () => {
      if (client) await client.restart();
      else await start();
    }),
    vscode.commands.registerCommand('cxLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('cxLint.toggleEnable', () => toggleEnable(status)),
    vscode.commands.registerCommand('cxLint.showReading', () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('cx-lint: open a Markdown posting to see how it was read.');
        return null;
      }
      return showReading(doc.uri.toString());
    }),
    vscode.commands.registerCommand('cxLint.createConfig', () => createConfigFile()),
    // File watchers can drop or delay events (remote and polling watchers do); a save in
    // the editor is certain, so a saved config or pack file is reported to the server too.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (client?.isRunning() && isConfigOrPackFile(doc.uri.path)) {
        void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: doc.uri.toString(), type: FileChangeType.Changed }] });
      }
    }),
    // Trusting the workspace lifts the restriction: the server learns it by restarting.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cxLint.enable')) status.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    vscode.languages.onDidChangeDiagnostics(() => status.refresh()),
  );

  await start();
  return { client: () => client, status };
}

/**
 * `cx-lint: Turn On or Off for This Workspace`: writes the opposite of the active
 * document's cxLint.enable to the workspace settings (.vscode/settings.json), where a
 * team can commit it; the server re-lints (or clears) on the configuration change.
 */
async function toggleEnable(status: StatusBar): Promise<boolean> {
  const enable = !status.enabled;
  const config = vscode.workspace.getConfiguration('cxLint');
  // With no folder open there are no workspace settings: the user's settings then.
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('enable', enable, target);
  status.refresh();
  if (status.enabled !== enable) {
    // A folder's own setting (multi-root) wins over the workspace's: say so rather than seem broken.
    void vscode.window.showWarningMessage(`cx-lint: set cxLint.enable to ${enable} for the workspace, but this folder's settings override it.`);
  } else {
    void vscode.window.showInformationMessage(
      `cx-lint is now ${enable ? 'on' : 'off'} for this ${target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'window (user settings)'}.`,
    );
  }
  return status.enabled;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
