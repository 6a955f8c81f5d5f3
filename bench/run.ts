/**
 * `npm run bench [-- --quick] [--seed N] [--files N] [--runs N] [--no-peers] [--no-lsp]`
 *
 * One run prints a Markdown table of ratios measured side by side on this machine
 * and writes it (and the raw numbers as JSON) to bench/results/ (full runs) or
 * bench/tmp/ (--quick). See README "Performance".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lint } from '../server/src/engine';
import { parseChunks } from '../server/src/engine/parse/parse';
import { loadConfigFor } from '../server/src/config/load-config';
import { benchLsp, type LspResult } from './lsp';
import { median, percentile } from './stats';
import { writeCorpus } from './write-corpus';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FLOOR = join(ROOT, 'out', 'bench', 'parse-only.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const PEERS = join(ROOT, 'bench', 'tmp', 'peers');
const PEER_PACKAGES = ['markdownlint-cli2@0.24.1', 'textlint@15.8.0', 'textlint-rule-write-good@2.0.0', 'textlint-rule-terminology@5.2.16', 'alex@11.0.1'];

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261123' },
    files: { type: 'string' },
    runs: { type: 'string' },
    'no-peers': { type: 'boolean', default: false },
    'no-lsp': { type: 'boolean', default: false },
    'corpus-only': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    tmp: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write('Usage: npm run bench -- [--quick] [--seed N] [--files N] [--runs N] [--no-peers] [--no-lsp] [--corpus-only] [--smoke] [--tmp DIR]\n');
  process.exit(0);
}
// --smoke: a seconds-long run on 20 files that exercises every part but the peers and
// the language server (the test suite runs it); --tmp puts corpus and results elsewhere.
const smoke = flags.smoke;
const quick = flags.quick || smoke;
const TMP = resolve(flags.tmp ?? join(ROOT, 'bench', 'tmp'));
const seed = Number(flags.seed);
const count = Number(flags.files ?? (smoke ? 20 : quick ? 200 : 10_000));
const runs = Number(flags.runs ?? (quick ? 1 : 3));
const small = Math.min(count, 1000);
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

interface Measured {
  ms: number;
  /** Peak resident set size of the process tree's biggest process, MB (GNU time %M). */
  rssMB: number;
  /** Median user + system CPU seconds × 1000: steadier than wall time on a shared machine. */
  cpuMs: number;
  status: number | null;
  runs: number[];
}

const hasTime = existsSync('/usr/bin/time');

interface Command {
  label: string;
  cmd: string;
  args: string[];
}

/**
 * Runs commands in rounds — A, B, C, then A, B, C again — `runs` times after one
 * warm-up round (page cache, JIT caches), and reports each one's median wall and CPU time
 * and its largest peak RSS. Interleaving matters on a shared machine: a slow minute then
 * slows every command a little instead of one command a lot, so their ratios hold.
 */
function measureRounds(commands: Command[], cwd: string, opts: { runs?: number; warm?: boolean } = {}): Measured[] {
  const n = opts.runs ?? runs;
  const rssFile = join(TMP, 'rss.txt');
  const acc = commands.map(() => ({ times: [] as number[], cpu: [] as number[], rss: 0, status: null as number | null }));
  for (let i = opts.warm ? -1 : 0; i < n; i++) {
    commands.forEach((c, k) => {
      const fd = openSync(join(TMP, `out-${c.label.replace(/\W+/g, '-')}.txt`), 'w');
      const argv = hasTime ? ['-f', '%M %U %S', '-o', rssFile, c.cmd, ...c.args] : c.args;
      const t0 = performance.now();
      const r = spawnSync(hasTime ? '/usr/bin/time' : c.cmd, argv, {
        cwd,
        stdio: ['ignore', fd, fd],
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      const ms = performance.now() - t0;
      closeSync(fd);
      acc[k].status = r.status;
      if (i < 0) return;
      acc[k].times.push(ms);
      if (hasTime) {
        const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        acc[k].rss = Math.max(acc[k].rss, kb / 1024);
        acc[k].cpu.push((user + sys) * 1000);
      }
    });
  }
  return commands.map((c, k) => {
    const a = acc[k];
    const m = { ms: median(a.times), rssMB: a.rss, cpuMs: median(a.cpu), status: a.status, runs: a.times };
    log(`${c.label}: ${m.ms.toFixed(0)} ms wall, ${m.cpuMs.toFixed(0)} ms CPU, ${m.rssMB.toFixed(0)} MB, exit ${m.status}`);
    return m;
  });
}

function measure(label: string, cmd: string, args: string[], cwd: string, opts: { runs?: number; warm?: boolean } = {}): Measured {
  return measureRounds([{ label, cmd, args }], cwd, opts)[0];
}

function installPeers(): boolean {
  const bin = (n: string) => join(PEERS, 'node_modules', '.bin', n);
  if (['markdownlint-cli2', 'textlint', 'alex'].every((n) => existsSync(bin(n)))) return true;
  log(`installing ${PEER_PACKAGES.join(', ')} into ${PEERS} (once)`);
  mkdirSync(PEERS, { recursive: true });
  try {
    execFileSync('npm', ['install', '--prefix', PEERS, '--no-audit', '--no-fund', '--loglevel=error', ...PEER_PACKAGES], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return true;
  } catch (e) {
    log(`could not install the peers (${(e as Error).message.split('\n')[0]}); skipping them`);
    return false;
  }
}

/** Peer configs: each tool's own recommended/default rule set, so it really checks something. */
function writePeerConfigs(dir: string): void {
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { default: true } }, null, 2));
  writeFileSync(join(dir, '.textlintrc.json'), JSON.stringify({ rules: { 'write-good': true, terminology: true } }, null, 2));
}

