import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { lint } from '../engine';
import { packageVersion } from '../packs/builtin';
import { PackErrors } from '../packs/diagnostics';
import { loadConfigFor, resolveConfig, type ResolvedConfig } from '../packs/config';
import { parseCli, USAGE, UsageError, type CliOptions } from './args';
import { unifiedDiff } from './diff';
import { expandPaths } from './files';
import { fixText, writeIfUnchanged } from './fix';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { explainRule, listRules, printConfig, ruleIds, unknownRuleMessage } from './info';
import { toFileResult, type FileResult } from './results';

class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** Loads (and caches per folder) the config for a file, with --rule overrides applied. */
class Configs {
  private readonly cache = new Map<string, ResolvedConfig>();
  constructor(private readonly opts: CliOptions) {}
  for(file: string): ResolvedConfig {
    const key = this.opts.config ? '' : dirname(resolve(file));
    let cfg = this.cache.get(key);
    if (cfg) return cfg;
    cfg = loadConfigFor(file, { configFile: this.opts.config });
    const overrides = this.opts.rules;
    if (Object.keys(overrides).length) {
      const known = new Set(ruleIds(cfg));
      for (const id of Object.keys(overrides)) if (!known.has(id)) throw new ExitError(`cx-lint: --rule: ${unknownRuleMessage(id, cfg)}`, 2);
      cfg = resolveConfig({ ...cfg.config, rules: { ...cfg.config.rules, ...overrides } }, cfg.baseDir);
    }
    this.cache.set(key, cfg);
    return cfg;
  }
}

function render(results: FileResult[], opts: CliOptions, configs: Configs, toTerminal: boolean): string {
  const tool = { name: 'cx-lint', version: packageVersion() };
  switch (opts.format) {
    case 'json':
      return formatJson(results, tool);
    case 'sarif': {
      const first = results.find((r) => !r.fatal);
      const cfg = first ? configs.for(first.filePath) : undefined;
      return formatSarif(results, tool, (id) => {
        const r = cfg?.setup.allRules.find((x) => x.data.id === id);
        return { description: r?.data.description.replace(/\s+/g, ' ').trim(), severity: r ? String(r.data.severity) : undefined };
      });
    }
    case 'github':
      return formatGithub(results);
    case 'junit':
      return formatJunit(results);
    default:
      return formatStylish(results, { color: toTerminal && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  }
}

function main(argv: string[]): number {
  const opts = parseCli(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const configs = new Configs(opts);

  if (opts.listRules || opts.explain !== undefined || opts.printConfig !== undefined) {
    if (opts.printConfig !== undefined) {
      const file = resolve(cwd, opts.printConfig);
      process.stdout.write(printConfig(configs.for(file)));
      return 0;
    }
    const cfg = configs.for(resolve(cwd, '__cx-lint__.md'));
    if (opts.listRules) {
      process.stdout.write(listRules(cfg));
      return 0;
    }
    const text = explainRule(opts.explain!, cfg);
    if (text === undefined) throw new ExitError(`cx-lint: --explain: ${unknownRuleMessage(opts.explain!, cfg)}`, 2);
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
    return 0;
  }

  const results: FileResult[] = [];
  let missing: string[] = [];
  let diffs = '';
  if (opts.stdin) {
    const name = opts.stdinFilename ?? '<stdin>';
    const abs = resolve(cwd, opts.stdinFilename ?? '__stdin__.md');
    const text = readFileSync(0, 'utf8');
    const cfg = configs.for(abs);
    const rel = opts.stdinFilename ? relative(cfg.baseDir, abs) : undefined;
    if (opts.fixDryRun) {
      const fixed = fixText(text, cfg.setup, rel);
      diffs += unifiedDiff(text, fixed.text, `a/${name}`, `b/${name}`);
    }
    results.push(toFileResult(abs, name, text, lint(text, cfg.setup, { filePath: rel })));
  } else {
    const expanded = expandPaths(opts.paths.length ? opts.paths : ['.'], cwd);
    missing = expanded.missing;
    for (const m of missing) process.stderr.write(`cx-lint: ${m}: no such file, folder or matching files\n`);
    for (const file of expanded.files) {
      const display = relative(cwd, file) || file;
      const cfg = configs.for(file);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        results.push({ filePath: file, displayPath: display, messages: [], fatal: (e as Error).message });
        process.stderr.write(`cx-lint: ${display}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        continue;
      }
      const rel = relative(cfg.baseDir, file);
      if (opts.fix || opts.fixDryRun) {
        const fixed = fixText(text, cfg.setup, rel);
        if (fixed.changed && opts.fixDryRun) {
          const name = display.split('\\').join('/');
          diffs += unifiedDiff(text, fixed.text, `a/${name}`, `b/${name}`);
        }
        if (fixed.changed && opts.fix) {
          if (writeIfUnchanged(file, text, fixed.text)) {
            results.push(toFileResult(file, display, fixed.text, fixed.result));
            continue;
          }
          process.stderr.write(`cx-lint: ${display}: changed while it was being fixed; not written\n`);
        }
      }
      results.push(toFileResult(file, display, text, lint(text, cfg.setup, { filePath: rel })));
    }
  }

  if (opts.fixDryRun) {
    process.stdout.write(diffs);
  } else {
    const shown = opts.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
    const report = render(shown, opts, configs, !opts.outputFile);
    if (opts.outputFile) {
      const out = resolve(cwd, opts.outputFile);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report);
    } else {
      process.stdout.write(report);
    }
  }
  const errors = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  if (missing.length || results.some((r) => r.fatal)) return 2;
  if (opts.fixDryRun) return 0;
  if (errors > 0 || (opts.maxWarnings >= 0 && warnings > opts.maxWarnings)) return 1;
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`cx-lint: ${e.message}. Run cx-lint --help for usage.\n`);
    process.exitCode = 2;
  } else if (e instanceof PackErrors) {
    process.stderr.write(`cx-lint: configuration error\n${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof ExitError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = e.code;
  } else {
    process.stderr.write(`cx-lint: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
