import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileResult } from './results';

/** The tool a report names (json, sarif). */
export interface ToolInfo {
  name: string;
  version: string;
}

/** Where a report's text goes, piece by piece. */
export type Sink = (chunk: string | Uint8Array) => void;

/**
 * A report written as the files come in (README "Command line": each file's part is
 * printed as soon as it and every file before it are linted). `file` is called once
 * per file, in report order; `end` writes what needs totals.
 */
export interface ReportWriter {
  file(r: FileResult): void;
  end(): void;
}

/** Runs a writer over results held in memory (the Node API and tests). */
export function collect(make: (out: Sink) => ReportWriter, results: Iterable<FileResult>): string {
  const parts: string[] = [];
  const w = make((c) => parts.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')));
  for (const r of results) w.file(r);
  w.end();
  return parts.join('');
}

const MARK = '\u0000cx-lint:items\u0000';

/**
 * One array of a pretty-printed JSON document (JSON.stringify(doc, null, 2) + '\n'),
 * written item by item with exactly the bytes the whole document would have.
 * `doc` holds `[ITEMS]` where the array goes.
 */
export class JsonArraySlot {
  static readonly ITEMS = MARK;
  /** Up to and including the array's `[`. */
  readonly head: string;
  /** Text after the array's `]`. */
  readonly tail: string;
  private readonly indent: string;
  private readonly closeIndent: string;
  constructor(doc: unknown) {
    const text = JSON.stringify(doc, null, 2) + '\n';
    const mark = JSON.stringify(MARK);
    const at = text.indexOf(mark);
    if (at < 0 || text.indexOf(mark, at + 1) >= 0) throw new Error('JsonArraySlot: the document needs exactly one [ITEMS]');
    const lineStart = text.lastIndexOf('\n', at) + 1;
    this.indent = text.slice(lineStart, at);
    this.head = text.slice(0, text.lastIndexOf('[', lineStart) + 1);
    const close = text.indexOf(']', at + mark.length);
    this.closeIndent = text.slice(at + mark.length + 1, close);
    this.tail = text.slice(close + 1);
  }
  /** One item, with its separator; `index` counts from 0. */
  item(value: unknown, index: number): string {
    return `${index ? ',\n' : '\n'}${this.indent}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${this.indent}`)}`;
  }
  /** The array's end and the rest of the document, after `count` items. */
  end(count: number): string {
    return count ? `\n${this.closeIndent}]${this.tail}` : `]${this.tail}`;
  }
}

/** Bytes of spooled report held in memory before they move to a temporary file. */
export const SPOOL_MEMORY = 1 << 20;

/**
 * Text that must wait for a document's header (SARIF's rule list, JUnit's totals):
 * kept in memory up to `limit` characters, then in an unlinked temporary file, so a
 * report of any size costs bounded memory. If no temporary file can be made it
 * stays in memory.
 */
export class Spool {
  private mem: string[] = [];
  private memSize = 0;
  private fd: number | undefined;
  private path: string | undefined;
  private dir: string | undefined;
  private size = 0;
  private readonly cleanup = () => this.dispose();
  constructor(private limit = SPOOL_MEMORY) {}

  write(s: string): void {
    if (this.fd !== undefined) {
      this.size += writeAll(this.fd, s, this.size);
      return;
    }
    this.mem.push(s);
    this.memSize += s.length;
    if (this.memSize > this.limit) this.spill();
  }

  /** Sends everything written, in order, then frees it. */
  drain(out: Sink): void {
    if (this.fd === undefined) {
      for (const s of this.mem) out(s);
    } else {
      const chunk = 1 << 16;
      for (let pos = 0; pos < this.size;) {
        // A fresh buffer each time: a stream may keep the chunk until it is flushed.
        const buf = Buffer.allocUnsafe(Math.min(chunk, this.size - pos));
        const n = readSync(this.fd, buf, 0, buf.length, pos);
        if (n === 0) throw new Error('cx-lint: the temporary report file was truncated');
        out(n === buf.length ? buf : buf.subarray(0, n));
        pos += n;
      }
    }
    this.dispose();
  }

  dispose(): void {
    this.mem = [];
    this.memSize = 0;
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
      process.removeListener('exit', this.cleanup);
    }
    this.removeFile();
  }

  private spill(): void {
    try {
      this.dir = mkdtempSync(join(tmpdir(), 'cx-lint-'));
      this.path = join(this.dir, 'report.part');
      this.fd = openSync(this.path, 'w+', 0o600);
    } catch {
      this.removeFile();
      this.limit = Infinity;
      return;
    }
    // Unlinked at once where the system allows it (nothing is left behind if the
    // process dies); elsewhere removed when done or on exit.
    this.removeFile();
    if (this.path !== undefined) process.on('exit', this.cleanup);
    const text = this.mem.join('');
    this.mem = [];
    this.memSize = 0;
    this.size = writeAll(this.fd, text, 0);
  }

  private removeFile(): void {
    try {
      if (this.path !== undefined) unlinkSync(this.path);
      this.path = undefined;
      if (this.dir !== undefined) rmdirSync(this.dir);
      this.dir = undefined;
    } catch {
      /* open elsewhere (Windows): removed by dispose() */
    }
  }
}

function writeAll(fd: number, s: string, position: number): number {
  const buf = Buffer.from(s, 'utf8');
  for (let done = 0; done < buf.length;) done += writeSync(fd, buf, done, buf.length - done, position + done);
  return buf.length;
}
