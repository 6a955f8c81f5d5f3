import { parseArgs } from 'node:util';
import { keyRecord, severitySetting, SEVERITY_SETTINGS, type SeveritySetting } from '../engine';
import { DEFAULT_FORMAT, FORMAT_NAMES, isFormatName, type FormatName } from '../report/formats';

export class UsageError extends Error {}

export interface CliOptions {
  paths: string[];
  config?: string;
  format: FormatName;
  outputFile?: string;
  maxWarnings: number;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  stdin: boolean;
  stdinFilename?: string;
  rules: Record<string, SeveritySetting>;
  listRules: boolean;
  explain?: string;
  printConfig?: string;
  printReading?: string;
  baseline?: string;
  writeBaseline?: string;
  jobs: number;
  /** Skip checking packs against cx-lint.lock.json. */
  noLockfile: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: cx-lint [options] [paths|folders|globs…]
       cx-lint pack init|validate|test|lock …   (cx-lint pack --help)

Lints Markdown job postings and role charters (default: the current folder).
Folders that hold a rule pack (pack.yaml) are skipped when a folder is walked.

Options:
  -c, --config FILE         use this config file instead of discovering .cxlintrc files
  -f, --format NAME         output format: ${FORMAT_NAMES.map((f) => (f === DEFAULT_FORMAT ? `${f} (default)` : f)).join(', ')}
  -o, --output-file FILE    write the report to FILE instead of standard output
      --max-warnings N      exit 1 when there are more than N warnings
  -q, --quiet               report errors only
      --fix                 apply safe fixes to the files, then report what remains
      --fix-dry-run         print a diff of what --fix would change; change nothing
      --stdin               read the text to lint from standard input
      --stdin-filename NAME the name used for config lookup and display with --stdin
      --rule ID=SEVERITY    set a rule's severity (${SEVERITY_SETTINGS.join(', ')}); repeatable
      --list-rules          list every rule: id, default severity, pack, description
      --explain RULE        print a rule's documentation
      --print-config FILE   print the resolved config for FILE as JSON
      --print-reading FILE  show how FILE was read: kind, title, sections, each duty's
                            classes and the words that decided them, what each title
                            rule counted (--format json for JSON)
      --baseline FILE       report only findings not recorded in the baseline FILE
      --write-baseline FILE record the current findings in FILE (JSON) and exit 0
  -j, --jobs N              lint files in N threads: this one and N-1 workers (default 1)
      --no-lockfile         do not check packs against cx-lint.lock.json
  -v, --version             print the version
  -h, --help                print this help

Exit codes: 0 no error-level finding, 1 errors or too many warnings,
2 a usage, configuration, pack, lockfile or baseline error, or a path that could not be
linted (missing, unreadable, binary, a folder named like a Markdown file); the other
files are still linted and reported.
`;

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        rule: { type: 'string', multiple: true },
        'list-rules': { type: 'boolean' },
        explain: { type: 'string' },
        'print-config': { type: 'string' },
        'print-reading': { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'no-lockfile': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(((e as Error).message.split('\n')[0] ?? 'bad arguments').replace(/\. To specify a positional.*$/, ''));
  }
  const v = parsed.values;
  const format = v.format ?? DEFAULT_FORMAT;
  if (!isFormatName(format)) throw new UsageError(`unknown --format "${v.format}" (use one of ${FORMAT_NAMES.join(', ')})`);
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings takes a whole number (got "${v['max-warnings']}")`);
  }
  const rules = keyRecord<SeveritySetting>();
  for (const r of v.rule ?? []) {
    const m = /^([A-Za-z0-9][\w./-]*)=(\w+)$/.exec(r.trim());
    // "warn" is accepted as in config files (ESLint users type it).
    const severity = m ? severitySetting(m[2]) : undefined;
    if (!m || !severity) throw new UsageError(`--rule takes ID=SEVERITY with SEVERITY one of ${SEVERITY_SETTINGS.join(', ')} (got "${r}")`);
    rules[m[1]] = severity;
  }
  let jobs = 1;
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1) throw new UsageError(`--jobs takes a whole number of at least 1 (got "${v.jobs}")`);
    jobs = Number(v.jobs);
  }
  if (v.baseline !== undefined && v['write-baseline'] !== undefined) throw new UsageError('use either --baseline or --write-baseline, not both');
  if (v['write-baseline'] !== undefined && v['fix-dry-run']) throw new UsageError('--write-baseline cannot be used with --fix-dry-run');
  if (v.fix && v['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (v.stdin && v.fix) throw new UsageError('--fix cannot be used with --stdin (use --fix-dry-run)');
  if (v.stdin && parsed.positionals.length) throw new UsageError('--stdin takes no paths');
  return {
    paths: parsed.positionals,
    config: v.config,
    format,
    outputFile: v['output-file'],
    maxWarnings,
    quiet: Boolean(v.quiet),
    fix: Boolean(v.fix),
    fixDryRun: Boolean(v['fix-dry-run']),
    stdin: Boolean(v.stdin),
    stdinFilename: v['stdin-filename'],
    rules,
    listRules: Boolean(v['list-rules']),
    explain: v.explain,
    printConfig: v['print-config'],
    printReading: v['print-reading'],
    baseline: v.baseline,
    writeBaseline: v['write-baseline'],
    jobs,
    noLockfile: Boolean(v['no-lockfile']),
    help: Boolean(v.help),
    version: Boolean(v.version),
  };
}
