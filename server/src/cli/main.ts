import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { lint } from '../engine';
import { PackErrors } from '../packs/diagnostics';
import { loadConfigFor, type ResolvedConfig } from '../packs/config';
import { expandPaths } from './files';
import { formatStylish } from './formatters/stylish';
import { toFileResult, type FileResult } from './results';

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: cx-lint [options] [paths|globs…]\n');
    return 0;
  }
  const cwd = process.cwd();
  const { files, missing } = expandPaths(positionals.length ? positionals : ['.'], cwd);
  for (const m of missing) process.stderr.write(`cx-lint: ${m}: no such file, folder or matching files\n`);
  const results: FileResult[] = [];
  const configs = new Map<string, ResolvedConfig>();
  for (const file of files) {
    const display = relative(cwd, file) || file;
    let cfg: ResolvedConfig;
    try {
      cfg = loadConfigFor(file, { configFile: values.config });
    } catch (e) {
      if (e instanceof PackErrors) {
        process.stderr.write(`cx-lint: configuration error\n${e.message}\n`);
        return 2;
      }
      throw e;
    }
    configs.set(file, cfg);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      results.push({ filePath: file, displayPath: display, messages: [], fatal: (e as Error).message });
      process.stderr.write(`cx-lint: ${display}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      continue;
    }
    const rel = relative(cfg.baseDir, file);
    results.push(toFileResult(file, display, text, lint(text, cfg.setup, { filePath: rel })));
  }
  const shown = values.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  process.stdout.write(formatStylish(shown, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
  const errors = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) return 1;
  return missing.length || results.some((r) => r.fatal) ? 2 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`cx-lint: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
