import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileTooLargeResult, fixText, formatReading, lint } from '../engine';
import { readStdinCapped } from './read-stdin';
import { packageVersion } from '../packs/builtin';
import { PackErrors } from '../packs/diagnostics';
import { loadConfigFor, resolveConfig, type ResolvedConfig } from '../packs/config';
import { LOCKFILE_NAME, LockChecks, LockfileError } from '../config/lockfile';
import { parseCli, USAGE, UsageError, type CliOptions } from './args';
import { packCommand } from './pack-commands';
import { unifiedDiff } from './diff';
import { expandPaths } from '../config/files';
import { writeFailure, writeIfUnchanged } from './fix';
import { FixScope } from './fix-scope';
import { readForLint } from '../config/read-file';
import { FORMATS, ruleDescriber } from '../report/formats';
import type { ReportWriter, Sink } from '../report/stream';
import { explainRule, listRules, printConfig, ruleIds, unknownRuleMessage } from './info';
import { toFileResult, forReport, type FileResult } from '../report/results';
import { BaselineWriter, readBaseline, withoutBaselined } from './baseline';
import { exitQuietlyOnBrokenPipe } from './broken-pipe';

const PROGRESS_MIN_FILES = 50;
/** Tasks queued per --jobs worker. */
const IN_FLIGHT = 4;

interface Task {
  file: string;
  /** A folder named like a Markdown file. */
  folder: boolean;
}
interface Outcome {
  result: FileResult;
  /** Lines for stderr, printed in file order. */
  notes: string[];
  /** A configuration error, printed once however many files it stops. */
  configNote?: string;
  diff: string;
}
type ToWorker = { index: number; task: Task };
type FromWorker = { index: number; outcome: Outcome } | { error: { message: string; code: number } };

class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * Loads (and caches per folder) the config for a file, with --rule overrides applied and
 * packs checked against the lockfile. A config with errors is cached as its errors: a
 * run reads it once, however many files it stops.
 */
class Configs {
  private readonly cache = new Map<string, ResolvedConfig | PackErrors>();
  // The lockfile that governs each file, found like its config, is always checked (unless
  // --no-lockfile), once per folder: with --config one config serves folders under
  // different lockfiles.
  private readonly lock = new LockChecks((f) => relative(process.cwd(), f) || f);
  private readonly lockChecked = new Set<string>();
  constructor(private readonly opts: CliOptions) {}
  for(file: string): ResolvedConfig {
    const folder = dirname(resolve(file));
    const key = this.opts.config ? '' : folder;
    const hit = this.cache.get(key);
    if (hit instanceof PackErrors) throw hit;
    const cfg = hit ?? this.load(file, key);
    if (!this.opts.noLockfile && !this.lockChecked.has(folder)) {
      const { lockfile, problems } = this.lock.check(file, cfg.packs, this.opts.config);
      if (problems.length) throw new LockfileError(problems.join('\n'), relative(process.cwd(), lockfile!) || lockfile);
      this.lockChecked.add(folder);
    }
    return cfg;
  }
  private load(file: string, key: string): ResolvedConfig {
    let cfg: ResolvedConfig;
    try {
      cfg = loadConfigFor(file, { configFile: this.opts.config });
    } catch (e) {
      if (e instanceof PackErrors) this.cache.set(key, e);
      throw e;
    }
    const overrides = this.opts.rules;
    if (Object.keys(overrides).length) {
      const known = new Set(ruleIds(cfg));
      for (const id of Object.keys(overrides)) if (!known.has(id)) throw new ExitError(`cx-lint: --rule: ${unknownRuleMessage(id, cfg)}`, 2);
      cfg = resolveConfig(cfg.config, cfg.baseDir, [], undefined, { rules: overrides });
      if (cfg.settingsProblems.length) throw new ExitError(cfg.settingsProblems.map((m) => `cx-lint: --rule: ${m}`).join('\n'), 2);
    }
    this.cache.set(key, cfg);
    return cfg;
  }
}

/**
 * The report writer for --format, writing to `out`. SARIF describes rules from the
 * config of the first file that was linted (known by the time a finding comes in).
 */
function openReport(opts: CliOptions, configs: Configs, out: Sink, color: boolean, firstLinted: () => string | undefined): ReportWriter {
  const describe = ruleDescriber(() => {
    const first = firstLinted();
    return first === undefined ? undefined : configs.for(first).setup;
  });
  return FORMATS[opts.format].open(out, { tool: { name: 'cx-lint', version: packageVersion() }, color, describe, env: process.env });
}

