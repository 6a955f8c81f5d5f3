import { readFileSync, statSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import semver from 'semver';
import { compilePattern, PatternError, ENGINE_VERSION, type PackData, type RuleData } from '../engine';
import { PackError } from './diagnostics';
import { fromSnapshot, type PackSnapshot } from './pack-snapshot';
import { validateSource } from './validate';
import { YamlSource } from './yaml-source';

/** Limits that keep any pack, however written, cheap to load and to run. */
export const PACK_LIMITS = {
  fileBytes: 2 * 1024 * 1024,
  totalBytes: 8 * 1024 * 1024,
  rules: 500,
  patterns: 20000,
};

export interface LoadedPack {
  pack: PackData;
  dir: string;
  /** Files read, for lockfile hashes and file watching. */
  files: string[];
  /** Rule file and docs file per rule id. */
  ruleFiles: Map<string, { file: string; docs?: string }>;
  /** The manifest's `rules` globs. */
  ruleGlobs: string[];
}

export const MANIFEST_NAMES = ['pack.yaml', 'pack.yml', 'pack.json'];

function inside(dir: string, p: string): boolean {
  const rel = relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function readSmall(file: string, budget: { bytes: number }): string {
  const size = statSync(file).size;
  if (size > PACK_LIMITS.fileBytes) {
    throw new PackError(file, 1, 1, `file is ${(size / 1048576).toFixed(1)} MB; pack files may be at most ${PACK_LIMITS.fileBytes / 1048576} MB.`);
  }
  budget.bytes += size;
  if (budget.bytes > PACK_LIMITS.totalBytes) {
    throw new PackError(file, 1, 1, `the pack is over ${PACK_LIMITS.totalBytes / 1048576} MB in all; split it or trim its lexicons.`);
  }
  return readFileSync(file, 'utf8');
}

export function findManifest(dir: string): string | undefined {
  for (const n of MANIFEST_NAMES) {
    try {
      if (statSync(join(dir, n)).isFile()) return join(dir, n);
    } catch {
      /* try the next name */
    }
  }
  return undefined;
}

/**
 * Loads a pack folder: manifest, rule files, docs paths. Never executes anything
 * from the pack. Returns every problem found, each with file:line:col, rather
 * than stopping at the first.
 */
export function loadPack(dirOrManifest: string, opts: { snapshot?: PackSnapshot } = {}): { loaded?: LoadedPack; errors: PackError[] } {
  const errors: PackError[] = [];
  let manifest: string | undefined;
  try {
    manifest = statSync(dirOrManifest).isDirectory() ? findManifest(dirOrManifest) : dirOrManifest;
  } catch {
    return { errors: [new PackError(dirOrManifest, 1, 1, 'no such pack folder. Check the path in "packs" or --pack.')] };
  }
  if (!manifest) return { errors: [new PackError(dirOrManifest, 1, 1, `no ${MANIFEST_NAMES.join(' or ')} in this folder. A pack needs a manifest.`)] };
  const dir = realpathSync(dirname(manifest));
  if (opts.snapshot) {
    const loaded = fromSnapshot(dir, manifest, opts.snapshot);
    if (loaded) return { loaded, errors: [] };
  }
  const budget = { bytes: 0 };
  const files = [manifest];
  let src: YamlSource;
  try {
    src = new YamlSource(manifest, readSmall(manifest, budget));
  } catch (e) {
    return { errors: [e instanceof PackError ? e : new PackError(manifest, 1, 1, String((e as Error).message))] };
  }
  errors.push(...src.errors());
  if (errors.length) return { errors };
  const raw = src.toJS() as any;
  errors.push(...validateSource('pack', src, raw));
  if (errors.length) return { errors };

  if (raw.engine && !semver.satisfies(ENGINE_VERSION, raw.engine, { includePrerelease: true })) {
    const p = src.position('/engine');
    errors.push(new PackError(manifest, p.line, p.col, `pack "${raw.name}" needs cx-lint engine ${raw.engine}, but this cx-lint has engine ${ENGINE_VERSION}. Upgrade cx-lint or use a version of the pack made for this engine.`));
    return { errors };
  }

  // Every pattern must compile; report where it is.
  let patternCount = 0;
  const checkPattern = (pointer: string, p: unknown) => {
    if (typeof p !== 'string') return;
    patternCount++;
    try {
      compilePattern(p);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      const pos = src.position(pointer);
      errors.push(new PackError(manifest!, pos.line, pos.col, `invalid pattern: ${e.message}.`));
    }
  };
  for (const [cls, data] of Object.entries<any>(raw.lexicons ?? {})) {
    (data.match ?? []).forEach((m: any, i: number) => checkPattern(`/lexicons/${cls}/match/${i}${typeof m === 'string' ? '' : '/match'}`, typeof m === 'string' ? m : m.match));
    (data.exclude ?? []).forEach((m: string, i: number) => checkPattern(`/lexicons/${cls}/exclude/${i}`, m));
  }
  const walkVocab = (obj: any, pointer: string) => {
    if (Array.isArray(obj)) obj.forEach((v, i) => checkPattern(`${pointer}/${i}`, v));
    else if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) if (k !== 'kinds' && k !== 'window') walkVocab(v, `${pointer}/${k}`);
  };
  walkVocab(raw.vocabulary ?? {}, '/vocabulary');
  if (patternCount > PACK_LIMITS.patterns) errors.push(new PackError(manifest, 1, 1, `the pack has ${patternCount} patterns; at most ${PACK_LIMITS.patterns} are allowed.`));

  // Rule files.
  const globs: string[] = raw.rules === undefined ? [] : Array.isArray(raw.rules) ? raw.rules : [raw.rules];
  const rules: RuleData[] = [];
  const ruleFiles = new Map<string, { file: string; docs?: string }>();
  for (const g of globs) {
    if (isAbsolute(g) || g.split(/[\\/]/).includes('..')) {
      const p = src.position('/rules');
      errors.push(new PackError(manifest, p.line, p.col, `rule path "${g}" leaves the pack folder. Paths in a pack must stay inside it.`));
      continue;
    }
    const matches = globSync(g, { cwd: dir, absolute: true, onlyFiles: true, followSymbolicLinks: false }).sort();
    if (matches.length > PACK_LIMITS.rules) {
      errors.push(new PackError(manifest, 1, 1, `"${g}" matches ${matches.length} rule files; at most ${PACK_LIMITS.rules} are allowed.`));
      continue;
    }
    for (const file of matches) {
      const real = realpathSync(file);
      if (!inside(dir, real)) {
        errors.push(new PackError(file, 1, 1, 'this rule file is a link that leaves the pack folder; it was not read.'));
        continue;
      }
      files.push(real);
      let rsrc: YamlSource;
      try {
        rsrc = new YamlSource(real, readSmall(real, budget));
      } catch (e) {
        errors.push(e instanceof PackError ? e : new PackError(real, 1, 1, String((e as Error).message)));
        continue;
      }
      const yerr = rsrc.errors();
      if (yerr.length) {
        errors.push(...yerr);
        continue;
      }
      const rule = rsrc.toJS() as any;
      const verr = validateSource('rule', rsrc, rule);
      if (verr.length) {
        errors.push(...verr);
        continue;
      }
      if (ruleFiles.has(rule.id)) {
        const p = rsrc.position('/id');
        errors.push(new PackError(real, p.line, p.col, `duplicate rule id "${rule.id}" (also in ${relative(dir, ruleFiles.get(rule.id)!.file)}). Rule ids must be unique in a pack.`));
        continue;
      }
      let docs: string | undefined;
      if (rule.docs) {
        const d = resolve(dirname(real), rule.docs);
        if (!inside(dir, d)) {
          const p = rsrc.position('/docs');
          errors.push(new PackError(real, p.line, p.col, `docs path "${rule.docs}" leaves the pack folder. Paths in a pack must stay inside it.`));
          continue;
        }
        docs = d;
        rule.docsUrl = pathToFileURL(d).href;
        delete rule.docs;
      }
      ruleFiles.set(rule.id, { file: real, docs });
      rules.push(rule as RuleData);
    }
  }
  // Class references resolved within this pack (packs it extends are checked when merged).
  const classes = new Set(Object.keys(raw.lexicons ?? {}));
  if (!raw.extends?.length) {
    for (const r of rules) {
      for (const c of referencedClasses(r)) {
        if (!classes.has(c)) {
          const file = ruleFiles.get(r.id)!.file;
          errors.push(new PackError(file, 1, 1, `rule "${r.id}" uses lexicon class "${c}", which the pack does not define. Add it under "lexicons" in the manifest or fix the name.`));
        }
      }
    }
  }
  for (const [name, preset] of Object.entries<any>(raw.presets ?? {})) {
    for (const id of Object.keys(preset.rules ?? {})) {
      if (!ruleFiles.has(id) && !raw.extends?.length) {
        const p = src.position(`/presets/${name}/rules/${id}`);
        errors.push(new PackError(manifest, p.line, p.col, `preset "${name}" names rule "${id}", which the pack does not define.`));
      }
    }
  }
  if (errors.length) return { errors };
  delete raw.rules;
  return { loaded: { pack: { ...raw, rules }, dir, files, ruleFiles, ruleGlobs: globs }, errors };
}

export function referencedClasses(r: RuleData): string[] {
  const c = r.check as any;
  const out: string[] = [];
  if (c.class) out.push(...(Array.isArray(c.class) ? c.class : [c.class]));
  for (const k of ['anyOf', 'also', 'unless', 'exclude']) if (Array.isArray(c[k])) out.push(...c[k]);
  if (c.onlyIf?.anyOf) out.push(...c.onlyIf.anyOf);
  if (c.classes) out.push(...Object.values<string>(c.classes));
  for (const cond of r.appliesTo) out.push(...(cond.mentions ?? []), ...(cond.titleMentions ?? []));
  return out;
}

export { sep };
