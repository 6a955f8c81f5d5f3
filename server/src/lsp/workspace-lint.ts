import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileTooLargeResult, lint, type LintResult } from '../engine';
import { readForLint } from '../config/read-file';
import type { PackError } from '../packs/diagnostics';
import { publishedDiagnostics } from './published';
import { configForDocument } from './document-config';
import type { LintWorkspaceResult } from './protocol';
import type { Settings } from './settings';
import { findWorkspaceFiles } from './workspace-files';

export interface WorkspaceLintHost {
  folders: string[];
  isOpen(uri: string): boolean;
  /** The findings of an open document's current text, or undefined when it is not linted. */
  openFindings(uri: string): Promise<number | undefined>;
  settingsFor(uri: string): Promise<Settings>;
  cancelled(): boolean;
  /** Progress: files linted of total, or while looking for files, what the walk has seen. */
  report(done: number, total: number, message?: string): void;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** The config errors for a file; an empty list when its config loaded. */
  onConfigError(uri: string, errors: PackError[]): void;
  log(msg: string): void;
  /** Tells the user something they should know (a walk cut short). */
  warn(msg: string): void;
  /** Texts cheap enough to lint on the main thread (lint-cost.ts); the others go to lintInBackground. */
  onMainThread(text: string): boolean;
  lintInBackground(uri: string, text: string, settings: Settings): Promise<LintResult | undefined>;
}

/**
 * Lints every Markdown file in the workspace folders that is not open (open ones
 * are linted from the editor's text), with the same file discovery as the CLI:
 * config include/exclude, .gitignore, node_modules skipped; bounded and cancellable
 * (workspace-files.ts). Yields between files, and lints longer files in the
 * background worker, so hover and code actions keep answering.
 */
export async function lintWorkspaceFiles(host: WorkspaceLintHost): Promise<LintWorkspaceResult> {
  const out: LintWorkspaceResult = { files: 0, findings: 0, skipped: [] };
  for (const folder of host.folders) {
    const folderSettings = await host.settingsFor(pathToFileURL(join(folder, '.cxlintrc.json')).href);
    const probe = configForDocument(pathToFileURL(join(folder, 'untitled.md')).href, folderSettings, [folder]);
    const include = probe.ok ? probe.cfg.config.include : undefined;
    // Exclusions (config and settings) are applied per file below, by configForDocument.
    const walk = await findWorkspaceFiles(folder, {
      include,
      cancelled: host.cancelled,
      progress: (entries, found) => host.report(0, 0, `looking for postings: ${found} in ${entries} files and folders`),
    });
    if (walk.stopped === 'cancelled') return out;
    if (walk.stopped) {
      const msg = `cx-lint: workspace lint of ${folder} stopped looking after ${walk.stopped}; linted the first ${walk.files.length} postings found. Open a smaller folder, or narrow "include" in .cxlintrc.json.`;
      host.log(msg);
      host.warn(msg);
      (out.stopped ??= []).push({ folder, reason: walk.stopped });
    }
    const files = walk.files;
    for (let i = 0; i < files.length; i++) {
      if (host.cancelled()) return out;
      if (i % 10 === 0) {
        host.report(i, files.length);
        await new Promise((r) => setImmediate(r));
      }
      const file = files[i];
      const uri = pathToFileURL(file).href;
      if (host.isOpen(uri)) {
        // Linted from the editor's text: counted here, so files and findings agree.
        const n = await host.openFindings(uri);
        if (n !== undefined) {
          out.files++;
          out.findings += n;
        }
        continue;
      }
      const r = await lintFileFromDisk(host, file, folder);
      if (typeof r === 'object' && 'findings' in r) {
        out.files++;
        out.findings += r.findings;
      } else if (typeof r === 'object') out.skipped.push({ file, reason: r.skipped });
    }
    host.report(files.length, files.length);
  }
  return out;
}

/**
 * Lints one file as it is on disk (not open in the editor) and publishes its
 * diagnostics: the workspace lint's step for each file, and what a closed document
 * goes back to after a workspace lint (its findings stay in the Problems panel).
 * Undefined when the file is not linted (disabled, excluded, config errors).
 */
export async function lintFileFromDisk(
  host: Omit<WorkspaceLintHost, 'folders' | 'isOpen' | 'openFindings' | 'cancelled' | 'report' | 'warn'>,
  file: string,
  folder: string,
): Promise<{ findings: number } | { skipped: string } | undefined> {
  const uri = pathToFileURL(file).href;
  const settings = await host.settingsFor(uri);
  if (!settings.enable) return undefined;
  const dc = configForDocument(uri, settings, [folder]);
  host.onConfigError(uri, dc.ok ? [] : dc.errors);
  if (!dc.ok) return undefined;
  if (dc.excluded) return undefined;
  // The CLI's reader: folders, link loops, unreadable, binary and UTF-16 files are
  // refused with its reasons, and a file over maxFileSize is not read at all.
  const read = readForLint(file, dc.cfg.setup.maxFileSize);
  if (!read.ok && read.tooLarge === undefined) return { skipped: read.reason };
  const text = read.ok ? read.text : '';
  try {
    let result: LintResult | undefined;
    if (!read.ok) result = fileTooLargeResult(read.tooLarge!, dc.cfg.setup.maxFileSize);
    else if (!host.onMainThread(text)) result = await host.lintInBackground(uri, text, settings);
    else result = lint(text, dc.cfg.setup, { filePath: dc.relPath });
    if (!result) return { skipped: 'the background lint failed (see the cx-lint output)' };
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    host.publish(uri, publishedDiagnostics(doc, result.findings, settings));
    return { findings: result.findings.length };
  } catch (e) {
    host.log(`internal error linting ${file}: ${(e as Error).stack ?? String(e)}`);
    return { skipped: 'internal error (see the cx-lint output)' };
  }
}