/** In-process: parse alone vs full lint of one document, p50/p95 over repeated runs. */
function perDocument(file: string, setup: ReturnType<typeof loadConfigFor>['setup'], budgetMs: number) {
  const text = readFileSync(file, 'utf8');
  const parse: number[] = [];
  const full: number[] = [];
  lint(text, setup); // warm the JIT
  const until = performance.now() + budgetMs;
  do {
    let t = performance.now();
    parseChunks(text);
    parse.push(performance.now() - t);
    t = performance.now();
    lint(text, setup);
    full.push(performance.now() - t);
  } while (performance.now() < until && parse.length < 200);
  return {
    bytes: Buffer.byteLength(text),
    iterations: parse.length,
    parseP50: percentile(parse, 50),
    lintP50: percentile(full, 50),
    lintP95: percentile(full, 95),
    ratio: percentile(full, 50) / percentile(parse, 50),
  };
}

function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const ok = (pass: boolean) => (pass ? 'met' : '**missed**');

async function main() {
  mkdirSync(TMP, { recursive: true });
  if (!existsSync(CLI) || !existsSync(FLOOR)) throw new Error('run `node scripts/build.mjs` first (npm run bench does)');
  const corpusRoot = join(TMP, `corpus-${seed}-${count}`);
  log(`corpus: ${count} postings (seed ${seed}) in ${corpusRoot}`);
  const corpus = writeCorpus(corpusRoot, seed, count, smoke ? ['5kb.md'] : undefined);
  if (flags['corpus-only']) return;
  const set1k = join('postings', '00');
  const res: Record<string, unknown> = { machine: machine(), seed, files: count, runs, quick };

  // 1. Per document, in process.
  const setup = loadConfigFor(join(corpusRoot, 'probe.md')).setup;
  const docs: Record<string, ReturnType<typeof perDocument>> = {};
  for (const [name, file] of Object.entries(corpus.singles)) {
    if (quick && name === '5mb.md') continue;
    docs[name] = perDocument(file, setup, smoke ? 100 : quick ? 1500 : 5000);
    log(`${name}: parse ${f(docs[name].parseP50)} ms, lint ${f(docs[name].lintP50)} ms`);
  }
  res.perDocument = docs;

  // 2. CLI against the floor.
  // The 1k runs are repeated (median); a 10k run or a peer's run is long enough to
  // stand alone, and repeating them would take the full bench past half an hour here.
  const cli = (label: string, jobs: number, dir: string) => measure(label, process.execPath, [CLI, '--jobs', String(jobs), dir], corpusRoot, { runs: 1 });
  const cliCommand = (label: string, jobs: number, dir: string): Command => ({ label, cmd: process.execPath, args: [CLI, '--jobs', String(jobs), dir] });
  // The 1k floor and CLI runs alternate (see measureRounds).
  const [floor1k, j1k, j2k] = measureRounds(
    [{ label: 'floor 1k', cmd: process.execPath, args: [FLOOR, set1k] }, cliCommand('cli j1 1k', 1, set1k), cliCommand('cli j2 1k', 2, set1k)],
    corpusRoot,
    { warm: !smoke },
  );
  const big = count > small;
  const floor10k = big ? measure('floor all', process.execPath, [FLOOR, 'postings'], corpusRoot, { runs: 1 }) : undefined;
  const j1all = big ? cli('cli j1 all', 1, 'postings') : undefined;
  const j2all = big ? cli('cli j2 all', 2, 'postings') : undefined;
  res.cli = { floor1k, j1k, j2k, floor10k, j1all, j2all };

  // 3. Peers on the same 1k files.
  const peers: Record<string, Measured> = {};
  if (!flags['no-peers'] && !smoke && installPeers()) {
    writePeerConfigs(corpusRoot);
    const bin = (n: string) => join(PEERS, 'node_modules', '.bin', n);
    const once = { runs: Math.min(runs, 1) };
    peers['markdownlint-cli2'] = measure('markdownlint-cli2', bin('markdownlint-cli2'), [`${set1k}/**/*.md`], corpusRoot, once);
    peers.textlint = measure('textlint', bin('textlint'), [set1k], corpusRoot, once);
    peers.alex = measure('alex', bin('alex'), [set1k], corpusRoot, once);
  }
  res.peers = peers;

  // 4. Language server.
  let lsp: LspResult = { skipped: '--no-lsp', docs: [] };
  if (!flags['no-lsp']) {
    const lspDocs = ['5kb.md', '100kb.md', '1mb.md'].filter((name) => corpus.singles[name]).map((name) => ({ name, file: corpus.singles[name] }));
    const postings = Array.from({ length: 20 }, (_, i) => join(corpus.postings, '00', `posting-${String(i).padStart(5, '0')}.md`));
    lsp = await benchLsp({
      serverJs: SERVER,
      root: corpusRoot,
      docs: lspDocs,
      postings,
      changes: quick ? 40 : 200,
      bigDoc: quick ? undefined : corpus.singles['5mb.md'],
    });
  }
  res.lsp = lsp;

  // Table.
  const rows: string[] = [];
  const row = (what: string, value: string, target: string, verdict: string) => rows.push(`| ${what} | ${value} | ${target} | ${verdict} |`);
  // Wall-time ratios are the targets; CPU-time ratios (user + system) are shown beside
  // them because they stay put when other work shares the machine.
  const both = (a: Measured, b: Measured) => `${f(a.ms / b.ms)}× wall (${f(a.ms, 0)} / ${f(b.ms, 0)} ms), ${f(a.cpuMs / b.cpuMs)}× CPU`;
  const r1 = j1k.ms / floor1k.ms;
  row(`CLI --jobs 1 / parse-only, ${small} postings`, both(j1k, floor1k), '≤ 1.25×', ok(r1 <= 1.25));
  row(`CLI --jobs 2 / parse-only, ${small} postings`, both(j2k, floor1k), '—', '');
  if (floor10k && j1all && j2all) {
    row(`CLI --jobs 1 / parse-only, ${count} postings`, both(j1all, floor10k), '—', '');
    const sp = j1all.ms / j2all.ms;
    row(`CLI --jobs 2 throughput / --jobs 1, ${count} postings`, `${f(sp)}× (${f(j2all.ms, 0)} vs ${f(j1all.ms, 0)} ms wall)`, '≥ 1.3×', ok(sp >= 1.3));
  }
  for (const [name, m] of Object.entries(peers)) {
    const x = m.ms / j1k.ms;
    const target = { 'markdownlint-cli2': 1.5, textlint: 6, alex: 7 }[name] ?? 1;
    row(`cx-lint throughput / ${name}, ${small} postings`, `${both(m, j1k)}; ${name} ${f(m.rssMB, 0)} MB`, `≥ ${target}×`, ok(x >= target));
  }
  const rssRatio = j1k.rssMB / floor1k.rssMB;
  row(
    `CLI peak RSS / parse-only peak RSS, ${small} postings`,
    `${f(rssRatio)}× (${f(j1k.rssMB, 0)} / ${f(floor1k.rssMB, 0)} MB)`,
    '≤ 1.25×',
    ok(rssRatio <= 1.25),
  );
  if (j1all && floor10k) {
    const flat = j1all.rssMB / j1k.rssMB;
    row(
      `CLI peak RSS, ${count} / ${small} postings (--jobs 1)`,
      `${f(flat)}× (${f(j1all.rssMB, 0)} / ${f(j1k.rssMB, 0)} MB; parse-only ${f(floor10k.rssMB, 0)} MB; --jobs 2 ${f(j2all!.rssMB, 0)} MB)`,
      'flat (≤ 1.1×)',
      ok(flat <= 1.1),
    );
    row(`CLI peak RSS / parse-only peak RSS, ${count} postings`, `${f(j1all.rssMB / floor10k.rssMB)}×`, '≤ 1.25×', ok(j1all.rssMB / floor10k.rssMB <= 1.25));
  }
  for (const [name, d] of Object.entries(docs)) {
    row(`lint / parse in process, ${name}`, `${f(d.ratio)}× (p50 ${f(d.lintP50, 1)} / ${f(d.parseP50, 1)} ms, lint p95 ${f(d.lintP95, 1)} ms)`, '—', '');
  }
  if (lsp.skipped) {
    log(`language server part skipped: ${lsp.skipped}`);
  } else {
    const target: Record<string, [number, number]> = { '5kb.md': [10, 25], '100kb.md': [Infinity, 50], '1mb.md': [Infinity, Infinity] };
    for (const d of lsp.docs) {
      const [t50, t95] = target[d.name] ?? [Infinity, Infinity];
      const tgt = [t50 < Infinity ? `p50 ≤ ${t50}` : '', t95 < Infinity ? `p95 ≤ ${t95}` : ''].filter(Boolean).join(', ') || '—';
      row(
        `LSP didChange → diagnostics, ${d.name} (${d.changes} edits${d.timeouts ? `, ${d.timeouts} timed out` : ''})`,
        `p50 ${f(d.p50, 1)} ms, p95 ${f(d.p95, 1)} ms`,
        tgt,
        tgt === '—' ? '' : ok(d.p50 <= t50 && d.p95 <= t95 && !d.timeouts),
      );
    }
    if (lsp.rss20)
      row(
        'LSP server RSS, 20 postings open (fresh server)',
        `${f(lsp.rss20.currentMB, 0)} MB (peak ${f(lsp.rss20.peakMB, 0)} MB)`,
        '≤ 150 MB',
        ok(lsp.rss20.peakMB <= 150),
      );
    if (lsp.bigDocBlocking) {
      const b = lsp.bigDocBlocking;
      row(
        'LSP hover / code action while a 5 MB document lints',
        `max ${f(b.hoverMaxMs, 0)} / ${f(b.codeActionMaxMs, 0)} ms (${b.requests} requests); server main thread's longest stall ${f(b.serverLongestBlockMs, 0)} ms`,
        '≤ 50 ms',
        ok(Math.max(b.hoverMaxMs, b.codeActionMaxMs, b.serverLongestBlockMs) <= 50),
      );
      row(
        'LSP first request sent right behind the 5 MB didOpen',
        `${f(b.firstRequestMs, 0)} ms (waits for the 5 MB message to be serialised by the client and cross the pipe)`,
        '—',
        '',
      );
    }
  }
  const m = res.machine as ReturnType<typeof machine>;
  const md = [
    `# cx-lint benchmark${quick ? ' (quick)' : ''}`,
    '',
    `${m.date.slice(0, 10)} · ${m.cpu} · ${m.cores} cores · ${m.memoryGB} GB · Node ${m.node} · ${m.platform}`,
    `Corpus: seed ${seed}, ${count} generated postings (${f(corpus.bytes / 2 ** 20, 1)} MB). ${small}-file floor and CLI times are medians of ${runs} interleaved rounds after a warm-up round; ${count}-file and peer runs are single runs; all ratios come from this one run.`,
    '',
    '| Measure | Reached | Target | |',
    '|---|---|---|---|',
    ...rows,
    ...(lsp.skipped ? ['', `Language server: skipped — ${lsp.skipped}.`] : []),
    '',
  ].join('\n');
  process.stdout.write(md);
  const outDir = quick || flags.tmp ? TMP : join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, quick ? 'quick.md' : 'latest.md'), md);
  writeFileSync(join(outDir, quick ? 'quick.json' : 'latest.json'), JSON.stringify(res, null, 2) + '\n');
  rmSync(join(TMP, 'rss.txt'), { force: true });
  log(`wrote ${join(outDir, quick ? 'quick.md' : 'latest.md')} and .json`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
