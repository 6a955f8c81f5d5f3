// The options that answer a question instead of linting a run: --print-reading,
// --print-config, --list-rules and --explain, each printed on standard output.
import { relative, resolve } from 'node:path';
import { formatReading, lint } from '../engine';
import { readForLint } from '../config/read-file';
import type { CliOptions } from './args';
import type { Configs } from './configs';
import { ExitError } from './errors';
import { explainRule, listRules, printConfig, unknownRuleMessage } from './info';

/** Answers the question the options ask, if they ask one: the exit code, or undefined for a lint run. */
export function answerQuery(opts: CliOptions, configs: Configs): number | undefined {
  const cwd = process.cwd();
  if (opts.printReading !== undefined) return printReading(opts, configs, resolve(cwd, opts.printReading));
  if (opts.printConfig !== undefined) {
    process.stdout.write(printConfig(configs.for(resolve(cwd, opts.printConfig))));
    return 0;
  }
  if (!opts.listRules && opts.explain === undefined) return undefined;
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

/** --print-reading: how one file was read, as text or (--format json) JSON. */
function printReading(opts: CliOptions, configs: Configs, file: string): number {
  const cfg = configs.for(file);
  const read = readForLint(file, cfg.setup.maxFileSize);
  if (!read.ok) throw new ExitError(`cx-lint: --print-reading: ${relative(process.cwd(), file) || file} ${read.reason}`, 2);
  const linted = lint(read.text, cfg.setup, { filePath: relative(cfg.baseDir, file), reading: true });
  const name = relative(process.cwd(), file) || file;
  if (!linted.reading) throw new ExitError(`cx-lint: --print-reading: ${name} was not read (${linted.findings[0]?.message ?? linted.kindReason})`, 2);
  const findings = linted.findings.map((f) => `  ${f.ruleId} (${f.severity}): ${f.message}`);
  process.stdout.write(
    opts.format === 'json'
      ? `${JSON.stringify({ filePath: name, ...linted.reading, findings: linted.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })) }, null, 2)}\n`
      : `${formatReading(linted.reading, name)}findings:\n${findings.length ? findings.join('\n') : '  (none)'}\n`,
  );
  return 0;
}
