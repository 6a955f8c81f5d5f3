import { Worker } from 'node:worker_threads';
import type { LintResult } from '../engine';
import type { Settings } from './settings';

export interface BackgroundRequest {
  uri: string;
  /** Which text of the document this is (the server's generation number: client versions may repeat). */
  version: number;
  text: string;
  settings: Settings;
  folders: string[];
}

/** A lint, "drop what you keep for this document" (it was closed), or "configs or packs changed on disk". */
export type BackgroundMessage = BackgroundRequest | { forget: string } | { reload: true };

/** `reused`: sections whose parse was reused from the worker's previous lint of the document. */
export type BackgroundResponse = { uri: string; version: number } & ({ ok: true; result: LintResult; reused: number } | { ok: false; reason: string });

/**
 * How long an idle worker is kept. It holds a second copy of the packs and the parsed
 * sections of the large documents it linted (≈100 MB after a 5 MB document): worth
 * keeping while someone edits and saves, not for the rest of the session.
 */
const IDLE_MS = 30_000;

/**
 * A superseded lint still running this long after it started is abandoned: the worker
 * is terminated (its parsed sections with it) and a new one takes the queue. Finishing
 * it keeps the sections for the next lint, worth a wait of a moment, not of the minutes
 * a hostile document (a table of megabytes) could take while every other document's
 * lint queues behind it.
 */
export const ABANDON_AFTER_MS = 2000;

interface Job {
  req: BackgroundRequest;
  resolve: (r: BackgroundResponse | undefined) => void;
  /** Answered already: superseded by a newer version, or its document closed. */
  settled: boolean;
  /** When the worker was given it (Date.now()). */
  startedAt?: number;
}

function settle(job: Job, r: BackgroundResponse | undefined): void {
  if (job.settled) return;
  job.settled = true;
  job.resolve(r);
}

/**
 * Lints large documents in a worker thread so the server keeps answering hover and
 * code actions meanwhile. One job runs at a time. A newer version of a document cancels
 * its older jobs: queued ones are dropped and a running one is answered with undefined
 * at once, its result discarded when it comes. The running lint is not interrupted: it
 * finishes and leaves its parsed sections in the worker, so the newer version, linted
 * next, re-parses only what changed — sooner than a cold restart would.
 */
export class BackgroundLinter {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly script: string,
    private readonly log: (msg: string) => void,
  ) {}

  /** Whether a worker thread exists now (for stats). */
  get hasWorker(): boolean {
    return this.worker !== undefined;
  }

  lint(req: BackgroundRequest): Promise<BackgroundResponse | undefined> {
    return new Promise((resolve) => {
      this.cancel(req.uri);
      this.queue.push({ req, resolve, settled: false });
      this.next();
    });
  }

  /** Drops queued and running work for a document: a newer version came, or it closed. */
  private cancel(uri: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].req.uri === uri) settle(this.queue.splice(i, 1)[0], undefined);
    const running = this.running;
    if (running?.req.uri === uri) {
      settle(running, undefined);
      const abandon = setTimeout(() => this.abandon(running), Math.max(0, (running.startedAt ?? Date.now()) + ABANDON_AFTER_MS - Date.now()));
      abandon.unref();
    }
  }

  /** Terminates the worker if it is still running this (superseded) job, and carries on with a new one. */
  private abandon(job: Job): void {
    if (this.running !== job || !this.worker) return;
    this.log(`background lint: abandoned ${job.req.uri} v${job.req.version} after ${Date.now() - job.startedAt!} ms (superseded); restarting the worker`);
    const w = this.worker;
    this.worker = undefined;
    this.running = undefined;
    void w.terminate();
    this.next();
  }

  /** A document was closed: drop its work and, after any lint in progress, the worker's copy of its sections. */
  forget(uri: string): void {
    this.cancel(uri);
    this.worker?.postMessage({ forget: uri } satisfies BackgroundMessage);
  }

  /** Config or pack files changed: the worker's cached configs are stale (now that it lints as you type, too). */
  reloadConfigs(): void {
    this.worker?.postMessage({ reload: true } satisfies BackgroundMessage);
  }

  dispose(): void {
    clearTimeout(this.idle);
    for (const j of this.queue.splice(0)) settle(j, undefined);
    if (this.running) settle(this.running, undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private spawn(): Worker {
    const w = new Worker(this.script, { workerData: { role: 'cx-lint-background' }, argv: [] });
    // A terminated worker can still deliver what it posted before; only the current
    // worker's replies count, and only for the job they answer.
    w.on('message', (r: BackgroundResponse) => {
      if (w !== this.worker) return;
      const job = this.running;
      if (!job || r.uri !== job.req.uri || r.version !== job.req.version) {
        this.log(`background lint: dropped a reply for ${r.uri} v${r.version} (running: ${job ? `${job.req.uri} v${job.req.version}` : 'nothing'})`);
        return;
      }
      this.running = undefined;
      settle(job, r);
      this.next();
    });
    w.on('error', (e) => {
      if (w !== this.worker) return;
      this.log(`background lint worker failed: ${e.stack ?? e.message}`);
      this.worker = undefined;
      this.lost(`internal error: ${e.message}`);
    });
    w.on('exit', () => {
      if (w !== this.worker) return;
      this.worker = undefined;
      this.lost('the background lint worker exited');
    });
    return w;
  }

  /** The worker died: answer the job it was running, and carry on with a new one. */
  private lost(reason: string): void {
    const job = this.running;
    this.running = undefined;
    if (job) settle(job, { ok: false, uri: job.req.uri, version: job.req.version, reason });
    this.next();
  }

  private next(): void {
    if (this.running) return;
    clearTimeout(this.idle);
    const job = this.queue.shift();
    if (!job) {
      const w = this.worker;
      if (!w) return;
      this.idle = setTimeout(() => {
        if (this.worker !== w || this.running) return;
        this.worker = undefined;
        void w.terminate();
      }, IDLE_MS);
      // The server exits on the LSP exit notification; this timer must not delay that.
      this.idle.unref();
      return;
    }
    this.running = job;
    job.startedAt = Date.now();
    this.worker ??= this.spawn();
    this.worker.postMessage(job.req satisfies BackgroundMessage);
  }
}
