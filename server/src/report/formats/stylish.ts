import type { FileResult } from '../results';
import type { ReportWriter, Sink } from '../stream';

const colours = { red: 31, yellow: 33, cyan: 36, grey: 90, bold: 1, underline: 4 } as const;

/** ESLint-style grouped output, one file at a time in the order given; colour only when the stream is a terminal. */
export class StylishWriter implements ReportWriter {
  private readonly counts = { error: 0, warning: 0, info: 0, hint: 0 };
  private fixable = 0;
  private files = 0;
  private filesWithMessages = 0;
  constructor(
    private readonly out: Sink,
    private readonly opts: { color: boolean },
  ) {}

  private c(name: keyof typeof colours, s: string): string {
    return this.opts.color ? `\u001b[${colours[name]}m${s}\u001b[0m` : s;
  }

  file(r: FileResult): void {
    this.files++;
    if (!r.messages.length) return;
    this.filesWithMessages++;
    let text = `${this.c('underline', r.displayPath)}\n`;
    for (const m of r.messages) {
      if (m.severity in this.counts) this.counts[m.severity as keyof typeof this.counts]++;
      if (m.fixes?.some((f) => f.safe)) this.fixable++;
      const sev = m.severity === 'error' ? this.c('red', 'error') : m.severity === 'warning' ? this.c('yellow', 'warning') : this.c('cyan', m.severity);
      text += `  ${this.c('grey', `${m.line}:${m.column}`.padEnd(7))} ${sev.padEnd(this.opts.color ? 16 : 7)}  ${m.message}  ${this.c('grey', m.ruleId)}\n`;
    }
    this.out(`${text}\n`);
  }

  end(): void {
    const { counts } = this;
    const total = counts.error + counts.warning + counts.info + counts.hint;
    if (total === 0) return;
    const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
    if (counts.info) parts.push(`${counts.info} info`);
    if (counts.hint) parts.push(`${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
    const summary = `${total === 1 ? '1 problem' : `${total} problems`} (${parts.join(', ')}) in ${this.filesWithMessages} of ${this.files} files`;
    let text = `${this.c('bold', (counts.error ? this.c('red', '✖ ') : counts.warning ? this.c('yellow', '⚠ ') : 'ℹ ') + summary)}\n`;
    if (this.fixable) text += `${this.c('grey', `  ${this.fixable} can be fixed with --fix`)}\n`;
    this.out(text);
  }
}
