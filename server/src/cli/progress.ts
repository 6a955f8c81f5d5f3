// The progress line on stderr during a long run on a terminal.
const PROGRESS_MIN_FILES = 50;

/** "cx-lint: 120/400 files" on stderr, only on a terminal and for more than 50 files. */
export class Progress {
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
