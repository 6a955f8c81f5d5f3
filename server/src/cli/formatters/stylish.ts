import type { FileResult } from '../results';

const colours = { red: 31, yellow: 33, cyan: 36, grey: 90, bold: 1, underline: 4 } as const;

/** ESLint-style grouped output; colour only when the stream is a terminal. */
export function formatStylish(results: FileResult[], opts: { color: boolean }): string {
  const c = (name: keyof typeof colours, s: string) => (opts.color ? `\u001b[${colours[name]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    if (!r.messages.length) continue;
    lines.push(c('underline', r.displayPath));
    for (const m of r.messages) {
      if (m.severity in counts) counts[m.severity as keyof typeof counts]++;
      if (m.fixes?.some((f) => f.safe)) fixable++;
      const sev = m.severity === 'error' ? c('red', 'error') : m.severity === 'warning' ? c('yellow', 'warning') : c('cyan', m.severity);
      lines.push(`  ${c('grey', `${m.line}:${m.column}`.padEnd(7))} ${sev.padEnd(opts.color ? 16 : 7)}  ${m.message}  ${c('grey', m.ruleId)}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return results.some((r) => r.fatal) ? lines.join('\n') : '';
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
  if (counts.info) parts.push(`${counts.info} info`);
  if (counts.hint) parts.push(`${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
  const summary = `${total === 1 ? '1 problem' : `${total} problems`} (${parts.join(', ')}) in ${results.filter((r) => r.messages.length).length} of ${results.length} files`;
  lines.push(c('bold', (counts.error ? c('red', '✖ ') : counts.warning ? c('yellow', '⚠ ') : 'ℹ ') + summary));
  if (fixable) lines.push(c('grey', `  ${fixable} can be fixed with --fix`));
  return lines.join('\n') + '\n';
}
