/**
 * `cx-lint … | head -1`: when the reader of standard output (or error) goes away,
 * the next write fails with EPIPE, which Node reports as an unhandled 'error' event
 * with a stack trace. Stop quietly instead, as a Unix tool killed by SIGPIPE would,
 * with the status a shell gives such a tool (128 + SIGPIPE), so `set -o pipefail`
 * still sees that the report was cut short. Exiting also ends any --jobs workers.
 */
export const BROKEN_PIPE_EXIT = 141;

export function exitQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(BROKEN_PIPE_EXIT);
      throw e;
    });
  }
}
