import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINE_VERSION } from '../engine';
import { loadConfigFor, type ResolvedConfig } from '../config/load-config';
import { LOCKFILE_NAME, LockfileError, lockEntries, writeLockfile } from '../config/lockfile';
import { checkPackFolder, runPackExamples, runPackFixtures } from '../packs/pack-test';
import { OutsideError, readInside } from '../packs/inside-pack';
import { PACK_PREFIX } from '../packs/resolve';
import { UsageError } from './args';
import { expandPaths } from '../config/files';
import { packSkeleton } from './pack-skeleton';
import { READ_CAPS, SafeReadError } from '../fs/safe-read';

export const PACK_USAGE = `Usage: cx-lint pack <command> [options]

Commands:
  init [DIR]          write a working pack skeleton (manifest, one rule, its docs and
                      examples, package.json) into DIR (default: the current folder);
                      the package is cx-lint-pack-<DIR>, or @org/cx-lint-pack-<name>
                      when DIR is written @org/<name>
  validate DIR…       check a pack: schema, limits, patterns, paths, engine range,
                      duplicate ids, unknown lexicon classes or rules (exit 2 on errors)
  test DIR…           run every rule's valid/invalid examples, fix expectations and
                      fixtures, and print a pass/fail summary (exit 1 on a failure)
  lock [PATHS…]       write ${LOCKFILE_NAME} in the current folder: every third-party pack
                      the config of the current folder (and of the Markdown files
                      under PATHS) uses, with a sha256 of its files
`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** `cx-lint pack …`; returns the exit code. */
export function packCommand(argv: string[], io: Io): number {
  const [sub, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError(`pack ${sub ?? ''}: ${(e as Error).message.split('\n')[0]}`);
  }
  const pos = parsed.positionals;
  if (parsed.values.help || sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    io.out(PACK_USAGE);
    return sub === undefined ? 2 : 0;
  }
  switch (sub) {
    case 'init':
      if (pos.length > 1) throw new UsageError('pack init takes at most one folder');
      return packInit(resolve(pos[0] ?? '.'), io);
    case 'validate':
    case 'test': {
      if (!pos.length) throw new UsageError(`pack ${sub} takes one or more pack folders`);
      // Several folders: each is reported in turn; the worst exit code wins.
      const codes = pos.map((dir) => (sub === 'validate' ? packValidate(dir, io) : packTest(dir, io)));
      return Math.max(...codes.map((c) => (c === 2 ? 3 : c))) === 3 ? 2 : Math.max(...codes);
    }
    case 'lock':
      return packLock(pos, io);
    default:
      throw new UsageError(`unknown pack command "${sub}" (use init, validate, test or lock)`);
  }
}

function packInit(dir: string, io: Io): number {
  if (existsSync(dir) && readdirSync(dir).length) {
    io.err(`cx-lint: pack init: ${dir} is not empty; choose a new or empty folder.\n`);
    return 2;
  }
  const name = packNameFor(dir);
  const files = packSkeleton(name, ENGINE_VERSION);
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  const shown = relative(process.cwd(), dir) || '.';
  io.out(
    `Created the pack "${name}" in ${shown}:\n${Object.keys(files)
      .map((f) => `  ${f}\n`)
      .join('')}\nNext: cx-lint pack validate ${shown} && cx-lint pack test ${shown}\n`,
  );
  return 0;
}

/**
 * The package name for a new pack folder: cx-lint-pack-<folder>, or, when the folder
 * is written as an npm scope and name (`pack init @org/titles`), @org/cx-lint-pack-titles.
 */
function packNameFor(dir: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const base = slug(basename(dir)) || 'my-pack';
  const name = base === PACK_PREFIX || base.startsWith(`${PACK_PREFIX}-`) ? base : `${PACK_PREFIX}-${base}`;
  const parent = basename(dirname(dir));
  const scope = parent.startsWith('@') ? slug(parent.slice(1)) : '';
  return scope ? `@${scope}/${name}` : name;
}

function printErrors(errors: { message: string }[], io: Io): void {
  for (const e of errors) io.out(`${e.message}\n`);
  io.out(`\n✖ ${errors.length} problem${errors.length === 1 ? '' : 's'}\n`);
}

