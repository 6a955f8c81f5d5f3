/**
 * cx-lint-language-server: the LSP server over stdio, node-ipc, a socket or a pipe.
 * The transport comes from argv (vscode-languageserver reads --stdio / --node-ipc /
 * --socket=N / --pipe=NAME), so one file serves VS Code (ipc) and every other editor (stdio).
 */
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { packageVersion } from '../packs/builtin';
import { runBackgroundWorker } from './background-worker';
import { startServer } from './server';

// The same bundle is the background lint worker (large documents), started by the server.
const isWorker = !isMainThread && (workerData as { role?: string } | undefined)?.role === 'cx-lint-background';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
const args = process.argv.slice(2);
// Memory (decision 73, revised): a server holding a few postings lives in a few MB of
// heap, but V8 would let the young generation grow to 16 MB semi-spaces and the old
// one by several times at a step while postings are linted on this thread. Keep the
// young generation at its initial size and grow the old one by 80% at a time, as the
// CLI does (decision 31): 20 postings open took 190 MB of RSS without this, ~140 with.
// Set on each thread as it starts (the worker too): measured, only that takes effect.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=80');

if (isWorker) {
  runBackgroundWorker();
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${packageVersion()}\n`);
  process.exit(0);
} else if (args.includes('--help') || args.includes('-h') || !args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) {
  // Without a transport createConnection() throws a stack trace; say what to do instead.
  const usage = [
    'Usage: cx-lint-language-server --stdio',
    '',
    'The cx-lint language server (LSP 3.17). Editors start it; it is not run by hand.',
    'Transports: --stdio, --node-ipc, --socket=PORT, --pipe=NAME.',
    'Setup for VS Code, Neovim and Emacs: see the README, section "Editors".',
  ].join('\n');
  const asked = args.includes('--help') || args.includes('-h');
  (asked ? process.stdout : process.stderr).write(`${usage}\n`);
  process.exit(asked ? 0 : 2);
} else {
  startServer(args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
}

/**
 * Over stdio the server reads the frames itself, to hear about broken ones: after a bad
 * Content-Length (or a body that is not JSON) the stream is out of step and every later
 * message would be misread, while the library would only drop the error, leaving a
 * server that is alive but deaf. It says why on stderr (the editor's output panel) and
 * exits with 1, so that the client restarts it, as VS Code does.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => {
    process.stderr.write(
      `[cx-lint] language server: cannot read the client's messages (${e.message.replace(/\s*\n\s*/g, ' ')}); exiting so that the editor can restart the server.\n`,
      () => process.exit(1),
    );
  });
  // Given streams, the library exits when stdin ends and keeps stdout for frames; given
  // a reader, that is up to us.
  process.stdin.on('end', () => process.exit(0));
  for (const k of ['log', 'info', 'debug'] as const) console[k] = console.error;
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

// A language server that exits takes every open editor's linting with it: log instead.
if (!isWorker) process.on('unhandledRejection', (e) => process.stderr.write(`[cx-lint] unhandled rejection: ${(e as Error)?.stack ?? String(e)}\n`));
if (!isWorker) process.on('uncaughtException', (e) => process.stderr.write(`[cx-lint] uncaught exception: ${e.stack ?? String(e)}\n`));
