import { appendFileSync } from 'node:fs';
import { portablePath, sortMessages, type FileResult } from '../results';
import type { ReportWriter, Sink } from '../stream';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;
/** A level with more than this many annotations gets the step summary table. */
const SUMMARY_AFTER = 10;

/** Escaping for a workflow command's message (GitHub's toolkit rules). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a workflow command's property values. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/**
 * GitHub Actions annotations, file by file (files in sorted order); a Markdown summary
 * table when a level has more than 10. The table's rows are held only until a level
 * passes 10; from then on they are appended to the summary file as they come.
 */
export class GithubWriter implements ReportWriter {
  private readonly perLevel = { error: 0, warning: 0, notice: 0 };
  private rows: string[] = [];
  private tableStarted = false;
  constructor(
    private readonly out: Sink,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  file(r: FileResult): void {
    const file = portablePath(r);
    let text = '';
    for (const m of sortMessages(r.messages)) {
      const level = COMMAND[m.severity];
      this.perLevel[level]++;
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`cx-lint (${m.ruleId})`)}`,
      ].join(',');
      text += `::${level} ${props}::${escapeData(m.message)}\n`;
      if (this.env.GITHUB_STEP_SUMMARY) this.rows.push(`| ${cell(file)} | ${m.line}:${m.column} | ${m.severity} | \`${m.ruleId}\` | ${cell(m.message)} |`);
    }
    if (text) this.out(text);
    this.summaryRows();
  }

  end(): void {
    this.summaryRows();
    if (this.tableStarted) appendFileSync(this.env.GITHUB_STEP_SUMMARY!, '\n');
  }

  private summaryRows(): void {
    const summary = this.env.GITHUB_STEP_SUMMARY;
    if (!summary || !this.rows.length) return;
    if (!this.tableStarted) {
      if (!Object.values(this.perLevel).some((n) => n > SUMMARY_AFTER)) return;
      this.tableStarted = true;
      this.rows.unshift('## cx-lint findings', '', '| file | line:col | severity | rule | message |', '|---|---|---|---|---|');
    }
    appendFileSync(summary, this.rows.join('\n') + '\n');
    this.rows = [];
  }
}