function packValidate(dir: string, io: Io): number {
  const r = checkPackFolder(dir);
  if (r.errors.length) {
    printErrors(r.errors, io);
    return 2;
  }
  const p = r.pack!.pack;
  for (const w of packWarnings(r.pack!)) io.out(`! ${w}\n`);
  const extra =
    r.all.length > 2
      ? ` (builds on ${r.all
          .slice(1, -1)
          .map((x) => x.pack.name)
          .join(', ')})`
      : '';
  io.out(
    `✔ ${p.name}@${p.version}: ${count(p.rules.length, 'rule', 'rules')}, ${count(Object.keys(p.lexicons ?? {}).length, 'lexicon class', 'lexicon classes')}, ${count(Object.keys(p.presets ?? {}).length, 'preset', 'presets')}${extra}; valid\n`,
  );
  return 0;
}

/** Advice that does not make a pack invalid. */
function packWarnings(loaded: NonNullable<ReturnType<typeof checkPackFolder>['pack']>): string[] {
  const out: string[] = [];
  const p = loaded.pack;
  if (!p.engine)
    out.push(
      `${loaded.files[0]}: no "engine" range; add engine: "^${ENGINE_VERSION.split('.')[0]}.0.0" so other cx-lint versions reject the pack clearly instead of misreading it.`,
    );
  const pj = join(loaded.dir, 'package.json');
  if (existsSync(pj)) {
    try {
      // By real path inside the pack, and safely: a package.json linked out of it, a pipe or a huge file is not read.
      const meta = JSON.parse(readInside(loaded.dir, pj, 'package.json', READ_CAPS.config));
      if (meta.version && meta.version !== p.version)
        out.push(`${pj}: version ${meta.version} differs from the manifest's ${p.version}; publish them in step.`);
    } catch (e) {
      if (e instanceof OutsideError) out.push(`${pj}: ${e.reason}`);
      else if (e instanceof SafeReadError) out.push(`${pj}: ${e.reason}; not read.`);
      else out.push(`${pj}: not valid JSON.`);
    }
  }
  for (const rule of p.rules) if (!loaded.ruleFiles.get(rule.id)?.docs) out.push(`rule "${rule.id}" has no docs: add docs: README.md next to its rule file.`);
  return out;
}

function packTest(dir: string, io: Io): number {
  const r = checkPackFolder(dir);
  if (r.errors.length) {
    printErrors(r.errors, io);
    return 2;
  }
  const loaded = r.pack!;
  const results = [...runPackExamples(loaded.pack, [], r.setup), ...runPackFixtures(loaded, r.setup!)];
  const failed = results.filter((x) => !x.ok);
  for (const f of failed) io.out(`✖ ${f.ruleId}: ${f.kind} "${f.name}": ${f.problem!.replace(/\n/g, '\n    ')}\n`);
  const rulesWithout = loaded.pack.rules.filter((rule) => !results.some((x) => x.ruleId === rule.id && x.kind === 'invalid'));
  for (const rule of rulesWithout) io.out(`! ${rule.id}: no invalid example or fixture; nothing shows it reports anything\n`);
  const summary = `${loaded.pack.name}@${loaded.pack.version}: ${results.length - failed.length} passed, ${failed.length} failed (${loaded.pack.rules.length} rules)`;
  io.out(`${failed.length ? '✖' : '✔'} ${summary}\n`);
  return failed.length ? 1 : 0;
}

function packLock(paths: string[], io: Io): number {
  const cwd = process.cwd();
  const runs: ResolvedConfig[] = [];
  const seen = new Set<ResolvedConfig>();
  const add = (file: string) => {
    const cfg = loadConfigFor(file);
    if (!seen.has(cfg)) {
      seen.add(cfg);
      runs.push(cfg);
    }
  };
  add(join(cwd, '.cx-lint-probe.md'));
  if (paths.length) {
    const expanded = expandPaths(paths, cwd, runs[0].config.exclude ?? []);
    for (const m of expanded.missing) io.err(`cx-lint: ${m}: no such file, folder or matching files\n`);
    const dirs = new Set(expanded.files.map((f) => dirname(f)));
    for (const d of [...dirs].sort()) add(join(d, '.cx-lint-probe.md'));
  }
  let lock;
  try {
    lock = lockEntries(runs, cwd);
  } catch (e) {
    // Not the lockfile *check* that main reports: nothing was written, say why.
    if (!(e instanceof LockfileError)) throw e;
    io.err(`cx-lint: pack lock: ${e.message}\n`);
    return 2;
  }
  writeLockfile(join(cwd, LOCKFILE_NAME), lock);
  const names = Object.entries(lock.packs).map(([n, e]) => `  ${n}@${e.version}  ${e.path}\n`);
  io.out(
    `cx-lint: locked ${names.length} pack${names.length === 1 ? '' : 's'} in ${LOCKFILE_NAME}${names.length ? ':\n' + names.join('') : ' (only the built-in cx-core is in use)\n'}`,
  );
  return 0;
}

/** "1 preset", "2 presets". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
