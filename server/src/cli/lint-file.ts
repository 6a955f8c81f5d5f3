// Linting one file (or standard input) for the report: read it safely, lint it with its
// folder's config, and for --fix / --fix-dry-run fix it, write it or diff it. The same
// code runs in the main thread and in --jobs workers; its outcome is plain data.
import { relative, resolve } from 'node:path';
import { fileTooLargeResult, fixText, lint } from '../engine';
import { PackErrors } from '../packs/diagnostics';
import type { ResolvedConfig } from '../config/load-config';
import { readForLint } from '../config/read-file';
import { toFileResult, forReport, type FileResult } from '../report/results';
import type { CliOptions } from './args';
import type { Configs } from './configs';
import { unifiedDiff } from './diff';
import { writeFailure, writeIfUnchanged } from './fix';
import type { FixScope } from './fix-scope';
import { readStdinCapped } from './read-stdin';

export interface Task {
  file: string;
  /** A folder named like a Markdown file. */
  folder: boolean;
}

export interface Outcome {
  result: FileResult;
  /** Lines for stderr, printed in file order. */
  notes: string[];
  /** A configuration error, printed once however many files it stops. */
  configNote?: string;
  diff: string;
}

/** Per-file work, the same in the main thread (--jobs 1) and in workers. */
export function lintFile(task: Task, opts: CliOptions, configs: Configs, scope: FixScope): Outcome {
  const { file } = task;
  const cwd = process.cwd();
  const display = relative(cwd, file) || file;
  const notes: string[] = [];
  let diff = '';
  const fatal = (reason: string, fatalMessage = reason): Outcome => {
    notes.push(`cx-lint: ${display}: ${reason}\n`);
    return { result: { filePath: file, displayPath: display, messages: [], fatal: fatalMessage }, notes, diff };
  };
  if (task.folder) return fatal('is a folder, not a Markdown file; not linted');
  let cfg: ResolvedConfig;
  try {
    cfg = configs.for(file);
  } catch (e) {
    // A config that cannot be read is reported once (main thread de-duplicates the
    // note); the files under it are skipped and the run goes on, exit 2.
    if (!(e instanceof PackErrors)) throw e;
    return {
      result: { filePath: file, displayPath: display, messages: [], fatal: 'configuration error; not linted', configError: true },
      notes,
      configNote: `cx-lint: configuration error\n${e.message}\n`,
      diff,
    };
  }
  const rel = relative(cfg.baseDir, file);
  const read = readForLint(file, cfg.setup.maxFileSize);
  if (!read.ok) {
    if (read.tooLarge !== undefined) return { result: toFileResult(file, display, '', fileTooLargeResult(read.tooLarge, cfg.setup.maxFileSize)), notes, diff };
    return fatal(read.reason);
  }
  const { text } = read;
  if (read.invalidUtf8)
    notes.push(`cx-lint: ${display}: not valid UTF-8; linted with U+FFFD in place of the bad bytes${opts.fix || opts.fixDryRun ? ', not fixed' : ''}\n`);
  // One lint of the text as read: the report's, and fix-all's first pass.
  const linted = lint(text, cfg.setup, { filePath: rel });
  if ((opts.fix || opts.fixDryRun) && !read.invalidUtf8) {
    const fixed = fixText(text, cfg.setup, rel, linted);
    // --fix-dry-run shows what --fix would write, so it refuses the same files.
    const refusal = fixed.changed ? scope.refusal(file) : undefined;
    if (refusal) notes.push(`cx-lint: ${display}: ${refusal}\n`);
    else if (fixed.changed && opts.fixDryRun) {
      const name = display.split('\\').join('/');
      diff += unifiedDiff(text, fixed.text, `a/${name}`, `b/${name}`);
    } else if (fixed.changed && opts.fix) {
      try {
        if (writeIfUnchanged(file, text, fixed.text)) return { result: forReport(toFileResult(file, display, fixed.text, fixed.result)), notes, diff };
        notes.push(`cx-lint: ${display}: changed while it was being fixed; not written\n`);
      } catch (e) {
        // Like a file that cannot be read: said once, and the run goes on. Its findings
        // are those of the text on disk, which is unchanged.
        notes.push(`cx-lint: ${display}: cannot be written (${writeFailure(e as NodeJS.ErrnoException)}); not fixed\n`);
      }
    }
  }
  return { result: forReport(toFileResult(file, display, text, linted)), notes, diff };
}

/** --stdin: the text on standard input, linted (and for --fix-dry-run diffed) as --stdin-filename or `<stdin>`. */
export function lintStdin(opts: CliOptions, configs: Configs): Outcome {
  const name = opts.stdinFilename ?? '<stdin>';
  const abs = resolve(process.cwd(), opts.stdinFilename ?? '__stdin__.md');
  const cfg = configs.for(abs);
  // Read no further than a file would be (maxFileSize): past it, the one finding a file that size gets.
  const read = readStdinCapped(cfg.setup.maxFileSize);
  if ('tooLarge' in read) {
    return { result: toFileResult(abs, name, '', fileTooLargeResult(read.tooLarge, cfg.setup.maxFileSize, { stoppedReading: true })), notes: [], diff: '' };
  }
  const text = read.text;
  const rel = opts.stdinFilename ? relative(cfg.baseDir, abs) : undefined;
  const linted = lint(text, cfg.setup, { filePath: rel });
  let diff = '';
  if (opts.fixDryRun) {
    const fixed = fixText(text, cfg.setup, rel, linted);
    diff = unifiedDiff(text, fixed.text, `a/${name}`, `b/${name}`);
  }
  return { result: toFileResult(abs, name, text, linted), notes: [], diff };
}
