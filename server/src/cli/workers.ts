// Linting the run's files in order: in the main thread alone, or with --jobs N in N
// threads (the main thread and N-1 workers started from this same bundle), each
// outcome handed on in file order as soon as it and every one before it are done.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { parseCli, type CliOptions } from './args';
import { Configs } from './configs';
import { ExitError, reportError, type Failure } from './errors';
import { FixScope } from './fix-scope';
import { lintFile, type Outcome, type Task } from './lint-file';
import type { Progress } from './progress';

/** Tasks queued per --jobs worker. */
const IN_FLIGHT = 4;

type ToWorker = { index: number; task: Task };
type FromWorker = { index: number; outcome: Outcome } | { error: Failure };

/**
 * Lints every task and hands each outcome to `deliver` in task order, as soon as it
 * and every task before it are done; with --jobs N > 1 in N threads. Outcomes that
 * finish early wait (a few, one per task in flight); nothing else is kept.
 */
export async function lintAll(tasks: Task[], opts: CliOptions, configs: Configs, progress: Progress, deliver: (o: Outcome) => void): Promise<void> {
  const scope = new FixScope(opts.paths, process.cwd());
  const jobs = Math.min(opts.jobs, tasks.length);
  if (jobs <= 1) {
    for (const t of tasks) {
      deliver(lintFile(t, opts, configs, scope));
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
  let failure: Failure | undefined;
  const workers: Worker[] = [];
  // The main thread is one of the N: it has its config loaded and its code warm
  // already, while each worker must start cold. Between files it yields so that
  // the workers' replies are handled and their queues refilled.
  let mainDone!: Promise<void>;
  const lintInMain = async () => {
    while (!failure && next < tasks.length) {
      const index = next++;
      try {
        done(index, lintFile(tasks[index], opts, configs, scope));
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
      // The bundle (dist/cli.js) is the worker's code too: main.ts calls serveWorker() there.
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

/** A --jobs worker: the same options as the main thread, one task at a time, each outcome (or the failure) sent back. */
export function serveWorker(): void {
  const opts = parseCli((workerData as { argv: string[] }).argv);
  const configs = new Configs(opts);
  const scope = new FixScope(opts.paths, process.cwd());
  parentPort!.on('message', (m: ToWorker) => {
    let reply: FromWorker;
    try {
      reply = { index: m.index, outcome: lintFile(m.task, opts, configs, scope) };
    } catch (e) {
      reply = { error: reportError(e) };
    }
    parentPort!.postMessage(reply);
  });
}
