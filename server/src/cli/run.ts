// A lint run: the files (or standard input) linted in report order, the report, the
// baseline or the --fix-dry-run diffs written as outcomes come, and the exit code.
import { resolve } from 'node:path';
import type { ReportWriter } from '../report/stream';
import type { CliOptions } from './args';
import { BaselineWriter, readBaseline } from './baseline';
import type { Configs } from './configs';
import { Emitter } from './emitter';
import { ExitError } from './errors';
import { lintStdin, type Outcome, type Task } from './lint-file';
import { openReport, Output } from './output';
import { Progress } from './progress';
import { planTasks } from './tasks';
import { lintAll } from './workers';

/** --baseline's fingerprints, read before anything else runs (a bad baseline stops every command). */
export function loadBaseline(opts: CliOptions): Set<string> | undefined {
  if (opts.baseline === undefined) return undefined;
  try {
    return readBaseline(resolve(process.cwd(), opts.baseline));
  } catch (e) {
    throw new ExitError(`cx-lint: --baseline: ${(e as Error).message}`, 2);
  }
}

/** Lints what the options name and writes the report; resolves to the exit code. */
export async function runLint(opts: CliOptions, configs: Configs, baseline: Set<string> | undefined): Promise<number> {
  const cwd = process.cwd();
  let tasks: Task[] = [];
  let missing: string[] = [];
  let stdinOutcome: Outcome | undefined;
  if (opts.stdin) stdinOutcome = lintStdin(opts, configs);
  else ({ tasks, missing } = planTasks(opts, configs));

  const progress = new Progress(tasks.length);
  const writingBaseline = opts.writeBaseline !== undefined;
  const out = new Output(opts.fixDryRun || writingBaseline || !opts.outputFile ? undefined : resolve(cwd, opts.outputFile), progress);
  const baselineWriter = writingBaseline ? new BaselineWriter(resolve(cwd, opts.writeBaseline!)) : undefined;
  const report: ReportWriter | undefined =
    opts.fixDryRun || writingBaseline
      ? undefined
      : openReport(opts, configs, out.write, !opts.outputFile && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, () => emitter.firstLinted);
  // The report asks the emitter (below) for the first file linted only once findings come in.
  const emitter: Emitter = new Emitter(opts, progress, out, baseline, { report, baselineWriter, diffs: opts.fixDryRun && !writingBaseline });
  try {
    if (stdinOutcome) emitter.emit(stdinOutcome);
    else await lintAll(tasks, opts, configs, progress, (o) => emitter.emit(o));
    progress.done();
    report?.end();
  } catch (e) {
    baselineWriter?.abandon();
    throw e;
  } finally {
    out.close();
  }

  if (baselineWriter) {
    const n = baselineWriter.end();
    process.stderr.write(`cx-lint: recorded ${n} finding${n === 1 ? '' : 's'} in ${opts.writeBaseline}\n`);
    return missing.length || emitter.configError ? 2 : 0;
  }
  // 2 is for usage and configuration errors only; a file that could not be linted was
  // reported on stderr (and as `fatal` in json) and does not change the exit code.
  if (missing.length || emitter.configError) return 2;
  if (opts.fixDryRun) return 0;
  if (emitter.errors > 0 || (opts.maxWarnings >= 0 && emitter.warnings > opts.maxWarnings)) return 1;
  return 0;
}
