import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileTooLargeResult, fixText, lint } from '../engine';
import { packageVersion } from '../packs/builtin';
import { PackErrors } from '../packs/diagnostics';
import { loadConfigFor, resolveConfig, type ResolvedConfig } from '../packs/config';
import { LOCKFILE_NAME, LockfileError, LockVerifier, readLockfile } from '../packs/lockfile';
import { parseCli, USAGE, UsageError, type CliOptions } from './args';
import { packCommand } from './pack-commands';
import { unifiedDiff } from './diff';
import { expandPaths } from './files';
import { writeIfUnchanged } from './fix';
import { readForLint } from './read-file';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { explainRule, listRules, printConfig, ruleIds, unknownRuleMessage } from './info';
import { toFileResult, forReport, type FileResult } from './results';
import { applyBaseline, readBaseline, writeBaseline } from './baseline';

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

/** Loads (and caches per folder) the config for a file, with --rule overrides applied and packs checked against the lockfile. */
class Configs {
  private readonly cache = new Map<string, ResolvedConfig>();
  private readonly lock: LockVerifier | undefined;
  constructor(private readonly opts: CliOptions) {
    // The lockfile in the working folder, when there is one, is always checked (unless --no-lockfile).
    const file = join(process.cwd(), LOCKFILE_NAME);
    this.lock = !opts.noLockfile && existsSync(file) ? new LockVerifier(LOCKFILE_NAME, readLockfile(file)) : undefined;
  }
  for(file: string): ResolvedConfig {
    const key = this.opts.config ? '' : dirname(resolve(file));
    let cfg = this.cache.get(key);
    if (cfg) return cfg;
    cfg = loadConfigFor(file, { configFile: this.opts.config });
    const problems = this.lock?.problems(cfg.packs) ?? [];
    if (problems.length) throw new LockfileError(problems.join('\n'));
    const overrides = this.opts.rules;
    if (Object.keys(overrides).length) {
      const known = new Set(ruleIds(cfg));
      for (const id of Object.keys(overrides)) if (!known.has(id)) throw new ExitError(`cx-lint: --rule: ${unknownRuleMessage(id, cfg)}`, 2);
      cfg = resolveConfig({ ...cfg.config, rules: { ...cfg.config.rules, ...overrides } }, cfg.baseDir);
    }
    this.cache.set(key, cfg);
    return cfg;
  }
}

