// Which files a run lints, in the order the report lists them: the paths given (or the
// working folder's config `include`), expanded, minus `exclude`, sorted; and every
// config they need loaded before anything is printed.
import { join, relative } from 'node:path';
import { PackErrors } from '../packs/diagnostics';
import { expandPaths } from '../config/files';
import { FORMATS } from '../report/formats';
import type { CliOptions } from './args';
import type { Configs } from './configs';
import type { Task } from './lint-file';

/** The run's tasks in report order, and the paths that matched nothing (already reported on stderr). */
export function planTasks(opts: CliOptions, configs: Configs): { tasks: Task[]; missing: string[] } {
  const cwd = process.cwd();
  // The working folder's config says what to lint when no paths are given, and what never to lint.
  let include: string[] | undefined;
  let exclude: string[] = [];
  try {
    const here = configs.for(join(cwd, '.cx-lint-probe.md'));
    include = here.config.include;
    exclude = here.config.exclude ?? [];
  } catch {
    /* a broken config is reported when the first file is linted */
  }
  const expanded = expandPaths(opts.paths.length ? opts.paths : (include ?? ['.']), cwd, exclude);
  const missing = expanded.missing;
  for (const m of missing) process.stderr.write(`cx-lint: ${m}: no such file, folder or matching files\n`);
  const folders = new Set(expanded.folders);
  // Files are linted and reported in the order the report sorts them by: stylish by
  // relative path (as listed), the machine formats and baselines by forward-slash
  // path. The two differ only for names with backslashes.
  const portable = FORMATS[opts.format].portablePaths || opts.writeBaseline !== undefined;
  const key = (f: string) => {
    const rel = relative(cwd, f) || f;
    return portable ? rel.split('\\').join('/') : rel;
  };
  const tasks = [...expanded.files, ...expanded.folders]
    .map((file) => ({ file, folder: folders.has(file), key: key(file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ file, folder }) => ({ file, folder }));
  // Every config is loaded before anything is printed: one that stops the run (an
  // unknown --rule, a lockfile mismatch) must leave standard output empty. A config
  // with errors is reported in file order with the files it stops.
  for (const t of tasks) {
    if (t.folder) continue;
    try {
      configs.for(t.file);
    } catch (e) {
      if (!(e instanceof PackErrors)) throw e;
    }
  }
  return { tasks, missing };
}
