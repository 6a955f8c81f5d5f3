import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createSetup, SetupError, type LintConfig, type PackData, type RuleSetting, type Setup } from '../engine';
import { PackError, PackErrors } from './diagnostics';
import { isInside, leaves } from '../fs/inside';
import { readTextSafely, READ_CAPS, SafeReadError } from '../fs/safe-read';
import type { LoadedPack } from './load-pack';
import { isPathRef, PackSet, splitPresetRef } from './resolve';
import { keyRecord, own } from '../engine';
import { errorsToShow } from './recognise';
import { validateSource } from './validate';
import { YamlSource } from './yaml-source';

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

/** Reads one config file; package.json counts only when it has a "cxlint" key. */
export function readConfigFile(file: string): ConfigFile | undefined {
  const text = readConfigText(file);
  // Most folders have a package.json without cx-lint settings: don't parse it to find that out.
  if (basename(file) === 'package.json' && !text.includes('cxlint')) return undefined;
  const src = new YamlSource(file, text);
  const yerr = src.errors();
  if (yerr.length) throw new PackErrors(basename(file) === 'package.json' ? yerr : errorsToShow('config', src, yerr));
  let data = src.toJS() as any;
  if (basename(file) === 'package.json') {
    if (!data || typeof data !== 'object' || !('cxlint' in data)) return undefined;
    data = data.cxlint;
    const verr = validateSource('config', { ...src, position: (p: string) => src.position(`/cxlint${p}`), keyPosition: (p: string, k: string) => src.keyPosition(`/cxlint${p}`, k) } as YamlSource, data);
    if (verr.length) throw new PackErrors(verr);
    return { file, data };
  }
  if (data === null || data === undefined) data = {};
  const verr = errorsToShow('config', src, validateSource('config', src, data));
  if (verr.length) throw new PackErrors(verr);
  return { file, data };
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
}

/**
 * Turns config data into packs + engine config + a compiled setup.
 * Load order (docs/packs.md): cx-core, the `packs:` entries in order (each after the
 * packs its manifest extends), then packs named only in `extends`. Rule settings:
 * rule defaults < presets (in `extends` order, each after the presets it extends) < `rules`.
 */
export function resolveConfig(config: ConfigData, baseDir: string, configFiles: string[] = [], confineTo?: string): ResolvedConfig {
  const where = { file: configFiles[0] ?? baseDir, line: 1, col: 1 };
  const set = new PackSet(true, confineTo);
  for (const ref of config.packs ?? []) set.load(ref, baseDir, locate(configFiles, ref) ?? where);
  const extendsList = config.extends === undefined ? DEFAULT_EXTENDS : toArray(config.extends);
  for (const ext of extendsList) {
    const { pack } = splitPresetRef(ext);
    // `extends: ["@cxpa/titles/strict"]` alone is enough: an installed pack it names is loaded.
    if (!set.find(pack) && !isPathRef(pack)) set.load(pack, baseDir, locate(configFiles, ext) ?? where, `the "extends" entry "${ext}"`);
  }
  const errors = [...set.errors];
  if (!errors.length) errors.push(...set.checkRefs());
  if (errors.length) throw new PackErrors(errors);

  const rules = keyRecord<RuleSetting>();
  const applying: string[] = [];
  const applyPreset = (ext: string) => {
    const { pack: packName, preset: presetName } = splitPresetRef(ext);
    const pack = set.find(packName);
    const preset = own(pack?.pack.presets, presetName);
    if (!pack || !preset) {
      const known = set.loaded.flatMap((p) => Object.keys(p.pack.presets ?? {}).map((n) => `${p.pack.name}/${n}`));
      const at = locate(configFiles, ext) ?? where;
      throw new PackErrors([new PackError(at.file, at.line, at.col, `unknown preset "${ext}" in "extends"${pack ? ` (pack "${pack.pack.name}" has no preset "${presetName}")` : ''}. Known presets: ${known.join(', ')}.`)]);
    }
    const key = `${pack.dir}#${presetName}`;
    if (applying.includes(key)) throw new PackErrors([new PackError(pack.files[0], 1, 1, `preset "${pack.pack.name}/${presetName}" extends itself through ${applying.join(' → ')}.`)]);
    applying.push(key);
    for (const e of preset.extends ?? []) applyPreset(e);
    applying.pop();
    Object.assign(rules, preset.rules ?? {});
  };
  for (const ext of extendsList) applyPreset(ext);
  Object.assign(rules, config.rules ?? {});
  const lint: LintConfig = { rules, titles: config.titles, kinds: config.kinds, maxFileSize: config.maxFileSize };
  let setup: Setup;
  try {
    setup = createSetup(set.loaded.map((l) => l.pack as PackData), lint);
  } catch (e) {
    if (e instanceof SetupError) throw new PackErrors([new PackError(where.file, 1, 1, `${e.message}.`)]);
    throw e;
  }
  return { config, packs: set.loaded, sources: set.sources, lint, setup, baseDir, files: [...configFiles, ...set.loaded.flatMap((l) => l.files)] };
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

function resolveCached(data: ConfigData, baseDir: string, files: string[], confineTo?: string): ResolvedConfig {
  const key = JSON.stringify([data, baseDir, files, confineTo]);
  let r = resolvedCache.get(key);
  if (!r) resolvedCache.set(key, (r = resolveConfig(data, baseDir, files, confineTo)));
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

function withOverrides(data: ConfigData, o: ConfigOverrides | undefined): ConfigData {
  if (!o) return data;
  const out = { ...data };
  if (o.rules && Object.keys(o.rules).length) out.rules = { ...data.rules, ...o.rules };
  if (o.titles?.family?.length) out.titles = { family: [...(data.titles?.family ?? []), ...o.titles.family] };
  return out;
}

/**
 * Config for a file on disk: discovery, cascade, resolution. Globs are relative to the
 * outermost config's folder, or the working directory when there is none. `confineTo`
 * (the language server in Restricted Mode: an untrusted workspace) refuses config
 * files and packs whose real path is outside that folder.
 */
export function loadConfigFor(filePath: string, opts: { configFile?: string; overrides?: ConfigOverrides; cwd?: string; confineTo?: string } = {}): ResolvedConfig {
  const { confineTo } = opts;
  if (opts.configFile) {
    const file = resolve(opts.configFile);
    if (confineTo && leaves(confineTo, file)) throw new PackErrors([new PackError(file, 1, 1, restricted('config file (cxLint.configFile)'))]);
    const cf = readConfigFile(file);
    const files = cf ? [cf] : [];
    const { data, baseDir } = mergeConfigs(files);
    return resolveCached(withOverrides(data, opts.overrides), baseDir, files.map((f) => f.file), confineTo);
  }
  const files = findConfigFiles(dirname(resolve(filePath)), undefined, confineTo);
  const { data, baseDir } = mergeConfigs(files);
  return resolveCached(withOverrides(data, opts.overrides), files.length ? baseDir : (opts.cwd ?? process.cwd()), files.map((f) => f.file), confineTo);
}
