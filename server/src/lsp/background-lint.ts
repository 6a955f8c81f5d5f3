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

export type BackgroundResponse = { ok: true; result: LintResult } | { ok: false; reason: string };

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

  dispose(): void {
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
    if (!job) {
      // Large documents are rare and a worker holds a second copy of the packs and its
      // own heap (≈100 MB after a 5 MB document): let it go when there is nothing to do.
      const idle = this.worker;
      this.worker = undefined;
      void idle?.terminate();
      return;
    }
    this.running = job;
    this.worker ??= this.spawn();
    this.worker.postMessage(job.req);
  }
}
