import { Worker } from 'node:worker_threads';
import type { LintResult } from '../engine';
import type { Settings } from './settings';

export interface BackgroundRequest {
  uri: string;
  version: number;
  text: string;
  settings: Settings;
  folders: string[];
}

/** A lint, or "drop what you keep for this document" (it was closed). */
export type BackgroundMessage = BackgroundRequest | { forget: string };

/** `reused`: sections whose parse was reused from the worker's previous lint of the document. */
export type BackgroundResponse = { ok: true; result: LintResult; reused: number } | { ok: false; reason: string };

/**
 * How long an idle worker is kept. It holds a second copy of the packs and the parsed
 * sections of the large documents it linted (≈100 MB after a 5 MB document): worth
 * keeping while someone edits and saves, not for the rest of the session.
 */
const IDLE_MS = 30_000;

interface Job {
  req: BackgroundRequest;
  resolve: (r: BackgroundResponse | undefined) => void;
}

/**
 * Lints large documents in a worker thread so the server keeps answering hover and
 * code actions meanwhile. One job runs at a time; a newer version of the document
 * being linted terminates the run (a synchronous lint cannot be interrupted any other
 * way) and superseded queued jobs resolve to undefined.
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

  lint(req: BackgroundRequest): Promise<BackgroundResponse | undefined> {
    return new Promise((resolve) => {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.queue[i].req.uri === req.uri) this.queue.splice(i, 1)[0].resolve(undefined);
      }
      this.queue.push({ req, resolve });
      if (this.running?.req.uri === req.uri) this.restart();
      else this.next();
    });
  }

  /** Drops queued and running work for a document (closed, or now small enough to lint inline). */
  cancel(uri: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].req.uri === uri) this.queue.splice(i, 1)[0].resolve(undefined);
    if (this.running?.req.uri === uri) this.restart();
  }

  /** A document was closed: drop its queued work and the worker's copy of its sections. */
  forget(uri: string): void {
    this.cancel(uri);
    this.worker?.postMessage({ forget: uri } satisfies BackgroundMessage);
  }

  dispose(): void {
    clearTimeout(this.idle);
    for (const j of this.queue.splice(0)) j.resolve(undefined);
    this.running?.resolve(undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private restart(): void {
    const stale = this.running;
    this.running = undefined;
    const w = this.worker;
    this.worker = undefined;
    stale?.resolve(undefined);
    void w?.terminate();
    this.next();
  }

  private spawn(): Worker {
    const w = new Worker(this.script, { workerData: { role: 'cx-lint-background' }, argv: [] });
    w.on('message', (r: BackgroundResponse) => {
      const job = this.running;
      this.running = undefined;
      job?.resolve(r);
      this.next();
    });
    w.on('error', (e) => {
      this.log(`background lint worker failed: ${e.stack ?? e.message}`);
      const job = this.running;
      this.running = undefined;
      if (this.worker === w) this.worker = undefined;
      job?.resolve({ ok: false, reason: `internal error: ${e.message}` });
      this.next();
    });
    // Terminated workers exit too; only an unexpected exit of the current worker matters.
    w.on('exit', () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      job?.resolve({ ok: false, reason: 'the background lint worker exited' });
      this.next();
    });
    return w;
  }

  private next(): void {
    if (this.running) return;
    const job = this.queue.shift();
    clearTimeout(this.idle);
    if (!job) {
      const w = this.worker;
      if (!w) return;
      this.idle = setTimeout(() => {
        if (this.worker !== w || this.running) return;
        this.worker = undefined;
        void w.terminate();
      }, IDLE_MS);
      // An idle worker must not keep the server alive at exit.
      this.idle.unref();
      return;
    }
    this.running = job;
    this.worker ??= this.spawn();
    this.worker.postMessage(job.req satisfies BackgroundMessage);
  }
}
