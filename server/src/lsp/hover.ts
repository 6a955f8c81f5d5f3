import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LintResult, Setup } from '../engine';
import { containsPosition, toRange } from './convert';
import { ruleData, ruleTitle } from './rule-info';

/** Evidence lines shown in a hover; the rest are counted ("and 3 more"). */
const HOVER_EVIDENCE = 5;

/**
 * Hover over a finding, in the order a writer reads: the rule's name, why it matters,
 * a better way to write it, the lines the verdict rests on, the fixes and the rule's
 * page. The verdict itself (the message) is not repeated: editors show the diagnostic
 * with the hover (VS Code puts it just above), so it would be read twice.
 */
export function hoverAt(doc: TextDocument, result: LintResult, setup: Setup, pos: Position): Hover | null {
  const hits = result.findings.filter((f) => containsPosition(toRange(doc, f.range), pos));
  if (!hits.length) return null;
  const parts = hits.map((f) => {
    const rule = ruleData(setup, f.ruleId);
    const lines = [`**${ruleTitle(setup, f.ruleId)}** · \`${f.ruleId}\` (${f.severity}) · ${f.pack.name} ${f.pack.version}`];
    if (rule?.why) lines.push('', `**Why it matters:** ${oneLine(rule.why)}`);
    if (rule?.goodExample)
      lines.push(
        '',
        '**Better:**',
        '',
        ...oneLine(rule.goodExample)
          .split('\n')
          .map((l) => `> ${l}`),
      );
    const evidence = evidenceLines(doc, f);
    if (evidence.length) lines.push('', '**Based on:**', '', ...evidence);
    const fixes = f.fixes.map((x) => `${x.title}${x.safe ? ' (safe: applied by fix-all)' : ''}`);
    if (fixes.length) lines.push('', `**Fixes:** ${fixes.join('; ')}`);
    if (f.docsUrl) lines.push('', `[Rule documentation](${f.docsUrl})`);
    return lines.join('\n');
  });
  const first = hits[0].range;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(doc, first) };
}

/** "- Ln 11: Answer inbound calls…", at most HOVER_EVIDENCE of them, then how many more. */
function evidenceLines(doc: TextDocument, f: Finding): string[] {
  const shown = f.related.slice(0, HOVER_EVIDENCE).map((r) => `- Ln ${doc.positionAt(r.range.start).line + 1}: ${escapeMarkdown(r.message)}`);
  const more = f.related.length - shown.length + (f.relatedOmitted ?? 0);
  if (more > 0) shown.push(`- and ${more} more`);
  return shown;
}

/** Duty text is the writer's Markdown source; shown as plain words, not re-rendered. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