/** --print-reading: how one file was read, as text or (--format json) JSON. */
function printReading(opts: CliOptions, configs: Configs, file: string): number {
  const cfg = configs.for(file);
  const read = readForLint(file, cfg.setup.maxFileSize);
  if (!read.ok) throw new ExitError(`cx-lint: --print-reading: ${relative(process.cwd(), file) || file} ${read.reason}`, 2);
  const linted = lint(read.text, cfg.setup, { filePath: relative(cfg.baseDir, file), reading: true });
  const name = relative(process.cwd(), file) || file;
  if (!linted.reading) throw new ExitError(`cx-lint: --print-reading: ${name} was not read (${linted.findings[0]?.message ?? linted.kindReason})`, 2);
  const findings = linted.findings.map((f) => `  ${f.ruleId} (${f.severity}): ${f.message}`);
  process.stdout.write(opts.format === 'json'
    ? `${JSON.stringify({ filePath: name, ...linted.reading, findings: linted.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })) }, null, 2)}\n`
    : `${formatReading(linted.reading, name)}findings:\n${findings.length ? findings.join('\n') : '  (none)'}\n`);
  return 0;
}

/** Standard output or --output-file, written as the report comes. */
class Output {
  private fd: number | undefined;
  constructor(
    file: string | undefined,
    private readonly progress: Progress,
  ) {
    if (file === undefined) return;
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
  }
  readonly write: Sink = (chunk) => {
    if (this.fd === undefined) {
      if (process.stdout.isTTY) this.progress.clear();
      process.stdout.write(chunk);
      return;
    }
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let done = 0; done < buf.length; ) done += writeSync(this.fd, buf, done, buf.length - done);
  };
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Takes each file's outcome in report order and passes it on at once: stderr notes,
 * --fix-dry-run diffs, the baseline being written or the report. Keeps only counters.
 */
