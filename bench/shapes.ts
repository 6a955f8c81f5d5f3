/**
 * `node out/bench/shapes.js [--sizes 1,2,4,8] [--shape NAME]` (built by `npm run build`)
 *
 * Time and peak memory of linting one document of each shape (bench/shapes-gen.ts) at
 * each size in MiB, each in a fresh process (`--child`), with the built-in pack. Prints
 * the Markdown table the README's "Performance by document shape" shows. Not part of
 * `npm run bench`: it takes minutes, and the numbers only mean something side by side.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { lint } from '../server/src/engine';
import { resolveConfig } from '../server/src/config/load-config';
import { SHAPES, shapeDocument, type Shape } from './shapes-gen';

const MIB = 1024 * 1024;

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,2,4,8' },
    shape: { type: 'string', multiple: true },
    child: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
  },
  allowPositionals: true,
});

if (flags.child) {
  // One measurement: generate, lint, report wall time and this process's peak RSS.
  const [shape, mib] = [flags.shape![0] as Shape, Number(flags.sizes)];
  const text = shapeDocument(shape, Math.round(mib * MIB));
  // The size limit is raised: the table shows the work, not the refusal.
  const setup = resolveConfig({ maxFileSize: 100 * MIB }, process.cwd()).setup;
  const t = performance.now();
  const result = lint(text, setup);
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, findings: result.findings.length }) + '\n');
} else {
  const sizes = flags.sizes.split(',').map(Number);
  const shapes = (flags.shape ?? Object.keys(SHAPES)) as Shape[];
  const rows: string[] = [`| Shape | ${sizes.map((s) => `${s} MiB`).join(' | ')} |`, `|---|${sizes.map(() => '---').join('|')}|`];
  for (const shape of shapes) {
    const cells: string[] = [];
    for (const mib of sizes) {
      const r = spawnSync(process.execPath, [__filename, '--child', '--shape', shape, '--sizes', String(mib)], {
        encoding: 'utf8',
        timeout: Number(flags.timeout) * 1000,
      });
      if (r.status !== 0) cells.push(r.signal ? `> ${flags.timeout} s` : 'failed');
      else {
        const m = JSON.parse(r.stdout) as { ms: number; rssMB: number };
        cells.push(`${(m.ms / 1000).toFixed(1)} s, ${Math.round(m.rssMB)} MB`);
      }
      process.stderr.write(`shapes: ${shape} ${mib} MiB: ${cells[cells.length - 1]}\n`);
    }
    rows.push(`| ${shape} | ${cells.join(' | ')} |`);
  }
  process.stdout.write(
    `${rows.join('\n')}\n\nNode ${process.versions.node}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; lint of one document in a fresh process (wall time, peak RSS).\n`,
  );
}