function render(results: FileResult[], opts: CliOptions, configs: Configs, toTerminal: boolean): string {
  const tool = { name: 'cx-lint', version: packageVersion() };
  switch (opts.format) {
    case 'json':
      return formatJson(results, tool);
    case 'sarif': {
      const first = results.find((r) => !r.fatal);
      const cfg = first ? configs.for(first.filePath) : undefined;
      return formatSarif(results, tool, (id) => {
        const r = cfg?.setup.allRules.find((x) => x.data.id === id);
        return { description: r?.data.description.replace(/\s+/g, ' ').trim(), severity: r ? String(r.data.severity) : undefined };
      });
    }
    case 'github':
      return formatGithub(results);
    case 'junit':
      return formatJunit(results);
    default:
      return formatStylish(results, { color: toTerminal && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
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

  let results: FileResult[] = [];
  let missing: string[] = [];
  let diffs = '';
  if (opts.stdin) {
    const name = opts.stdinFilename ?? '<stdin>';
    const abs = resolve(cwd, opts.stdinFilename ?? '__stdin__.md');
    const text = readFileSync(0, 'utf8');
    const cfg = configs.for(abs);
    const rel = opts.stdinFilename ? relative(cfg.baseDir, abs) : undefined;
    const linted = lint(text, cfg.setup, { filePath: rel });
    if (opts.fixDryRun) {
      const fixed = fixText(text, cfg.setup, rel, linted);
      diffs += unifiedDiff(text, fixed.text, `a/${name}`, `b/${name}`);
    }
    results.push(toFileResult(abs, name, text, linted));
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
    const all = [...expanded.files, ...expanded.folders].sort((a, b) => (relative(cwd, a) < relative(cwd, b) ? -1 : 1));
    const progress = new Progress(all.length);
    const outcomes = await lintAll(
      all.map((file) => ({ file, folder: folders.has(file) })),
      opts,
      configs,
      progress,
    );
    progress.done();
    const printed = new Set<string>();
    for (const o of outcomes) {
      for (const note of o.notes) {
        if (printed.has(note)) continue;
        printed.add(note);
        process.stderr.write(note);
      }
      diffs += o.diff;
      results.push(o.result);
    }
  }

  if (opts.writeBaseline !== undefined) {
    const n = writeBaseline(resolve(cwd, opts.writeBaseline), results);
    process.stderr.write(`cx-lint: recorded ${n} finding${n === 1 ? '' : 's'} in ${opts.writeBaseline}\n`);
    return missing.length || results.some((r) => r.configError) ? 2 : 0;
  }
  if (baseline) results = applyBaseline(results, baseline);

  if (opts.fixDryRun) {
    process.stdout.write(diffs);
  } else {
    const shown = opts.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
    const report = render(shown, opts, configs, !opts.outputFile);
    if (opts.outputFile) {
      const out = resolve(cwd, opts.outputFile);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report);
    } else {
      process.stdout.write(report);
    }
  }
  const errors = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  // 2 is for usage and configuration errors only; a file that could not be linted was
  // reported on stderr (and as `fatal` in json) and does not change the exit code.
  if (missing.length || results.some((r) => r.configError)) return 2;
  if (opts.fixDryRun) return 0;
  if (errors > 0 || (opts.maxWarnings >= 0 && warnings > opts.maxWarnings)) return 1;
  return 0;
}

function reportError(e: unknown): { message: string; code: number } {
  if (e instanceof UsageError) return { message: `cx-lint: ${e.message}. Run cx-lint --help for usage.\n`, code: 2 };
  if (e instanceof PackErrors) return { message: `cx-lint: configuration error\n${e.message}\n`, code: 2 };
  if (e instanceof LockfileError) return { message: `cx-lint: lockfile check failed (${LOCKFILE_NAME})\n${e.message}\nRun with --no-lockfile to skip the check.\n`, code: 2 };
  if (e instanceof ExitError) return { message: `${e.message}\n`, code: e.code };
  return { message: `cx-lint: ${(e as Error).message}\n`, code: 2 };
}

/** Per-file work, the same in the main thread (--jobs 1) and in workers. */
function lintOne(task: Task, opts: CliOptions, configs: Configs): Outcome {
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
    notes.push(`cx-lint: configuration error\n${e.message}\n`);
    return { result: { filePath: file, displayPath: display, messages: [], fatal: 'configuration error; not linted', configError: true }, notes, diff };
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
    if (fixed.changed && opts.fixDryRun) {
      const name = display.split('\\').join('/');
      diff += unifiedDiff(text, fixed.text, `a/${name}`, `b/${name}`);
    }
    if (fixed.changed && opts.fix) {
      if (writeIfUnchanged(file, text, fixed.text)) return { result: forReport(toFileResult(file, display, fixed.text, fixed.result)), notes, diff };
      notes.push(`cx-lint: ${display}: changed while it was being fixed; not written\n`);
    }
  }
  return { result: forReport(toFileResult(file, display, text, linted)), notes, diff };
}

/** Lints every task, in order; with --jobs N > 1 in N worker threads (results keep the task order). */
async function lintAll(tasks: Task[], opts: CliOptions, configs: Configs, progress: Progress): Promise<Outcome[]> {
  const jobs = Math.min(opts.jobs, tasks.length);
  if (jobs <= 1) {
    return tasks.map((t) => {
      const o = lintOne(t, opts, configs);
      progress.tick();
      return o;
    });
  }
  const outcomes: Outcome[] = new Array(tasks.length);
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
        outcomes[index] = lintOne(tasks[index], opts, configs);
      } catch (e) {
        failure ??= reportError(e);
        break;
      }
      progress.tick();
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
        outcomes[m.index] = m.outcome;
        progress.tick();
        inFlight.set(w, inFlight.get(w)! - 1);
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
  return outcomes;
}

/** "cx-lint: 120/400 files" on stderr, only on a terminal and for more than 50 files. */
class Progress {
  private count = 0;
  private last = 0;
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
    process.stderr.write(`\rcx-lint: ${this.count}/${this.total} files`);
  }
  done(): void {
    if (this.enabled && this.last) process.stderr.write('\r\x1b[K');
  }
}

if (isMainThread) {
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
  parentPort!.on('message', (m: ToWorker) => {
    let reply: FromWorker;
    try {
      reply = { index: m.index, outcome: lintOne(m.task, opts, configs) };
    } catch (e) {
      reply = { error: reportError(e) };
    }
    parentPort!.postMessage(reply);
  });
}
