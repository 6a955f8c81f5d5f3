import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, Setup } from '../engine';
import { containsPosition, toRange } from './convert';

/**
 * Hover over a finding: what is wrong (the message), why it matters for customers,
 * a better way to write it, the pack that owns the rule, and its documentation.
 */
export function hoverAt(doc: TextDocument, result: LintResult, setup: Setup, pos: Position): Hover | null {
  const hits = result.findings.filter((f) => containsPosition(toRange(doc, f.range), pos));
  if (!hits.length) return null;
  const parts = hits.map((f) => {
    const rule = setup.allRules.find((r) => r.data.id === f.ruleId)?.data;
    const lines = [`**cx-lint: ${f.ruleId}** (${f.severity}) — ${f.pack.name} ${f.pack.version}`, '', f.message];
    if (rule?.why) lines.push('', `**Why it matters:** ${oneLine(rule.why)}`);
    if (rule?.goodExample) lines.push('', '**Better:**', '', ...oneLine(rule.goodExample).split('\n').map((l) => `> ${l}`));
    const fixes = f.fixes.map((x) => `${x.title}${x.safe ? ' (safe: applied by fix-all)' : ''}`);
    if (fixes.length) lines.push('', `**Fixes:** ${fixes.join('; ')}`);
    if (f.docsUrl) lines.push('', `[Rule documentation](${f.docsUrl})`);
    return lines.join('\n');
  });
  const first = hits[0].range;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(doc, first) };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
