// The configuration each linted file gets: found and loaded once per folder (or once
// for --config), with --rule applied as the loader's overrides (the mechanism the
// language server uses for cxLint.rules), and its packs checked against the lockfile.
import { dirname, relative, resolve } from 'node:path';
import { PackErrors } from '../packs/diagnostics';
import { loadConfigFor, type ResolvedConfig } from '../config/load-config';
import { LockChecks, LockfileError } from '../config/lockfile';
import type { CliOptions } from './args';
import { ExitError } from './errors';
import { ruleIds, unknownRuleMessage } from './info';

/**
 * Loads (and caches per folder) the config for a file, with --rule overrides applied and
 * packs checked against the lockfile. A config with errors is cached as its errors: a
 * run reads it once, however many files it stops.
 */
export class Configs {
  private readonly cache = new Map<string, ResolvedConfig | PackErrors>();
  // The lockfile that governs each file, found like its config, is always checked (unless
  // --no-lockfile), once per folder: with --config one config serves folders under
  // different lockfiles.
  private readonly lock = new LockChecks((f) => relative(process.cwd(), f) || f);
  private readonly lockChecked = new Set<string>();
  constructor(private readonly opts: CliOptions) {}

  for(file: string): ResolvedConfig {
    const folder = dirname(resolve(file));
    const key = this.opts.config ? '' : folder;
    const hit = this.cache.get(key);
    if (hit instanceof PackErrors) throw hit;
    const cfg = hit ?? this.load(file, key);
    if (!this.opts.noLockfile && !this.lockChecked.has(folder)) {
      const { lockfile, problems } = this.lock.check(file, cfg.packs, this.opts.config);
      if (problems.length) throw new LockfileError(problems.join('\n'), relative(process.cwd(), lockfile!) || lockfile);
      this.lockChecked.add(folder);
    }
    return cfg;
  }

  private load(file: string, key: string): ResolvedConfig {
    let cfg: ResolvedConfig;
    try {
      // --rule sits above every config file's `rules` (docs/packs.md), as cxLint.rules does in the editor.
      cfg = loadConfigFor(file, { configFile: this.opts.config, overrides: { rules: this.opts.rules } });
    } catch (e) {
      if (e instanceof PackErrors) this.cache.set(key, e);
      throw e;
    }
    // The loader leaves out an override it cannot apply and says why; the editor lints on
    // with the rest, but a command line with a mistake in it stops (exit 2). An unknown
    // id first, with the ids it might mean.
    if (cfg.settingsProblems.length) {
      const known = new Set(ruleIds(cfg));
      for (const id of Object.keys(this.opts.rules)) if (!known.has(id)) throw new ExitError(`cx-lint: --rule: ${unknownRuleMessage(id, cfg)}`, 2);
      throw new ExitError(cfg.settingsProblems.map((m) => `cx-lint: --rule: ${m}`).join('\n'), 2);
    }
    this.cache.set(key, cfg);
    return cfg;
  }
}
