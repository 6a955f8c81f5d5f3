import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { createSetup, SetupError, type LintConfig, type PackData, type RuleSetting, type Setup } from '../engine';
import { builtinPackDir, builtinSnapshot } from './builtin';
import { PackError, PackErrors } from './diagnostics';
import { loadPack, type LoadedPack } from './load-pack';
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
  const text = readFileSync(file, 'utf8');
  // Most folders have a package.json without cx-lint settings: don't parse it to find that out.
  if (basename(file) === 'package.json' && !text.includes('cxlint')) return undefined;
  const src = new YamlSource(file, text);
  const yerr = src.errors();
  if (yerr.length) throw new PackErrors(yerr);
  let data = src.toJS() as any;
  if (basename(file) === 'package.json') {
    if (!data || typeof data !== 'object' || !('cxlint' in data)) return undefined;
    data = data.cxlint;
    const verr = validateSource('config', { ...src, position: (p: string) => src.position(`/cxlint${p}`), keyPosition: (p: string, k: string) => src.keyPosition(`/cxlint${p}`, k) } as YamlSource, data);
    if (verr.length) throw new PackErrors(verr);
    return { file, data };
  }
  if (data === null || data === undefined) data = {};
  const verr = validateSource('config', src, data);
  if (verr.length) throw new PackErrors(verr);
  return { file, data };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The config files that apply to a folder, nearest first, stopping at one with
 * `root: true`. In each folder the first of CONFIG_NAMES that exists wins.
 */
export function findConfigFiles(dir: string, stopAt?: string): ConfigFile[] {
  const out: ConfigFile[] = [];
  let d = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const f = join(d, name);
      if (!isFile(f)) continue;
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
  packs: LoadedPack[];
  lint: LintConfig;
  setup: Setup;
  /** Folder that include/exclude and kinds globs are relative to. */
  baseDir: string;
  /** Files that, when changed, require re-resolving (for watchers). */
  files: string[];
}

function resolvePackRef(ref: string, baseDir: string): string {
  if (isAbsolute(ref) || ref.startsWith('.')) return resolve(baseDir, ref);
  // An npm package: its folder (a pack manifest in its root, or "cxlint.pack" in package.json).
  const pj = require.resolve(`${ref}/package.json`, { paths: [baseDir] });
  const meta = JSON.parse(readFileSync(pj, 'utf8'));
  const rel = meta.cxlint?.pack ?? meta['cx-lint']?.pack;
  return rel ? resolve(dirname(pj), rel) : dirname(pj);
}

/**
 * Turns config data into packs + engine config + a compiled setup.
 * Precedence: pack defaults < presets (in `extends` order) < `rules`.
 */
export function resolveConfig(config: ConfigData, baseDir: string, configFiles: string[] = []): ResolvedConfig {
  const errors: PackError[] = [];
  const loaded: LoadedPack[] = [];
  const builtin = loadPack(builtinPackDir(), { snapshot: builtinSnapshot() });
  if (!builtin.loaded) throw new PackErrors(builtin.errors);
  loaded.push(builtin.loaded);
  for (const ref of config.packs ?? []) {
    let dir: string;
    try {
      dir = resolvePackRef(ref, baseDir);
    } catch {
      errors.push(new PackError(configFiles[0] ?? baseDir, 1, 1, `cannot find pack "${ref}". Install it (npm i -D ${ref}) or give a folder path starting with "./".`));
      continue;
    }
    const r = loadPack(dir);
    if (r.loaded) loaded.push(r.loaded);
    errors.push(...r.errors);
  }
  if (errors.length) throw new PackErrors(errors);

  const rules: Record<string, RuleSetting> = {};
  const extendsList = config.extends === undefined ? DEFAULT_EXTENDS : toArray(config.extends);
  for (const ext of extendsList) {
    const slash = ext.lastIndexOf('/');
    const packName = slash > 0 ? ext.slice(0, slash) : ext;
    const presetName = slash > 0 ? ext.slice(slash + 1) : 'recommended';
    const pack = loaded.find((p) => p.pack.name === packName);
    const preset = pack?.pack.presets?.[presetName];
    if (!preset) {
      const known = loaded.flatMap((p) => Object.keys(p.pack.presets ?? {}).map((n) => `${p.pack.name}/${n}`));
      throw new PackErrors([new PackError(configFiles[0] ?? baseDir, 1, 1, `unknown preset "${ext}" in "extends". Known presets: ${known.join(', ')}.`)]);
    }
    Object.assign(rules, preset.rules);
  }
  Object.assign(rules, config.rules ?? {});
  const lint: LintConfig = { rules, titles: config.titles, kinds: config.kinds };
  let setup: Setup;
  try {
    setup = createSetup(loaded.map((l) => l.pack as PackData), lint);
  } catch (e) {
    if (e instanceof SetupError) throw new PackErrors([new PackError(configFiles[0] ?? baseDir, 1, 1, `${e.message}.`)]);
    throw e;
  }
  return { config, packs: loaded, lint, setup, baseDir, files: [...configFiles, ...loaded.flatMap((l) => l.files)] };
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

function resolveCached(data: ConfigData, baseDir: string, files: string[]): ResolvedConfig {
  const key = JSON.stringify([data, baseDir, files]);
  let r = resolvedCache.get(key);
  if (!r) resolvedCache.set(key, (r = resolveConfig(data, baseDir, files)));
  return r;
}

/** Config for a file on disk: discovery, cascade, resolution. Globs are relative to the outermost config's folder, or the working directory when there is none. */
export function loadConfigFor(filePath: string, opts: { configFile?: string } = {}): ResolvedConfig {
  if (opts.configFile) {
    const cf = readConfigFile(resolve(opts.configFile));
    const files = cf ? [cf] : [];
    const { data, baseDir } = mergeConfigs(files);
    return resolveCached(data, baseDir, files.map((f) => f.file));
  }
  const files = findConfigFiles(dirname(resolve(filePath)));
  const { data, baseDir } = mergeConfigs(files);
  return resolveCached(data, files.length ? baseDir : process.cwd(), files.map((f) => f.file));
}
