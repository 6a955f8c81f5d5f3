import { CodeActionKind, type CodeAction, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { eolOf, fixText, type Finding, type LintResult, type Setup } from '../engine';
import { overlaps, SOURCE, toDiagnostic, toLspEdit, toRange } from './convert';
import { COMMANDS } from './protocol';
import { ruleTitle } from './rule-info';

/** The kind editors ask for on save (`editor.codeActionsOnSave: { "source.fixAll.cx-lint": "explicit" }`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

export interface ActionContext {
  doc: TextDocument;
  result: LintResult;
  setup: Setup;
  relPath: string | undefined;
  /** Versioned edits when the client supports them, so an edit never lands on a newer text. */
  versioned: boolean;
}

export function workspaceEdit(ctx: Pick<ActionContext, 'doc' | 'versioned'>, edits: LspTextEdit[]): WorkspaceEdit {
  const { doc } = ctx;
  return ctx.versioned ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } };
}

const SEVERITY_RANK: Record<string, number> = { error: 4, warning: 3, info: 2, hint: 1 };

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * Quick fixes for the findings under `range`, "disable" actions, and fix-all.
 * Everything is derived from a lint of the document's current version, never from
 * diagnostics the client sends back, so an edit always matches the text it edits.
 */
export function codeActions(ctx: ActionContext, range: Range, only: string[] | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  const { doc, result } = ctx;
  if (wants(only, CodeActionKind.QuickFix)) {
    const here = result.findings.filter((f) => overlaps(toRange(doc, f.range), range));
    const disabled = new Set<string>();
    // Candidates for isPreferred: each finding's preferred fix. Several findings (of
    // different packs) may offer one for the same text; "auto fix" applies the single
    // preferred action, so only the best is marked: safe first, then the most severe finding.
    const candidates: Array<{ action: CodeAction; safe: boolean; severity: number }> = [];
    for (const f of here) {
      const diagnostic = toDiagnostic(doc, f);
      f.fixes.forEach((fix) => {
        const action: CodeAction = {
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(
            ctx,
            fix.edits.map((e) => toLspEdit(doc, e)),
          ),
        };
        out.push(action);
        // Preferred when the pack says so, or when it is the only fix and safe.
        if (fix.preferred ?? (fix.safe && f.fixes.length === 1)) candidates.push({ action, safe: fix.safe, severity: SEVERITY_RANK[f.severity] ?? 0 });
      });
      // Menus name the rule in words; the comments they insert keep the id.
      const name = `“${ruleTitle(ctx.setup, f.ruleId)}”`;
      const lineKey = `${f.ruleId}@${doc.positionAt(f.range.start).line}`;
      if (!disabled.has(lineKey)) {
        disabled.add(lineKey);
        const lineEdit = disableLineEdit(doc, f);
        if (lineEdit)
          out.push({ title: `Turn off ${name} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(ctx, [lineEdit]) });
      }
      if (!disabled.has(f.ruleId)) {
        disabled.add(f.ruleId);
        out.push({
          title: `Turn off ${name} for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(ctx, [disableFileEdit(doc, f.ruleId)]),
        });
        if (f.docsUrl) {
          out.push({
            title: `Learn more about ${name}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: `Learn more about ${name}`, command: COMMANDS.openRuleDocs, arguments: [f.docsUrl] },
          });
        }
      }
    }
    const best = candidates.reduce<(typeof candidates)[number] | undefined>(
      (m, c) => (!m || (c.safe && !m.safe) || (c.safe === m.safe && c.severity > m.severity) ? c : m),
      undefined,
    );
    if (best) best.action.isPreferred = true;
    if (here.length) {
      const all = fixAllEdit(ctx);
      if (all) out.push({ title: 'Fix all safe cx-lint problems in this file', kind: CodeActionKind.QuickFix, edit: workspaceEdit(ctx, [all]) });
    }
  }
  // fix-all is only offered when asked for by kind (on save, or the Source Action menu).
  if (only && (wants(only, FIX_ALL_KIND) || only.includes(CodeActionKind.Source))) {
    const all = fixAllEdit(ctx);
    if (all) out.push({ title: 'Fix all safe cx-lint problems', kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, [all]) });
  }
  return out;
}

/** Applies every safe fix (as `cx-lint --fix` does) and returns one edit covering what changed, or undefined. */
export function fixAllEdit(ctx: Pick<ActionContext, 'doc' | 'result' | 'setup' | 'relPath'>): LspTextEdit | undefined {
  // Nothing safe to apply: no need to run fix-all's lint passes (code actions are asked for on every cursor move).
  if (!ctx.result.findings.some((f) => f.fixes.some((x) => x.safe))) return undefined;
  const before = ctx.doc.getText();
  const fixed = fixText(before, ctx.setup, ctx.relPath, ctx.result);
  if (!fixed.changed) return undefined;
  return minimalEdit(ctx.doc, before, fixed.text);
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * One edit from `a` to `b` covering only the changed middle. Its ends never split a
 * surrogate pair or a CRLF, so editors that normalise line ends apply it exactly.
 */
export function minimalEdit(doc: TextDocument, a: string, b: string): LspTextEdit {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  const unsafe = (t: string, i: number) => i > 0 && i < t.length && (isLow(t.charCodeAt(i)) || (t[i - 1] === '\r' && t[i] === '\n'));
  while (p > 0 && (unsafe(a, p) || unsafe(b, p))) p--;
  while (s > 0 && (unsafe(a, a.length - s) || unsafe(b, b.length - s))) s--;
  return { range: { start: doc.positionAt(p), end: doc.positionAt(a.length - s) }, newText: b.slice(p, b.length - s) };
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Appends `<!-- cx-lint-disable-line RULE -->` to the finding's first line (inside the last cell for table rows). */
function disableLineEdit(doc: TextDocument, f: Finding): LspTextEdit | undefined {
  const text = doc.getText();
  const fm = FRONT_MATTER.exec(text);
  if (fm && f.range.start < fm[0].length) return undefined; // YAML has no HTML comments; offer the file-level action only
  const line = doc.positionAt(f.range.start).line;
  const lineStart = doc.offsetAt({ line, character: 0 });
  const lineText = text.slice(lineStart, doc.offsetAt({ line: line + 1, character: 0 })).replace(/\r?\n$|\r$/, '');
  const existing = /<!--\s*cx-lint-disable-line\b([^>]*?)\s*-->/.exec(lineText);
  if (existing) {
    let k = existing[0].lastIndexOf('-->');
    while (k > 0 && /\s/.test(existing[0][k - 1])) k--;
    const at = lineStart + existing.index + k;
    return { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, newText: ` ${f.ruleId}` };
  }
  const trimmed = lineText.trimEnd();
  let at = lineStart + trimmed.length;
  // A comment after a table row's closing pipe would be an extra cell, which GFM drops.
  if (/^\s*\|/.test(lineText) && trimmed.endsWith('|') && trimmed.length > 1) at -= 1;
  return {
    range: { start: doc.positionAt(at), end: doc.positionAt(at) },
    newText: ` <!-- cx-lint-disable-line ${f.ruleId} -->${at < lineStart + trimmed.length ? ' ' : ''}`,
  };
}

/** Inserts `<!-- cx-lint-disable-file RULE -->` on its own line after the front matter (or at the top). */
function disableFileEdit(doc: TextDocument, ruleId: string): LspTextEdit {
  const text = doc.getText();
  const fm = FRONT_MATTER.exec(text);
  const at = fm ? fm[0].length : text.startsWith('\uFEFF') ? 1 : 0;
  const eol = eolOf(text);
  // Front matter that ends the file without a newline needs one before the comment.
  const lead = fm && !/\n$/.test(fm[0]) ? eol : '';
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, newText: `${lead}<!-- cx-lint-disable-file ${ruleId} -->${eol}` };
}
