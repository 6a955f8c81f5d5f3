// The cx-lint command (dist/cli.js): wires argv to what it asks for. In the main thread
// that is a `pack` command, --help or --version, a question (queries.ts) or a lint run
// (run.ts); started as a --jobs worker, the same bundle lints the files it is sent.
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { packageVersion } from '../packs/builtin';
import { parseCli, USAGE } from './args';
import { exitQuietlyOnBrokenPipe } from './broken-pipe';
import { Configs } from './configs';
import { reportError } from './errors';
import { packCommand } from './pack-commands';
import { answerQuery } from './queries';
import { loadBaseline, runLint } from './run';
import { serveWorker } from './workers';

async function main(argv: string[]): Promise<number> {
  // `cx-lint pack …` authoring commands; lint a folder called "pack" as ./pack.
  if (argv[0] === 'pack') return packCommand(argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  const opts = parseCli(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const configs = new Configs(opts);
  const baseline = loadBaseline(opts);
  return answerQuery(opts, configs) ?? runLint(opts, configs, baseline);
}

// A batch run keeps little alive (the report streams), but V8 lets its old generation
// grow to several times what is live before collecting: 180 MB peak for 15 MB live on
// 1,000 postings. Growing the heap by 80% at a time instead took the peak to ≈150 MB
// for a few percent more CPU (docs/decisions.md 31). V8 reads this flag each time it sets
// the next limit, so setting it at start-up works without a command-line flag; a V8
// that ignores it only uses more memory. V8 flags are per process: --jobs workers too.
setFlagsFromString('--heap-growing-percent=80');
// V8 compiles a regex first to bytecode for its interpreter, then again to machine code
// on its second run (tier-up). A lint compiles some 200 regexes, the phrase classes'
// alternations up to 32,000 characters long, and runs nearly all of them many times,
// so it paid for both compilations, and the bytecode one (with its peephole pass) costs
// more than the machine-code one. Compiling straight to machine code took a 100-posting
// run from about 11.6 to 11.05 G instructions (callgrind; regex compilation ≈ 5% of
// it before). Matching is the same; V8 reads the flag at each compilation, so setting it
// here works, and for the --jobs workers too.
setFlagsFromString('--no-regexp-tier-up');

if (isMainThread) {
  exitQuietlyOnBrokenPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const r = reportError(e);
      process.stderr.write(r.message);
      process.exitCode = r.code;
    },
  );
} else {
  serveWorker();
}
