import { statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createSetup, SetupError, type LintConfig, type PackData, type RuleSetting, type Setup } from '../engine';
import { PackError, PackErrors } from '../packs/diagnostics';
import { isInside, leaves } from '../fs/inside';
import { readTextSafely, READ_CAPS, SafeReadError } from '../fs/safe-read';
import type { LoadedPack } from '../packs/load-pack';
import { isPathRef, PackSet, splitPresetRef } from '../packs/resolve';
import { keyRecord, own } from '../engine';
import { errorsToShow } from '../packs/recognise';
import { validateSource } from '../packs/validate';
import { YamlSource } from '../packs/yaml-source';
import { JsonSource } from '../packs/json-source';
import { under, type Source } from '../packs/source';
import { ruleSettingProblems, type SettingProblem } from '../packs/rule-options';
import { didYouMean } from '../packs/suggest';

/** Config as written in a file or passed to the API (docs/configuration.md). */
export interface ConfigData {
  root?: boolean;
  extends?: string | string[];
  packs?: string[];
  rules?: Record<string, RuleSetting>;
  include?: string[];
  exclude?: string[];
  titles?: { family?: string[] };
  kinds?: LintConfig['kinds'];
  maxFileSize?: number;
}

export const CONFIG_NAMES = ['.cxlintrc.json', '.cxlintrc.yaml', '.cxlintrc.yml', 'package.json'];
export const DEFAULT_EXTENDS = ['cx-core/recommended'];

export interface ConfigFile {
  file: string;
  data: ConfigData;
}

/**
 * A config file parsed by its name: `.json` files (`.cxlintrc.json`, package.json) as
 * JSON with comments and trailing commas allowed, like tsconfig.json; `.yaml`/`.yml` as YAML.
 */
export function parseConfigSource(file: string, text: string): Source {
  return extname(file).toLowerCase() === '.json' ? new JsonSource(file, text) : new YamlSource(file, text);
}

/** Whether package.json's "cxlint" value is a pack's marker (`{ "pack": "." }`, docs/packs.md), not a config. */
function isPackMarker(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'pack');
}

/**
 * Reads one config file; package.json counts only when it has a "cxlint" key that is
 * not a pack's marker (`"cxlint": { "pack": "." }` says the package is a pack: it
 * configures nothing, so the pack's own folder is linted with the defaults).
 */
export function readConfigFile(file: string): ConfigFile | undefined {
  const text = readConfigText(file);
  const isPackageJson = basename(file) === 'package.json';
  // Most folders have a package.json without cx-lint settings: don't parse it to find that out.
  if (isPackageJson && !text.includes('cxlint')) return undefined;
  const src = parseConfigSource(file, text);
  const serr = src.errors();
  if (serr.length) throw new PackErrors(isPackageJson ? serr : errorsToShow('config', src, serr));
  let data = src.toJS() as any;
  if (isPackageJson) {
    if (!data || typeof data !== 'object' || !Object.hasOwn(data, 'cxlint')) return undefined;
    data = data.cxlint;
    if (isPackMarker(data)) return undefined;
    const verr = validateSource('config', under(src, '/cxlint'), data);
    if (verr.length) throw new PackErrors(verr);
    return { file, data };
  }
  if (data === null || data === undefined) data = {};
  const verr = errorsToShow('config', src, validateSource('config', src, data));
  if (verr.length) throw new PackErrors(verr);
  return { file, data };
}

/** A config file's source for locating an error, seen from its config object ("cxlint" in package.json); undefined when unreadable. */
function configSource(file: string): { src: Source; data: any } | undefined {
  try {
    const src = parseConfigSource(file, readTextSafely(file, READ_CAPS.config));
    if (src.errors().length) return undefined;
    const data = src.toJS() as any;
    if (basename(file) === 'package.json') return data && typeof data === 'object' ? { src: under(src, '/cxlint'), data: data.cxlint } : undefined;
    return { src, data: data ?? {} };
  } catch {
    return undefined;
  }
}

/** A config file's text: a regular file of at most READ_CAPS.config bytes, else a located error. */
function readConfigText(file: string): string {
  try {
    return readTextSafely(file, READ_CAPS.config);
  } catch (e) {
    if (!(e instanceof SafeReadError)) throw e;
    const hint = e.problem === 'too-large' ? ' Config files are small: check that this is the file you meant.' : '';
    throw new PackErrors([new PackError(file, 1, 1, `${e.reason}; not read as a config.${hint}`)]);
  }
}

