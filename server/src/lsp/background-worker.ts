import { parentPort } from 'node:worker_threads';
import { lint } from '../engine';
import type { BackgroundRequest, BackgroundResponse } from './background-lint';
import { configForDocument } from './document-config';

/** The worker side of BackgroundLinter: resolves the document's config (cached per worker) and lints. */
export function runBackgroundWorker(): void {
  parentPort!.on('message', (req: BackgroundRequest) => {
    let res: BackgroundResponse;
    try {
      const dc = configForDocument(req.uri, req.settings, req.folders);
      if (!dc.ok) res = { ok: false, reason: 'configuration error' };
      else res = { ok: true, result: lint(req.text, dc.cfg.setup, { filePath: dc.relPath }) };
    } catch (e) {
      res = { ok: false, reason: `internal error: ${(e as Error).message}` };
    }
    parentPort!.postMessage(res);
  });
}
