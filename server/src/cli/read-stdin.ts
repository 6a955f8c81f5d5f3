import { readSync } from 'node:fs';

/**
 * Standard input, read up to the same cap as a file (config `maxFileSize`, bytes of
 * UTF-8). Reading stops at the first byte past the cap, so an endless or huge stream
 * (`yes | cx-lint --stdin`) costs neither memory nor time; the caller then gives it the
 * one `file-too-large` finding a file of that size gets.
 */
export function readStdinCapped(maxBytes: number, fd = 0): { text: string } | { tooLarge: number } {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe with nothing in it yet: wait a moment, without spinning.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) return { tooLarge: total };
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return { text: Buffer.concat(chunks, total).toString('utf8') };
}
