import { parentPort } from 'node:worker_threads';
import { lint, ParseCache } from '../engine';
import type { BackgroundMessage, BackgroundResponse } from './background-lint';
import { clearConfigCache } from '../config/load-config';
import { clearLockCache, configForDocument } from './document-config';

/**
 * The worker side of BackgroundLinter: resolves the document's config (cached per
 * worker) and lints, keeping each document's parsed sections while the worker lives so
 * that the next save re-parses only what changed.
 */
export function runBackgroundWorker(): void {
  const caches = new Map<string, ParseCache>();
  parentPort!.on('message', (msg: BackgroundMessage) => {
    if ('forget' in msg) {
      caches.delete(msg.forget);
      return;
    }
    if ('reload' in msg) {
      clearConfigCache();
      clearLockCache();
      return;
    }
    const { uri, version } = msg;
    let res: BackgroundResponse;
    try {
      const dc = configForDocument(uri, msg.settings, msg.folders);
      if (!dc.ok) res = { uri, version, ok: false, reason: 'configuration error' };
      else {
        let parseCache = caches.get(uri);
        if (!parseCache) caches.set(uri, (parseCache = new ParseCache()));
        res = { uri, version, ok: true, result: lint(msg.text, dc.cfg.setup, { filePath: dc.relPath, parseCache }), reused: parseCache.hits };
      }
    } catch (e) {
      res = { uri, version, ok: false, reason: `internal error: ${(e as Error).message}` };
    }
    parentPort!.postMessage(res);
  });
}
