// Passing each file's outcome on, in report order: its stderr notes, its --fix-dry-run
// diff, then the baseline being written or the report; counting what decides the exit code.
import type { ReportWriter } from '../report/stream';
import type { CliOptions } from './args';
import { withoutBaselined, type BaselineWriter } from './baseline';
import type { Outcome } from './lint-file';
import type { Output } from './output';
import type { Progress } from './progress';

/**
 * Takes each file's outcome in report order and passes it on at once: stderr notes,
 * --fix-dry-run diffs, the baseline being written or the report. Keeps only counters.
 */
export class Emitter {
  errors = 0;
  warnings = 0;
  configError = false;
  firstLinted: string | undefined;
  private readonly configNotes = new Set<string>();
  constructor(
    private readonly opts: CliOptions,
    private readonly progress: Progress,
    private readonly out: Output,
    private readonly baseline: Set<string> | undefined,
    private readonly sinks: { report?: ReportWriter; baselineWriter?: BaselineWriter; diffs: boolean },
  ) {}

  emit(o: Outcome): void {
    if (o.configNote !== undefined && !this.configNotes.has(o.configNote)) {
      this.configNotes.add(o.configNote);
      this.note(o.configNote);
    }
    for (const n of o.notes) this.note(n);
    if (this.sinks.diffs && o.diff) this.out.write(o.diff);
    let r = o.result;
    if (r.configError) this.configError = true;
    if (!r.fatal) this.firstLinted ??= r.filePath;
    if (this.sinks.baselineWriter) return this.sinks.baselineWriter.file(r);
    if (this.baseline) r = withoutBaselined(r, this.baseline);
    for (const m of r.messages) {
      if (m.severity === 'error') this.errors++;
      else if (m.severity === 'warning') this.warnings++;
    }
    if (this.sinks.report) this.sinks.report.file(this.opts.quiet ? { ...r, messages: r.messages.filter((m) => m.severity === 'error') } : r);
  }

  private note(s: string): void {
    this.progress.clear();
    process.stderr.write(s);
  }
}