/**
 * Something other than a folder is there: a regular file is read, anything else (a
 * pipe, a device) is refused with a reason, never skipped silently. Configs and
 * lockfiles are found with it.
 */
export function isFile(p: string): boolean {
  try {
    return !statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The config files that apply to a folder, nearest first, stopping at one with
 * `root: true`. In each folder the first of CONFIG_NAMES that exists wins. With
 * `confineTo` (Restricted Mode), only config files really inside that folder count:
 * the search stops there, and a config that is a link leading out of it is not read.
 */
export function findConfigFiles(dir: string, stopAt?: string, confineTo?: string): ConfigFile[] {
  const out: ConfigFile[] = [];
  let d = resolve(dir);
  for (;;) {
    if (confineTo && !isInside(resolve(confineTo), d)) break;
    for (const name of CONFIG_NAMES) {
      const f = join(d, name);
      if (!isFile(f)) continue;
      if (confineTo && leaves(confineTo, f)) throw new PackErrors([new PackError(f, 1, 1, restricted('config file'))]);
      const cf = readConfigFile(f);
      if (!cf) continue;
      out.push(cf);
      break;
    }
    if (out.length && out[out.length - 1].data.root) break;
    if (stopAt && resolve(stopAt) === d) break;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}

/** Merges config files, farthest first, so the nearest wins key by key. */
export function mergeConfigs(files: ConfigFile[]): { data: ConfigData; baseDir: string } {
  const data: ConfigData = {};
  let baseDir = files.length ? dirname(files[files.length - 1].file) : process.cwd();
  for (const { file, data: d } of [...files].reverse()) {
    const dir = dirname(file);
    if (d.extends !== undefined) data.extends = [...toArray(data.extends), ...toArray(d.extends)];
    if (d.packs) data.packs = [...(data.packs ?? []), ...d.packs.map((p) => (p.startsWith('.') ? resolve(dir, p) : p))];
    if (d.rules) data.rules = { ...data.rules, ...d.rules };
    if (d.include) data.include = d.include;
    if (d.exclude) data.exclude = [...(data.exclude ?? []), ...d.exclude];
    if (d.titles?.family) data.titles = { family: [...(data.titles?.family ?? []), ...d.titles.family] };
    if (d.kinds) data.kinds = { ...data.kinds, ...d.kinds };
    if (d.maxFileSize) data.maxFileSize = d.maxFileSize;
    baseDir = dir;
  }
  return { data, baseDir };
}

function toArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export interface ResolvedConfig {
  config: ConfigData;
  /** Every pack, in load order (cx-core first). */
  packs: LoadedPack[];
  /** How each pack was referenced: its npm name, or the path or name as written. */
  sources: Map<LoadedPack, string>;
  lint: LintConfig;
  setup: Setup;
  /** Folder that include/exclude and kinds globs are relative to. */
  baseDir: string;
  /** Files that, when changed, require re-resolving (for watchers). */
  files: string[];
  /**
   * Problems with the editor's settings (ConfigOverrides), which are not in any file:
   * the entries they concern were left out and the rest applies. Empty without overrides.
   */
  settingsProblems: string[];
}

/**
 * Turns config data into packs + engine config + a compiled setup.
 * Load order (docs/packs.md): cx-core, the `packs:` entries in order (each after the
 * packs its manifest extends), then packs named only in `extends`. Rule settings:
 * rule defaults < presets (in `extends` order, each after the presets it extends) < `rules`.
 */
export function resolveConfig(
  config: ConfigData,
  baseDir: string,
  configFiles: string[] = [],
  confineTo?: string,
  overrides?: ConfigOverrides,
): ResolvedConfig {
  const where = { file: configFiles[0] ?? baseDir, line: 1, col: 1 };
  const set = new PackSet(true, confineTo);
  for (const ref of config.packs ?? []) set.load(ref, baseDir, locate(configFiles, ref) ?? where);
  const extendsList = config.extends === undefined ? DEFAULT_EXTENDS : toArray(config.extends);
  for (const ext of extendsList) {
    const { pack } = splitPresetRef(ext);
    // `extends: ["@cxpa/titles/strict"]` alone is enough: an installed pack it names is loaded.
    if (!set.find(pack) && !isPathRef(pack)) set.load(pack, baseDir, locateExtends(configFiles, ext) ?? where, `the "extends" entry "${ext}"`);
  }
  const errors = [...set.errors];
  if (!errors.length) errors.push(...set.checkRefs());
  if (errors.length) throw new PackErrors(errors);

  // Every rule entry checked against the loaded rules and their option schemas, each
  // problem at its key or value in the config file that set it.
  const known = new Map(set.loaded.flatMap((l) => l.pack.rules.map((r) => [r.id, r] as const)));
  const ruleErrors: PackError[] = [];
  // Unknown presets first, so that one run reports them along with the rule entries.
  const presets = set.loaded.flatMap((p) => Object.keys(p.pack.presets ?? {}).map((n) => `${p.pack.name}/${n}`));
  for (const ext of extendsList) {
    const { pack: packName, preset: presetName } = splitPresetRef(ext);
    const pack = set.find(packName);
    if (pack && own(pack.pack.presets, presetName)) continue;
    const at = locateExtends(configFiles, ext) ?? where;
    ruleErrors.push(new PackError(at.file, at.line, at.col, unknownPreset(ext, pack?.pack.name, presetName, presets)));
  }
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    for (const p of ruleSettingProblems(id, setting, known)) ruleErrors.push(locateRuleProblem(configFiles, p, where));
  }
  if (ruleErrors.length) throw new PackErrors(ruleErrors);
  // The editor's settings are in no file: their problems are reported apart, and the
  // entries they concern left out, so the rest of the configuration still lints.
  const settingsProblems: string[] = [];
  const settingRules = keyRecord<RuleSetting>();
  for (const [id, setting] of Object.entries(overrides?.rules ?? {})) {
    const problems = ruleSettingProblems(id, setting, known);
    if (problems.length) settingsProblems.push(...problems.map((p) => p.message));
    else settingRules[id] = setting;
  }

  const rules = keyRecord<RuleSetting>();
  const applying: string[] = [];
  const applyPreset = (ext: string) => {
    const { pack: packName, preset: presetName } = splitPresetRef(ext);
    const pack = set.find(packName);
    const preset = own(pack?.pack.presets, presetName);
    if (!pack || !preset) {
      const at = locateExtends(configFiles, ext) ?? where;
      throw new PackErrors([new PackError(at.file, at.line, at.col, unknownPreset(ext, pack?.pack.name, presetName, presets))]);
    }
    const key = `${pack.dir}#${presetName}`;
    if (applying.includes(key))
      throw new PackErrors([new PackError(pack.files[0], 1, 1, `preset "${pack.pack.name}/${presetName}" extends itself through ${applying.join(' → ')}.`)]);
    applying.push(key);
    for (const e of preset.extends ?? []) applyPreset(e);
    applying.pop();
    Object.assign(rules, preset.rules ?? {});
  };
  for (const ext of extendsList) applyPreset(ext);
  Object.assign(rules, config.rules ?? {}, settingRules);
  const family = [...(config.titles?.family ?? []), ...(overrides?.titles?.family ?? [])];
  const titles = config.titles || family.length ? { ...config.titles, family } : undefined;
  const lint: LintConfig = { rules, titles, kinds: config.kinds, maxFileSize: config.maxFileSize };
  let setup: Setup;
  try {
    setup = createSetup(
      set.loaded.map((l) => l.pack as PackData),
      lint,
    );
  } catch (e) {
    if (e instanceof SetupError) throw new PackErrors([new PackError(where.file, 1, 1, `${e.message}.`)]);
    throw e;
  }
  return {
    config,
    packs: set.loaded,
    sources: set.sources,
    lint,
    setup,
    baseDir,
    files: [...configFiles, ...set.loaded.flatMap((l) => l.files)],
    settingsProblems,
  };
}

function unknownPreset(ext: string, packName: string | undefined, presetName: string, known: string[]): string {
  return `unknown preset "${ext}" in "extends"${packName ? ` (pack "${packName}" has no preset "${presetName}")` : ''}.${didYouMean(ext, known)} Known presets: ${known.join(', ')}.`;
}

/** The nearest config file whose `rules` has the entry (it is the one that applies), and the problem's place in it. */
function locateRuleProblem(files: string[], p: SettingProblem, where: { file: string; line: number; col: number }): PackError {
  for (const file of files) {
    const cs = configSource(file);
    if (!cs || !cs.data?.rules || typeof cs.data.rules !== 'object' || !Object.hasOwn(cs.data.rules, p.id)) continue;
    const base = `/rules/${p.id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const pos =
      p.pointer === '' && p.key !== undefined
        ? cs.src.keyPosition('/rules', p.key)
        : p.key !== undefined
          ? cs.src.keyPosition(base + p.pointer, p.key)
          : cs.src.position(base + p.pointer);
    return new PackError(file, pos.line, pos.col, p.message);
  }
  return new PackError(where.file, where.line, where.col, p.message);
}

/** Where a config file's "extends" names `ref` (the nearest file that does). */
function locateExtends(files: string[], ref: string): { file: string; line: number; col: number } | undefined {
  for (const file of files) {
    const cs = configSource(file);
    const ext = cs?.data?.extends;
    if (ext === ref) return { file, ...cs!.src.position('/extends') };
    if (Array.isArray(ext) && ext.includes(ref)) return { file, ...cs!.src.position(`/extends/${ext.indexOf(ref)}`) };
  }
  return locate(files, ref);
}

/** Where a config file names a pack or preset (best effort, for error positions): the first line with it in quotes. */
function locate(files: string[], ref: string): { file: string; line: number; col: number } | undefined {
  for (const file of files) {
    let lines: string[];
    try {
      lines = readTextSafely(file, READ_CAPS.config).split('\n');
    } catch {
      continue;
    }
    for (let i = 0; i < lines.length; i++) {
      const col = lines[i].search(new RegExp(`["']?${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?(?=[\\s,\\]]|$)`));
      if (col >= 0) return { file, line: i + 1, col: col + 1 };
    }
  }
  return undefined;
}

/**
 * Compiling packs is the expensive part of a run (≈0.3 s), and folders under one
 * config resolve to the same thing: resolved configs are shared by content. The
 * language server clears this when a config or pack file changes.
 */
const resolvedCache = new Map<string, ResolvedConfig>();

export function clearConfigCache(): void {
  resolvedCache.clear();
}

function resolveCached(data: ConfigData, baseDir: string, files: string[], confineTo?: string, overrides?: ConfigOverrides): ResolvedConfig {
  const key = JSON.stringify([data, baseDir, files, confineTo, overrides ?? null]);
  let r = resolvedCache.get(key);
  if (!r) resolvedCache.set(key, (r = resolveConfig(data, baseDir, files, confineTo, overrides)));
  return r;
}

/** Why a file is refused in Restricted Mode. */
function restricted(what: string): string {
  return `this ${what} is outside the workspace folder (or a link leading out of it); in Restricted Mode cx-lint reads nothing from outside it. Trust the workspace to use it.`;
}

/** Editor-level additions (the language server's settings) on top of the config files. */
export interface ConfigOverrides {
  rules?: ConfigData['rules'];
  titles?: ConfigData['titles'];
}

/**
 * Config for a file on disk: discovery, cascade, resolution. Globs are relative to the
 * outermost config's folder, or the working directory when there is none. `confineTo`
 * (the language server in Restricted Mode: an untrusted workspace) refuses config
 * files and packs whose real path is outside that folder.
 */
export function loadConfigFor(
  filePath: string,
  opts: { configFile?: string; overrides?: ConfigOverrides; cwd?: string; confineTo?: string } = {},
): ResolvedConfig {
  const { confineTo } = opts;
  if (opts.configFile) {
    const file = resolve(opts.configFile);
    if (confineTo && leaves(confineTo, file)) throw new PackErrors([new PackError(file, 1, 1, restricted('config file (cxLint.configFile)'))]);
    const cf = readConfigFile(file);
    const files = cf ? [cf] : [];
    const { data, baseDir } = mergeConfigs(files);
    return resolveCached(
      data,
      baseDir,
      files.map((f) => f.file),
      confineTo,
      opts.overrides,
    );
  }
  const files = findConfigFiles(dirname(resolve(filePath)), undefined, confineTo);
  const { data, baseDir } = mergeConfigs(files);
  return resolveCached(
    data,
    files.length ? baseDir : (opts.cwd ?? process.cwd()),
    files.map((f) => f.file),
    confineTo,
    opts.overrides,
  );
}