class Emitter {
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

async function main(argv: string[]): Promise<number> {
  // `cx-lint pack …` authoring commands; lint a folder called "pack" as ./pack.
  if (argv[0] === 'pack') return packCommand(argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  const opts = parseCli(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const configs = new Configs(opts);
  let baseline: Set<string> | undefined;
  if (opts.baseline !== undefined) {
    try {
      baseline = readBaseline(resolve(cwd, opts.baseline));
    } catch (e) {
      throw new ExitError(`cx-lint: --baseline: ${(e as Error).message}`, 2);
    }
  }

  if (opts.printReading !== undefined) return printReading(opts, configs, resolve(cwd, opts.printReading));
  if (opts.listRules || opts.explain !== undefined || opts.printConfig !== undefined) {
    if (opts.printConfig !== undefined) {
      const file = resolve(cwd, opts.printConfig);
      process.stdout.write(printConfig(configs.for(file)));
      return 0;
    }
    const cfg = configs.for(resolve(cwd, '__cx-lint__.md'));
    if (opts.listRules) {
      process.stdout.write(listRules(cfg));
      return 0;
    }
    const text = explainRule(opts.explain!, cfg);
    if (text === undefined) throw new ExitError(`cx-lint: --explain: ${unknownRuleMessage(opts.explain!, cfg)}`, 2);
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
    return 0;
  }

  let tasks: Task[] = [];
  let missing: string[] = [];
  let stdinOutcome: Outcome | undefined;
  if (opts.stdin) {
    const name = opts.stdinFilename ?? '<stdin>';
    const abs = resolve(cwd, opts.stdinFilename ?? '__stdin__.md');
    const cfg = configs.for(abs);
    // Read no further than a file would be (maxFileSize): past it, the one finding a file that size gets.
    const read = readStdinCapped(cfg.setup.maxFileSize);
    if ('tooLarge' in read) {
      stdinOutcome = { result: toFileResult(abs, name, '', fileTooLargeResult(read.tooLarge, cfg.setup.maxFileSize, { stoppedReading: true })), notes: [], diff: '' };
    } else {
      const text = read.text;
      const rel = opts.stdinFilename ? relative(cfg.baseDir, abs) : undefined;
      const linted = lint(text, cfg.setup, { filePath: rel });
      let diff = '';
      if (opts.fixDryRun) {
        const fixed = fixText(text, cfg.setup, rel, linted);
        diff = unifiedDiff(text, fixed.text, `a/${name}`, `b/${name}`);
      }
      stdinOutcome = { result: toFileResult(abs, name, text, linted), notes: [], diff };
    }
  } else {
    // The working folder's config says what to lint when no paths are given, and what never to lint.
    let include: string[] | undefined;
    let exclude: string[] = [];
    try {
      const here = configs.for(join(cwd, '.cx-lint-probe.md'));
      include = here.config.include;
      exclude = here.config.exclude ?? [];
    } catch {
      /* a broken config is reported when the first file is linted */
    }
    const expanded = expandPaths(opts.paths.length ? opts.paths : include ?? ['.'], cwd, exclude);
    missing = expanded.missing;
    for (const m of missing) process.stderr.write(`cx-lint: ${m}: no such file, folder or matching files\n`);
    const folders = new Set(expanded.folders);
    // Files are linted and reported in the order the report sorts them by: stylish by
    // relative path (as listed), the machine formats and baselines by forward-slash
    // path. The two differ only for names with backslashes.
    const portable = FORMATS[opts.format].portablePaths || opts.writeBaseline !== undefined;
    const key = (f: string) => {
      const rel = relative(cwd, f) || f;
      return portable ? rel.split('\\').join('/') : rel;
    };
    tasks = [...expanded.files, ...expanded.folders]
      .map((file) => ({ file, folder: folders.has(file), key: key(file) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ file, folder }) => ({ file, folder }));
    // Every config is loaded before anything is printed: one that stops the run (an
    // unknown --rule, a lockfile mismatch) must leave standard output empty. A config
    // with errors is reported in file order with the files it stops.
    for (const t of tasks) {
      if (t.folder) continue;
      try {
        configs.for(t.file);
      } catch (e) {
        if (!(e instanceof PackErrors)) throw e;
      }
    }
  }

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

function reportError(e: unknown): { message: string; code: number } {
  if (e instanceof UsageError) return { message: `cx-lint: ${e.message}. Run cx-lint --help for usage.\n`, code: 2 };
  if (e instanceof PackErrors) return { message: `cx-lint: configuration error\n${e.message}\n`, code: 2 };
  if (e instanceof LockfileError) return { message: `cx-lint: lockfile check failed (${e.file ?? LOCKFILE_NAME})\n${e.message}\nRun with --no-lockfile to skip the check.\n`, code: 2 };
  if (e instanceof ExitError) return { message: `${e.message}\n`, code: e.code };
  return { message: `cx-lint: ${(e as Error).message}\n`, code: 2 };
}

/** Per-file work, the same in the main thread (--jobs 1) and in workers. */
function lintOne(task: Task, opts: CliOptions, configs: Configs, scope: FixScope): Outcome {
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
    return { result: { filePath: file, displayPath: display, messages: [], fatal: 'configuration error; not linted', configError: true }, notes, configNote: `cx-lint: configuration error\n${e.message}\n`, diff };
  }
  const rel = relative(cfg.baseDir, file);
  const read = readForLint(file, cfg.setup.maxFileSize);
  if (!read.ok) {
    if (read.tooLarge !== undefined) return { result: toFileResult(file, display, '', fileTooLargeResult(read.tooLarge, cfg.setup.maxFileSize)), notes, diff };
    return fatal(read.reason);
  }
  const { text } = read;
  if (read.invalidUtf8) notes.push(`cx-lint: ${display}: not valid UTF-8; linted with U+FFFD in place of the bad bytes${opts.fix || opts.fixDryRun ? ', not fixed' : ''}\n`);
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

/**
 * Lints every task and hands each outcome to `deliver` in task order, as soon as it
 * and every task before it are done; with --jobs N > 1 in N threads. Outcomes that
 * finish early wait (a few, one per task in flight); nothing else is kept.
 */
async function lintAll(tasks: Task[], opts: CliOptions, configs: Configs, progress: Progress, deliver: (o: Outcome) => void): Promise<void> {
  const scope = new FixScope(opts.paths, process.cwd());
  const jobs = Math.min(opts.jobs, tasks.length);
  if (jobs <= 1) {
    for (const t of tasks) {
      deliver(lintOne(t, opts, configs, scope));
      progress.tick();
    }
    return;
  }
  const waiting = new Map<number, Outcome>();
  let nextOut = 0;
  const done = (index: number, o: Outcome) => {
    progress.tick();
    waiting.set(index, o);
    for (let x = waiting.get(nextOut); x !== undefined; x = waiting.get(nextOut)) {
      waiting.delete(nextOut++);
      deliver(x);
    }
  };
  let next = 0;
  let failure: { message: string; code: number } | undefined;
  const workers: Worker[] = [];
  // The main thread is one of the N: it has its config loaded and its code warm
  // already, while each worker must start cold. Between files it yields so that
  // the workers' replies are handled and their queues refilled.
  let mainDone!: Promise<void>;
  const lintInMain = async () => {
    while (!failure && next < tasks.length) {
      const index = next++;
      try {
        done(index, lintOne(tasks[index], opts, configs, scope));
      } catch (e) {
        failure ??= reportError(e);
        break;
      }
      await new Promise<void>((r) => setImmediate(r));
    }
  };
  await new Promise<void>((resolveAll, rejectAll) => {
    let live = jobs - 1;
    const inFlight = new Map<Worker, number>();
    const finish = (w: Worker) => {
      if (!inFlight.has(w)) return;
      inFlight.delete(w);
      void w.terminate();
      if (--live === 0) resolveAll();
    };
    // Each worker holds up to IN_FLIGHT tasks, so it never waits for the main thread
    // between files (the main thread is busy too when the machine is).
    const feed = (w: Worker) => {
      let n = inFlight.get(w) ?? 0;
      while (!failure && next < tasks.length && n < IN_FLIGHT) {
        const index = next++;
        w.postMessage({ index, task: tasks[index] } satisfies ToWorker);
        n++;
      }
      inFlight.set(w, n);
      if (n === 0 || failure) finish(w);
    };
    for (let i = 0; i < jobs - 1; i++) {
      const w = new Worker(__filename, { workerData: { argv: process.argv.slice(2) } });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (!inFlight.has(w)) return; // finished (a failure elsewhere); late replies are dropped
        if ('error' in m) {
          failure ??= m.error;
          inFlight.set(w, 0);
          return finish(w);
        }
        inFlight.set(w, inFlight.get(w)! - 1);
        try {
          done(m.index, m.outcome);
        } catch (e) {
          failure ??= reportError(e); // stops the main thread's share too
        }
        feed(w);
      });
      w.on('error', (e) => {
        failure ??= { message: `cx-lint: ${e.message}\n`, code: 2 }; // stops the main thread's share too
        for (const x of workers) void x.terminate();
        rejectAll(e);
      });
      feed(w);
    }
    mainDone = lintInMain();
  });
  await mainDone;
  if (failure) throw new ExitError(failure.message.replace(/\n$/, ''), failure.code);
}

/** "cx-lint: 120/400 files" on stderr, only on a terminal and for more than 50 files. */
class Progress {
  private count = 0;
  private last = 0;
  private shown = false;
  private readonly enabled: boolean;
  constructor(private readonly total: number) {
    this.enabled = Boolean(process.stderr.isTTY) && total > PROGRESS_MIN_FILES;
  }
  tick(): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.count < this.total) return;
    this.last = now;
    this.shown = true;
    process.stderr.write(`\rcx-lint: ${this.count}/${this.total} files`);
  }
  /** Erases the progress line before other output on the terminal; the next tick draws it again. */
  clear(): void {
    if (!this.shown) return;
    process.stderr.write('\r\x1b[K');
    this.shown = false;
    this.last = 0;
  }
  done(): void {
    this.clear();
  }
}

// A batch run keeps little alive (the report streams), but V8 lets its old generation
// grow to several times what is live before collecting: 180 MB peak for 15 MB live on
// 1,000 postings. Growing the heap by 80% at a time instead took the peak to ≈150 MB
// for a few percent more CPU (docs/decisions.md 31). V8 reads this flag each time it sets
// the next limit, so setting it at start-up works without a command-line flag; a V8
// that ignores it only uses more memory. V8 flags are per process: --jobs workers too.
setFlagsFromString('--heap-growing-percent=80');

if (isMainThread) {
  exitQuietlyOnBrokenPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const r = reportError(e);
      process.stderr.write(r.message);
      process.exitCode = r.code;
    },
  );
} else {
  // A --jobs worker: the same options as the main thread, one task at a time.
  const opts = parseCli((workerData as { argv: string[] }).argv);
  const configs = new Configs(opts);
  const scope = new FixScope(opts.paths, process.cwd());
  parentPort!.on('message', (m: ToWorker) => {
    let reply: FromWorker;
    try {
      reply = { index: m.index, outcome: lintOne(m.task, opts, configs, scope) };
    } catch (e) {
      reply = { error: reportError(e) };
    }
    parentPort!.postMessage(reply);
  });
}
