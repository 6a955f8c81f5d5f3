import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { isInsideAny } from '../fs/inside';
import { readTextSafely, READ_CAPS } from '../fs/safe-read';
import { isFile } from '../config/load-config';
import type { PackError } from '../packs/diagnostics';
import { SOURCE } from './convert';
import { OPEN_SETTINGS_NOTIFICATION } from './protocol';

/** The button on a settings error (decision 85). */
const OPEN_SETTINGS = 'Open Settings';

export interface ConfigProblemsHost {
  connection: Connection;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(msg: string): void;
  /** Whether the document's own lint publishes its diagnostics (it is open, or linted from disk by Lint All Postings). */
  publishedElsewhere(uri: string): boolean;
  /** Whether the client answers window/showMessageRequest with buttons. */
  messageActions(): boolean;
  /** A fire-and-forget request to the client: logged if refused. */
  quiet(p: Promise<unknown>): void;
}

/**
 * Shows configuration problems where they are: errors in config and pack files as
 * diagnostics in those files (or on the document, for a file outside the workspace),
 * and problems with the cxLint.rules setting as settings errors. Remembers what it
 * showed, so fixed errors are cleared and each new one is announced once.
 */
export class ConfigProblems {
  /** Config and pack file uris holding published error diagnostics. */
  private errorFilesShown = new Set<string>();
  /** Document uris showing errors of files outside the workspace. */
  private errorDocsShown = new Set<string>();
  private lastErrorText = '';
  private lastSettingsText = '';

  constructor(private readonly host: ConfigProblemsHost) {}

  /**
   * Publishes config errors into the files they are in when those are inside a
   * workspace folder; an error in a file outside (a config can name any path) is shown
   * on the document whose config it broke, never on the outside file. Clears fixed
   * ones. Returns the first error, for the status.
   */
  showConfigErrors(configErrors: Iterable<[string, PackError[]]>, folders: string[]): PackError | undefined {
    const byFile = new Map<string, PackError[]>();
    const byDoc = new Map<string, PackError[]>();
    for (const [docUri, errs] of configErrors) {
      for (const e of errs) {
        // A folder (a config that could not say which file) is not a document to show diagnostics in.
        if (isInsideAny(folders, e.file) && isFile(e.file)) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
        else byDoc.set(docUri, [...(byDoc.get(docUri) ?? []), e]);
      }
    }
    const unique = (errs: PackError[]) => {
      const seen = new Set<string>();
      return errs.filter((e) => !seen.has(e.message) && seen.add(e.message));
    };
    const nowShown = new Set<string>();
    for (const [file, errs] of byFile) {
      const uri = pathToFileURL(file).href;
      nowShown.add(uri);
      this.host.publish(
        uri,
        unique(errs).map((e) => configDiagnostic(e)),
      );
    }
    for (const uri of this.errorFilesShown) if (!nowShown.has(uri)) this.host.publish(uri, []);
    this.errorFilesShown = nowShown;
    for (const [uri, errs] of byDoc)
      this.host.publish(
        uri,
        unique(errs).map((e) => outsideConfigDiagnostic(e)),
      );
    // A document whose config now works was re-published by its lint; one that is not open was not.
    for (const uri of this.errorDocsShown) if (!byDoc.has(uri) && !this.host.publishedElsewhere(uri)) this.host.publish(uri, []);
    this.errorDocsShown = new Set(byDoc.keys());
    const all = [...byFile.values(), ...byDoc.values()];
    // Sorted and unique: the same errors reached through several documents are one message.
    const errorText = [...new Set(all.flat().map((e) => e.message))].sort().join('\n');
    if (errorText && errorText !== this.lastErrorText) {
      const first = all[0][0];
      for (const m of errorText.split('\n')) this.host.log(`configuration error: ${m}`);
      // A notification, not window/showMessageRequest (which not every client has, and
      // whose refusal would be an unhandled rejection): there is nothing to choose.
      this.showMessage(
        MessageType.Error,
        `cx-lint: configuration error: ${first.message}${all.length > 1 || all[0].length > 1 ? ' (more in the Problems panel)' : ''}`,
      );
    }
    this.lastErrorText = errorText;
    return errorText ? all[0][0] : undefined;
  }

  /**
   * Problems with the cxLint.rules setting are the settings' own: logged, and shown once
   * as a notification with an "Open Settings" button (window/showMessageRequest, when the
   * client has it; a plain notification otherwise or when it refuses), never as a
   * diagnostic on a file. The entries they concern were left out; linting goes on.
   */
  showSettingsProblems(problems: Iterable<string[]>): void {
    const all = [...new Set([...problems].flat())].sort();
    const text = all.join('\n');
    if (text === this.lastSettingsText) return;
    this.lastSettingsText = text;
    if (!all.length) return;
    for (const m of all) this.host.log(`settings error: cxLint.rules: ${m}`);
    const message = `cx-lint: settings error in cxLint.rules: ${all[0]}${all.length > 1 ? ` (and ${all.length - 1} more in the cx-lint output)` : ''} The other settings still apply.`;
    if (!this.host.messageActions()) return this.showMessage(MessageType.Warning, message);
    const open = { title: OPEN_SETTINGS };
    this.host.connection.window.showWarningMessage(message, open).then(
      (choice) => {
        if (choice?.title === OPEN_SETTINGS) this.host.quiet(this.host.connection.sendNotification(OPEN_SETTINGS_NOTIFICATION, { query: 'cxLint.rules' }));
      },
      (e) => {
        // The client declared window.showMessage but refused the request: say it the plain way.
        this.host.log(`client request failed: ${(e as Error).message ?? String(e)}`);
        this.showMessage(MessageType.Warning, message);
      },
    );
  }

  showMessage(type: MessageType, message: string): void {
    this.host.quiet(this.host.connection.sendNotification(ShowMessageNotification.type, { type, message }));
  }
}

function configDiagnostic(e: PackError): Diagnostic {
  const line = Math.max(0, e.line - 1);
  const character = Math.max(0, e.column - 1);
  let end = character + 1;
  try {
    const text = readTextSafely(e.file, READ_CAPS.config).split(/\r?\n|\r/)[line];
    if (text !== undefined) end = Math.max(character + 1, text.length);
  } catch {
    /* the file may be gone (or not a regular file); a one-character range still points at it */
  }
  return {
    range: { start: { line, character }, end: { line, character: end } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config-error',
    message: e.reason,
  };
}

/** An error in a file outside the workspace, shown at the top of the document it concerns, with the file's path. */
function outsideConfigDiagnostic(e: PackError): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config-error',
    message: e.message,
  };
}
