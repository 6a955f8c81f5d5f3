import { appendFileSync } from 'node:fs';
import { portablePath, sortMessages, sortResults, type FileResult } from '../results';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escaping for a workflow command's message (GitHub's toolkit rules). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a workflow command's property values. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/** GitHub Actions annotations; a Markdown summary table when a level has more than 10. */
export function formatGithub(results: FileResult[], env: NodeJS.ProcessEnv = process.env): string {
  const lines: string[] = [];
  const perLevel = { error: 0, warning: 0, notice: 0 };
  const rows: string[] = [];
  for (const r of sortResults(results)) {
    const file = portablePath(r);
    for (const m of sortMessages(r.messages)) {
      const level = COMMAND[m.severity];
      perLevel[level]++;
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`cx-lint (${m.ruleId})`)}`,
      ].join(',');
      lines.push(`::${level} ${props}::${escapeData(m.message)}`);
      rows.push(`| ${cell(file)} | ${m.line}:${m.column} | ${m.severity} | \`${m.ruleId}\` | ${cell(m.message)} |`);
    }
  }
  const summary = env.GITHUB_STEP_SUMMARY;
  if (summary && Object.values(perLevel).some((n) => n > 10)) {
    const table = ['## cx-lint findings', '', '| file | line:col | severity | rule | message |', '|---|---|---|---|---|', ...rows, ''].join('\n');
    appendFileSync(summary, table + '\n');
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
