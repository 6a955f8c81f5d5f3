import { closeSync, existsSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readJsonSafely, READ_CAPS, SafeReadError } from '../fs/safe-read';
import { basename, dirname, join } from 'node:path';
import { fingerprints } from '../report/fingerprints';
import { portablePath, type FileResult } from '../report/results';
import { JsonArraySlot } from '../report/stream';

/** Baseline file format version (README "Command line", "Baselines"). */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Path relative to the current folder, forward slashes. */
  filePath: string;
  ruleId: string;
  /** sha256 (hex, first 32) of rule id, path, the text the finding covers and its occurrence index. */
  fingerprint: string;
  /** Where it was when recorded; informational only (matching ignores it). */
  line: number;
  message: string;
}

export interface BaselineFile {
  version: number;
  tool: string;
  findings: BaselineEntry[];
}

/**
 * Writes a baseline file by file (files in sorted order): the findings go to a
 * temporary file next to it, renamed over it at the end, so memory does not grow
 * with the number of files and a failed run leaves any old baseline in place.
 */
export class BaselineWriter {
  private readonly slot = new JsonArraySlot({ version: BASELINE_VERSION, tool: 'cx-lint', findings: [JsonArraySlot.ITEMS] });
  private readonly tmp: string;
  private fd: number | undefined;
  private pos = 0;
  count = 0;
  private readonly target: string;
  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    // Through a symbolic link to the file it names, as writing in place would.
    this.target = existsSync(file) ? realpathSync(file) : file;
    this.tmp = join(dirname(this.target), `.${basename(this.target)}.cx-lint-${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
    this.write(this.slot.head);
  }

  file(r: FileResult): void {
    for (const { message, fingerprint } of fingerprints(r)) {
      const entry: BaselineEntry = { filePath: portablePath(r), ruleId: message.ruleId, fingerprint, line: message.line, message: message.message };
      this.write(this.slot.item(entry, this.count++));
    }
  }

  /** Finishes the file; returns the number of findings recorded. */
  end(): number {
    this.write(this.slot.end(this.count));
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmp, this.target);
    return this.count;
  }

  /** Drops the temporary file (the run failed). */
  abandon(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }

  private write(s: string): void {
    const buf = Buffer.from(s, 'utf8');
    for (let done = 0; done < buf.length;) done += writeSync(this.fd!, buf, done, buf.length - done, this.pos + done);
    this.pos += buf.length;
  }
}

export class BaselineError extends Error {}

/** Reads a baseline; throws BaselineError with a reason when it is missing or malformed. */
export function readBaseline(file: string): Set<string> {
  let data: unknown;
  try {
    data = readJsonSafely(file, READ_CAPS.baseline);
  } catch (e) {
    if (!(e instanceof SafeReadError)) throw e;
    throw new BaselineError(`cannot read baseline ${file}: ${e.code ?? e.reason}`);
  }
  const b = data as Partial<BaselineFile>;
  if (!b || typeof b !== 'object' || b.version !== BASELINE_VERSION || !Array.isArray(b.findings)) {
    throw new BaselineError(`${file} is not a cx-lint baseline (version ${BASELINE_VERSION}); write one with --write-baseline`);
  }
  const keys = new Set<string>();
  for (const f of b.findings) {
    if (f && typeof f.filePath === 'string' && typeof f.ruleId === 'string' && typeof f.fingerprint === 'string')
      keys.add(`${f.filePath}\u0000${f.ruleId}\u0000${f.fingerprint}`);
  }
  return keys;
}

/** Drops a file's messages recorded in the baseline. */
export function withoutBaselined(r: FileResult, keys: Set<string>): FileResult {
  if (r.fatal) return r;
  const keep = new Set(
    fingerprints(r)
      .filter((x) => !keys.has(`${portablePath(r)}\u0000${x.message.ruleId}\u0000${x.fingerprint}`))
      .map((x) => x.message),
  );
  return { ...r, messages: r.messages.filter((m) => keep.has(m)) };
}
