// Where the report goes: standard output (erasing the progress line first) or
// --output-file, written as it comes; and the report writer that --format names.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { packageVersion } from '../packs/builtin';
import { FORMATS, ruleDescriber } from '../report/formats';
import type { ReportWriter, Sink } from '../report/stream';
import type { CliOptions } from './args';
import type { Configs } from './configs';
import type { Progress } from './progress';

/** Standard output or --output-file, written as the report comes. */
export class Output {
  private fd: number | undefined;
  constructor(
    file: string | undefined,
    private readonly progress: Progress,
  ) {
    if (file === undefined) return;
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
  }
  readonly write: Sink = (chunk) => {
    if (this.fd === undefined) {
      if (process.stdout.isTTY) this.progress.clear();
      process.stdout.write(chunk);
      return;
    }
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let done = 0; done < buf.length;) done += writeSync(this.fd, buf, done, buf.length - done);
  };
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * The report writer for --format, writing to `out`. SARIF describes rules from the
 * config of the first file that was linted (known by the time a finding comes in).
 */
export function openReport(opts: CliOptions, configs: Configs, out: Sink, color: boolean, firstLinted: () => string | undefined): ReportWriter {
  const describe = ruleDescriber(() => {
    const first = firstLinted();
    return first === undefined ? undefined : configs.for(first).setup;
  });
  return FORMATS[opts.format].open(out, { tool: { name: 'cx-lint', version: packageVersion() }, color, describe, env: process.env });
}
